// The sentinel board's chart (no inline scripts: the Content-Security-Policy forbids them): the registrations
// per day as bars, the 7-day baseline as a line and the rise line (an alert above it) dashed; data in data-chart.
(function () {
  'use strict';

  function boardChart() {
    var element = document.getElementById('board-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 4, type: 'scroll' },
      grid: { left: 44, right: 12, top: 44, bottom: 32 },
      xAxis: { type: 'category', data: data.days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: data.registrationsName, type: 'bar', data: data.registrations, itemStyle: { color: '#5b8def' } },
        { name: data.baselineName, type: 'line', data: data.baselines, symbol: 'none',
          lineStyle: { width: 2, color: '#2c3e6b' }, itemStyle: { color: '#2c3e6b' } },
        { name: data.riseName, type: 'line', data: data.rise, symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: '#d9534f' }, itemStyle: { color: '#d9534f' } }
      ]
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boardChart);
  } else {
    boardChart();
  }
})();
