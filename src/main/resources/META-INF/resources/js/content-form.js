// Content form: refreshes the per-platform checks panel (counters, findings, previews) as the user types.
// Without JavaScript the panel still shows the state of the last save or "Write the variants" click.
(function () {
  'use strict';
  const form = document.querySelector('form.content-form');
  const panel = document.getElementById('checks');
  if (!form || !panel) {
    return;
  }
  let timer = null;
  let latest = 0;

  function refresh() {
    const body = new URLSearchParams(new FormData(form));
    body.delete('action');
    body.delete('file');
    const request = ++latest;
    fetch(panel.dataset.checksUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      // Ignore answers that arrive after a newer request was sent.
      if (request === latest) {
        panel.innerHTML = html;
      }
    }).catch(function () {
      panel.setAttribute('data-stale', 'true');
    });
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, delay);
  }

  form.addEventListener('input', function () { schedule(350); });
  form.addEventListener('change', function () { schedule(50); });
})();
