// The policy pages' 인쇄 button (a script file, not an inline handler: the site sends a CSP).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.print();
  });
});
