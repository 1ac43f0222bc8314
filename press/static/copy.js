/* Copy buttons: a button carrying data-copy-target="ID" copies the text of the element
   ID (a readonly textarea, which is there and selectable without JavaScript) to the
   clipboard and says so in its data-copied text. The buttons stay hidden until this file
   runs; the pages' Content Security Policy runs no inline scripts. */
(function () {
  "use strict";
  function say(button, text) {
    var status = button.parentNode.querySelector(".copy-status");
    if (status) status.textContent = text;
  }
  function fallback(source) {
    source.focus();
    source.select();
    return document.execCommand && document.execCommand("copy");
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy-target]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copyTarget);
    if (!source) return;
    var text = source.value !== undefined ? source.value : source.textContent;
    var done = function () { say(button, button.dataset.copied || ""); };
    var failed = function () { say(button, fallback(source) ? (button.dataset.copied || "") : (button.dataset.failed || "")); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy-target]").forEach(function (button) { button.hidden = false; });
  });
})();
