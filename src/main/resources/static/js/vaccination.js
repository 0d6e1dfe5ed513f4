// Vaccination pages (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // Coverage by age band: the three shares as bars, each target as a dashed step line (data in data-chart).
  function coverageChart() {
    var element = document.getElementById('coverage-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var colors = ['#5b8def', '#2c3e6b', '#2e9d5b'];
    var series = [];
    data.series.forEach(function (s, i) {
      series.push({ name: s.name, type: 'bar', data: s.rates, itemStyle: { color: colors[i] } });
      if (s.targets.some(function (t) { return t !== null; })) {
        series.push({ name: s.target, type: 'line', step: 'middle', data: s.targets, connectNulls: false,
          symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: colors[i] }, itemStyle: { color: colors[i] } });
      }
    });
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + '%'; } },
      legend: { top: 4, type: 'scroll' },
      grid: { left: 44, right: 12, top: 56, bottom: 56 },
      xAxis: { type: 'category', data: data.bands, axisLabel: { interval: 0, rotate: data.bands.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', coverageChart);
  } else {
    coverageChart();
  }
})();
