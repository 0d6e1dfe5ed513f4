// A place's coordinates entered on a map: the boundaries of the user's division ([data-coordinate-picker]);
// a click or tap fills the latitude and longitude fields, typing in them moves the mark.
(function () {
  'use strict';

  function number(input) {
    var v = input && input.value.trim() !== '' ? Number(input.value) : NaN;
    return isFinite(v) ? v : null;
  }

  window.EpiMap.whenReady(function () {
    document.querySelectorAll('[data-coordinate-picker]:not([data-started])').forEach(function (element) {
      element.setAttribute('data-started', 'true');
      var lat = document.getElementById(element.getAttribute('data-lat'));
      var lon = document.getElementById(element.getAttribute('data-lon'));
      if (!lat || !lon) {
        return;
      }
      fetch(element.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (areas) {
          if (!areas || areas.features.length === 0) {
            element.hidden = true;
            return;
          }
          var map = window.EpiMap.create(element, {});
          map.render({ code: 'pick', areas: areas, drillable: false }, null);
          var current = function () {
            return number(lat) !== null && number(lon) !== null ? [number(lon), number(lat)] : null;
          };
          map.pickable(current(), function (point) {
            lon.value = point[0].toFixed(6);
            lat.value = point[1].toFixed(6);
            [lat, lon].forEach(function (input) { input.dispatchEvent(new Event('change', { bubbles: true })); });
          });
          [lat, lon].forEach(function (input) {
            input.addEventListener('input', function () {
              map.picked = current();
              map.render(map.data, map.overlays);
            });
          });
          if (window.ResizeObserver) {
            // a form shown later (a collapsed card) gives the map its size only then
            new ResizeObserver(function () { map.chart.resize(); }).observe(element);
          }
          element.epiMap = map;
        });
    });
  });
}());
