// Movement pages (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // Pushed-list figures per district: pushed, signed, landed, overdue as grouped bars (data in data-chart).
  function pushedChart() {
    var element = document.getElementById('pushed-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var colors = ['#2c3e6b', '#5b8def', '#2e9d5b', '#d93b3b'];
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 4 },
      grid: { left: 44, right: 12, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: data.names.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.labels.map(function (label, i) {
        return { name: label, type: 'bar', data: data.series[i], itemStyle: { color: colors[i] } };
      })
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', pushedChart);
  } else {
    pushedChart();
  }
})();
