// The daily-report form (command/report-file.html): under each field the platform knows a figure for,
// the difference between what the unit enters and the platform's figure, as it is typed.
(function () {
  'use strict';

  function update(input) {
    var platform = input.getAttribute('data-platform');
    var note = input.parentElement.querySelector('.report-diff');
    if (platform === null || platform === '' || !note) {
      return;
    }
    var value = input.value.trim();
    var difference = value === '' || isNaN(Number(value)) ? 0 : Number(value) - Number(platform);
    note.textContent = difference === 0 ? ''
      : ' · ' + note.getAttribute('data-differs').replace('{0}', (difference > 0 ? '+' : '') + difference);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.daily-report-form input[data-platform]').forEach(function (input) {
      input.addEventListener('input', function () { update(input); });
      update(input);
    });
  });
})();
