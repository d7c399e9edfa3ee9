// htmx's settings for the console (kept out of inline script, which the Content-Security-Policy forbids).
htmx.config.allowEval = false;
htmx.config.includeIndicatorStyles = false;
htmx.config.selfRequestsOnly = true;
// A form is sent once: the button is disabled after the first click (the idempotency key makes a second one harmless
// anyway, this only spares the wait).
document.addEventListener('submit', function (e) {
  var b = e.target.querySelector('button[type=submit][data-once]');
  if (b) { setTimeout(function () { b.disabled = true; b.setAttribute('aria-disabled', 'true'); }, 0); }
});
