// Quarkus issues a new CSRF token with every Herald page, so opening a page in another tab would leave this
// page's forms with a stale token. When this page comes back to the front it asks for the current token: the
// one it has, if still valid (nothing changes for the other tabs), else a new one.
(function () {
  'use strict';
  function holders() {
    return document.querySelectorAll('input[name="csrf-token"], meta[name="csrf-token"]');
  }
  var first = holders()[0];
  if (!first) {
    return;
  }
  function current() {
    var holder = holders()[0];
    return holder.tagName === 'META' ? holder.content : holder.value;
  }
  function ask(withToken) {
    var headers = { 'Accept': 'text/plain' };
    if (withToken) {
      headers['X-CSRF-TOKEN'] = current();
    }
    return fetch('/csrf-token', { credentials: 'same-origin', headers: headers });
  }
  var busy = false;
  function refresh() {
    // Focus and visibility often fire together; one exchange at a time keeps the cookie and the fields in step.
    if (busy) {
      return;
    }
    busy = true;
    ask(true).then(function (response) {
      return response.status === 400 ? ask(false) : response;
    }).then(function (response) {
      // A signed-out session is redirected to the sign-in page: keep the old token then.
      var plain = (response.headers.get('Content-Type') || '').indexOf('text/plain') === 0;
      return response.ok && plain && !response.redirected ? response.text() : Promise.reject(response.status);
    }).then(function (token) {
      holders().forEach(function (holder) {
        if (holder.tagName === 'META') {
          holder.content = token;
        } else {
          holder.value = token;
        }
      });
    }).catch(function () {
      // Offline or signed out: the form's own answer will say so.
    }).then(function () {
      busy = false;
    });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      refresh();
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      refresh();
    }
  });
  window.addEventListener('focus', refresh);
}());
