// The phone drawer menu (with expandable sections) and Escape for the desktop mega-menu.
// Without script the desktop menu still opens on hover and focus, and every link works.
(function () {
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = document.querySelector("[data-menu]");
  if (!toggle || !menu) return;
  var close = menu.querySelector("[data-menu-close]");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
    document.documentElement.classList.toggle("has-open-menu", open);
    if (open) {
      var first = menu.querySelector(".main-menu__section-link");
      if (first) first.focus();
    }
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  if (close) {
    close.addEventListener("click", function () {
      setOpen(false);
      toggle.focus();
    });
  }
  menu.querySelectorAll(".main-menu__expand").forEach(function (button) {
    button.addEventListener("click", function () {
      var expanded = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!expanded));
      button.closest(".main-menu__section").classList.toggle("is-expanded", !expanded);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (menu.classList.contains("is-open")) {
      setOpen(false);
      toggle.focus();
    } else if (menu.contains(document.activeElement)) {
      var section = document.activeElement.closest(".main-menu__section");
      var link = section && section.querySelector(".main-menu__section-link");
      if (link) link.focus();
      menu.classList.add("is-dismissed");
    }
  });
  menu.addEventListener("mouseleave", function () {
    menu.classList.remove("is-dismissed");
  });
  menu.addEventListener("focusin", function () {
    menu.classList.remove("is-dismissed");
  });
})();

// The policy's 인쇄 button: a listener, since the Content-Security-Policy refuses inline handlers.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
