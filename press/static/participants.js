// Adds an empty participant row by cloning the last one and renumbering its fields.
(function () {
  var button = document.getElementById("add-participant");
  var body = document.querySelector("#participants tbody");
  if (!button || !body) return;
  button.addEventListener("click", function () {
    var rows = body.querySelectorAll("tr");
    var last = rows[rows.length - 1];
    var clone = last.cloneNode(true);
    var index = rows.length;
    clone.querySelectorAll("input, select").forEach(function (el) {
      el.name = el.name.replace(/participants-\d+-/, "participants-" + index + "-");
      el.id = el.id.replace(/participants-\d+-/, "participants-" + index + "-");
      if (el.tagName === "INPUT") el.value = "";
    });
    body.appendChild(clone);
    clone.querySelector("input").focus();
  });
})();
