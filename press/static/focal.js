/* The focal point picker on the staff photo page: a click on the photo fills the form's
   percentages and sends it; the mark shows the point saved. No inline script (CSP). */
(function () {
  "use strict";
  function place(picker, x, y) {
    var mark = picker.querySelector(".focal-mark");
    if (!mark) return;
    mark.style.left = (x * 100) + "%";
    mark.style.top = (y * 100) + "%";
  }
  document.querySelectorAll(".focal-picker").forEach(function (picker) {
    var form = document.getElementById(picker.dataset.focalForm);
    place(picker, parseFloat(picker.dataset.x), parseFloat(picker.dataset.y));
    var image = picker.querySelector("img");
    if (!form || !image) return;
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      place(picker, x, y);
      form.elements.x.value = (x * 100).toFixed(1);
      form.elements.y.value = (y * 100).toFixed(1);
      form.submit();
    });
  });
})();
