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
  // vaccination coverage against its target T: far below (< T-20), below (< T-5), just below (< T), reached
  var VACCINATION_COLORS = ['#d7191c', '#fdae61', '#fee08b', '#1a9641'];
  // on the dark big screen: deep tones under white names
  var DARK_COUNT = ['#1c3160', '#7d6420', '#a9561f', '#c0392b', '#8e0d0d'];
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
      return metric !== 'vaccination' && properties[metric + 'Text'] ? 1 : null;
    }
    return v;
  }

  function text(properties, metric) {
    if (metric === 'coverage') {
      return properties.coverage === null || properties.coverage === undefined ? '–' : properties.coverage + '%';
    }
    return properties[metric + 'Text'] !== undefined ? properties[metric + 'Text'] : String(properties[metric]);
  }

  /** The legend of the vaccination layer: bins around the target (without one: those of coverage). */
  function vaccinationPieces(target, labels) {
    if (target === null || target === undefined) {
      return pieces('coverage', labels, false);
    }
    var edges = [0, Math.max(0, target - 20), Math.max(0, target - 5), target];
    var result = [];
    for (var i = 0; i < 3; i++) {
      if (edges[i + 1] > edges[i]) {
        result.push({ gte: edges[i], lt: edges[i + 1], color: VACCINATION_COLORS[i],
          label: (i === 0 ? '< ' + edges[1] : edges[i] + '–' + edges[i + 1]) + '%' });
      }
    }
    result.push({ gte: target, color: VACCINATION_COLORS[3],
      label: '≥ ' + target + '% ' + labelOf(labels, 'vaccinationReached', '') });
    return result;
  }

  function pieces(metric, labels, dark, target) {
    if (metric === 'vaccination') {
      return vaccinationPieces(target, labels);
    }
    var bins = metric === 'coverage' ? COVERAGE_BINS : COUNT_BINS;
    return bins.map(function (b, i) {
      var label = b.max === undefined ? '≥ ' + b.min : b.min === b.max ? String(b.min)
        : b.min === 1 && b.max === 4 ? labelOf(labels, 'small', '< 5') : b.min + '–' + Math.floor(b.max);
      var piece = { min: b.min, color: dark && metric !== 'coverage' ? DARK_COUNT[i] : b.color,
        label: metric === 'coverage' ? label + '%' : label };
      if (b.max !== undefined) {
        piece.max = b.max;
      }
      return piece;
    });
  }

  /** Polygons of a GeoJSON geometry as rings of [lon, lat]. */
  /** A series drawing GeoJSON features as outlined polygons over the map, styled and explained per feature. */
  function outlines(features, name, z, style, explain) {
    return {
      type: 'custom', coordinateSystem: 'geo', geoIndex: 0, name: name, z: z,
      data: features.map(function (f, i) { return [i]; }),
      renderItem: function (params, api) {
        var f = features[params.dataIndex];
        return {
          type: 'group',
          children: rings(f.geometry).map(function (ring) {
            return { type: 'polygon', shape: { points: ring.map(function (c) { return api.coord(c); }) }, style: style(f) };
          })
        };
      },
      tooltip: { formatter: function (p) { return explain(features[p.dataIndex]); } }
    };
  }

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
      if (!self.data || !self.data.drillable || !self.options.onDrill) {
        return;
      }
      var code = params.componentType === 'geo' || params.seriesType === 'map' ? params.name : null;
      if (!code && params.event) {
        // a tap on a risk area or a place drills into the area under it
        code = self.areaAt(self.chart.convertFromPixel({ geoIndex: 0 }, [params.event.offsetX, params.event.offsetY]));
      }
      if (code) {
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
    // the big screen's sizes follow its height (1080 and 2160 lines look alike)
    var scale = dark ? Math.max(1, this.element.clientHeight / 700) : 1;
    var series = [{
      type: 'map', geoIndex: 0, name: metric ? labelOf(labels, 'metric.' + metric, metric) : '',
      data: regions.map(function (r) { return { name: r.name, value: r.value === null ? '-' : r.value }; })
    }];
    var riskFeatures = overlays && overlays.riskAreas ? overlays.riskAreas.features : [];
    if (riskFeatures.length > 0) {
      series.push(outlines(riskFeatures, labelOf(labels, 'riskAreas', 'risk'), 5, function (f) {
        return {
          fill: f.properties.colour + (f.properties.ownBoundary ? '88' : '40'), stroke: f.properties.colour,
          lineWidth: 2 * scale, lineDash: f.properties.ownBoundary ? null : [6, 4]
        };
      }, function (f) {
        return f.properties.name + '<br>' + labelOf(labels, 'risk.' + f.properties.riskLevel, f.properties.riskLevel);
      }));
    }
    var sealedFeatures = overlays && overlays.sealedAreas ? overlays.sealedAreas.features : [];
    if (sealedFeatures.length > 0) {
      // sealed and controlled areas: their division in purple (dashed when only some buildings)
      series.push(outlines(sealedFeatures, labelOf(labels, 'sealedAreas', 'sealed'), 6, function (f) {
        return {
          fill: f.properties.colour + (f.properties.state === 'ACTIVE' ? '66' : '26'), stroke: f.properties.colour,
          lineWidth: 2.5 * scale, lineDash: f.properties.wholeDivision ? null : [3, 3]
        };
      }, function (f) {
        var p = f.properties;
        return p.name + '<br>' + labelOf(labels, 'sealed.' + p.kind, p.kind) + ' · '
          + labelOf(labels, 'sealed.' + p.state, p.state) + '<br>'
          + labelOf(labels, 'sealedFigures', '').replace('{0}', p.openRequests).replace('{1}', p.gaps);
      }));
    }
    if (this.picked) {
      series.push({
        type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, z: 7, symbol: 'pin', symbolSize: 28,
        itemStyle: { color: '#d7191c' }, data: [{ value: this.picked }], tooltip: { show: false }
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
        symbol: SYMBOLS[kind], symbolSize: (dark ? 16 : 11) * scale,
        itemStyle: { color: PLACE_COLORS[kind], borderColor: '#fff', borderWidth: 1 },
        data: ofKind.map(function (p) { return { name: p.name, value: [p.lon, p.lat], place: p }; }),
        label: {
          show: kind === 'QUARANTINE_SITE', position: 'right', fontSize: (dark ? 14 : 10) * scale,
          color: dark ? '#fff' : '#333',
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
          ['newCases', 'activeCases', 'managed', 'coverage', 'vaccination'].forEach(function (m) {
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
          show: data.areas.features.length <= (dark ? 20 : 40), fontSize: (dark ? 17 : 11) * scale,
          color: dark ? '#f4f6fb' : '#1f2a44',
          formatter: function (p) {
            var props = byCode[p.name];
            return props ? props.name + (metric ? '\n' + text(props, metric) : '') : p.name;
          }
        },
        itemStyle: { areaColor: dark ? '#23365c' : '#e8eef7', borderColor: dark ? '#8fb3ff' : '#5b6b8c', borderWidth: 1 },
        emphasis: {
          itemStyle: { areaColor: dark ? '#f6c344' : '#ffe08a' },
          label: { show: true, color: '#0a1429', fontWeight: 'bold' }
        },
        select: { disabled: true },
        regions: metric ? [] : regions.map(function (r) { return { name: r.name, itemStyle: { areaColor: r.plain } }; })
      },
      series: series
    };
    if (metric) {
      option.visualMap = {
        type: 'piecewise', seriesIndex: 0, left: 8, bottom: 8,
        pieces: pieces(metric, labels, dark, data.vaccination ? data.vaccination.target : null),
        itemWidth: 14 * scale, itemHeight: 10 * scale,
        textStyle: { color: dark ? '#dfe7f5' : '#333', fontSize: (dark ? 14 : 11) * scale },
        outOfRange: { color: dark ? '#23365c' : '#f1f1f1' }
      };
    }
    this.chart.setOption(option, true);
    this.element.setAttribute('data-rendered', 'true');
    this.element.setAttribute('data-areas', String(data.areas.features.length));
    this.element.setAttribute('data-risk-areas', String(riskFeatures.length));
    this.element.setAttribute('data-code', data.code);
  };

  /**
   * Makes the map a coordinate picker: a click or tap anywhere on it marks the point and hands its
   * [lon, lat] to {@code onPick}; {@code start} ([lon, lat] or null) is marked at once.
   */
  CommandMap.prototype.pickable = function (start, onPick) {
    var self = this;
    this.picked = start;
    this.render(this.data, this.overlays);
    this.chart.getZr().on('click', function (event) {
      var point = self.chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]);
      if (point && isFinite(point[0]) && isFinite(point[1])) {
        self.picked = point;
        self.render(self.data, self.overlays);
        onPick(point);
      }
    });
  };

  /** The code of the area holding a point [lon, lat], or null. */
  CommandMap.prototype.areaAt = function (point) {
    if (!point) {
      return null;
    }
    var found = null;
    this.data.areas.features.forEach(function (f) {
      if (!found && rings(f.geometry).some(function (ring) { return inside(point, ring); })) {
        found = f.id;
      }
    });
    return found;
  };

  /** Whether a point lies inside a ring (ray casting). */
  function inside(point, ring) {
    var result = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i];
      var b = ring[j];
      if ((a[1] > point[1]) !== (b[1] > point[1])
          && point[0] < (b[0] - a[0]) * (point[1] - a[1]) / (b[1] - a[1]) + a[0]) {
        result = !result;
      }
    }
    return result;
  }

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

  /** Runs {@code start} once the page and ECharts are there, and again after an htmx swap (start skips what it began). */
  function whenReady(start) {
    var run = function () {
      if (typeof window.echarts !== 'undefined') {
        start();
      }
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', run);
    } else {
      run();
    }
    window.addEventListener('load', run);
    document.addEventListener('htmx:afterSettle', run);
  }

  window.EpiMap = {
    create: function (element, options) { return new CommandMap(element, options); },
    rings: rings,
    whenReady: whenReady
  };
}());
