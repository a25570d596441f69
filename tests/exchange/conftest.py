from ..profiles.fixtures import network  # noqa: F401  (the hand-built network with published Index results)
