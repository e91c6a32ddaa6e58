"""The README's set-up commands, CI and lint stay in step with the code."""

import re
import subprocess
import sys

from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_opens_with_two_setup_commands_and_ci_runs_the_test_one():
    commands = _readme_commands()
    assert commands[0] == "pip install -r requirements.txt && streamlit run app.py"
    assert "python -m pytest" in commands[1]
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert commands[1] in ci_lines


def test_readme_mentions_every_cli_option():
    from podium.__main__ import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    export = build_parser()._subparsers._group_actions[0].choices["export"]
    for action in export._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in readme, option


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
