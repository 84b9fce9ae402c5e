/* WICT web: the site's own script (every page works without it; there is no inline script anywhere). */
(function () {
  "use strict";
  // The visitor's time zone, so times show on their own clock beside the venue's.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("wict-tz=") === -1) {
      var secure = location.protocol === "https:" ? "; secure" : "";
      document.cookie = "wict-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax" + secure;
    }
  } catch (ignored) { /* no Intl: the venue's clock only */ }

  // A form's error summary takes the focus: screen readers announce it, the keyboard starts there.
  function focusErrors(root) {
    var summary = (root || document).querySelector("#error-summary");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrors(event.target); });

  // Live saga view: when the stream says the booking reached its outcome, close the stream.
  document.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail && event.detail.type === "done") {
      var source = event.target.closest("[sse-connect]");
      if (source && source["htmx-internal-data"] && source["htmx-internal-data"].sseEventSource) {
        source["htmx-internal-data"].sseEventSource.close();
      }
    }
  });
})();
