(function () {
  "use strict";
  var groups = JSON.parse(document.getElementById("np-groups").textContent || "{}");
  var inspector = document.getElementById("inspector");
  var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function pieces(key) { return all('.m[data-k="' + key + '"]'); }
  function clear(cls) { all("." + cls).forEach(function (el) { el.classList.remove(cls); }); }
  function groupsOf(mark) { return (mark.getAttribute("data-g") || "").split(" ").filter(Boolean); }
  function columnOf(el) { return el.closest(".article-body"); }

  /* Counterparts: marks sharing a group (a fact, a quote, a discrepancy...) with this one. */
  function peersOf(mark) {
    var key = mark.getAttribute("data-k"), found = [];
    /* Facts, quotes and discrepancies link passages; summary, timeline and framing only cite. */
    groupsOf(mark).filter(function (g) { return "fqd".indexOf(g.charAt(0)) >= 0; }).forEach(function (g) {
      all('.m[data-g~="' + g + '"]').forEach(function (el) {
        if (el.getAttribute("data-k") !== key && found.indexOf(el) < 0) { found.push(el); }
      });
    });
    return found;
  }

  /* Scroll only inside an article column, so the page itself stays where the reader is. */
  function revealInColumn(el) {
    var column = columnOf(el);
    if (!column || column.scrollHeight <= column.clientHeight) { return; }
    var box = column.getBoundingClientRect(), at = el.getBoundingClientRect();
    column.scrollBy({ top: at.top - box.top - box.height / 3, behavior: smooth ? "smooth" : "auto" });
  }

  function describe(mark, peers) {
    inspector.textContent = "";
    groupsOf(mark).forEach(function (g) {
      var info = groups[g];
      if (!info) { return; }
      var line = document.createElement("p"), label = document.createElement("b");
      label.textContent = info.label;
      line.appendChild(label);
      line.appendChild(document.createTextNode(info.detail ? " — " + info.detail : ""));
      inspector.appendChild(line);
    });
    var count = document.createElement("p");
    count.className = "hint";
    count.textContent = peers.length ? peers.length + " linked passage(s) outlined." : "No counterpart in the other articles.";
    inspector.appendChild(count);
  }

  function select(mark) {
    clear("active"); clear("linked");
    var peers = peersOf(mark), seen = [];
    pieces(mark.getAttribute("data-k")).forEach(function (el) { el.classList.add("active"); });
    peers.forEach(function (el) {
      el.classList.add("linked");
      var column = columnOf(el);
      if (column && column !== columnOf(mark) && seen.indexOf(column) < 0) { seen.push(column); revealInColumn(el); }
    });
    describe(mark, peers);
  }

  /* After a jump, one button takes the reader back to the link they came from. */
  var back = document.getElementById("back"), origin = null;
  function offerBack(from) {
    origin = from;
    if (back) { back.hidden = !from; }
  }
  if (back) {
    back.addEventListener("click", function () {
      if (origin) {
        origin.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
        if (origin.focus) { origin.focus({ preventScroll: true }); }
      }
      offerBack(null);
    });
  }

  /* What the articles mark: everything, or one kind only (nearly every sentence is marked). */
  var columns = document.getElementById("article-columns");
  all('#show input[name="show"]').forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.checked && columns) { columns.setAttribute("data-show", input.value); }
    });
  });

  /* A citation (or a timeline event, a quote cell...) names the element ids it rests on. */
  function jump(keys) {
    clear("hl");
    var first = null;
    keys.forEach(function (key) {
      pieces(key).forEach(function (el) { el.classList.add("hl"); first = first || el; });
    });
    if (first) {
      first.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      try { history.replaceState(null, "", "#" + first.id); } catch (e) { /* sandboxed page */ }
    }
  }

  function targetsOf(el) { return (el.getAttribute("data-targets") || "").split(" ").filter(Boolean); }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-targets]");
    if (link) { event.preventDefault(); jump(targetsOf(link)); offerBack(link); return; }
    var mark = event.target.closest(".m[data-k]");
    if (mark) { select(mark); }
  });
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if ((event.key === "Enter" || event.key === " ") && el.matches && el.matches("g[data-targets]")) {
      event.preventDefault();
      jump(targetsOf(el));
      offerBack(el);
    }
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest(".m[data-k]");
    clear("peer");
    if (mark) { peersOf(mark).forEach(function (el) { el.classList.add("peer"); }); }
  });
  if (location.hash.length > 1) {
    var start = document.getElementById(location.hash.slice(1));
    if (start && start.classList.contains("m")) { jump([start.getAttribute("data-k")]); }
  }
})();
