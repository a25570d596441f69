"""`make bench` (`python -m bench`): the portal under a realistic load, on a database of its own.

Not part of the product: not installed (pyproject.toml's package list leaves it out), imported by no product module
(the import-linter layers put it on top), and the only place `/floor/` is served (bench/urls.py)."""
