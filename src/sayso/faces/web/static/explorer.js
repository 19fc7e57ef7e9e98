// Sayso explorer: click (or Enter on) a highlight to see who said it and select every
// piece of that attribution. Text is copied with textContent only, never as HTML.
(function () {
  "use strict";
  function select(ids, source) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id) {
      document.querySelectorAll('.hl[data-a~="' + id + '"], .attribution-list li[data-a="' + id + '"]')
        .forEach(function (el) { el.classList.add("active"); });
    });
    var panel = document.getElementById("details");
    if (!panel || !source) return;
    ["speaker", "kind", "cue", "confidence"].forEach(function (field) {
      var dd = panel.querySelector('[data-field="' + field + '"]');
      if (dd) dd.textContent = source.getAttribute("data-" + field) || "—";
    });
    panel.hidden = false;
  }
  function onActivate(event) {
    var el = event.target.closest(".hl[data-a]");
    if (el) {
      var ids = (el.getAttribute("data-a") || "").split(" ").filter(function (s) { return /^\d+$/.test(s); });
      select(ids, el);
      return;
    }
    // A row of the attribution list: select it and bring its text into view.
    var row = event.target.closest(".attribution-list li[data-a]");
    if (!row || event.target.closest("a")) return;
    var id = row.getAttribute("data-a");
    if (!/^\d+$/.test(id)) return;
    var first = document.querySelector('.hl[data-a~="' + id + '"]');
    select([id], first);
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  document.addEventListener("click", onActivate);
  // Filter forms leave empty fields out of the URL, so shared links stay short.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (el.name && !el.value) el.disabled = true;
      });
    });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Enter") onActivate(event); });
  // Coming back to the page (history) must find the fields usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.filters [disabled]").forEach(function (el) { el.disabled = false; });
  });
})();
