// Findings filters: each select keeps the rows whose data-<filter> holds its value.
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("findings-count");
  function matches(row, select) {
    if (select.value === "") return true;
    var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split("\n");
    return values.indexOf(select.value) >= 0;
  }
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (select) { return matches(row, select); });
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  apply();
})();
