// The big screen: fetches /screen/data every minute, writes the figures, draws the map of today's new local
// cases with risk areas and places, and turns the focus every few seconds to the next district with new
// cases. When the server cannot be reached the last figures stay and the footer says so.
(function () {
  'use strict';

  var body = document.body;
  var labels = JSON.parse(body.getAttribute('data-labels') || '{}');
  var refresh = parseInt(body.getAttribute('data-refresh-seconds'), 10) * 1000;
  var turn = parseInt(body.getAttribute('data-focus-seconds'), 10) * 1000;
  var map = null;
  var curve = null;
  var focusIndex = -1;
  var latest = null;

  function field(name) {
    return document.querySelector('[data-field="' + name + '"]');
  }

  function set(name, value) {
    var element = field(name);
    if (element) {
      element.textContent = value === null || value === undefined ? '–' : String(value);
    }
  }

  function number(value) {
    return value === null || value === undefined ? '–' : Number(value).toLocaleString(body.getAttribute('data-lang') === 'en' ? 'en' : 'zh-CN');
  }

  function format(template, args) {
    return (template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }

  /** The city's time of day (the offset comes from the server: the screen's computer may be set otherwise). */
  function tick() {
    var now = new Date(Date.now() + parseInt(body.getAttribute('data-utc-offset'), 10) * 60000);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    set('clock', pad(now.getUTCHours()) + ':' + pad(now.getUTCMinutes()) + ':' + pad(now.getUTCSeconds()));
  }

  function render(data) {
    latest = data;
    var c = data.cases;
    set('areaName', data.areaName);
    set('local', number(c.local));
    set('underControl', number(c.underControl));
    set('society', number(c.society));
    set('confirmed', number(c.confirmed));
    set('asymptomatic', number(c.asymptomatic));
    set('imported', number(c.imported));
    field('society').parentElement.classList.toggle('alarm', c.society > 0);
    var zero = field('doubleZero');
    zero.textContent = c.societyZero ? labels.societyZero : format(labels.societyNotZero, [c.society]);
    zero.className = 'double-zero ' + (c.societyZero ? 'ok' : 'alarm');
    set('underManagement', number(data.underManagement));
    var regimes = data.managementByRegime || {};
    set('centralized', number(regimes.CENTRALIZED || 0));
    set('home', number((regimes.HOME_ISOLATION || 0) + (regimes.HOME_MONITORING || 0) + (regimes.SELF_MONITORING || 0)));
    set('roomsFree', number(data.rooms.free));
    set('roomsTotal', number(data.rooms.total));
    field('roomsBar').style.width = (data.rooms.total > 0 ? Math.round(100 * data.rooms.free / data.rooms.total) : 0) + '%';
    set('testedToday', number(data.testedToday));
    set('pushedLanded', number(data.pushed.landed));
    set('pushedTotal', number(data.pushed.pushed));
    var o = data.overdue;
    set('overdueTotal', number(o.total));
    set('openAlerts', number(o.openAlerts));
    set('awaitingTransfer', number(o.awaitingTransfer));
    set('missedChecks', number(o.missedChecks));
    set('pushedOverdue', number(o.pushedNames));
    set('tasksOverdue', number(o.tasks));
    set('asOf', format(labels.asOf, [data.generatedAt.substring(11, 19)]));
    districts(data.districts);
    places(data.overlays);
    if (!map) {
      map = window.EpiMap.create(document.querySelector('.screen-map'), { labels: labels, metric: 'newCases', dark: true });
    }
    map.render(data.map, data.overlays);
    drawCurve(data.curve);
    focusIndex = -1;
    turnFocus();
  }

  function districts(rows) {
    var tbody = field('districts');
    tbody.innerHTML = '';
    // a city of many counties: smaller rows, so that all of them stay on the screen
    tbody.parentElement.classList.toggle('many', rows.length > 8);
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-code', r.code);
      [r.name, number(r.localToday), number(r.societyToday), number(r.underManagement)].forEach(function (v, i) {
        var td = document.createElement('td');
        td.textContent = v;
        if (i === 2 && r.societyToday > 0) {
          td.className = 'alarm';
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function places(overlays) {
    var counts = {};
    (overlays.places || []).forEach(function (p) { counts[p.kind] = (counts[p.kind] || 0) + 1; });
    var parts = Object.keys(counts).map(function (k) { return (labels['place.' + k] || k) + ' ' + counts[k]; });
    var risk = overlays.riskAreas ? overlays.riskAreas.features.length : 0;
    if (risk > 0) {
      parts.push((labels.riskAreas || '') + ' ' + risk);
    }
    set('placesLegend', parts.join(' · '));
  }

  function drawCurve(data) {
    var element = document.querySelector('.screen-curve');
    if (!curve) {
      curve = window.echarts.init(element, 'dark');
      window.addEventListener('resize', function () { curve.resize(); });
    }
    var size = Math.max(12, Math.round(window.innerHeight * 0.016));
    curve.setOption({
      backgroundColor: 'transparent', animation: false,
      grid: { left: size * 2.4, right: size * 0.6, top: size * 0.8, bottom: size * 1.8 },
      xAxis: { type: 'category', data: data.days.map(function (d) { return d.substring(5); }),
        axisLabel: { fontSize: size, color: '#b9c8e6' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: size, color: '#b9c8e6' },
        splitLine: { lineStyle: { color: 'rgba(159,192,255,0.15)' } } },
      series: [{ type: 'bar', data: data.local, itemStyle: { color: '#e8543f' },
        label: { show: true, position: 'top', fontSize: size, color: '#fff',
          formatter: function (p) { return p.value > 0 ? p.value : ''; } } }]
    });
  }

  /** The next district with new cases gets the focus: lit on the map and in the table, named below the map. */
  function turnFocus() {
    if (!latest) {
      return;
    }
    var focus = latest.focus || [];
    document.querySelectorAll('[data-field="districts"] tr').forEach(function (tr) { tr.classList.remove('focused'); });
    if (focus.length === 0) {
      map.focus(null);
      set('focus', labels.noFocus);
      return;
    }
    focusIndex = (focusIndex + 1) % focus.length;
    var f = focus[focusIndex];
    map.focus(f.code);
    var row = document.querySelector('[data-field="districts"] tr[data-code="' + f.code + '"]');
    if (row) {
      row.classList.add('focused');
    }
    set('focus', format(labels.focus, [f.name, f.localToday, f.societyToday]));
    document.querySelector('[data-testid="screen-focus"]').setAttribute('data-focus', f.code);
  }

  function load() {
    fetch(body.getAttribute('data-data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (data) {
        field('offline').hidden = true;
        render(data);
        body.setAttribute('data-loaded', 'true');
      })
      .catch(function () { field('offline').hidden = false; });
  }

  function start() {
    if (typeof window.echarts === 'undefined' || typeof window.EpiMap === 'undefined' || body.hasAttribute('data-started')) {
      return;
    }
    body.setAttribute('data-started', 'true');
    tick();
    setInterval(tick, 1000);
    load();
    setInterval(load, refresh);
    setInterval(turnFocus, turn);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  window.addEventListener('load', start);
}());
