// Autosave of the good-practice form (progressive enhancement: without JavaScript the buttons still save).
// Every change is kept in this browser at once (localStorage) and sent to the server after a pause; when the
// session has expired the server keeps the text too and saves it once the coordinator has logged in again.
(function () {
  "use strict";
  var form = document.getElementById("practice-form");
  if (!form || !window.fetch || !window.FormData) return;
  var script = document.currentScript || document.querySelector("script[data-saved]");
  var status = document.getElementById("autosave-status");
  var key = form.dataset.storageKey;
  var url = form.dataset.autosaveUrl;
  var timer = null;
  var inFlight = false;
  var dirty = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function fields() {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      // The token and the version change with every save: they are not text the coordinator typed.
      if (name === "csrfmiddlewaretoken" || name === "version" || typeof value !== "string") return;
      (data[name] = data[name] || []).push(value);
    });
    return data;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: fields() }));
    } catch (e) {
      /* storage full or disabled: the server copy still works */
    }
  }

  function forget() {
    try {
      localStorage.removeItem(key);
    } catch (e) {}
  }

  function restore(saved) {
    Object.keys(saved).forEach(function (name) {
      var inputs = form.querySelectorAll('[name="' + name + '"]');
      inputs.forEach(function (input) {
        if (input.type === "checkbox" || input.type === "radio") {
          input.checked = saved[name].indexOf(input.value) !== -1;
        } else if (input.type !== "hidden" && input.type !== "file") {
          input.value = saved[name][0] || "";
        }
      });
    });
    // Unticked boxes are absent from the saved data: untick them too.
    form.querySelectorAll('input[type="checkbox"]').forEach(function (input) {
      if (!saved[input.name]) input.checked = false;
    });
  }

  function save() {
    if (inFlight) {
      schedule();
      return;
    }
    inFlight = true;
    dirty = false;
    var body = new FormData(form);
    body.delete("action");
    fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Autosave": "1" } })
      .then(function (response) {
        return response.json().then(function (json) {
          return { status: response.status, json: json };
        });
      })
      .then(function (result) {
        if (result.status === 200) {
          form.querySelector('[name="version"]').value = result.json.version;
          if (!dirty) forget();
          say((script && script.dataset.saved ? script.dataset.saved : "Saved at") + " " + new Date().toLocaleTimeString());
        } else if (result.status === 401 && result.json.login_url) {
          status.innerHTML = "";
          var link = document.createElement("a");
          link.href = result.json.login_url;
          link.textContent = result.json.detail;
          status.appendChild(link);
        } else {
          say(result.json.detail || (script && script.dataset.offline));
        }
      })
      .catch(function () {
        say(script && script.dataset.offline);
      })
      .finally(function () {
        inFlight = false;
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  }

  function changed() {
    dirty = true;
    keep();
    schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    clearTimeout(timer);
    keep();
  });
  window.addEventListener("pagehide", function () {
    if (dirty) keep();
  });

  // Text kept in this browser but never saved (a closed tab, a lost connection): offer it back.
  var kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(key) || "null");
  } catch (e) {}
  if (kept && JSON.stringify(kept.fields) !== JSON.stringify(fields())) {
    var banner = document.getElementById("restore-banner");
    if (banner) {
      banner.hidden = false;
      document.getElementById("restore-button").addEventListener("click", function () {
        restore(kept.fields);
        banner.hidden = true;
        changed();
      });
      document.getElementById("discard-button").addEventListener("click", function () {
        forget();
        banner.hidden = true;
      });
    }
  } else {
    forget();
  }
})();
