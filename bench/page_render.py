"""Each page's render in headless Chromium against a bare page with the same number of plotly charts.

For every Podium page, on the bundled transcript: a cold deep link (first visit after a fresh
server start) and a warm visit (the same URL again in a new browser context). The floor is
``bench/bare/bare_app.py`` with as many plotly charts, served and measured the same way.

A visit is timed in the browser, from the start of navigation (``performance.timeOrigin``) until
the page is done, judged on app state only (no sleeps, no "network idle"):

- the script has run: an observer installed before the page's own code sees the app's
  ``data-test-script-state`` go to ``running`` and back to ``notRunning``, and it is ``notRunning``;
- the sidebar's page links are drawn (Podium only; the bare page has no sidebar);
- no element is still a loading placeholder (``stSkeleton``: the frontend loads the code of
  charts, tables and download buttons when a page first shows one);
- every plotly chart element has drawn its plot (``.main-svg`` inside each ``stPlotlyChart``);
- every image is complete, and every iframe's document (Podium's copy boxes and phone sidebar-closer)
  has loaded.

The charts are counted on every visit once it is done, and the bare page of the same round is
asked for that many. Rounds are interleaved (Podium cold + warm, then the bare page cold + warm,
then the next round, in alternating order), so a change of machine load affects both alike; the
medians of ``--repeat`` rounds and their ratios are printed with the load average.

``--explain`` prints, instead, where a warm visit's time goes against the bare page: the browser's
CPU time (renderer and GPU processes, from Chromium's process list), the server's CPU time, the
number of DOM nodes and the Streamlit elements drawn, by type, in the main area and the sidebar.

``--elements`` prices kinds of element instead: ``bench/bare/elements_app.py`` is the bare page plus
one piece (the shared sidebar, a dataframe, five ``st.code`` blocks, seven download buttons...) per
variant; one server serves them all, every variant is visited warm (a new browser context) once
per round, in a rotated order, and the median browser CPU, wall time and server CPU of each
variant are printed against the bare page's in the same rounds. With ``--cold`` every visit is the
first after a fresh server start, and the variants ``pandas``, ``podium`` and ``parse`` add the
server's cold-start work every Podium page does before drawing (importing pandas; Podium's modules;
parsing the bundled transcript).

Usage: python bench/page_render.py [--repeat 5] [--pages Overview Phrases ...] [--app app.py] [--explain]
       python bench/page_render.py --elements [--repeat 5] [--charts 0] [--variants sidebar code:5 ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

BARE = ROOT / "bench" / "bare" / "bare_app.py"
ELEMENTS_APP = ROOT / "bench" / "bare" / "elements_app.py"

#: ``--elements``: the pieces added to the bare page, one variant each (see ``bench/bare/elements_app.py``);
#: the first part prices what every Podium page carries, the second the elements pages add.
ELEMENT_VARIANTS = [
    "sidebar",
    "links",
    "selectbox",
    "uploader",
    "paste",
    "multiselect",
    "number_input",
    "css",
    "iframe",
    "dataframe",
    "dataframe:3",
    "table",
    "data_editor",
    "code",
    "code:5",
    "copy_box:5",
    "paste_popover",
    "download_button",
    "download_button:7",
    "popover",
    "popover:6",
    "html:13",
    "markdown:10",
    "caption:10",
    "subheader:5",
    "expander:2",
    "page_link:4",
    "info",
    "pills",
    "segmented",
    "toggle",
    "selectbox_main",
    "text_input",
    "tabs",
    "columns",
    "container",
]

#: Installed before any of the page's scripts: records each change of the app's script state.
OBSERVE = """
window.__podiumRuns = 0;
window.__podiumSawRunning = false;
new MutationObserver(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return;
  const state = app.getAttribute('data-test-script-state');
  if (state === 'running') window.__podiumSawRunning = true;
  if (state === 'notRunning' && window.__podiumSawRunning) {
    window.__podiumRuns += 1;
    window.__podiumSawRunning = false;
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""

#: True-ish (the time in ms since navigation started) once the page is done; see the module docstring.
DONE = """
sidebar => {
  const app = document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]');
  if (!app || window.__podiumRuns < 1) return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  if (sidebar && !document.querySelector('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;  // an element's code still loading
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const chart of charts) if (!chart.querySelector('.main-svg')) return false;
  for (const img of document.images) if (!img.complete) return false;
  for (const frame of document.querySelectorAll('iframe')) {  // the page's own documents (copy boxes, phone closer)
    const doc = frame.contentDocument;
    if (doc && doc.readyState !== 'complete') return false;
  }
  return {ms: performance.now(), charts: charts.length, runs: window.__podiumRuns};
}
"""


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def serve(script: Path, log_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=open(log_dir / f"{port}.log", "w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log_dir}/{port}.log")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.1)  # polling the health endpoint until the server answers
    proc.kill()
    raise RuntimeError("server did not start")


def visit(browser, url: str, *, sidebar: bool, trace: Path | None = None) -> tuple[float, int]:
    """(seconds from navigation until the page is done, number of plotly charts on it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(OBSERVE)
    tab = context.new_page()
    if trace is not None:
        browser.start_tracing(page=tab, path=str(trace), screenshots=False)
    tab.goto(url, wait_until="commit", timeout=300_000)
    done = tab.wait_for_function(DONE, arg=sidebar, timeout=300_000, polling="raf").json_value()
    if trace is not None:
        browser.stop_tracing()
    context.close()
    return done["ms"] / 1000, int(done["charts"])


#: What the page is made of once done: elements by Streamlit type (main and sidebar), DOM nodes.
ELEMENTS = """
() => {
  const count = (root) => {
    const out = {};
    for (const el of document.querySelectorAll(root + ' [data-testid="stElementContainer"] > [data-testid]')) {
      const t = el.getAttribute('data-testid');
      out[t] = (out[t] || 0) + 1;
    }
    return out;
  };
  return {main: count('[data-testid="stMain"]'), sidebar: count('[data-testid="stSidebar"]'),
          nodes: document.getElementsByTagName('*').length};
}
"""


def _process_cpu_ms(pid: int) -> float:
    """User + system CPU milliseconds of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def explain(browser, script: Path, path: str, tmp: Path, *, sidebar: bool, n: int = 3) -> dict:
    """Where a warm visit's time goes (median of ``n`` visits after one cold visit): wall time until
    done, the browser's CPU time (renderer and GPU processes, from Chromium's own process list, so
    steadier under load than wall time), the server's CPU time, and the elements drawn."""
    proc, base = serve(script, tmp)
    cdp = browser.new_browser_cdp_session()

    def browser_cpu() -> dict:
        info = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
        return {(p["type"], p["id"]): p["cpuTime"] * 1000 for p in info}

    runs = []
    try:
        visit(browser, f"{base}/{path}", sidebar=sidebar)
        for _ in range(n):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.add_init_script(OBSERVE)
            before, server0 = browser_cpu(), _process_cpu_ms(proc.pid)
            tab = context.new_page()
            tab.goto(f"{base}/{path}", wait_until="commit", timeout=300_000)
            done = tab.wait_for_function(DONE, arg=sidebar, timeout=300_000, polling="raf").json_value()
            after, server1 = browser_cpu(), _process_cpu_ms(proc.pid)
            made = tab.evaluate(ELEMENTS)
            context.close()
            cpu = sum(v - before.get(k, 0.0) for k, v in after.items() if k[0] in ("renderer", "GPU"))
            runs.append((done["ms"], cpu, server1 - server0, made, done["charts"]))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        cdp.detach()
    return {
        "wall_ms": statistics.median(r[0] for r in runs),
        "browser_cpu_ms": statistics.median(r[1] for r in runs),
        "server_cpu_ms": statistics.median(r[2] for r in runs),
        "elements": runs[-1][3],
        "charts": runs[-1][4],
    }


def explain_all(browser, app: Path, pages: dict[str, str], tmp: Path) -> None:
    """Print :func:`explain` for each page and for the bare page with as many charts."""
    print(
        f"{'page':14} {'':5} {'charts':>2} {'wall':>7} {'browser CPU':>11} {'server CPU':>10} {'nodes':>6}  "
        "elements (main | sidebar)"
    )
    for path, title in pages.items():
        real = explain(browser, app, path, tmp, sidebar=True)
        n = real["charts"]
        bare = explain(browser, BARE, f"?charts={n}", tmp, sidebar=False)
        for label, r in ((title, real), ("", bare)):
            made = r["elements"]
            listed = ", ".join(
                f"{k.removeprefix('st')} {v}" for k, v in sorted(made["main"].items(), key=lambda kv: -kv[1])
            )
            side = ", ".join(
                f"{k.removeprefix('st')} {v}" for k, v in sorted(made["sidebar"].items(), key=lambda kv: -kv[1])
            )
            print(
                f"{label:14} {'' if label else 'bare':5} {r['charts']:>2} {r['wall_ms']:>5.0f}ms "
                f"{r['browser_cpu_ms']:>9.0f}ms "
                f"{r['server_cpu_ms']:>8.0f}ms {made['nodes']:>6}  {listed}" + (f" | {side}" if side else ""),
                flush=True,
            )
    print(f"load average at end: {load_average()}")


def elements(browser, tmp: Path, variants: list[str], *, rounds: int, charts: int, cold: bool = False) -> None:
    """Print each variant's warm-visit cost over the bare page (see the module docstring); with
    ``cold``, each visit is the first after a fresh server start (a cold deep link)."""
    cdp = browser.new_browser_cdp_session()
    proc = base = None

    def browser_cpu() -> float:
        info = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
        return sum(p["cpuTime"] * 1000 for p in info if p["type"] in ("renderer", "GPU"))

    def one(variant: str) -> tuple[float, float, float, int]:
        nonlocal proc, base
        if proc is None or cold:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
            proc, base = serve(ELEMENTS_APP, tmp)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(OBSERVE)
        before, server0 = browser_cpu(), _process_cpu_ms(proc.pid)
        tab = context.new_page()
        tab.goto(f"{base}/?charts={charts}&with={variant}", wait_until="commit", timeout=300_000)
        done = tab.wait_for_function(DONE, arg=False, timeout=300_000, polling="raf").json_value()
        after, server1 = browser_cpu(), _process_cpu_ms(proc.pid)
        nodes = tab.evaluate("document.getElementsByTagName('*').length")
        context.close()
        return done["ms"], after - before, server1 - server0, nodes

    names = ["", *variants]
    runs: dict[str, list] = {v: [] for v in names}
    try:
        one("")  # the browser's first start (and, warm, the server's first run) is nobody's cost
        for r in range(rounds):
            order = names[r % len(names) :] + names[: r % len(names)]
            for v in order:
                runs[v].append(one(v))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        cdp.detach()
    med = {v: [statistics.median(x[k] for x in runs[v]) for k in range(4)] for v in names}
    wall0, cpu0 = med[""][:2]
    print(
        f"bare page with {charts} charts, {'cold' if cold else 'warm'}, medians of {rounds} rounds; "
        f"load average at end: {load_average()}"
    )
    print("| added to the bare page | browser CPU | + over bare | wall | + over bare | server CPU | DOM nodes |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for v in names:
        wall, cpu, server, nodes = med[v]
        print(
            f"| {v or '(nothing: the bare page)'} | {cpu:,.0f} ms | {cpu - cpu0:+,.0f} ms | {wall:,.0f} ms "
            f"| {wall - wall0:+,.0f} ms | {server:,.0f} ms | {nodes:,.0f} |",
            flush=True,
        )


def measure(browser, script: Path, path: str, tmp: Path, *, sidebar: bool) -> tuple[float, float, int, int]:
    """(cold s, warm s, charts cold, charts warm) on a freshly started server."""
    proc, base = serve(script, tmp)
    try:
        cold, n_cold = visit(browser, f"{base}/{path}", sidebar=sidebar)
        warm, n_warm = visit(browser, f"{base}/{path}", sidebar=sidebar)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return cold, warm, n_cold, n_warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds per page (median reported)")
    parser.add_argument("--pages", nargs="*", help="page titles to measure (default: all)")
    parser.add_argument("--app", default="app.py", help="the entry point to measure (relative to the root)")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="instead of the ratios: each page's warm visit against the bare page in browser and "
        "server CPU time, with the elements drawn",
    )
    parser.add_argument(
        "--elements",
        action="store_true",
        help="instead of the pages: the bare page plus one kind of element per variant, in browser CPU",
    )
    parser.add_argument("--variants", nargs="*", help="--elements: the variants to price (default: all)")
    parser.add_argument("--cold", action="store_true", help="--elements: cold deep links (a fresh server per visit)")
    parser.add_argument("--charts", type=int, default=0, help="--elements: plotly charts on every variant")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    names = [p.stem.split("_", 1)[1] for p in sorted((ROOT / "pages").glob("*.py"))]
    pages = {"": "Overview"} | {name: name.replace("_", " ") for name in names}
    if args.pages:
        pages = {path: title for path, title in pages.items() if title in args.pages}
    app = ROOT / args.app
    print(f"load average at start: {load_average()}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        if args.elements:
            variants = args.variants or ELEMENT_VARIANTS
            elements(browser, Path(tmp), variants, rounds=args.repeat, charts=args.charts, cold=args.cold)
            browser.close()
            return
        if args.explain:
            explain_all(browser, app, pages, Path(tmp))
            browser.close()
            return
        print(
            f"{'page':14} {'charts':>6} {'cold':>7} {'bare':>7} {'ratio':>6} {'warm':>7} {'bare':>7} {'ratio':>6}  load"
        )
        rows = []
        for path, title in pages.items():
            real, bare, counts = [], [], set()
            for i in range(args.repeat):
                # the bare page needs the chart count of this round's Podium visit, so Podium goes first;
                # from the second round on the order alternates
                n = None
                order = ["real", "bare"] if i % 2 == 0 or not real else ["bare", "real"]
                for which in order:
                    if which == "real":
                        cold, warm, n_cold, n_warm = measure(browser, app, path, Path(tmp), sidebar=True)
                        real.append((cold, warm))
                        counts |= {n_cold, n_warm}
                        n = n_warm
                    else:
                        n_bare = n if n is not None else max(counts)
                        bcold, bwarm, b1, b2 = measure(browser, BARE, f"?charts={n_bare}", Path(tmp), sidebar=False)
                        assert b1 == b2 == n_bare, (b1, b2, n_bare)
                        bare.append((bcold, bwarm))
            cold, warm = (statistics.median(r[k] for r in real) for k in (0, 1))
            bcold, bwarm = (statistics.median(r[k] for r in bare) for k in (0, 1))
            n = "/".join(str(c) for c in sorted(counts))
            row = (title, n, cold, bcold, cold / bcold, warm, bwarm, warm / bwarm, load_average())
            rows.append(row)
            print(
                f"{title:14} {n:>6} {cold:>6.2f}s {bcold:>6.2f}s {cold / bcold:>5.2f}x "
                f"{warm:>6.2f}s {bwarm:>6.2f}s {warm / bwarm:>5.2f}x  {row[-1]}",
                flush=True,
            )
        browser.close()
    print("\nMarkdown, slowest warm ratio first:")
    print("| page | charts | cold | bare | ratio | warm | bare | ratio | load average (1, 5, 15 min) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in sorted(rows, key=lambda r: -r[7]):
        print(
            f"| {r[0]} | {r[1]} | {r[2]:.2f} s | {r[3]:.2f} s | {r[4]:.2f}x | {r[5]:.2f} s | {r[6]:.2f} s "
            f"| {r[7]:.2f}x | {r[8]} |"
        )


if __name__ == "__main__":
    main()
