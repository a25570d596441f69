from .fixtures import network  # noqa: F401  (the hand-built network of cities)
