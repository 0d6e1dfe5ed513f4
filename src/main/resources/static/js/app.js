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
