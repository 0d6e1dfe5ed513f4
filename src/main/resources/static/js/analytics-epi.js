// Charts of the epidemic statistics and SEIR projection pages (no inline scripts: the
// Content-Security-Policy forbids them). Each .epi-chart carries its data as JSON in data-json and
// its kind in data-kind; labels come from data-label-* attributes (already in the page's language).
(function () {
  'use strict';

  var base = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    // containLabel: the y-axis labels (12,000 rooms) stay inside the chart whatever their width
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true }
  };

  /** Large figures on an axis: 12,000 as 1.2万 (or 12k), so that labels stay short. */
  function compact(value) {
    var en = document.documentElement.lang === 'en';
    if (Math.abs(value) >= 10000) {
      return en ? (value / 1000).toLocaleString('en', { maximumFractionDigits: 1 }) + 'k'
        : (value / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 1 }) + '万';
    }
    return value.toLocaleString(en ? 'en' : 'zh-CN');
  }
  /** The round number (1, 2, 2.5, 5 × 10ⁿ) at or above {@code value}. */
  function niceCeil(value) {
    if (value <= 0) {
      return 1;
    }
    var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var k = 0; k < steps.length; k++) {
      if (steps[k] * magnitude >= value) {
        return steps[k] * magnitude;
      }
    }
    return 10 * magnitude;
  }
  var valueAxis = { type: 'value', axisLabel: { formatter: compact } };

  function option(extra) {
    var result = {};
    Object.keys(base).forEach(function (key) { result[key] = base[key]; });
    Object.keys(extra).forEach(function (key) { result[key] = extra[key]; });
    return result;
  }

  function shortDay(day) { return String(day).substring(5); }

  function round(values, digits) {
    return values.map(function (v) { return v === null ? null : Number(v.toFixed(digits)); });
  }

  var kinds = {
    curve: function (element, data) {
      var series = data[element.getAttribute('data-basis')];
      var label = function (name) { return element.getAttribute('data-label-' + name); };
      var bar = function (name, values, color) {
        return { name: label(name), type: 'bar', stack: 'cases', data: values, itemStyle: { color: color } };
      };
      return option({
        xAxis: { type: 'category', data: data.days.map(shortDay), axisLabel: { fontSize: 10 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          bar('confirmed', series.localConfirmed, '#c0392b'),
          bar('asymptomatic', series.localAsymptomatic, '#e6a100'),
          bar('imported', series.imported, '#2c3e6b'),
          { name: label('average'), type: 'line', data: round(series.movingAverage, 2), smooth: true,
            symbol: 'none', lineStyle: { width: 2, color: '#111' }, itemStyle: { color: '#111' } }
        ]
      });
    },
    histogram: function (element, data) {
      var days = data.histogram.map(function (_, k) { return data.histogramStart + k; });
      return option({
        legend: { show: false },
        xAxis: { type: 'category', data: days, axisLabel: { fontSize: 10 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: element.getAttribute('data-label-pairs'), type: 'bar', data: data.histogram,
          itemStyle: { color: '#2c3e6b' } }]
      });
    },
    rt: function (element, data) {
      var days = data.map(function (p) { return shortDay(p.end); });
      var lower = data.map(function (p) { return Number(p.lower.toFixed(3)); });
      var band = data.map(function (p) { return Number((p.upper - p.lower).toFixed(3)); });
      return option({
        xAxis: { type: 'category', data: days, axisLabel: { fontSize: 10 } },
        yAxis: { type: 'value' },
        series: [
          { name: 'lower', type: 'line', data: lower, stack: 'ci', symbol: 'none', lineStyle: { opacity: 0 },
            tooltip: { show: false } },
          { name: element.getAttribute('data-label-interval'), type: 'line', data: band, stack: 'ci', symbol: 'none',
            lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(192,57,43,0.2)' },
            itemStyle: { color: 'rgba(192,57,43,0.35)' } },
          { name: element.getAttribute('data-label-mean'), type: 'line', data: data.map(function (p) {
            return Number(p.mean.toFixed(3)); }), itemStyle: { color: '#c0392b' },
            markLine: { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { color: '#555' } } }
        ],
        legend: { top: 0, data: [element.getAttribute('data-label-mean'), element.getAttribute('data-label-interval')],
          textStyle: { fontSize: 11 } }
      });
    },
    'projection-cases': function (element, data) {
      var intervention = element.getAttribute('data-intervention');
      var line = { name: element.getAttribute('data-label-cases'), type: 'line', data: round(data.newCases, 1),
        symbol: 'none', itemStyle: { color: '#c0392b' }, areaStyle: { color: 'rgba(192,57,43,0.15)' } };
      if (intervention) {
        line.markLine = { silent: true, symbol: 'none', data: [{ xAxis: Number(intervention) - 1 }],
          lineStyle: { color: '#2c3e6b', type: 'dashed' } };
      }
      return option({
        xAxis: { type: 'category', data: data.dates, axisLabel: { fontSize: 10 } },
        yAxis: valueAxis,
        series: [line]
      });
    },
    'projection-capacity': function (element, data) {
      var rooms = { name: element.getAttribute('data-label-rooms'), type: 'line', data: round(data.rooms, 1),
        symbol: 'none', itemStyle: { color: '#2c3e6b' } };
      // the rooms the area has, against the rooms the projection needs
      rooms.markLine = { silent: true, symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed', width: 2 },
        label: { position: 'insideEndTop', formatter: element.getAttribute('data-label-capacity') + ' {c}' },
        data: [{ yAxis: data.capacity }] };
      return option({
        xAxis: { type: 'category', data: data.dates, axisLabel: { fontSize: 10 } },
        // the axis reaches the capacity line even when the projection stays far below it
        yAxis: { type: 'value', axisLabel: { formatter: compact },
          max: function (extent) { return niceCeil(Math.max(extent.max, data.capacity) * 1.05); } },
        series: [
          rooms,
          { name: element.getAttribute('data-label-beds'), type: 'line', data: round(data.beds, 1), symbol: 'none',
            itemStyle: { color: '#e6a100' } }
        ]
      });
    }
  };

  function draw() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var elements = document.querySelectorAll('.epi-chart:not([data-rendered])');
    Array.prototype.forEach.call(elements, function (element) {
      var build = kinds[element.getAttribute('data-kind')];
      if (!build) {
        return;
      }
      var chart = window.echarts.init(element);
      chart.setOption(build(element, JSON.parse(element.getAttribute('data-json'))));
      element.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
  window.addEventListener('load', draw);
}());
