// Calmclaim in the page. The pages work without this file; with it:
// - the Go wasm (app.wasm, from the address in this script tag's
//   data-wasm) renders each step locally, so moving between questions
//   sends no request once it has loaded; history and the back button work
//   through pushState/popstate;
// - answers are kept in this browser (localStorage) to carry on later, and
//   one button clears them;
// - inside the help-page widget, the page tells its host its height and
//   progress with postMessage (format in embed.js).
(function () {
  "use strict";
  var KEY = "calmclaim:last";
  var WIZARD = /^\/(dispute|checklist)(\/result)?$|^\/dispute\/evidence$|^\/dispute\/message$|^\/review$|^\/$/;
  var params = new URLSearchParams(location.search);
  var host = hostOrigin(params.get("host"));

  function hostOrigin(h) {
    if (!h || window.parent === window) return null;
    try { var u = new URL(h); return (u.protocol === "https:" || u.protocol === "http:") ? u.origin : null; } catch (e) { return null; }
  }

  function post(msg) {
    if (!host) return;
    msg.source = "calmclaim";
    msg.version = 1;
    window.parent.postMessage(msg, host);
  }

  function save() {
    if (!/^\/(dispute|checklist)/.test(location.pathname) || location.search === "") return;
    try { localStorage.setItem(KEY, location.pathname + location.search); } catch (e) { /* storage off: nothing kept */ }
  }

  function enhance(first) {
    // "None of these" clears the other boxes, and the others clear it.
    document.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) return;
        var exclusive = box.hasAttribute("data-exclusive");
        document.querySelectorAll("input[type=checkbox][name='" + box.name + "']").forEach(function (other) {
          if (other !== box && (exclusive || other.hasAttribute("data-exclusive"))) other.checked = false;
        });
      });
    });
    // Saved answers on the start page.
    var saved = document.querySelector("[data-saved]");
    var last = null;
    try { last = localStorage.getItem(KEY); } catch (e) { /* no storage */ }
    if (saved && last && /^\/(dispute|checklist)/.test(last)) {
      saved.hidden = false;
      saved.querySelector("[data-resume]").setAttribute("href", last);
      saved.querySelector("[data-clear]").addEventListener("click", function () {
        try { localStorage.removeItem(KEY); localStorage.removeItem(DETAILS); } catch (e) { /* nothing to clear */ }
        saved.hidden = true;
        var h1 = document.querySelector("h1");
        if (h1) { h1.setAttribute("tabindex", "-1"); h1.focus(); }
      });
    }
    save();
    copyButtons(document);
    // Focus: the error summary if there is one, else the heading after a step.
    var summary = document.querySelector("[data-testid=error-summary]");
    if (summary) summary.focus();
    else if (!first) {
      var h = document.querySelector("main h1") || document.querySelector("main");
      if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
    }
    var verdict = document.querySelector("[data-testid=verdict]");
    post(verdict ? { type: "verdict", outcome: verdict.getAttribute("data-outcome"), path: location.pathname }
                 : { type: "step", path: location.pathname, step: stepOf() });
    resize();
  }

  // The words the scripts show are in the page, rendered from the
  // catalogs in the page's language (data-* attributes), and filled in
  // here: fill("{n} of {m}", {n: 1, m: 2}). Numbers and sizes are written
  // with the browser's own CLDR data (Intl) in the page's language.
  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : values[k]; });
  }
  function lang() { return document.documentElement.lang || "en"; }
  function number(n, opts) {
    try { return new Intl.NumberFormat(lang(), opts).format(n); } catch (e) { return null; }
  }
  // plural is the text of node's attribute name-<category> for the number
  // n: the page renders one a CLDR plural category of its language.
  function plural(node, name, n) {
    var c = "other";
    try { c = new Intl.PluralRules(lang()).select(n); } catch (e) { /* no Intl: the other form */ }
    return node.getAttribute(name + "-" + c) || node.getAttribute(name + "-other");
  }
  // sizeWords writes a file size: "512 bytes", "3.1 MB", "3,1 Mo".
  function sizeWords(n) {
    var units = ["byte", "kilobyte", "megabyte", "gigabyte"], symbols = ["B", "kB", "MB", "GB"], i = 0;
    while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
    var digits = i ? 1 : 0;
    return number(n, { style: "unit", unit: units[i], unitDisplay: i ? "short" : "long", minimumFractionDigits: digits, maximumFractionDigits: digits }) ||
      n.toFixed(digits) + " " + symbols[i];
  }

  // Copy buttons: the text of their target on the clipboard, and a status
  // that screen readers announce.
  // el makes an element with its text and attributes.
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  // copyBox is a copy button for the element target, as the templ
  // component copyButton draws it, for text the page writes itself; its
  // words are the attributes data-copy-label, -done and -failed of texts.
  function copyBox(target, texts) {
    var box = el("div", "", { "class": "copy no-print" });
    box.appendChild(el("button", texts.getAttribute("data-copy-label"), { type: "button", "class": "button secondary", "data-copy": target,
      "data-copied": texts.getAttribute("data-copy-done"), "data-copy-failed": texts.getAttribute("data-copy-failed"), "data-testid": "copy-" + target }));
    box.appendChild(el("p", "", { "class": "copy-status", role: "status", "aria-live": "polite", "data-copy-status": target }));
    copyButtons(box);
    return box;
  }

  function copyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (b) {
      if (b.hasAttribute("data-copy-ready")) return;
      b.setAttribute("data-copy-ready", "");
      var box = b.closest(".copy");
      if (box) box.hidden = false;
      b.addEventListener("click", function () {
        var target = document.getElementById(b.getAttribute("data-copy"));
        var status = document.querySelector("[data-copy-status='" + b.getAttribute("data-copy") + "']");
        if (!target) return;
        var text = target.textContent;
        var done = function () { if (status) status.textContent = b.getAttribute("data-copied"); };
        var fallback = function () {
          var r = document.createRange();
          r.selectNodeContents(target);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(r);
          try { if (document.execCommand("copy")) { done(); return; } } catch (e) { /* no clipboard */ }
          if (status) status.textContent = b.getAttribute("data-copy-failed");
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
        else fallback();
      });
    });
  }

  function stepOf() {
    var s = document.querySelector("input[name=submitted]");
    return s ? s.value : (document.querySelector("[data-testid=answers]") ? "check" : "start");
  }

  var lastHeight = 0;
  function resize() {
    if (!host) return;
    // The content's own height, not scrollHeight, which never drops below
    // the frame's current height: the frame must shrink as well as grow.
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== lastHeight) { lastHeight = h; post({ type: "resize", height: h }); }
  }

  // Local rendering with the Go wasm.
  function local(url) {
    return window.Calmclaim && window.Calmclaim.ready && url.origin === location.origin && WIZARD.test(url.pathname);
  }

  function show(url, push) {
    var res = window.Calmclaim.render(url.pathname, url.search.replace(/^\?/, ""), document.documentElement.lang);
    if (res.location) { url = new URL(res.location, location.href); return show(url, push); }
    if (res.status !== 200) { location.assign(url.href); return; }
    var doc = new DOMParser().parseFromString(res.html, "text/html");
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang;
    document.documentElement.dir = doc.documentElement.dir;
    // A language chosen with the switcher is remembered, as the server does.
    var chosen = url.searchParams.get("lang");
    if (chosen && /^[a-zA-Z-]{2,5}$/.test(chosen)) document.cookie = "calmclaim_lang=" + chosen + "; path=/; max-age=31536000; samesite=lax";
    document.body.className = doc.body.className;
    document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(doc.body.childNodes).map(function (n) { return document.adoptNode(n); }));
    if (push) history.pushState(null, "", url.href);
    window.scrollTo(0, 0);
    enhance(false);
    evidence();
    review();
    details();
  }

  // The calendar file with the order number the buyer keeps in this
  // browser: built here, so the number is never in a request.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[data-testid=ics]");
    if (!a || !window.Calmclaim || !window.Calmclaim.ready || !window.Calmclaim.calendar) return;
    var order = "";
    try { order = (JSON.parse(localStorage.getItem(DETAILS) || "{}") || {}).order || ""; } catch (e) { order = ""; }
    if (!order) return;
    var url = new URL(a.getAttribute("href"), location.href);
    var file = window.Calmclaim.calendar(url.search.replace(/^\?/, ""), String(order), document.documentElement.lang);
    if (!file || !file.data) return;
    ev.preventDefault();
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([file.data], { type: "text/calendar" }));
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }, true);

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || a.hasAttribute("download")) return;
    var url = new URL(a.getAttribute("href"), location.href);
    if (!local(url) || url.hash && url.pathname === location.pathname && url.search === location.search) return;
    ev.preventDefault();
    show(url, true);
  });

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if ((form.method || "get").toLowerCase() !== "get") return;
    var url = new URL(form.getAttribute("action") || location.pathname, location.href);
    if (!local(url)) return;
    ev.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    show(url, true);
  });

  window.addEventListener("popstate", function () {
    var url = new URL(location.href);
    if (local(url)) show(url, false); else location.reload();
  });

  // The wasm's addresses carry hashes of their content, which app.wasm
  // cannot know of itself: the server writes them on this script's tag.
  function loadWasm(tag) {
    var wasm = tag && tag.getAttribute("data-wasm"), exec = tag && tag.getAttribute("data-wasm-exec");
    if (!wasm || !exec || !window.WebAssembly || !WebAssembly.instantiateStreaming) return;
    // The wasm downloads while wasm_exec.js loads, not after it.
    var response = fetch(wasm);
    var s = document.createElement("script");
    s.src = exec;
    s.onload = function () {
      var go = new window.Go();
      WebAssembly.instantiateStreaming(response, go.importObject).then(function (r) {
        go.run(r.instance);
      }).catch(function () { /* the server-rendered pages keep working */ });
    };
    document.head.appendChild(s);
  }

  // The evidence page: the description checked as the buyer types, and the
  // bundle built here from the files they pick. Nothing is uploaded.
  function evidence() {
    var form = document.querySelector("[data-testid=story]");
    if (!form || !window.Calmclaim || !window.Calmclaim.ready) return;
    document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll(".no-js").forEach(function (el) { el.hidden = true; });
    document.querySelectorAll("[data-rejected-for]").forEach(function (el) { el.hidden = true; });
    var base = JSON.parse(form.getAttribute("data-case"));
    // The order's details: the ones kept in this browser fill the form
    // unless the buyer already typed some (a page posted with them).
    var detailInputs = Array.prototype.slice.call(form.querySelectorAll("[data-testid=order-details] input[name]"));
    if (detailInputs.every(function (i) { return !i.value; })) {
      var kept = {};
      try { kept = JSON.parse(localStorage.getItem(DETAILS) || "{}") || {}; } catch (e) { kept = {}; }
      detailInputs.forEach(function (i) { if (typeof kept[i.name] === "string") i.value = kept[i.name]; });
      if (detailInputs.some(function (i) { return i.value; })) form.querySelector("[data-testid=order-details]").setAttribute("open", "");
    }
    function describe(save) {
      var req = request();
      var res = window.Calmclaim.describe(req);
      var out = document.querySelector("[data-testid=description-out]");
      out.replaceChildren();
      if (res.error) {
        var dl = form.querySelector("label[for='detail-" + String(res.error.field).replace(/^details\./, "") + "']");
        out.appendChild(el("p", dl ? fill(out.getAttribute("data-error"), { field: dl.textContent.trim(), message: res.error.message }) : res.error.message,
          { "class": "error-message", "data-testid": "describe-error" }));
        return;
      }
      if (save) { try { localStorage.setItem(DETAILS, JSON.stringify(req.details || {})); } catch (e) { /* storage off */ } }
      if (res.findings && res.findings.length) {
        out.appendChild(el("h3", out.getAttribute("data-findings")));
        var ul = el("ul", "", { "class": "findings", "data-testid": "findings" });
        res.findings.forEach(function (f) {
          var li = el("li", "", { "data-finding": f.id });
          // The question the buyer answered, as with JavaScript off, not the field id.
          var label = form.querySelector("label[for='story-" + String(f.field).replace(/^story\./, "") + "']");
          li.appendChild(el("strong", fill(out.getAttribute("data-field"), { field: label ? label.textContent.trim() : f.field }) + " "));
          li.appendChild(document.createTextNode(f.suggestion || ""));
          ul.appendChild(li);
        });
        out.appendChild(ul);
      }
      if (res.text) {
        out.appendChild(el("h3", out.getAttribute("data-description")));
        out.appendChild(el("pre", res.text, { "class": "description", "data-testid": "description", tabindex: "0", id: "dispute-description" }));
        out.appendChild(copyBox("dispute-description", out));
      } else if (res.reason) {
        out.appendChild(el("p", res.reason, { "data-testid": "reason" }));
      }
    }
    var timer = 0;
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(describe, 250); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); describe(true); });
    var list = document.querySelector("[data-testid=evidence]");
    var notCleaned = document.querySelector("[data-testid=not-cleaned]");
    var status = document.querySelector("[data-testid=bundle-status]");
    // What the wasm says of each chosen file: {status, format} once known.
    var checks = typeof WeakMap === "function" ? new WeakMap() : null;
    var choices = typeof WeakMap === "function" ? new WeakMap() : null; // "include" or "leave", for files that cannot be cleaned
    function check(file) {
      var c = checks && checks.get(file);
      if (!c) {
        c = { promise: window.Calmclaim.check(file) };
        c.promise.then(function (res) { c.result = res; refresh(); },
          function () { c.result = { status: "damaged", format: "" }; refresh(); });
        if (checks) checks.set(file, c);
      }
      return c;
    }
    function attached() {
      var out = [];
      document.querySelectorAll("input[data-file]").forEach(function (input) {
        Array.prototype.forEach.call(input.files || [], function (f) { out.push({ id: input.getAttribute("data-file"), file: f }); });
      });
      return out;
    }
    function request() {
      var req = JSON.parse(JSON.stringify(base));
      req.story = {};
      ["ordered", "received", "difference", "requested"].forEach(function (n) { req.story[n] = form.elements[n].value; });
      req.evidence = attached().map(function (a) { return a.id; }).filter(function (id, i, all) { return all.indexOf(id) === i; });
      // The order's details, as in the form (filled from this browser's
      // storage when the page opened).
      var d = {};
      detailInputs.forEach(function (i) { if (i.value.trim()) d[i.name] = i.value; });
      if (Object.keys(d).length) req.details = d;
      textLang(form, req);
      return req;
    }
    function missing() {
      var names = [];
      document.querySelectorAll("[data-evidence][data-required]").forEach(function (li) {
        var input = li.querySelector("input[data-file]");
        if (!input || !input.files || input.files.length === 0) names.push(li.querySelector("label").firstChild.textContent.trim());
      });
      var out = document.querySelector("[data-testid=missing]");
      out.textContent = names.length ? fill(out.getAttribute("data-missing"), { names: names.join(", ") }) : out.getAttribute("data-complete");
    }
    // Each chosen file is listed with its size, whether it will be cleaned,
    // and a button to remove it.
    function chosen(input) {
      var ul = document.querySelector("[data-chosen='" + input.getAttribute("data-file") + "']");
      if (!ul) return;
      ul.replaceChildren();
      Array.prototype.forEach.call(input.files || [], function (f, i) {
        var c = check(f);
        var state = c.result ? c.result.status : "checking";
        var li = el("li", fill(list.getAttribute("data-file-line"), { name: f.name, size: sizeWords(f.size) }) + " ", { "data-state": state });
        li.appendChild(el("span", list.getAttribute("data-" + state), { "class": "tag " + (state === "clean" ? "tag-ok" : state === "checking" ? "tag-grey" : "tag-warn") }));
        li.appendChild(document.createTextNode(" "));
        var b = el("button", list.getAttribute("data-remove"), { type: "button", "class": "link-button" });
        b.appendChild(el("span", " " + f.name, { "class": "visually-hidden" }));
        b.addEventListener("click", function () {
          if (!window.DataTransfer) { input.value = ""; } else {
            var dt = new DataTransfer();
            Array.prototype.forEach.call(input.files, function (g, j) { if (j !== i) dt.items.add(g); });
            input.files = dt.files;
          }
          input.dispatchEvent(new Event("change"));
          input.focus();
        });
        li.appendChild(b);
        ul.appendChild(li);
      });
      ul.hidden = !input.files || input.files.length === 0;
    }
    // The files that cannot be cleaned, each with its choice: leave it out
    // (the default) or include it as it is.
    var reviewed = "";
    function review() {
      var box = notCleaned.querySelector("[data-not-cleaned-list]");
      var row = notCleaned.querySelector("template[data-not-cleaned-row]");
      var pending = attached().filter(function (a) { var c = check(a.file); return c.result && c.result.status !== "clean"; });
      // Drawn again only when the list changes, so a choice being made
      // keeps its focus.
      var key = pending.map(function (a) { return a.id + "/" + a.file.name + "/" + a.file.size + "/" + a.file.lastModified; }).join("|");
      if (key === reviewed) return;
      reviewed = key;
      var n = 0;
      box.replaceChildren();
      pending.forEach(function (a) {
        var c = check(a.file);
        n++;
        var why = c.result.status === "damaged" ? "data-damaged" : c.result.format ? "data-unsupported" : "data-unknown";
        var frag = row.content.cloneNode(true);
        var fs = frag.querySelector("fieldset");
        fs.setAttribute("data-file-name", a.file.name);
        frag.querySelector("[data-name]").textContent = a.file.name;
        frag.querySelector("[data-why]").textContent = fill(notCleaned.getAttribute(why), { format: c.result.format });
        frag.querySelectorAll("input[type=radio]").forEach(function (r, k) {
          r.name = "not-cleaned-" + n;
          r.id = "not-cleaned-" + n + "-" + r.value;
          r.nextElementSibling.setAttribute("for", r.id);
          r.checked = (choices && choices.get(a.file) || "leave") === r.value;
          r.addEventListener("change", function () { if (r.checked && choices) choices.set(a.file, r.value); });
        });
        box.appendChild(frag);
      });
      notCleaned.hidden = n === 0;
    }
    function refresh() {
      document.querySelectorAll("input[data-file]").forEach(chosen);
      review();
      resize();
    }
    // Drag and drop onto each kind of evidence: the files join the ones
    // chosen, if they are of a type that fits it.
    function fits(file, accept) {
      if (!accept || !file.type) return true; // the bundle decides by the bytes
      return accept.split(",").some(function (a) {
        a = a.trim().toLowerCase();
        var t = file.type.toLowerCase();
        return a === t || /\/\*$/.test(a) && t.indexOf(a.slice(0, -1)) === 0 || a.charAt(0) === "." && file.name.toLowerCase().slice(-a.length) === a;
      });
    }
    document.querySelectorAll("[data-evidence]").forEach(function (li) {
      var input = li.querySelector("input[data-file]");
      if (!input || !window.DataTransfer) return;
      li.classList.add("drop-zone");
      var depth = 0;
      li.addEventListener("dragenter", function (ev) { ev.preventDefault(); depth++; li.classList.add("drag-over"); });
      li.addEventListener("dragleave", function () { if (--depth <= 0) { depth = 0; li.classList.remove("drag-over"); } });
      li.addEventListener("dragover", function (ev) { ev.preventDefault(); if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy"; });
      li.addEventListener("drop", function (ev) {
        ev.preventDefault();
        depth = 0;
        li.classList.remove("drag-over");
        var dropped = ev.dataTransfer && ev.dataTransfer.files;
        if (!dropped || !dropped.length) return;
        var dt = new DataTransfer(), rejected = [];
        Array.prototype.forEach.call(input.files || [], function (f) { dt.items.add(f); });
        Array.prototype.forEach.call(dropped, function (f) {
          if (fits(f, input.getAttribute("accept"))) dt.items.add(f); else rejected.push(f.name);
        });
        input.files = dt.files;
        var msg = li.querySelector("[data-rejected-for]");
        msg.textContent = rejected.map(function (name) { return fill(list.getAttribute("data-rejected"), { name: name }); }).join(" ");
        msg.hidden = rejected.length === 0;
        input.dispatchEvent(new Event("change"));
      });
    });
    // A file dropped beside a zone would make the browser leave the page.
    ["dragover", "drop"].forEach(function (type) {
      window.addEventListener(type, function (ev) { if (!ev.defaultPrevented) ev.preventDefault(); });
    });
    // The description names the evidence attached, so it is written again
    // whenever the files change.
    document.querySelectorAll("input[data-file]").forEach(function (input) {
      input.addEventListener("change", function () {
        var msg = document.querySelector("[data-rejected-for='" + input.getAttribute("data-file") + "']");
        if (msg && !input.files.length) msg.hidden = true;
        refresh(); missing(); describe();
      });
    });
    refresh();
    missing();
    // Building: a progress bar with the bytes done and the time left, read
    // out every few seconds; then the download.
    var progressBox = document.querySelector("[data-testid=progress]");
    var bar = progressBox.querySelector("progress");
    var live = progressBox.querySelector("[data-testid=progress-text]");
    function timeWords(secs) {
      var n = secs < 90 ? Math.max(1, Math.round(secs)) : Math.round(secs / 60);
      return fill(live.getAttribute(secs < 90 ? "data-seconds" : "data-minutes"), { n: number(n) || n });
    }
    var saveLink = document.querySelector("[data-testid=bundle-link]");
    var building = false;
    document.querySelector("[data-bundle]").addEventListener("click", function () {
      if (building) return;
      building = true;
      var all = attached();
      status.removeAttribute("data-done");
      status.textContent = status.getAttribute("data-checking");
      Promise.all(all.map(function (a) { return check(a.file).promise.catch(function () {}); })).then(function () {
        var files = [], left = [];
        all.forEach(function (a) {
          var r = check(a.file).result || { status: "damaged" };
          if (r.status === "clean") files.push({ id: a.id, file: a.file });
          else if (choices && choices.get(a.file) === "include") files.push({ id: a.id, file: a.file, as_is: true });
          else left.push(a.file.name);
        });
        status.textContent = "";
        progressBox.hidden = false;
        bar.value = 0;
        live.textContent = live.getAttribute("data-starting");
        var t0 = Date.now(), spoken = 0;
        function progress(done, total) {
          bar.max = Math.max(total, 1);
          bar.value = done;
          var now = Date.now();
          // Read out at most every 2 seconds: a live region that changes
          // ten times a second is noise.
          if (now - spoken < 2000 || done === 0) return;
          spoken = now;
          var secs = (now - t0) / 1000, rate = done / Math.max(secs, 0.001);
          live.textContent = fill(live.getAttribute("data-text"), { done: sizeWords(done), total: sizeWords(total),
            left: timeWords((total - done) / Math.max(rate, 1)) });
        }
        return window.Calmclaim.bundle(request(), files, {
          original_names: document.getElementById("original-names").checked, progress: progress
        }).then(function (res) {
          progressBox.hidden = true;
          // The download starts by itself; the link stays for a browser
          // that holds back a second download from the same page.
          var a = saveLink.querySelector("a");
          if (a.href) URL.revokeObjectURL(a.href);
          a.href = URL.createObjectURL(res.blob);
          saveLink.hidden = false;
          a.click();
          var text = fill(plural(status, "data-ready", res.files.length), { n: number(res.files.length) || res.files.length, size: sizeWords(res.blob.size) });
          if (left.length) text += " " + fill(status.getAttribute("data-left-out"), { names: left.join(", ") });
          status.textContent = text;
          status.setAttribute("data-done", String(res.blob.size));
          status.setAttribute("data-sha256", res.sha256);
        });
      }).catch(function (err) {
        progressBox.hidden = true;
        status.textContent = fill(status.getAttribute("data-failed"), { error: err && err.message });
      }).then(function () { building = false; });
    });
    if (form.elements.ordered.value) describe();
  }

  // The review helper: the review checked as the buyer types, in the page.
  function review() {
    var form = document.querySelector("[data-testid=review-form]");
    if (!form || !window.Calmclaim || !window.Calmclaim.ready || form.hasAttribute("data-live")) return;
    form.setAttribute("data-live", "");
    var out = document.querySelector("[data-testid=review-out]");
    function check() {
      var text = form.elements.review.value;
      out.replaceChildren();
      if (!text.trim()) return;
      var res = window.Calmclaim.review({ text: text, lang: document.documentElement.lang });
      if (res.error) { out.appendChild(el("p", res.error.message)); return; }
      if (res.findings.length) {
        out.appendChild(el("h2", out.getAttribute("data-findings")));
        var ul = el("ul", "", { "class": "findings", "data-testid": "findings" });
        res.findings.forEach(function (f) { ul.appendChild(el("li", f.suggestion, { "data-finding": f.id })); });
        out.appendChild(ul);
      }
      if (res.text) {
        out.appendChild(el("h2", out.getAttribute("data-checked")));
        out.appendChild(el("pre", res.text, { "class": "description", id: "checked-review", "data-testid": "checked-review", tabindex: "0" }));
        out.appendChild(copyBox("checked-review", out));
      }
    }
    var timer = 0;
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 250); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); check(); });
  }

  // textLang adds the language the buyer chose for the text to the seller,
  // when the page offers a choice (the page's language or English).
  function textLang(form, req) {
    var checked = form.querySelector("input[name=text_lang]:checked");
    if (checked) req.text_lang = checked.value;
  }

  // The order's details: kept in this browser only, and written into the
  // message to the seller as the buyer types.
  var DETAILS = "calmclaim:details";
  function details() {
    var form = document.querySelector("[data-testid=details-form]");
    if (!form || !window.Calmclaim || !window.Calmclaim.ready || form.hasAttribute("data-live")) return;
    form.setAttribute("data-live", "");
    // The page builds the calendar file itself (the result page's link);
    // the posted form is for JavaScript off.
    document.querySelectorAll(".no-js").forEach(function (n) { n.hidden = true; });
    var saved = {};
    try { saved = JSON.parse(localStorage.getItem(DETAILS) || "{}") || {}; } catch (e) { saved = {}; }
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
    if (inputs.every(function (i) { return !i.value; })) {
      inputs.forEach(function (i) { if (typeof saved[i.name] === "string") i.value = saved[i.name]; });
    }
    var status = form.appendChild(el("p", "", { "aria-live": "polite", "data-testid": "details-status" }));
    function update(save) {
      var req = JSON.parse(form.getAttribute("data-case"));
      textLang(form, req);
      req.details = {};
      inputs.forEach(function (i) { if (i.value.trim()) req.details[i.name] = i.value; });
      var res = window.Calmclaim.message(req);
      if (res.error) {
        var label = form.querySelector("label[for='detail-" + String(res.error.field).replace(/^details\./, "") + "']");
        status.textContent = label ? fill(form.getAttribute("data-error"), { field: label.textContent.trim(), message: res.error.message }) : res.error.message;
        status.className = "error-message";
        return;
      }
      status.textContent = save ? form.getAttribute("data-saved-text") : "";
      status.className = "";
      if (res.text) document.getElementById("seller-message").textContent = res.text;
      if (save) { try { localStorage.setItem(DETAILS, JSON.stringify(req.details)); } catch (e) { /* storage off */ } }
    }
    var timer = 0;
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { update(false); }, 250); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); update(true); });
    update(false);
  }

  document.addEventListener("calmclaim:ready", function () {
    if (window.performance && performance.mark) performance.mark("calmclaim-ready");
    document.documentElement.setAttribute("data-wasm", "ready");
    evidence();
    review();
    details();
  });
  // A printed verdict shows all its guidance, not only the headings.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.setAttribute("open", ""); d.setAttribute("data-print-open", ""); });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-open]").forEach(function (d) { d.removeAttribute("open"); d.removeAttribute("data-print-open"); });
  });
  if (window.ResizeObserver) new ResizeObserver(resize).observe(document.documentElement);
  enhance(true);
  loadWasm(document.currentScript || document.querySelector("script[data-wasm]"));
})();
