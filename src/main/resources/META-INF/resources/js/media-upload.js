// Sends the video upload form with XMLHttpRequest so the page can show a progress bar. Without JavaScript the
// form posts normally. The answer (the content page after the redirect, or the page with the refusal) replaces
// this document, so the flash message and any error show as with a plain post.
(function () {
  'use strict';
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var bar = form.querySelector('.upload-progress');
    var status = form.querySelector('.upload-status');
    var button = form.querySelector('button[type=submit]');

    form.addEventListener('submit', function (event) {
      var file = input.files[0];
      if (!file || typeof FormData === 'undefined') {
        return;
      }
      event.preventDefault();
      var max = Number(form.dataset.maxBytes);
      if (max && file.size > max) {
        status.textContent = 'The file is larger than the ' + form.dataset.maxText + ' upload limit.';
        return;
      }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
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
          button.disabled = false;
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
        button.disabled = false;
      });
      bar.hidden = false;
      bar.value = 0;
      button.disabled = true;
      status.textContent = 'Uploading…';
      xhr.send(new FormData(form));
    });
  });
}());
