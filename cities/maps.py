"""The member-city map, drawn by the server as SVG over country outlines from world-atlas (Natural Earth).

frontend/map.mjs (run by `make design-assets`) draws static/img/map-europe.svg and writes the projection it used to
cities/data/europe-map.json; this module places cities with the same projection. Labels that would overlap a larger
city's label are shown on hover and focus only; cities outside the frame (Montreal, Hamamatsu…) are listed beside it.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FRAME_FILE = Path(__file__).resolve().parent / "data" / "europe-map.json"
LABEL_HEIGHT = 12
CHARACTER_WIDTH = 6.2


@dataclass
class Marker:
    city: object
    x: float
    y: float
    label_shown: bool = True
    label_left: bool = False

    @property
    def label_x(self) -> float:
        return round(self.x - 8 if self.label_left else self.x + 8, 1)

    @property
    def label_y(self) -> float:
        return round(self.y + 4, 1)


@cache
def frame() -> dict:
    return json.loads(FRAME_FILE.read_text())


def project(latitude: float, longitude: float) -> tuple[float, float] | None:
    """SVG coordinates of a place, or None when it falls outside the map's frame."""
    p = frame()["projection"]
    if not (p["lonMin"] <= longitude <= p["lonMax"] and p["latMin"] <= latitude <= p["latMax"]):
        return None
    return (longitude - p["lonMin"]) * p["scale"] * p["xFactor"], (p["latMax"] - latitude) * p["scale"]


def member_map(cities) -> dict:
    """Markers for the cities that have a position, the biggest first so that their labels win the space."""
    placed: list[tuple[float, float, float, float]] = []
    markers, outside = [], []
    width = frame()["width"]
    ordered = sorted(cities, key=lambda city: -(city.population or 0))
    for city in ordered:
        if city.latitude is None or city.longitude is None:
            continue
        point = project(float(city.latitude), float(city.longitude))
        if point is None:
            outside.append(city)
            continue
        marker = Marker(city, round(point[0], 1), round(point[1], 1))
        label_width = len(city.name) * CHARACTER_WIDTH
        marker.label_left = marker.x + 6 + label_width > width
        left = marker.x - 6 - label_width if marker.label_left else marker.x + 6
        box = (left, marker.y - LABEL_HEIGHT / 2, left + label_width, marker.y + LABEL_HEIGHT / 2)
        marker.label_shown = not any(_overlap(box, other) for other in placed)
        if marker.label_shown:
            placed.append(box)
        markers.append(marker)
    markers.sort(key=lambda marker: marker.city.name)  # keyboard order: alphabetical, as in the list
    return {"width": width, "height": frame()["height"], "markers": markers, "outside": outside}


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
