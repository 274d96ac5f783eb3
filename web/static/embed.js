// Calmclaim widget for help pages. Add one tag:
//
//   <script src="https://calmclaim.example/static/embed.js" data-start="dispute"></script>
//
// data-start is "dispute" (something went wrong) or "checklist" (before
// buying). data-lang, if given, is the language the widget speaks: one of
// en es pt-BR fr de it nl pl ru uk tr ko he (a tag such as "pt" or
// "he-IL" is read as the nearest of these); without it the widget follows
// the buyer's browser. The wizard runs in an iframe, so the host page's CSS
// and scripts cannot break it, and the iframe grows to fit its content.
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

  // The frame's title in each language, from the catalogs
  // (script.embed.title.*): written by go generate ./web/assets; edit the
  // catalogs, not the lines between the markers.
  // <calmclaim:titles>
  var TITLES = {
    "en": { dispute: "Calmclaim: check a problem with your order", checklist: "Calmclaim: before you buy" },
    "es": { dispute: "Calmclaim: revisa un problema con tu pedido", checklist: "Calmclaim: antes de comprar" },
    "pt-BR": { dispute: "Calmclaim: verifique um problema com o seu pedido", checklist: "Calmclaim: antes de comprar" },
    "fr": { dispute: "Calmclaim\u00a0: v\u00e9rifier un probl\u00e8me avec votre commande", checklist: "Calmclaim\u00a0: avant d\u2019acheter" },
    "de": { dispute: "Calmclaim: ein Problem mit Ihrer Bestellung pr\u00fcfen", checklist: "Calmclaim: vor dem Kauf" },
    "it": { dispute: "Calmclaim: verifica un problema con il tuo ordine", checklist: "Calmclaim: prima di comprare" },
    "nl": { dispute: "Calmclaim: controleer een probleem met je bestelling", checklist: "Calmclaim: voordat je koopt" },
    "pl": { dispute: "Calmclaim: sprawd\u017a problem z zam\u00f3wieniem", checklist: "Calmclaim: zanim kupisz" },
    "ru": { dispute: "Calmclaim: \u043f\u0440\u043e\u0432\u0435\u0440\u044c\u0442\u0435 \u043f\u0440\u043e\u0431\u043b\u0435\u043c\u0443 \u0441 \u0437\u0430\u043a\u0430\u0437\u043e\u043c", checklist: "Calmclaim: \u043f\u0435\u0440\u0435\u0434 \u043f\u043e\u043a\u0443\u043f\u043a\u043e\u0439" },
    "uk": { dispute: "Calmclaim: \u043f\u0435\u0440\u0435\u0432\u0456\u0440\u0442\u0435 \u043f\u0440\u043e\u0431\u043b\u0435\u043c\u0443 \u0456\u0437 \u0437\u0430\u043c\u043e\u0432\u043b\u0435\u043d\u043d\u044f\u043c", checklist: "Calmclaim: \u043f\u0435\u0440\u0435\u0434 \u043f\u043e\u043a\u0443\u043f\u043a\u043e\u044e" },
    "tr": { dispute: "Calmclaim: sipari\u015finizdeki sorunu kontrol edin", checklist: "Calmclaim: sat\u0131n almadan \u00f6nce" },
    "ko": { dispute: "Calmclaim: \uc8fc\ubb38 \ubb38\uc81c \ud655\uc778", checklist: "Calmclaim: \uad6c\ub9e4 \uc804 \ud655\uc778" },
    "he": { dispute: "Calmclaim: \u05d1\u05d3\u05d9\u05e7\u05ea \u05d1\u05e2\u05d9\u05d4 \u05d1\u05d4\u05d6\u05de\u05e0\u05d4", checklist: "Calmclaim: \u05dc\u05e4\u05e0\u05d9 \u05d4\u05e7\u05e0\u05d9\u05d9\u05d4" }
  };
  // </calmclaim:titles>

  // language is the language of TITLES a tag names ("pt" and "pt-PT" are
  // read as pt-BR, "iw" as he, "de-AT" as de), or "".
  function language(tag) {
    tag = String(tag || "").trim().replace(/_/g, "-").toLowerCase();
    var base = tag.split("-")[0];
    if (base === "pt") return "pt-BR";
    if (base === "iw") return "he";
    return Object.prototype.hasOwnProperty.call(TITLES, base) ? base : "";
  }
  var lang = language(script.getAttribute("data-lang"));
  // Without data-lang, the page inside follows the buyer's browser, so the
  // title does too, as near as the browser's languages tell.
  var titleLang = lang;
  for (var i = 0, asked = navigator.languages || [navigator.language]; !titleLang && i < asked.length; i++) titleLang = language(asked[i]);
  var frame = document.createElement("iframe");
  frame.src = origin + "/" + start + "?embed=1&host=" + encodeURIComponent(location.origin) + (lang ? "&lang=" + lang : "");
  frame.title = TITLES[titleLang || "en"][start];
  if (titleLang) frame.lang = titleLang;
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
