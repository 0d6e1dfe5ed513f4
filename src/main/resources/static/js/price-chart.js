// The necessity prices page (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // One commodity's daily prices: a line per market, each alert a marker on its day (data in data-chart).
  function priceChart() {
    var element = document.getElementById('price-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var series = data.series.map(function (s) {
      return {
        name: s.name, type: 'line', data: s.prices, connectNulls: true, symbolSize: 5,
        markPoint: {
          symbol: 'pin', symbolSize: 36, itemStyle: { color: '#d9534f' }, label: { show: false },
          data: s.alerts.map(function (a) { return { name: a.kind, coord: [a.day, a.price], value: a.kind }; })
        }
      };
    });
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 4, type: 'scroll' },
      grid: { left: 44, right: 12, top: 48, bottom: 40 },
      xAxis: { type: 'category', data: data.days },
      yAxis: { type: 'value', scale: true, name: data.unit, nameTextStyle: { align: 'left' } },
      series: series
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', priceChart);
  } else {
    priceChart();
  }
})();
