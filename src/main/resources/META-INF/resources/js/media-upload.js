// Sends a form with a video file (the media panel's upload, the new-content form) with XMLHttpRequest so the page
// can show a progress bar. Without JavaScript, or without a chosen file, the form posts normally. The answer (the
// content page after the redirect, or the page with the refusal) replaces this document, so the flash message and
// any error show as with a plain post.
(function () {
  'use strict';
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var bar = form.querySelector('.upload-progress');
    var status = form.querySelector('.upload-status');
    var buttons = form.querySelectorAll('button[type=submit]');
    if (!input) {
      return;
    }

    function enable(enabled) {
      buttons.forEach(function (button) { button.disabled = !enabled; });
    }

    form.addEventListener('submit', function (event) {
      var file = input.files[0];
      var submitter = event.submitter;
      if (!file || typeof FormData === 'undefined') {
        return;
      }
      event.preventDefault();
      var data = new FormData(form);
      // FormData leaves out the clicked button, which says what to do (save, submit, write the variants).
      if (submitter && submitter.name) {
        data.append(submitter.name, submitter.value);
      }
      var max = Number(form.dataset.maxBytes);
      if (submitter && submitter.value === 'generate') {
        // Writing the variants saves nothing: no need to send the video.
        data.delete(input.name);
      } else if (max && file.size > max) {
        status.textContent = 'The file is larger than the ' + form.dataset.maxText + ' upload limit.';
        return;
      }
      var xhr = new XMLHttpRequest();
      // Not form.action: the form's buttons are named "action", which form.action would return instead.
      xhr.open('POST', form.getAttribute('action'));
      xhr.upload.addEventListener('progress', function (progress) {
        if (progress.lengthComputable) {
          bar.value = Math.floor(progress.loaded * 100 / progress.total);
          status.textContent = bar.value + ' % uploaded';
        }
      });
      xhr.upload.addEventListener('load', function () {
        status.textContent = 'Uploaded; checking the video…';
      });
      xhr.addEventListener('load', function () {
        if (xhr.status === 413) {
          status.textContent = 'The file is larger than the ' + form.dataset.maxText + ' upload limit.';
          enable(true);
          return;
        }
        if (!xhr.responseText) {
          status.textContent = 'The upload was refused (HTTP ' + xhr.status + '). Reload the page and try again.';
          enable(true);
          return;
        }
        var url = xhr.status < 400 && xhr.responseURL ? xhr.responseURL : location.pathname;
        document.open();
        document.write(xhr.responseText);
        document.close();
        history.replaceState(null, '', url);
      });
      xhr.addEventListener('error', function () {
        status.textContent = 'The upload did not get through (connection lost?). Try again.';
        enable(true);
      });
      bar.hidden = false;
      bar.value = 0;
      enable(false);
      status.textContent = 'Uploading…';
      xhr.send(data);
    });
  });
}());
