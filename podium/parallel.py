"""One function call in a forked child process, for the command line's ``--jobs 2``.

The child inherits the parent's memory (the parsed transcript, caches) without copying it; only the
result comes back, pickled through a pipe. Used by :func:`podium.parse.build_turns` (question and
sentence counts while the parent tokenises) and :func:`podium.export.tables` (Q&A indicators while
the parent computes the other tables). Only where the ``fork`` start method exists (Linux, macOS)
and only from a single-threaded program (the command line, never a page).
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from typing import Any, NamedTuple

__all__ = ["Shared", "can_fork", "finish", "map_from_both_ends", "start"]


def can_fork() -> bool:
    """Whether this platform has the ``fork`` start method."""
    return "fork" in multiprocessing.get_all_start_methods()


def start(fn: Callable[..., Any], *args: Any):
    """Start ``fn(*args)`` in a forked child; return a handle for :func:`finish`, or ``None`` when
    ``fork`` is not available or no child can be started (the caller then calls ``fn`` itself)."""
    if not can_fork():
        return None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(fn, args, send), daemon=True)  # args inherited, not copied
    try:
        child.start()
    except (AssertionError, OSError):  # a daemonic process (a pool's worker) may not have children; no memory
        receive.close()
        send.close()
        return None
    send.close()
    return child, receive


def _run(fn: Callable[..., Any], args: tuple, send) -> None:
    try:
        payload = pickle.dumps(("ok", fn(*args)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # reported to the parent, which does the work itself
        payload = pickle.dumps(("error", repr(exc)))
    send.send_bytes(payload)
    send.close()


def finish(pending) -> tuple[bool, Any]:
    """Wait for the child of :func:`start`: ``(True, its result)``, or ``(False, a description)``
    when it raised, died or sent nothing readable."""
    child, receive = pending
    try:
        status, value = pickle.loads(receive.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):
        status, value = "error", "no answer"
    finally:
        receive.close()
        child.join()
    return status == "ok", value


class Shared(NamedTuple):
    """What :func:`map_from_both_ends` returns."""

    head: Any  # first()
    child_head: Any  # child_first(), or None
    items: list  # [item(i) for i in range(n)]
    child_tail: Any  # child_last(), or None


def map_from_both_ends(
    item: Callable[[int], Any],
    n: int,
    first: Callable[[], Any],
    child_first: Callable[[], Any] | None = None,
    child_last: Callable[[], Any] | None = None,
) -> Shared:
    """``first()``, ``child_first()``, ``[item(i) for i in range(n)]`` and ``child_last()``, with the
    work shared by two processes.

    A forked child runs ``child_first()`` (when given), then takes ``item(0)``, ``item(1)``, ...; this
    process runs ``first()``, then takes ``item(n - 1)``, ``item(n - 2)``, ...; each claims its next
    index under a lock and both stop where they meet, so the work is balanced however long the two
    heads take or whatever else runs on the machine; the child then runs ``child_last()`` (when
    given). ``item`` must not depend on the order in which items are computed; the child's results
    come back pickled. When ``fork`` is not available, or the child fails, this process does what the
    child did not (``child_first``, the items, ``child_last``, in that order).
    """
    run_child_first = child_first or (lambda: None)
    run_child_last = child_last or (lambda: None)

    def alone() -> Shared:
        head, child_head = first(), run_child_first()
        items = [item(i) for i in range(n)]
        return Shared(head, child_head, items, run_child_last())

    if (n == 0 and child_first is None and child_last is None) or not can_fork():
        return alone()
    bounds = multiprocessing.get_context("fork").Array("q", [0, n])  # the child's next index, this process's end
    pending = start(_child, item, bounds, run_child_first, run_child_last)
    if pending is None:
        return alone()
    head = first()
    mine = []
    while True:
        with bounds.get_lock():
            low, high = bounds[0], bounds[1]
            if low >= high:
                break
            bounds[1] = high - 1
        mine.append(item(high - 1))
    ok, value = finish(pending)
    n_theirs = n - len(mine)  # the child claimed exactly the indices below this process's
    if not ok or len(value[1]) != n_theirs:
        child_head = run_child_first()
        theirs = [item(i) for i in range(n_theirs)]
        value = (child_head, theirs, run_child_last())
    return Shared(head, value[0], value[1] + mine[::-1], value[2])


def _child(item: Callable[[int], Any], bounds, child_first: Callable[[], Any], child_last: Callable[[], Any]):
    child_head = child_first()
    out = []
    while True:
        with bounds.get_lock():
            low, high = bounds[0], bounds[1]
            if low >= high:
                return child_head, out, child_last()
            bounds[0] = low + 1
        out.append(item(low))
