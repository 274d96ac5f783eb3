// Glue between a Cloudflare Worker's fetch and the Go runtime of
// wasm/worker: one Go runtime per isolate, started on the first request and
// shared by the requests after it, each passing its own env and ctx.
//
// Calling convention (wasm/worker/serve_js.go): at start, Go calls
// globalThis[go.env.CALMCLAIM_GLUE].ready(handle). Then, per request, the
// glue writes "METHOD URL\n" + "name:value\n" per header + "\n" + body into
// a Uint8Array it shares with Go and calls handle(length), passing the
// array as a second argument the first time and whenever it is replaced.
// Go runs the handler synchronously and writes "status\n" + header lines +
// "\n" + body back into the array and returns the response's length. When
// the response does not fit, Go first hands the glue a larger array with
// grown(array) and writes into that; the length returned is still the
// response's, never the array's. Only numbers cross per request.
//
// For the length of that synchronous call, the request's env and ctx are
// globalThis.context.env and .ctx: the runtime context syumai/workers reads
// (cloudflare.Getenv and friends). Calls never overlap, so each request
// sees its own, and nothing is left there between requests.
//
// If the Go runtime exits (os.Exit, a fatal error), that request gets a 500
// and the next one starts a new runtime.

// BODY_LIMIT is the largest request body passed to Go; larger ones get 413
// here. The API reads at most 64 KiB.
export const BODY_LIMIT = 1 << 20;

const NULL_BODY = new Set([101, 204, 205, 304]);
let seq = 0;

// createFetch returns a Worker fetch handler. getModule returns the
// WebAssembly.Module (or a promise of it); Go is the class from wasm_exec.js.
export function createFetch(getModule, Go, { log = console } = {}) {
  let runtime = null; // promise of a runtime: shared by concurrent first requests
  const stats = { started: 0 };

  async function start(onExit) {
    const module = await getModule();
    const go = new Go();
    const key = `__calmclaim_glue_${++seq}`;
    const rt = { go, handle: null, buf: null, fresh: true };
    globalThis[key] = {
      ready(fn) { rt.handle = fn; },
      grown(buf) { rt.buf = buf; }, // Go's larger array, already holding the response
    };
    // syumai/workers reads globalThis.context (and its binding) when the
    // runtime starts; the object stays, its env and ctx change per call.
    if (typeof globalThis.context !== "object" || globalThis.context === null) {
      globalThis.context = { binding: {} };
    }
    go.env = { CALMCLAIM_GLUE: key };
    try {
      const instance = await WebAssembly.instantiate(module, go.importObject);
      // run executes main until it parks, so ready has been called by the
      // time run returns its promise, which settles when Go exits. (That
      // promise belongs to the first request; workerd warns when a later
      // request settles it, which only happens on a crash.)
      go.run(instance).finally(onExit);
      if (go.exited || typeof rt.handle !== "function") {
        throw new Error("the Go runtime did not register a handler");
      }
      stats.started++;
      return rt;
    } finally {
      delete globalThis[key]; // Go holds the object itself
    }
  }

  function getRuntime() {
    if (runtime === null) {
      const p = start(() => forget(p));
      p.catch(() => forget(p));
      runtime = p;
    }
    return runtime;
  }

  function forget(p) {
    if (runtime === p) runtime = null;
  }

  async function fetch(request, env, ctx) {
    let body = null;
    if (request.body !== null) {
      try {
        body = await readBody(request, BODY_LIMIT);
      } catch (err) {
        // A body the platform cannot read (a broken chunked encoding, a
        // client gone mid-upload): the request's fault, not the Worker's.
        return errorResponse(400, "invalid", "the request body could not be read");
      }
      if (body === undefined) {
        return errorResponse(413, "too_large", "the body is too large");
      }
    }
    let p, rt;
    try {
      p = getRuntime();
      rt = await p;
    } catch (err) {
      log.error("calmclaim: the Go runtime failed to start:", err);
      return errorResponse(503, "unavailable", "the service could not start; try again");
    }
    const head = request.method + " " + request.url + "\n" + flatHeaders(request.headers) + "\n";
    const need = head.length * 3 + (body === null ? 0 : body.byteLength);
    if (rt.buf === null || rt.buf.byteLength < need) {
      rt.buf = new Uint8Array(Math.max(need, 64 << 10, rt.buf === null ? 0 : 2 * rt.buf.byteLength));
      rt.fresh = true;
    }
    let n = encoder.encodeInto(head, rt.buf).written;
    if (body !== null) {
      rt.buf.set(body, n);
      n += body.byteLength;
    }
    const rc = globalThis.context;
    rc.env = env;
    rc.ctx = ctx;
    let out, err;
    try {
      out = rt.fresh ? rt.handle(n, rt.buf) : rt.handle(n);
      rt.fresh = false;
    } catch (e) {
      err = e;
    } finally {
      rc.env = undefined;
      rc.ctx = undefined;
    }
    // Go turns handler panics into 500s itself: anything else means the
    // runtime is gone (os.Exit returns undefined, a trap throws).
    if (err !== undefined || rt.go.exited || typeof out !== "number" || out > rt.buf.byteLength) {
      log.error("calmclaim: the Go runtime stopped; the next request starts a new one.", err ?? "");
      forget(p);
      return errorResponse(500, "internal", "something went wrong on our side");
    }
    return decodeResponse(rt.buf, out);
  }

  fetch.stats = stats;
  return fetch;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// decodeResponse reads "status\n" + "name:value\n"... + "\n" + body.
function decodeResponse(buf, n) {
  let end = 0;
  while (end + 1 < n && !(buf[end] === 10 && buf[end + 1] === 10)) end++;
  const lines = decoder.decode(buf.subarray(0, end)).split("\n");
  const status = Number(lines[0]);
  const headers = new Headers();
  for (let i = 1; i < lines.length; i++) {
    const c = lines[i].indexOf(":");
    if (c > 0) headers.append(lines[i].slice(0, c), lines[i].slice(c + 1));
  }
  const body = NULL_BODY.has(status) ? null : buf.slice(end + 2, n);
  return new Response(body, { status, headers });
}

function flatHeaders(headers) {
  let s = "";
  for (const [k, v] of headers) s += k + ":" + v + "\n";
  return s;
}

// readBody returns the body as a Uint8Array, or undefined past limit bytes.
async function readBody(request, limit) {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return undefined;
  const reader = request.body.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > limit) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.byteLength; }
  return all;
}

function errorResponse(status, code, message) {
  return new Response(JSON.stringify({ error: { code, message, field: null } }), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      // the headers every response of the Go handler carries
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    },
  });
}
