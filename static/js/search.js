// As-you-type suggestions in the header search box: the ARIA 1.2 combobox pattern with a
// listbox popup. Focus stays in the input; aria-activedescendant marks the highlighted option.
// Without script the form still submits to /search/.
(function () {
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector('[role="combobox"]');
  var listbox = document.getElementById(input.getAttribute("aria-controls"));
  var status = form.querySelector("[data-suggest-status]");
  var url = form.getAttribute("data-suggest-url");
  var options = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  // The popup's few layout rules live here so the component is one file.
  form.style.position = "relative";
  listbox.style.cssText =
    "position:absolute;top:100%;left:0;right:0;z-index:20;margin:.25rem 0 0;padding:.25rem 0;" +
    "list-style:none;background:#fff;border:1px solid #ccc;border-radius:.4rem;" +
    "box-shadow:0 4px 12px rgba(0,0,0,.12);max-height:22rem;overflow-y:auto;";

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    options.forEach(function (option, i) {
      var selected = i === index;
      option.setAttribute("aria-selected", String(selected));
      option.style.background = selected ? "#eef3f8" : "";
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(index) {
    var option = options[index];
    if (option) window.location.assign(option.getAttribute("data-url"));
  }

  function render(suggestions) {
    listbox.textContent = "";
    options = suggestions.map(function (item, i) {
      var option = document.createElement("li");
      option.id = "header-search-option-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-url", item.url);
      option.style.cssText = "padding:.4rem .75rem;cursor:pointer;";
      option.textContent = item.title;
      if (item.section) {
        var section = document.createElement("span");
        section.textContent = " · " + item.section;
        section.style.color = "#666";
        section.style.fontSize = ".85em";
        option.appendChild(section);
      }
      // mousedown, not click: the input must not lose focus before we navigate.
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        go(i);
      });
      listbox.appendChild(option);
      return option;
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = "추천 결과 " + options.length + "개가 있습니다.";
    } else {
      close();
      status.textContent = "";
    }
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (!query) {
      render([]);
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller.signal,
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) render(data.suggestions || []);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });

  input.addEventListener("keydown", function (event) {
    var open = !listbox.hidden && options.length > 0;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) {
        lastQuery = "";
        fetchSuggestions();
        return;
      }
      highlight(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        go(active);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else {
        input.value = "";
        lastQuery = "";
      }
    }
  });

  input.addEventListener("blur", function () {
    setTimeout(close, 100);
  });
})();
