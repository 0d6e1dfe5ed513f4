// Sends the CSRF token with every htmx request (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('htmx:configRequest', function (event) {
  var body = document.body;
  var header = body.getAttribute('data-csrf-header');
  var token = body.getAttribute('data-csrf-token');
  if (header && token) {
    event.detail.headers[header] = token;
  }
});

// Elements with data-confirm ask before they submit.
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// The menu: a search box filters the entries (name and hint) as one types, opening the groups that
// hold a match; ↓/↑ move through the matches, Enter opens the first, Esc clears; "/" focuses the search.
// Groups opened or closed by hand stay so on the next page (sessionStorage).
(function () {
  var nav = document.querySelector('.app-nav');
  if (!nav) {
    return;
  }
  var search = nav.querySelector('.nav-search');
  var empty = nav.querySelector('.nav-search-empty');
  var groups = Array.prototype.slice.call(nav.querySelectorAll('details.nav-group'));
  var links = Array.prototype.slice.call(nav.querySelectorAll('a.nav-link'));
  var STORE = 'epicommand.nav.open';

  function stored() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || '{}'); } catch (e) { return {}; }
  }
  var remembered = stored();
  groups.forEach(function (group) {
    var name = group.getAttribute('data-group');
    if (remembered[name] === true && !group.open) { group.open = true; }
    if (remembered[name] === false && group.open && !group.classList.contains('nav-group-active')) { group.open = false; }
    group.addEventListener('toggle', function () {
      if (search && search.value.trim()) { return; }
      var state = stored();
      state[name] = group.open;
      try { sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
    });
  });

  function visible() {
    return links.filter(function (link) { return !link.hidden; });
  }

  function filter() {
    var q = search.value.trim().toLowerCase();
    var matches = 0;
    links.forEach(function (link) {
      var text = (link.textContent + ' ' + (link.getAttribute('data-hint') || '')).toLowerCase();
      var hit = !q || text.indexOf(q) >= 0;
      link.hidden = !hit;
      if (hit) { matches++; }
    });
    groups.forEach(function (group) {
      if (!group.hasAttribute('data-was-open')) { group.setAttribute('data-was-open', group.open ? 'true' : 'false'); }
      var any = group.querySelector('a.nav-link:not([hidden])') !== null;
      group.hidden = q && !any;
      group.open = q ? any : group.getAttribute('data-was-open') === 'true';
      if (!q) { group.removeAttribute('data-was-open'); }
    });
    if (empty) { empty.classList.toggle('d-none', !q || matches > 0); }
  }

  if (search) {
    search.addEventListener('input', filter);
    search.addEventListener('keydown', function (event) {
      var shown = visible();
      if (event.key === 'Enter' && shown.length) {
        event.preventDefault();
        shown[0].click();
      } else if (event.key === 'ArrowDown' && shown.length) {
        event.preventDefault();
        shown[0].focus();
      } else if (event.key === 'Escape') {
        search.value = '';
        filter();
      }
    });
  }
  nav.addEventListener('keydown', function (event) {
    if (event.target.tagName !== 'A' || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) {
      return;
    }
    var shown = visible();
    var at = shown.indexOf(event.target);
    event.preventDefault();
    if (event.key === 'ArrowDown' && at < shown.length - 1) {
      shown[at + 1].focus();
    } else if (event.key === 'ArrowUp') {
      (at > 0 ? shown[at - 1] : (search || shown[0])).focus();
    }
  });
  document.addEventListener('keydown', function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (event.key === '/' && search && !typing && search.offsetParent !== null) {
      event.preventDefault();
      search.focus();
    }
  });
}());
