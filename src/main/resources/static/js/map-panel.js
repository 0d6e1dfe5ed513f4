// The map card of the dashboard: one figure at a time, drill down by a click (or the list under the map,
// which also serves screen readers and small phones), back up by the trail; refreshes every 60 s.
(function () {
  'use strict';

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    });
  }

  function Panel(root) {
    this.root = root;
    this.labels = JSON.parse(root.getAttribute('data-labels') || '{}');
    this.parent = root.getAttribute('data-parent') || '';
    this.metric = root.getAttribute('data-metric') || 'newCases';
    this.days = root.getAttribute('data-days') || '1';
    var self = this;
    this.map = window.EpiMap.create(root.querySelector('[data-map-canvas]'), {
      labels: this.labels, metric: this.metric, onDrill: function (code) { self.load(code); }
    });
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-drill],[data-metric-choice],[data-days-choice]');
      if (!target) {
        return;
      }
      event.preventDefault();
      if (target.hasAttribute('data-drill')) {
        self.load(target.getAttribute('data-drill'));
      } else if (target.hasAttribute('data-metric-choice')) {
        var layered = self.metric === 'vaccination';
        self.metric = target.getAttribute('data-metric-choice');
        self.map.metric = self.metric;
        if (self.metric === 'vaccination' || layered) {
          // the vaccination layer comes with the areas only when asked for
          self.load(self.parent);
        } else {
          self.draw();
        }
      } else {
        self.days = target.getAttribute('data-days-choice');
        self.load(self.parent);
      }
    });
    root.querySelectorAll('[data-vaccination-band],[data-vaccination-measure]').forEach(function (select) {
      select.addEventListener('change', function () { self.load(self.parent); });
    });
    this.load(this.parent);
    setInterval(function () { self.load(self.parent, true); }, 60000);
  }

  Panel.prototype.load = function (parent, quiet) {
    var self = this;
    // only the latest request is drawn: a quick change of figure, band or dose must not be overtaken by an older one
    var sequence = this.sequence = (this.sequence || 0) + 1;
    var query = '?days=' + encodeURIComponent(this.days) + (parent ? '&parent=' + encodeURIComponent(parent) : '');
    if (this.metric === 'vaccination') {
      query += '&layer=vaccination&ageBand=' + encodeURIComponent(this.choice('band'))
        + '&measure=' + encodeURIComponent(this.choice('measure'));
    }
    var status = this.root.querySelector('[data-map-status]');
    if (!quiet) {
      status.textContent = this.labels.loading || '…';
    }
    Promise.all([json(this.root.getAttribute('data-areas-url') + query),
      json(this.root.getAttribute('data-overlays-url') + (parent ? '?parent=' + encodeURIComponent(parent) : ''))])
      .then(function (answers) {
        if (sequence !== self.sequence) {
          return;
        }
        self.parent = answers[0].code;
        self.data = answers[0];
        self.overlays = answers[1];
        status.textContent = '';
        self.draw();
      })
      .catch(function () { status.textContent = self.labels.failed || 'error'; });
  };

  /** The vaccination layer's chosen age band or measure ({@code band} or {@code measure}). */
  Panel.prototype.choice = function (which) {
    var select = this.root.querySelector('[data-vaccination-' + which + ']');
    return select ? select.value : '';
  };

  Panel.prototype.draw = function () {
    var data = this.data;
    var labels = this.labels;
    var metric = this.metric;
    this.root.querySelectorAll('[data-metric-choice]').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-metric-choice') === metric);
      b.setAttribute('aria-pressed', b.getAttribute('data-metric-choice') === metric ? 'true' : 'false');
    });
    var days = this.days;
    this.root.querySelectorAll('[data-days-choice]').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-days-choice') === days);
    });
    var choices = this.root.querySelector('[data-vaccination-choices]');
    if (choices) {
      choices.hidden = metric !== 'vaccination';
    }
    var trail = this.root.querySelector('[data-map-trail]');
    trail.innerHTML = '';
    data.trail.forEach(function (crumb, i) {
      var item = document.createElement('li');
      item.className = 'breadcrumb-item';
      if (i === data.trail.length - 1) {
        item.textContent = crumb.name;
        item.setAttribute('aria-current', 'page');
      } else {
        var link = document.createElement('a');
        link.href = '#';
        link.textContent = crumb.name;
        link.setAttribute('data-drill', crumb.code);
        item.appendChild(link);
      }
      trail.appendChild(item);
    });
    var empty = this.root.querySelector('[data-map-empty]');
    var canvas = this.root.querySelector('[data-map-canvas]');
    empty.hidden = data.areas.features.length > 0;
    canvas.hidden = data.areas.features.length === 0;
    if (data.areas.features.length > 0) {
      this.map.render(data, this.overlays);
      this.map.chart.resize();
    }
    var note = this.root.querySelector('[data-map-note]');
    var notes = [];
    if (data.withoutBoundary > 0) {
      notes.push((labels.withoutBoundary || '{0}').replace('{0}', data.withoutBoundary));
    }
    if (metric === 'coverage') {
      notes.push(data.campaign ? (labels.campaign || '{0}').replace('{0}', data.campaign) : (labels.noCampaign || ''));
    }
    if (metric === 'vaccination' && data.vaccination) {
      notes.push(data.vaccination.target === null || data.vaccination.target === undefined
        ? (labels.vaccinationNoTarget || '') : (labels.vaccinationTarget || '{0}').replace('{0}', data.vaccination.target));
    }
    note.textContent = notes.join(' · ');
    this.list();
  };

  /** The areas as a list, largest figure first: names, the figure, and a button to drill. */
  Panel.prototype.list = function () {
    var body = this.root.querySelector('[data-map-list]');
    var metric = this.metric;
    var labels = this.labels;
    var drillable = this.data.drillable;
    var rows = this.data.areas.features.map(function (f) { return f.properties; });
    var sortValue = function (p) {
      var v = metric === 'coverage' ? p.coverage : p[metric];
      return v === null || v === undefined ? (metric !== 'vaccination' && p[metric + 'Text'] ? 1 : -1) : v;
    };
    rows.sort(function (a, b) { return sortValue(b) - sortValue(a) || (a.code < b.code ? -1 : 1); });
    body.innerHTML = '';
    rows.forEach(function (p) {
      var tr = document.createElement('tr');
      var name = document.createElement('td');
      if (drillable) {
        var button = document.createElement('a');
        button.href = '#';
        button.setAttribute('data-drill', p.code);
        button.textContent = p.name;
        name.appendChild(button);
      } else {
        name.textContent = p.name;
      }
      var value = document.createElement('td');
      value.className = 'text-end';
      value.setAttribute('data-area-value', p.code);
      value.textContent = metric === 'coverage'
        ? (p.coverage === null || p.coverage === undefined ? (labels.noData || '–') : p.coverage + '%')
        : p[metric + 'Text'];
      tr.appendChild(name);
      tr.appendChild(value);
      body.appendChild(tr);
    });
  };

  function start() {
    if (typeof window.echarts === 'undefined' || typeof window.EpiMap === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-command-map]:not([data-started])').forEach(function (root) {
      root.setAttribute('data-started', 'true');
      root.epiPanel = new Panel(root);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  window.addEventListener('load', start);
}());
