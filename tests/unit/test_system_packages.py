"""``tools/system-packages``: what ``make test`` and ``.ci/run`` run before pytest.

Each case runs the script with a PATH holding only a fake ``apt-get`` that records its
calls, so Chromium and LibreOffice look missing and nothing is really installed.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "tools" / "system-packages"
FAKE_APT = """#!/bin/bash
echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "{log}"
[[ $1 == install ]] || exit 0
for package in "${{@:5}}"; do
  case $package in
{installs}
  esac
done
"""


def package_commands() -> dict[str, str]:
    """The script's own table: each package and the first command that shows it is there."""
    table = SCRIPT.read_text().split("PACKAGES='", 1)[1].split("'", 1)[0]
    rows = [line.split() for line in table.splitlines() if line.strip() and not line.startswith("#")]
    return {package: next((p for p in probes if not p.startswith("/")), "") for package, *probes in rows}


@pytest.fixture
def fake_bin():
    """A folder others can read (the not-root case runs as ``nobody``), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="siaran-apt-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def add_fake_apt(folder: Path) -> Path:
    """An ``apt-get`` that logs its calls and "installs" a package as an empty command."""
    log = folder / "apt.log"
    apt = folder / "apt-get"
    installs = "\n".join(f"    {package}) printf '#!/bin/bash\\n' > '{folder / command}'; /bin/chmod 755 '{folder / command}' ;;"
                         for package, command in package_commands().items() if command)
    apt.write_text(FAKE_APT.format(log=log, installs=installs))
    apt.chmod(apt.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return log


def run(folder: Path, *, root: bool) -> subprocess.CompletedProcess:
    if root:
        prefix = [] if os.geteuid() == 0 else [shutil.which("unshare"), "-r"]
    else:
        prefix = [shutil.which("runuser"), "-u", "nobody", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, "/bin/bash", str(SCRIPT)], env={"PATH": str(folder)}, cwd=folder,
                          capture_output=True, text=True, timeout=60)


def test_as_root_it_installs_only_the_missing_packages_after_one_update(fake_bin):
    log = add_fake_apt(fake_bin)
    result = run(fake_bin, root=True)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert calls[0] == "DEBIAN_FRONTEND=noninteractive update -qq"
    assert len(calls) == 2 and calls[1].startswith("DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends ")
    installed = calls[1].split("--no-install-recommends ")[1].split()
    assert {"chromium", "libreoffice-writer-nogui"} <= set(installed)
    assert "Installing the Debian packages the tests need" in result.stdout


def test_as_root_with_everything_present_it_installs_nothing(fake_bin):
    log = add_fake_apt(fake_bin)
    assert run(fake_bin, root=True).returncode == 0  # installs the missing ones
    log.unlink()
    again = run(fake_bin, root=True)
    assert again.returncode == 0 and again.stdout == "" and not log.exists()


def test_not_root_it_stops_at_once_with_the_command_to_run(fake_bin):
    log = add_fake_apt(fake_bin)
    result = run(fake_bin, root=False)
    assert result.returncode == 1
    assert not log.exists(), "apt-get was called without root"
    assert "not root" in result.stderr
    command = result.stderr.splitlines()[-1].strip()
    assert command.startswith("sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends ")
    assert {"chromium", "libreoffice-writer-nogui"} <= set(command.strip("'").split("--no-install-recommends ")[1].split())


def test_without_apt_get_it_stops_at_once_with_the_command_to_run(fake_bin):
    result = run(fake_bin, root=True)
    assert result.returncode == 1
    assert "no apt-get" in result.stderr
    command = result.stderr.splitlines()[-1]
    assert {"chromium", "libreoffice-writer-nogui"} <= set(command.strip("'").split("--no-install-recommends ")[1].split())
