// Slipway console: the live parts only (pages work without this file). No inline script: CSP forbids it.
(function () {
  'use strict';

  // Copy buttons next to pull specs.
  document.querySelectorAll('button[data-copy]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(b.getAttribute('data-copy')).then(function () { b.textContent = 'Copied'; });
      }
    });
  });

  // The live log: the hub's follow stream from where the server-rendered tail ends. Lines are added as text.
  var log = document.getElementById('log');
  var status = document.getElementById('log-status');
  function say(text) { if (status) { status.textContent = text; } }
  function add(line) {
    var stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    var d = document.createElement('div');
    d.className = 'line';
    d.textContent = line;
    log.appendChild(d);
    if (stick) { log.scrollTop = log.scrollHeight; }
  }
  if (log && log.getAttribute('data-finished') !== 'true' && window.fetch && window.TextDecoder) {
    var url = '/api/v1/tasks/' + encodeURIComponent(log.getAttribute('data-task')) + '/log?follow=true&offset='
      + encodeURIComponent(log.getAttribute('data-offset'));
    fetch(url, { credentials: 'omit' }).then(function (r) {
      if (!r.ok || !r.body) { say('The live log is unavailable (' + r.status + '); reload to retry.'); return; }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var pending = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (pending) { add(pending); }
            say('The task has finished.');
            return;
          }
          pending += decoder.decode(chunk.value, { stream: true });
          var i;
          while ((i = pending.indexOf('\n')) >= 0) { add(pending.slice(0, i)); pending = pending.slice(i + 1); }
          return pump();
        });
      }
      return pump();
    }).catch(function () { say('The live log was interrupted; reload to resume.'); });
  }

  // RPM tables: the server filters and sorts through the form and the header links; here the same happens as
  // you type or click, without a reload.
  document.querySelectorAll('form.rpm-form').forEach(function (form) {
    var table = document.getElementById(form.getAttribute('data-table'));
    var input = form.querySelector('input.rpm-filter');
    var field = form.querySelector('select.rpm-field');
    if (!table || !input) { return; }
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.getAttribute('data-col');
    });
    function apply() {
      var q = input.value.trim().toLowerCase();
      var col = field ? heads.indexOf(field.value) : -1;
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        var text = col >= 0 ? tr.cells[col].textContent : tr.textContent;
        tr.hidden = q !== '' && text.toLowerCase().indexOf(q) < 0;
      });
    }
    input.addEventListener('input', apply);
    if (field) { field.addEventListener('change', apply); }
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  });
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      th.addEventListener('click', function (e) {
        e.preventDefault();
        var asc = !th.classList.contains('sorted-asc');
        heads.forEach(function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
        th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          var c = x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // The summary: every few seconds the same page is fetched and its live part swapped in (only while visible).
  var live = document.getElementById('live');
  if (live && window.fetch && window.DOMParser) {
    var every = 5000;
    var busy = false;
    setInterval(function () {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(live.getAttribute('data-live'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
          if (fresh) { live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes)); }
        })
        .catch(function () { /* the next poll tries again */ })
        .then(function () { busy = false; });
    }, every);
  }
})();
