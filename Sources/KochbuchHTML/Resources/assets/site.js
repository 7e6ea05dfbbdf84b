/* Kochbuch: Glossar-Tooltips lassen sich mit Esc schließen (WCAG 2.1, 1.4.13).
   Keine Abhängigkeiten, keine Anfragen an andere Server. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var terms = document.querySelectorAll(".term:hover, .term:focus-within");
    for (var i = 0; i < terms.length; i++) { terms[i].setAttribute("data-tooltip-dismissed", ""); }
  });
  function reset(event) {
    var term = event.target && event.target.closest ? event.target.closest(".term") : null;
    if (term) { term.removeAttribute("data-tooltip-dismissed"); }
  }
  document.addEventListener("focusout", reset);
  document.addEventListener("mouseout", function (event) {
    var term = event.target && event.target.closest ? event.target.closest(".term") : null;
    if (term && !term.contains(event.relatedTarget)) { term.removeAttribute("data-tooltip-dismissed"); }
  });
})();
