/* Asks before an action that cannot be undone: a form or a submit button carrying
   data-confirm="question" is sent only when the user answers OK. The pages' Content
   Security Policy runs no inline onclick/onsubmit handlers, so this file asks instead. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm], input[type=submit][data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });
  document.addEventListener("submit", function (event) {
    var question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
})();
