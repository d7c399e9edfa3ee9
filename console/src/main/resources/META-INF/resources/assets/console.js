// htmx's settings for the console (kept out of inline script, which the Content-Security-Policy forbids).
htmx.config.allowEval = false;
htmx.config.includeIndicatorStyles = false;
htmx.config.selfRequestsOnly = true;
// A form is sent once: the button is disabled after the first click (the idempotency key makes a second one harmless
// anyway, this only spares the wait).
document.addEventListener('submit', function (e) {
  var buttons = e.target.querySelectorAll('button[type=submit][data-once]');
  setTimeout(function () {
    buttons.forEach(function (b) { b.disabled = true; b.setAttribute('aria-disabled', 'true'); });
  }, 0);
});
// A part of a page asked for after the session ended (answered 499, see ScriptRequests): the whole page again,
// which leads to sign-in.
document.addEventListener('htmx:responseError', function (e) {
  if (e.detail.xhr && e.detail.xhr.status === 499) { window.location.reload(); }
});
// After a live reload of ホーム, say so to screen readers (the region is outside the part replaced).
document.addEventListener('htmx:afterSwap', function (e) {
  var status = document.getElementById('home-updated');
  if (status && e.detail.target && e.detail.target.id === 'home-sections') {
    status.textContent = '新しいお知らせがあり、ホームの内容を更新しました。';
  }
});
// A form sent back with errors: its summary takes the focus (and so comes into view), however far down the page the
// form is, and a screen reader reads what to fix first.
// (on load, when the styles are laid out: a focus before that left the page at its top)
window.addEventListener('load', function () {
  var summary = document.querySelector('.notice.error[role=alert][tabindex="-1"]');
  if (summary) { summary.focus(); summary.scrollIntoView({ block: 'start' }); }
});
