// The division page's map: the boundaries of the division's children (or its own), a click opens the child.
(function () {
  'use strict';

  window.EpiMap.whenReady(function () {
    document.querySelectorAll('[data-division-map]:not([data-started])').forEach(function (element) {
      element.setAttribute('data-started', 'true');
      var browse = element.getAttribute('data-browse-url');
      fetch(element.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (areas) {
          var map = window.EpiMap.create(element, {
            onDrill: function (code) { window.location.href = browse + '?code=' + encodeURIComponent(code); }
          });
          map.render({ code: 'division', areas: areas, drillable: true }, null);
          element.epiMap = map;
        });
    });
  });
}());
