// Polls the batch's status (JSON) and updates the progress bar; stops when the batch is done or rejected.
(function () {
  'use strict';
  var root = document.getElementById('cg-batch');
  if (!root) { return; }
  var url = root.getAttribute('data-status-url');
  var bar = document.getElementById('cg-batch-bar');
  var progress = document.getElementById('cg-batch-progress');
  function show(s) {
    document.getElementById('cg-batch-status').textContent = s.status;
    document.getElementById('cg-batch-processed').textContent = s.processed.toLocaleString();
    document.getElementById('cg-batch-total').textContent = s.total.toLocaleString();
    document.getElementById('cg-batch-alerts').textContent = s.alerts.toLocaleString();
    var pct = s.total > 0 ? Math.floor(100 * s.processed / s.total) : (s.status === 'DONE' ? 100 : 0);
    // CSP forbids inline styles: the width is one of 101 classes (0..100 %) from css/screening.css
    bar.className = 'progress-bar cg-progress-' + pct;
    progress.setAttribute('aria-valuenow', String(s.processed));
    return s.status === 'DONE' || s.status === 'REJECTED';
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (!s || !show(s)) { setTimeout(poll, 1000); } })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
