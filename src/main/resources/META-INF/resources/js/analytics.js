// Analytics page: draws each chart from its JSON endpoint with Chart.js and switches between chart and table.
// Without JavaScript the tables stay visible. No inline script (Content-Security-Policy).
(function () {
  'use strict';
  var COLOURS = {
    'YouTube Shorts': '#d62828',
    'TikTok': '#0f9d9a',
    'Facebook Reels': '#1f5fd1'
  };
  var FALLBACK = ['#4650c8', '#e08a00', '#7a4cc2', '#2e8b57'];

  function colour(label, index) {
    return COLOURS[label] || FALLBACK[index % FALLBACK.length];
  }

  function compact(value) {
    var abs = Math.abs(value);
    if (abs < 1000) { return String(Math.round(value * 10) / 10); }
    var units = ['k', 'M', 'B'];
    var unit = -1;
    while (Math.abs(value) >= 999.95 && unit < units.length - 1) { value /= 1000; unit++; }
    return value.toFixed(1).replace(/\.0$/, '') + units[unit];
  }

  function draw(canvas, chart) {
    var horizontal = canvas.id === 'top-canvas';
    var datasets = chart.datasets.map(function (set, index) {
      var paint = colour(set.label, index);
      return { label: set.label, data: set.data, borderColor: paint, backgroundColor: paint, spanGaps: false,
        pointRadius: 2, borderWidth: 2 };
    });
    var valueAxis = { beginAtZero: true, ticks: { callback: function (value) { return compact(value); } } };
    return new window.Chart(canvas, {
      type: chart.type,
      data: { labels: chart.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        plugins: { tooltip: { callbacks: { label: function (item) {
          var text = chart.datasets[item.datasetIndex].text[item.dataIndex];
          return item.dataset.label + ': ' + text;
        } } } }
      }
    });
  }

  function setUp(figure) {
    var canvas = figure.querySelector('canvas[data-chart-src]');
    var toggle = figure.querySelector('.chart-toggle');
    var box = figure.querySelector('.chart-canvas');
    var table = figure.querySelector('.chart-table');
    if (!canvas || !window.Chart) { return; }
    function show(asTable) {
      box.hidden = asTable;
      table.hidden = !asTable;
      toggle.setAttribute('aria-pressed', asTable ? 'true' : 'false');
    }
    fetch(canvas.getAttribute('data-chart-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (body) {
        show(false);
        toggle.hidden = false;
        toggle.addEventListener('click', function () { show(!box.hidden); });
        draw(canvas, body.chart);
        canvas.setAttribute('data-drawn', 'true');
      })
      .catch(function () {
        // The table view stays: it holds the same numbers.
        canvas.setAttribute('data-drawn', 'failed');
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('figure.chart'), setUp);
  });
}());
