// Quarantine pages (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // The capacity chart: rooms against the rooms required per district (data in data-chart).
  function capacityChart() {
    var element = document.getElementById('capacity-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 4 },
      grid: { left: 48, right: 16, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: data.names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: data.roomsLabel, type: 'bar', data: data.rooms, itemStyle: { color: '#2c3e6b' } },
        { name: data.requiredLabel, type: 'bar', data: data.required, itemStyle: { color: '#e6a100' } }
      ]
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // Copy boxes: a button with data-copy="#input" copies the input's value.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var input = document.querySelector(button.getAttribute('data-copy'));
    input.select();
    var done = function () { button.textContent = button.getAttribute('data-copied') || button.textContent; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done);
    } else {
      document.execCommand('copy');
      done();
    }
  });

  // The alert list refreshes every 5 s, but not while someone is typing a note or pressing a button in it.
  document.addEventListener('htmx:beforeRequest', function (event) {
    var table = event.detail.elt;
    if (!table || table.id !== 'alerts-table') {
      return;
    }
    var active = document.activeElement;
    var typing = Array.prototype.some.call(table.querySelectorAll('input[name=note]'), function (input) {
      return input.value.trim() !== '';
    });
    if (typing || (active && table.contains(active))) {
      event.preventDefault();
    }
  });

  // The rule-set form: only the downgrade steps of the chosen level family are shown (and sent).
  function downgradeSteps() {
    var select = document.querySelector('[data-rule-set-levels]');
    if (!select) {
      return;
    }
    var show = function () {
      document.querySelectorAll('[data-step-family]').forEach(function (step) {
        var on = step.getAttribute('data-step-family') === select.value;
        step.hidden = !on;
        step.querySelector('input').disabled = !on;
      });
    };
    select.addEventListener('change', show);
    show();
  }

  function ready() {
    capacityChart();
    downgradeSteps();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
