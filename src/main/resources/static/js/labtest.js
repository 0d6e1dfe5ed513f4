// Campaign board charts and the retest list's filter (no inline scripts: the Content-Security-Policy forbids them).
// Each .lt-chart carries its figures as JSON in data-values and its labels in data-label-* attributes.
(function () {
  'use strict';

  var colors = { tubes: '#2c3e6b', persons: '#0d8a6a', results: '#e6a100', peak: '#c0392b' };

  function base(categories, rotate) {
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 44, right: 12, top: 32, bottom: rotate ? 56 : 28 },
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 10, rotate: rotate ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 }
    };
  }

  var builders = {
    progress: function (element, data) {
      var option = base(data.hours, data.hours.length > 8);
      var line = function (key) {
        return { name: element.getAttribute('data-label-' + key), type: 'line', showSymbol: data.hours.length < 30,
          data: data[key], itemStyle: { color: colors[key] } };
      };
      option.series = [line('tubes'), line('persons'), line('results')];
      return option;
    },
    load: function (element, data) {
      var option = base(data.sites, data.sites.length > 4);
      option.series = [
        { name: element.getAttribute('data-label-persons'), type: 'bar', data: data.persons, itemStyle: { color: colors.persons } },
        { name: element.getAttribute('data-label-peak'), type: 'bar', data: data.peak, itemStyle: { color: colors.peak } }
      ];
      return option;
    },
    turnaround: function (element, data) {
      var option = base(data.labs, data.labs.length > 4);
      option.yAxis = { type: 'value', name: element.getAttribute('data-axis'), nameTextStyle: { fontSize: 10 } };
      option.series = ['p50', 'p90', 'p99'].map(function (key, i) {
        return { name: key.toUpperCase(), type: 'bar', data: data[key], itemStyle: { color: ['#0d8a6a', '#e6a100', '#c0392b'][i] } };
      });
      return option;
    }
  };

  function draw(root) {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var elements = (root || document).querySelectorAll('.lt-chart:not([data-rendered])');
    Array.prototype.forEach.call(elements, function (element) {
      var build = builders[element.getAttribute('data-chart')];
      if (!build) {
        return;
      }
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(build(element, JSON.parse(element.getAttribute('data-values'))));
      element.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // Selects marked data-autosubmit submit their form.
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]')) {
      event.target.form.submit();
    }
  });

  document.addEventListener('htmx:load', function (event) { draw(event.target); });
  window.addEventListener('load', function () { draw(document); });
}());
