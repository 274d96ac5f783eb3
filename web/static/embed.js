// Calmclaim widget for help pages. Add one tag:
//
//   <script src="https://calmclaim.example/static/embed.js" data-start="dispute"></script>
//
// data-start is "dispute" (something went wrong) or "checklist" (before
// buying). The wizard runs in an iframe, so the host page's CSS and scripts
// cannot break it, and the iframe grows to fit its content.
//
// Events. The frame sends the host window messages of this exact form
// (anything else is ignored), only to the host's own origin:
//   { source: "calmclaim", version: 1, type: "resize",  height: <px> }
//   { source: "calmclaim", version: 1, type: "step",    path: "/dispute", step: "<question id>" }
//   { source: "calmclaim", version: 1, type: "verdict", path: "/dispute/result", outcome: "<outcome>" }
// This script checks the sender's origin and shape, then re-dispatches each
// message as a "calmclaim" CustomEvent on the script element's iframe and on
// window, with the message as event.detail.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, location.href).origin;
  var start = script.getAttribute("data-start") === "checklist" ? "checklist" : "dispute";
  var frame = document.createElement("iframe");
  frame.src = origin + "/" + start + "?embed=1&host=" + encodeURIComponent(location.origin);
  frame.title = start === "checklist" ? "Calmclaim: before you buy" : "Calmclaim: check a problem with your order";
  frame.setAttribute("data-calmclaim", start);
  frame.setAttribute("loading", "lazy");
  frame.style.cssText = "display:block;width:100%;min-height:480px;border:0;overflow:hidden";
  script.parentNode.insertBefore(frame, script.nextSibling);

  var TYPES = { resize: 1, step: 1, verdict: 1 };
  window.addEventListener("message", function (ev) {
    if (ev.origin !== origin || ev.source !== frame.contentWindow) return;
    var m = ev.data;
    if (!m || typeof m !== "object" || m.source !== "calmclaim" || m.version !== 1 || !TYPES[m.type]) return;
    if (m.type === "resize") {
      var h = Number(m.height);
      if (!(h > 0 && h < 20000)) return;
      frame.style.height = Math.ceil(h) + "px";
    }
    var detail = { source: "calmclaim", version: 1, type: m.type };
    if (m.type === "resize") detail.height = Number(m.height);
    if (typeof m.path === "string") detail.path = m.path.slice(0, 100);
    if (typeof m.step === "string") detail.step = m.step.slice(0, 64);
    if (typeof m.outcome === "string") detail.outcome = m.outcome.slice(0, 64);
    var e1 = new CustomEvent("calmclaim", { detail: detail });
    frame.dispatchEvent(e1);
    window.dispatchEvent(new CustomEvent("calmclaim", { detail: detail }));
  });
})();
