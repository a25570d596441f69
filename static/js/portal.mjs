// The portal's JavaScript entry: GOV.UK Frontend's components (error summary focus, details, tabs, buttons) and the
// few enhancements of our own. Every page works without it; a module script runs only in browsers that support it.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

