"""Demo data of the exchange (exchange/demo/exchange.yaml), loaded through the services."""


def load() -> str:
    return "nothing yet"
