// New notifications arrive over Server-Sent Events on every page: a toast, and the bell refreshed.
(function () {
  if (!window.EventSource) { return; }
  var holder = document.createElement('div');
  holder.className = 'toasts';
  holder.setAttribute('aria-live', 'polite');
  document.body.appendChild(holder);
  var source = new EventSource('/notifications/stream');
  // close the stream when leaving the page: a stream left half-open keeps one of the browser's six connections
  window.addEventListener('pagehide', function () { source.close(); });
  source.addEventListener('notification', function (e) {
    holder.insertAdjacentHTML('beforeend', e.data);
    var toast = holder.lastElementChild;
    toast.querySelector('[data-dismiss]').addEventListener('click', function () { toast.remove(); });
    setTimeout(function () { toast.remove(); }, 15000);
    if (window.htmx) { htmx.ajax('GET', '/notifications/bell', { target: '#bell' }); }
  });
})();
