// The command map (ECharts geo, no inline scripts: the Content-Security-Policy forbids them). A division's
// areas are coloured by one figure; risk areas are drawn in their level's colour over them and places as
// symbols; a click (a tap on a phone) on an area drills down, the trail above the map goes back up.
// Used by the dashboard ([data-command-map]), the big screen (screen.js) and the division page.
(function () {
  'use strict';

  // bins of a count: 0, "<5" (1-4), 5-9, 10-49, 50 and more; of a coverage in percent
  var COUNT_BINS = [
    { min: 0, max: 0, color: '#e8eef7' }, { min: 1, max: 4, color: '#fcd5b5' }, { min: 5, max: 9, color: '#f8a46f' },
    { min: 10, max: 49, color: '#e8543f' }, { min: 50, color: '#a50f15' }];
  var COVERAGE_BINS = [
    { min: 0, max: 49.9, color: '#fdd0a2' }, { min: 50, max: 79.9, color: '#c7e9c0' },
    { min: 80, max: 94.9, color: '#74c476' }, { min: 95, color: '#238b45' }];
  var PLAIN = ['#dbe4f3', '#c9d7ee', '#e3e9f5', '#d2ddf0', '#e8eef8', '#cfdaf0'];
  var SYMBOLS = { QUARANTINE_SITE: 'roundRect', SAMPLING_SITE: 'circle', LAB: 'diamond', CHECKPOINT: 'triangle' };
  var PLACE_COLORS = { QUARANTINE_SITE: '#6a3d9a', SAMPLING_SITE: '#1f78b4', LAB: '#33a02c', CHECKPOINT: '#444' };

  function labelOf(labels, key, fallback) {
    return labels && labels[key] ? labels[key] : fallback;
  }

  /** The figure an area is coloured by: a hidden small count ("<5") counts as 1, no figure as null. */
  function figure(properties, metric) {
    if (!metric) {
      return null;
    }
    var v = properties[metric];
    if (v === null || v === undefined) {
      return properties[metric + 'Text'] ? 1 : null;
    }
    return v;
  }

  function text(properties, metric) {
    if (metric === 'coverage') {
      return properties.coverage === null || properties.coverage === undefined ? '–' : properties.coverage + '%';
    }
    return properties[metric + 'Text'] !== undefined ? properties[metric + 'Text'] : String(properties[metric]);
  }

  function pieces(metric, labels) {
    var bins = metric === 'coverage' ? COVERAGE_BINS : COUNT_BINS;
    return bins.map(function (b) {
      var label = b.max === undefined ? '≥ ' + b.min : b.min === b.max ? String(b.min)
        : b.min === 1 && b.max === 4 ? labelOf(labels, 'small', '< 5') : b.min + '–' + Math.floor(b.max);
      var piece = { min: b.min, color: b.color, label: metric === 'coverage' ? label + '%' : label };
      if (b.max !== undefined) {
        piece.max = b.max;
      }
      return piece;
    });
  }

  /** Polygons of a GeoJSON geometry as rings of [lon, lat]. */
  function rings(geometry) {
    if (!geometry) {
      return [];
    }
    return geometry.type === 'Polygon' ? [geometry.coordinates[0]]
      : geometry.coordinates.map(function (polygon) { return polygon[0]; });
  }

  function CommandMap(element, options) {
    this.element = element;
    this.options = options || {};
    this.labels = this.options.labels || {};
    this.metric = this.options.metric || null;
    this.chart = window.echarts.init(element, this.options.dark ? 'dark' : null);
    this.data = null;
    this.overlays = null;
    var self = this;
    this.chart.on('click', function (params) {
      var code = params.name;
      if (!code || !self.data || !self.data.drillable || !self.options.onDrill) {
        return;
      }
      if (params.componentType === 'geo' || params.seriesType === 'map') {
        self.options.onDrill(code);
      }
    });
    window.addEventListener('resize', function () { self.chart.resize(); });
  }

  /** Draws a map answer (areas) with its overlays (risk areas and places; may be null). */
  CommandMap.prototype.render = function (data, overlays) {
    this.data = data;
    this.overlays = overlays;
    var labels = this.labels;
    var metric = this.metric;
    var mapName = 'epi-' + data.code + '-' + (data.areaLevel || '') + '-' + (data.detail || '');
    window.echarts.registerMap(mapName, data.areas);
    var byCode = {};
    data.areas.features.forEach(function (f) { byCode[f.id] = f.properties; });
    var bbox = data.areas.bbox || [0, 0, 1, 1];
    var middle = (bbox[1] + bbox[3]) / 2;
    var regions = data.areas.features.map(function (f, i) {
      return { name: f.id, value: figure(f.properties, metric), plain: PLAIN[i % PLAIN.length] };
    });
    var dark = !!this.options.dark;
    var series = [{
      type: 'map', geoIndex: 0, name: metric ? labelOf(labels, 'metric.' + metric, metric) : '',
      data: regions.map(function (r) { return { name: r.name, value: r.value === null ? '-' : r.value }; })
    }];
    var riskFeatures = overlays && overlays.riskAreas ? overlays.riskAreas.features : [];
    if (riskFeatures.length > 0) {
      series.push({
        type: 'custom', coordinateSystem: 'geo', geoIndex: 0, name: labelOf(labels, 'riskAreas', 'risk'), z: 5,
        data: riskFeatures.map(function (f, i) { return [i]; }),
        renderItem: function (params, api) {
          var f = riskFeatures[params.dataIndex];
          return {
            type: 'group',
            children: rings(f.geometry).map(function (ring) {
              return {
                type: 'polygon', shape: { points: ring.map(function (c) { return api.coord(c); }) },
                style: { fill: f.properties.colour + '66', stroke: f.properties.colour, lineWidth: 2 }
              };
            })
          };
        },
        tooltip: {
          formatter: function (p) {
            var f = riskFeatures[p.dataIndex];
            return f.properties.name + '<br>' + labelOf(labels, 'risk.' + f.properties.riskLevel, f.properties.riskLevel);
          }
        }
      });
    }
    var places = overlays && overlays.places ? overlays.places : [];
    Object.keys(SYMBOLS).forEach(function (kind) {
      var ofKind = places.filter(function (p) { return p.kind === kind; });
      if (ofKind.length === 0) {
        return;
      }
      series.push({
        type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, z: 6, name: labelOf(labels, 'place.' + kind, kind),
        symbol: SYMBOLS[kind], symbolSize: dark ? 16 : 11,
        itemStyle: { color: PLACE_COLORS[kind], borderColor: '#fff', borderWidth: 1 },
        data: ofKind.map(function (p) { return { name: p.name, value: [p.lon, p.lat], place: p }; }),
        label: {
          show: kind === 'QUARANTINE_SITE', position: 'right', fontSize: dark ? 14 : 10, color: dark ? '#fff' : '#333',
          formatter: function (p) { return p.data.place.figures.free + '/' + p.data.place.figures.total; }
        },
        tooltip: { formatter: function (p) { return placeTip(p.data.place, labels); } }
      });
    });
    var option = {
      animation: false,
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var props = byCode[p.name];
          if (!props) {
            return p.name;
          }
          var lines = [props.name];
          ['newCases', 'activeCases', 'managed', 'coverage'].forEach(function (m) {
            if (props[m + 'Text'] !== undefined || (m === 'coverage' && props.coverage !== undefined)) {
              lines.push(labelOf(labels, 'metric.' + m, m) + '：' + text(props, m));
            }
          });
          return lines.join('<br>');
        }
      },
      geo: {
        map: mapName, nameProperty: 'code', roam: true, aspectScale: Math.cos(middle * Math.PI / 180),
        layoutCenter: ['50%', '50%'], layoutSize: '96%',
        label: {
          show: data.areas.features.length <= (dark ? 20 : 40), fontSize: dark ? 16 : 11,
          color: dark ? '#f4f6fb' : '#1f2a44',
          formatter: function (p) {
            var props = byCode[p.name];
            return props ? props.name + (metric ? '\n' + text(props, metric) : '') : p.name;
          }
        },
        itemStyle: { areaColor: dark ? '#23365c' : '#e8eef7', borderColor: dark ? '#8fb3ff' : '#5b6b8c', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: dark ? '#f6c344' : '#ffe08a' }, label: { show: true } },
        select: { disabled: true },
        regions: metric ? [] : regions.map(function (r) { return { name: r.name, itemStyle: { areaColor: r.plain } }; })
      },
      series: series
    };
    if (metric) {
      option.visualMap = {
        type: 'piecewise', seriesIndex: 0, pieces: pieces(metric, labels), left: 8, bottom: 8, itemWidth: 14,
        textStyle: { color: dark ? '#dfe7f5' : '#333', fontSize: dark ? 14 : 11 },
        outOfRange: { color: dark ? '#23365c' : '#f1f1f1' }
      };
    }
    this.chart.setOption(option, true);
    this.element.setAttribute('data-rendered', 'true');
    this.element.setAttribute('data-areas', String(data.areas.features.length));
    this.element.setAttribute('data-risk-areas', String(riskFeatures.length));
    this.element.setAttribute('data-code', data.code);
  };

  /** Lights up one area (the big screen's rotating focus); null puts every area back. */
  CommandMap.prototype.focus = function (code) {
    this.chart.dispatchAction({ type: 'downplay', geoIndex: 0 });
    if (code) {
      this.chart.dispatchAction({ type: 'highlight', geoIndex: 0, name: code });
    }
  };

  /** Where an area's label point is on the canvas, in CSS pixels (for tests and the focus banner). */
  CommandMap.prototype.pixelOf = function (code) {
    var f = this.data.areas.features.filter(function (x) { return x.id === code; })[0];
    return f ? this.chart.convertToPixel({ geoIndex: 0 }, f.properties.cp) : null;
  };

  function placeTip(place, labels) {
    var f = place.figures || {};
    var lines = [place.name + ' · ' + labelOf(labels, 'place.' + place.kind, place.kind)];
    if (f.total !== undefined) {
      lines.push(labelOf(labels, 'rooms', 'rooms') + '：' + f.free + '/' + f.total);
    }
    if (f.sampledToday !== undefined) {
      lines.push(labelOf(labels, 'sampledToday', 'today') + '：' + f.sampledToday);
    }
    if (f.capacityPerDay !== undefined) {
      lines.push(labelOf(labels, 'capacity', 'capacity') + '：' + f.capacityPerDay);
    }
    return lines.join('<br>');
  }

  window.EpiMap = {
    create: function (element, options) { return new CommandMap(element, options); },
    rings: rings
  };
}());
