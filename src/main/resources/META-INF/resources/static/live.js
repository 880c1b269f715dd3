// Live updates over Server-Sent Events for any element with data-live-stream: the server sends HTML fragments
// (rendered by the page's own Qute templates) named after the data-live region they replace. EventSource
// reconnects by itself and sends Last-Event-ID, so the server resumes where this page left off.
(function () {
  document.querySelectorAll('[data-live-stream]').forEach(function (root) {
    var status = document.querySelector('[data-live-status]');
    var source = new EventSource(root.getAttribute('data-live-stream'));
    window.addEventListener('pagehide', function () { source.close(); });
    function region(name) { return root.querySelector('[data-live="' + name + '"]'); }
    function say(text, cls) { if (status) { status.textContent = text; status.className = 'badge ' + cls; } }
    source.onopen = function () { say('live', 'processed'); };
    source.onerror = function () { say('reconnecting…', 'warn'); };
    source.addEventListener('tiles', function (e) { var r = region('tiles'); if (r) { r.innerHTML = e.data; } });
    source.addEventListener('carts', function (e) { var r = region('carts'); if (r) { r.innerHTML = e.data; } });
    source.addEventListener('activity-reset', function (e) { var r = region('activity'); if (r) { r.innerHTML = e.data; } });
    source.addEventListener('activity', function (e) {
      var r = region('activity');
      if (!r) { return; }
      r.insertAdjacentHTML('afterbegin', e.data);
      while (r.children.length > 30) { r.removeChild(r.lastElementChild); }
      var empty = root.querySelector('[data-live-empty]');
      if (empty) { empty.remove(); }
    });
  });
})();
