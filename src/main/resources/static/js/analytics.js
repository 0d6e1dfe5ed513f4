// The command dashboard (no inline scripts: the Content-Security-Policy forbids them).
// Curves are drawn from data-curve; the panel reloads itself every 60 s through htmx, and the new
// panel's charts are drawn again on htmx:load.
(function () {
  'use strict';

  function drawCurves(root) {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var elements = (root || document).querySelectorAll('.an-chart:not([data-rendered])');
    Array.prototype.forEach.call(elements, function (element) {
      var data = JSON.parse(element.getAttribute('data-curve'));
      var series = data[element.getAttribute('data-basis')];
      var chart = window.echarts.init(element);
      var bar = function (name, values, color) {
        return { name: name, type: 'bar', stack: 'cases', data: values, itemStyle: { color: color } };
      };
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { fontSize: 11 } },
        grid: { left: 36, right: 8, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: data.days, axisLabel: { fontSize: 10 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          bar(element.getAttribute('data-label-confirmed'), series.localConfirmed, '#c0392b'),
          bar(element.getAttribute('data-label-asymptomatic'), series.localAsymptomatic, '#e6a100'),
          bar(element.getAttribute('data-label-imported'), series.imported, '#2c3e6b')
        ]
      });
      element.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // The district choice submits itself.
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]')) {
      event.target.form.submit();
    }
  });

  document.addEventListener('htmx:load', function (event) { drawCurves(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawCurves(document); });
  } else {
    drawCurves(document);
  }
  window.addEventListener('load', function () { drawCurves(document); });
}());
