/* The gallery's bulk edit: checkboxes of the photo cards (form="bulk-form"), Shift+click
   for a range, "select all" (whole gallery or one group), the count of selected photos,
   and the progress of the renditions' rewrite on the history of bulk edits. No inline
   script: the Content Security Policy forbids it. */
(function () {
  "use strict";
  var boxes = function () { return Array.prototype.slice.call(document.querySelectorAll("input.bulk-pick")); };
  var last = null;

  function count() {
    var chosen = boxes().filter(function (b) { return b.checked; }).length;
    document.querySelectorAll("[data-bulk-count]").forEach(function (el) {
      el.textContent = (document.documentElement.lang === "en" ? chosen + " selected" : chosen + " dipilih");
    });
  }

  document.addEventListener("click", function (event) {
    var box = event.target.closest("input.bulk-pick");
    if (box) {
      var all = boxes();
      if (event.shiftKey && last !== null && all.indexOf(last) !== -1) {
        var from = all.indexOf(last), to = all.indexOf(box);
        all.slice(Math.min(from, to), Math.max(from, to) + 1).forEach(function (b) { b.checked = box.checked; });
      }
      last = box;
      count();
      return;
    }
    var button = event.target.closest("[data-select-all], [data-select-none], [data-select-group]");
    if (!button) return;
    var group = button.dataset.selectGroup ? button.dataset.selectGroup.split(",") : null;
    boxes().forEach(function (b) {
      if (button.hasAttribute("data-select-none")) b.checked = false;
      else if (!group || group.indexOf(b.value) !== -1) b.checked = true;
    });
    count();
  });

  document.querySelectorAll("[data-bulk-status]").forEach(function (line) {
    var bar = line.querySelector("progress"), done = line.querySelector("[data-bulk-done]");
    function poll() {
      if (Number(bar.value) >= Number(bar.max)) return;
      fetch(line.dataset.bulkStatus, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) { bar.value = s.done; done.textContent = s.done; if (s.done < s.total) setTimeout(poll, 1000); })
        .catch(function () { setTimeout(poll, 5000); });
    }
    poll();
  });
  count();
})();
