// Draws the monitoring charts from each canvas's data-chart attribute with Chart.js (served from /lib/chartjs).
// Each bar is a link: clicking it opens the list of the items it counts.
(function () {
  'use strict';
  if (!window.Chart) return;
  var small = window.matchMedia('(max-width: 700px)').matches;
  Chart.defaults.font.family = '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
  Chart.defaults.font.size = small ? 12 : 15;
  Chart.defaults.color = '#1d2733';

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    // A height that depends on the data comes as data-height: the CSP allows no style attribute in the markup.
    var box = canvas.parentElement;
    if (box.hasAttribute('data-height')) box.style.height = box.getAttribute('data-height') + 'px';
    var valueAxis = { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } };
    var labelAxis = { stacked: spec.stacked, ticks: { autoSkip: false } };
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color };
        })
      },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 18 } } },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
        },
        onClick: function (event, elements) {
          if (!elements.length) return;
          var link = spec.datasets[elements[0].datasetIndex].links[elements[0].index];
          if (link) window.location.href = link;
        }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  });
})();
