/* The compare form while it works: one submission, and a word about the wait (8-10 s for new
   text). Without this script the form still works; it only gives no busy state. */
(function () {
  "use strict";
  var form = document.querySelector("form.compare");
  if (!form) { return; }
  var button = form.querySelector("button[type=submit]");
  var busy = document.getElementById("busy");
  var label = button ? button.textContent : "";

  function idle() {
    form.removeAttribute("aria-busy");
    if (button) { button.disabled = false; button.textContent = label; }
    if (busy) { busy.hidden = true; }
  }

  form.addEventListener("submit", function (event) {
    if (form.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
    form.setAttribute("aria-busy", "true");
    if (button) { button.disabled = true; button.textContent = "Comparing…"; }
    if (busy) { busy.hidden = false; }
  });
  /* Back from the result, the browser may show this page from its cache, still busy. */
  window.addEventListener("pageshow", idle);
})();
