"""The layers of docs/architecture.md hold: configuration on top, apps in the middle, the kernel at the bottom."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ["core", "accounts", "cities", "goodpractices", "index", "events", "icc_portal"]


def _modules():
    for package in PRODUCT:
        yield package
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if ".migrations." not in info.name and not info.name.endswith(("devserver", "wsgi")):
                yield info.name


@pytest.mark.parametrize("package", PRODUCT)
def test_every_module_of_the_product_imports(package):
    for name in [module for module in _modules() if module.split(".")[0] == package]:
        importlib.import_module(name)


def test_import_linter_contracts_are_kept():
    """`lint-imports` reads the contracts in pyproject.toml: no app imports icc_portal, accounts never imports
    cities, the kernel imports no app, and the Index and events know nothing of each other."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_forbidden_import_is_caught(tmp_path):
    """The check is not vacuous: an app importing the configuration package breaks the layers contract."""
    import grimp

    graph = grimp.build_graph(*PRODUCT, cache_dir=None)
    graph.add_import(importer="cities.models", imported="icc_portal.urls")
    illegal = graph.find_illegal_dependencies_for_layers(
        layers=["icc_portal", "cities", "accounts", "core"], containers=set()
    )
    assert any(dep.importer == "cities" and dep.imported == "icc_portal" for dep in illegal)
