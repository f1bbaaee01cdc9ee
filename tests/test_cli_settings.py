"""`newsprism settings` and `--set NAME=VALUE`: one place to see and change every setting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsprism.cli.settings import settings_markdown
from newsprism.config import Settings, describe_settings

EXAMPLES = Path(__file__).parent.parent / "examples" / "hanoi-summit"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}
    env["HF_HUB_OFFLINE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _setting(stdout: str, name: str) -> dict[str, str]:
    return next(row for row in json.loads(stdout) if row["name"] == name)


def test_every_setting_is_listed_with_its_variable_and_what_it_does() -> None:
    result = _run("settings", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == list(Settings.model_fields)
    assert all(row["description"] for row in rows), "every setting says what it does"
    assert _setting(result.stdout, "discrepancy_days")["variable"] == "NEWSPRISM_DISCREPANCY_DAYS"


def test_set_changes_a_setting_for_the_run() -> None:
    result = _run("--set", "story_time_rise=0.25", "--set", "languages=en,de", "settings", "--json")
    assert result.returncode == 0, result.stderr
    assert _setting(result.stdout, "story_time_rise")["value"] == "0.25"
    assert _setting(result.stdout, "story_time_rise")["default"] == "0.0"
    assert _setting(result.stdout, "languages")["value"] == "en,de"


def test_set_reaches_the_command() -> None:
    result = _run("--set", "max_bytes=100", "inspect", str(EXAMPLES / "us-outlet.txt"))
    assert result.returncode == 1
    assert "us-outlet.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_setting_or_a_bad_value_is_refused_before_any_work() -> None:
    unknown = _run("--set", "story_treshold=0.3", "settings")
    assert unknown.returncode == 2
    assert "story_treshold=0.3" in unknown.stderr and "newsprism settings" in unknown.stderr
    bad = _run("--set", "max_bytes=lots", "settings")
    assert bad.returncode == 2
    assert "max_bytes=lots" in bad.stderr and "valid integer" in bad.stderr


def test_the_reference_in_the_docs_is_the_generated_one() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "configuration.md").read_text()
    assert settings_markdown(describe_settings(Settings())) in docs, (
        "regenerate the table: newsprism settings --markdown"
    )
