"""`make load`: the portal under gunicorn with production settings, driven by locust from a second process.

See load/run.py and docs/performance.md ("Throughput under gunicorn"). Not part of the product: nothing imports it.
"""
