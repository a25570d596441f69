"""Figures of a package's code: its largest modules and the median / p90 length of its functions.

    .venv/bin/python scripts/code_figures.py index [goodpractices …]

A function's length is its lines from `def` to its last line (decorators and docstring included); methods and
nested functions count as functions of their own. Migrations are left out.
"""

import ast
import statistics
import sys
from pathlib import Path


def modules(package: str) -> list[Path]:
    return sorted(p for p in Path(package).rglob("*.py") if "migrations" not in p.parts)


def function_lengths(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def p90(values: list[int]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else float(values[0])


def report(package: str) -> None:
    paths = modules(package)
    sizes = sorted(((len(p.read_text().splitlines()), p) for p in paths), reverse=True)
    lengths = [n for p in paths for n in function_lengths(p)]
    print(f"{package}: {len(paths)} modules, {sum(s for s, _ in sizes)} lines, {len(lengths)} functions")
    print(f"  function length: median {statistics.median(lengths):g}, p90 {p90(lengths):g}, max {max(lengths)}")
    print("  largest modules: " + ", ".join(f"{p} {s}" for s, p in sizes[:6]))


if __name__ == "__main__":
    for name in sys.argv[1:] or ["index"]:
        report(name)
