"""The analysis core stays pure: podium never imports streamlit."""

import ast
import subprocess
import sys

from tests.conftest import ROOT


def test_podium_source_never_imports_streamlit():
    for path in (ROOT / "podium").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in {"streamlit", "components"} for n in names), f"{path} imports {names}"


def test_importing_podium_does_not_load_streamlit():
    code = "import sys, podium, podium.export, podium.__main__; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_every_page_calls_the_shared_setup():
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert "page_setup(" in path.read_text(encoding="utf-8"), f"{path.name} does not set itself up"
