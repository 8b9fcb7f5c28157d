// 의료광고 검토 panel: sends the editor's current form values to the check endpoint while they
// type (every 1.5 s when something changed, as Wagtail's preview does) and shows the findings.
(function () {
  "use strict";
  var INTERVAL = 1500;

  function serialise(form) {
    var data = new FormData(form);
    var parts = [];
    data.forEach(function (value, key) {
      if (typeof value === "string" && key.indexOf("action-") !== 0) {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
      }
    });
    return parts.join("&");
  }

  function start(panel) {
    var form = panel.closest("form");
    var target = panel.querySelector("[data-medical-ads-findings]");
    var review = panel.querySelector("[data-medical-ads-review]");
    if (!form || !target) return;
    var last = serialise(form);
    var busy = false;

    function show(html) {
      target.innerHTML = html;
      var findings = target.querySelector("[data-warnings]");
      var warnings = findings ? parseInt(findings.getAttribute("data-warnings"), 10) : 0;
      if (review && !review.querySelector(".error-message")) review.hidden = warnings === 0;
    }

    function check() {
      var body = serialise(form);
      if (busy || body === last) return;
      busy = true;
      last = body;
      fetch(panel.getAttribute("data-medical-ads-url"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Requested-With": "XMLHttpRequest",
        },
      })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html !== null) show(html);
        })
        .catch(function () {})
        .then(function () {
          busy = false;
        });
    }

    window.setInterval(check, INTERVAL);
  }

  function init() {
    document.querySelectorAll("[data-medical-ads-url]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
