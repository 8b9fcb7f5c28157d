/* 상담 신청. A treatment page comes from the page cache, so its form holds no token of its own:
   when the visitor starts on it, fetch theirs (and the moment they started). Without this script
   the form still posts; the server then shows it back, filled in, to be sent once more. */
(function () {
  "use strict";

  function prepare(form) {
    var pending = null;

    function fetchToken() {
      if (!pending) {
        pending = fetch(form.dataset.tokenUrl, {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          })
          .then(function (data) {
            form.elements.csrfmiddlewaretoken.value = data.csrf;
            form.elements.started.value = data.started;
          })
          .catch(function () {
            pending = null; // try again on the next focus or on sending
          });
      }
      return pending;
    }

    form.addEventListener("focusin", fetchToken);
    form.addEventListener("submit", function (event) {
      if (form.elements.csrfmiddlewaretoken.value) return;
      event.preventDefault();
      var send = function () { form.submit(); };
      fetchToken().then(send, send);
    });
  }

  document.querySelectorAll("form[data-token-url]").forEach(prepare);

  // After a refused submission, take keyboard and screen-reader users to the list of problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
