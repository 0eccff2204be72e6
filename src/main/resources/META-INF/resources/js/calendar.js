// Calendar drag and drop: dropping an item on another day (or hour, in the week view) asks the server to move it.
// The server runs the same checks as every other way of scheduling; a refused move snaps back with its message.
(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var message = document.getElementById('cal-message');
  if (!tokenMeta || !message) {
    return;
  }
  var dragged = null;

  function show(text, kind) {
    message.textContent = text;
    message.className = 'cal-message flash flash-' + kind;
  }

  function restore(item, origin, next) {
    if (next && next.parentNode === origin) {
      origin.insertBefore(item, next);
    } else {
      origin.appendChild(item);
    }
  }

  function move(item, cell) {
    var parts = item.dataset.time.split(':');
    var hour = cell.dataset.hour !== undefined ? ('0' + cell.dataset.hour).slice(-2) : parts[0];
    var time = hour + ':' + parts[1];
    var at = cell.dataset.date + 'T' + time;
    var origin = item.parentNode;
    var next = item.nextSibling;
    if (origin === cell && time === item.dataset.time) {
      return;
    }
    cell.appendChild(item);
    item.classList.add('moving');
    var body = new URLSearchParams();
    body.append('csrf-token', tokenMeta.content);
    body.append('at', at);
    fetch('/calendar/publications/' + item.dataset.publication + '/reschedule', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Herald-Calendar': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    }).then(function (response) {
      var plain = (response.headers.get('Content-Type') || '').indexOf('text/plain') === 0;
      return response.text().then(function (text) {
        if (response.ok) {
          item.dataset.time = time;
          item.querySelector('time').textContent = time;
          show(text, 'success');
        } else {
          restore(item, origin, next);
          show(plain ? text : 'The move was refused (HTTP ' + response.status + '). Reload the page and try again.', 'error');
        }
      });
    }).catch(function () {
      restore(item, origin, next);
      show('Herald could not be reached; nothing was moved.', 'error');
    }).then(function () {
      item.classList.remove('moving');
    });
  }

  document.querySelectorAll('.cal-item[draggable="true"]').forEach(function (item) {
    item.addEventListener('dragstart', function (event) {
      dragged = item;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.publication);
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', function () {
      item.classList.remove('dragging');
    });
  });

  document.querySelectorAll('.cal-day').forEach(function (cell) {
    cell.addEventListener('dragover', function (event) {
      if (dragged) {
        event.preventDefault();
        cell.classList.add('drop-target');
      }
    });
    cell.addEventListener('dragleave', function () {
      cell.classList.remove('drop-target');
    });
    cell.addEventListener('drop', function (event) {
      event.preventDefault();
      cell.classList.remove('drop-target');
      if (dragged) {
        move(dragged, cell);
        dragged = null;
      }
    });
  });
})();
