// Opens and closes the menu on phones; the desktop menu works without script.
(function () {
  var toggle = document.querySelector(".site-header__toggle");
  var menu = document.getElementById("main-menu");
  if (!toggle || !menu) return;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
  });
})();
