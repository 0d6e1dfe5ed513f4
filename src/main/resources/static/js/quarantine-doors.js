// Door alert screen: the list refreshes every 3 s (hx-trigger on #door-alerts). While a worker is typing a
// resolution note, a refresh would wipe it, so the poll is skipped until the note is sent or emptied.
document.addEventListener('htmx:beforeRequest', function (event) {
  var list = document.getElementById('door-alerts');
  if (!list || event.detail.elt !== list) {
    return;
  }
  var notes = list.querySelectorAll('input[name=note]');
  for (var i = 0; i < notes.length; i++) {
    if (notes[i] === document.activeElement || notes[i].value.trim() !== '') {
      event.preventDefault();
      return;
    }
  }
});
