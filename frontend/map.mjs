// Country outlines for the member-city map, drawn server-side as SVG (cities/maps.py projects the cities the same way).
// An equirectangular projection of Europe and the Mediterranean, x shrunk by cos(50°) so that shapes look right at
// these latitudes. Points outside a margin around the frame are clamped to it (their edges fall outside the
// viewBox), points closer than 2.5 units to the previous one are dropped, and slivers are left out.
import { readFileSync } from "node:fs";
import { feature } from "topojson-client";

export const PROJECTION = { lonMin: -25, lonMax: 45, latMin: 30, latMax: 72, scale: 13, xFactor: Math.cos((50 * Math.PI) / 180) };
const MARGIN = 8;

function project([lon, lat]) {
  const p = PROJECTION;
  const clampedLon = Math.min(Math.max(lon, p.lonMin - MARGIN), p.lonMax + MARGIN);
  const clampedLat = Math.min(Math.max(lat, p.latMin - MARGIN), p.latMax + MARGIN);
  return [(clampedLon - p.lonMin) * p.scale * p.xFactor, (p.latMax - clampedLat) * p.scale];
}

function ring(points) {
  const kept = [];
  for (const point of points.map(project)) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= 2.5) kept.push(point);
  }
  if (kept.length < 4) return "";
  let area = 0;
  for (let i = 0; i < kept.length; i++) {
    const [x1, y1] = kept[i];
    const [x2, y2] = kept[(i + 1) % kept.length];
    area += x1 * y2 - x2 * y1;
  }
  if (Math.abs(area) / 2 < 6) return "";
  return "M" + kept.map(([x, y]) => `${Math.round(x)} ${Math.round(y)}`).join("L") + "Z";
}

function inFrame(geometry) {
  const p = PROJECTION;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((polygon) =>
    polygon[0].some(([lon, lat]) => lon >= p.lonMin && lon <= p.lonMax && lat >= p.latMin && lat <= p.latMax),
  );
}

export function buildMap(topologyPath) {
  const topology = JSON.parse(readFileSync(topologyPath, "utf8"));
  const countries = feature(topology, topology.objects.countries).features;
  const shapes = [];
  for (const country of countries) {
    if (!country.geometry || !inFrame(country.geometry)) continue;
    const polygons = country.geometry.type === "Polygon" ? [country.geometry.coordinates] : country.geometry.coordinates;
    const d = polygons.flatMap((polygon) => polygon.map(ring)).join("");
    if (d) shapes.push({ id: country.id, name: country.properties.name, d });
  }
  const p = PROJECTION;
  return {
    source: "world-atlas countries-50m (Natural Earth, public domain)",
    projection: p,
    width: Math.round((p.lonMax - p.lonMin) * p.scale * p.xFactor),
    height: Math.round((p.latMax - p.latMin) * p.scale),
    countries: shapes,
  };
}
