// `make design-assets`: refreshes what the portal serves from the npm packages pinned in package-lock.json.
//  - static/vendor/govuk-frontend/: GOV.UK Frontend's built JavaScript and its licence (the package ships none:
//    LICENSE-govuk-frontend.txt beside this script is the text of its repository's LICENSE.txt, MIT);
//  - static/css/portal.css: GOV.UK Frontend's Sass compiled with the portal's brand (scss/portal.scss);
//  - static/img/map-europe.svg: country outlines from world-atlas (Natural Earth, public domain), the map's background;
//    cities/data/europe-map.json: its projection, with which cities/maps.py places the cities on it.
// Run from anywhere: paths are relative to this file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import { buildMap } from "./map.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const govuk = join(here, "node_modules", "govuk-frontend");
const vendor = join(root, "static", "vendor", "govuk-frontend");
const version = JSON.parse(readFileSync(join(govuk, "package.json"), "utf8")).version;

mkdirSync(vendor, { recursive: true });
for (const name of ["govuk-frontend.min.js"]) {
  copyFileSync(join(govuk, "dist", "govuk", name), join(vendor, name));
}
copyFileSync(join(here, "LICENSE-govuk-frontend.txt"), join(vendor, "LICENSE.txt"));
writeFileSync(
  join(vendor, "VERSION.txt"),
  `govuk-frontend ${version} from the npm registry; refreshed by \`make design-assets\`.\n`,
);

// axe-core for the accessibility tests (tests/browser/test_accessibility.py): a fresh clone runs them without npm.
const axe = join(here, "node_modules", "axe-core");
mkdirSync(join(root, "tests", "browser", "vendor"), { recursive: true });
copyFileSync(join(axe, "axe.min.js"), join(root, "tests", "browser", "vendor", "axe.min.js"));
copyFileSync(join(axe, "LICENSE"), join(root, "tests", "browser", "vendor", "LICENSE-axe-core.txt"));

const css = sass.compile(join(here, "scss", "portal.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(
  join(root, "static", "css", "portal.css"),
  `/* ICC Portal: GOV.UK Frontend ${version} (MIT) with the portal's brand; built from frontend/scss by make design-assets. */\n${css.css}\n`,
);

const map = buildMap(join(here, "node_modules", "world-atlas", "countries-50m.json"));
const paths = map.countries.map((c) => `<path d="${c.d}"><title>${c.name}</title></path>`).join("");
mkdirSync(join(root, "static", "img"), { recursive: true });
writeFileSync(
  join(root, "static", "img", "map-europe.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}">` +
    `<rect width="100%" height="100%" fill="#dfe8f5"/>` +
    `<g fill="#fff" stroke="#9aa9c2" stroke-width=".8" stroke-linejoin="round">${paths}</g></svg>\n`,
);
const { countries, ...frame } = map;
writeFileSync(join(root, "cities", "data", "europe-map.json"), JSON.stringify(frame, null, 2) + "\n");
console.log(`govuk-frontend ${version}; portal.css ${css.css.length} bytes; map of ${map.countries.length} countries`);
