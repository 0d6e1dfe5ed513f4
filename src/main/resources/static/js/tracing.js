// The transmission-chain graph (tracing/chain.html). Positions come precomputed by generation
// (x = generation, y = rank in it), each generation under its heading; small chains get labels and
// arrows, big ones dots only, so that thousands of nodes stay responsive. Colour = classification;
// a click opens the case.
(function () {
  'use strict';
  var COLOURS = ['#f0ad4e', '#c9302c', '#8e44ad', '#95a5a6']; // SUSPECTED, CONFIRMED, ASYMPTOMATIC, EXCLUDED

  function draw(element, graph) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    // marked once drawn and its animation done: nodes stand where they are clicked
    chart.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
    var big = !graph.detailed;
    var generationLabel = element.getAttribute('data-generation-label') || '';
    var heading = element.getAttribute('data-generation-heading') || '{0}';
    var headers = (graph.headers || []).map(function (h) {
      return { id: 'generation-' + h.generation, name: heading.replace('{0}', h.generation), x: h.x, y: h.y,
        // a 'none' symbol carries no label: a transparent dot carries the heading
        symbol: 'circle', symbolSize: 1, itemStyle: { color: 'transparent' }, fixed: true, heading: true,
        label: { show: true, position: 'right', fontSize: 12, fontWeight: 'bold', color: '#5a6478' },
        tooltip: { show: false } };
    });
    chart.setOption({
      animation: !big,
      color: COLOURS,
      tooltip: {
        formatter: function (p) {
          if (p.dataType !== 'node' || p.data.heading) { return ''; }
          var d = p.data;
          return echarts.format.encodeHTML(d.name) + '<br>' + echarts.format.encodeHTML(graph.categories[d.category])
            + ' · ' + generationLabel + ' ' + d.generation + (d.onsetDate ? '<br>' + d.onsetDate : '');
        }
      },
      legend: [{ data: graph.categories, top: 4 }],
      series: [{
        type: 'graph',
        layout: 'none',
        roam: true,
        draggable: !big,
        categories: graph.categories.map(function (name) { return { name: name }; }),
        data: headers.concat(graph.nodes.map(function (n) {
          return { id: n.id, name: n.name, category: n.category, generation: n.generation, onsetDate: n.onsetDate,
            x: n.x, y: n.y, url: n.url, symbolSize: big ? 6 : 14 };
        })),
        links: graph.links,
        edgeSymbol: ['none', big ? 'none' : 'arrow'],
        edgeSymbolSize: 6,
        label: { show: !big, position: 'right', fontSize: 11 },
        labelLayout: { hideOverlap: true }, // the headings of narrow generations do not run into each other
        lineStyle: { color: '#8a94a6', opacity: big ? 0.35 : 0.8, width: 1 },
        emphasis: { focus: big ? 'none' : 'adjacency' },
        progressive: big ? 2000 : 0
      }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && p.data.url && p.data.url.charAt(0) === '/') {
        window.location.href = p.data.url;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('chain-graph');
    if (!element || typeof echarts === 'undefined') { return; }
    fetch(element.getAttribute('data-graph-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (graph) { draw(element, graph); });
  });
})();
