// Tests of glue.mjs with the real Go runtime (build/app.wasm) under Node:
// `scripts/build-worker.sh wasm && node --test wasm/worker/glue/`.
// The edge tests (make test-edge) run them; workerd itself is covered by
// wasm/worker/edge_test.go.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { BODY_LIMIT, createFetch } from "./glue.mjs";

const build = new URL("../../../build/", import.meta.url);
await import(new URL("wasm_exec.js", build));
const module = await WebAssembly.compile(await readFile(new URL("app.wasm", build)));

const quiet = { error() {} };
const env = (echo = "") => ({ CALMCLAIM_TEST_ROUTES: "1", CALMCLAIM_TEST_ECHO: echo });
const get = (path) => new Request("https://calmclaim.test" + path);
const assessBody = JSON.stringify({
  today: "2026-11-22",
  facts: { claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-01" },
});
const post = (path, body, type = "application/json") =>
  new Request("https://calmclaim.test" + path, { method: "POST", body, headers: { "Content-Type": type } });

// securityHeaders checks what every response carries, 500s included.
function securityHeaders(res) {
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'none'/);
}

// withConsole runs fn with console.log captured (Go's stderr goes there).
async function withConsole(fn) {
  const lines = [];
  const log = console.log;
  console.log = (...a) => lines.push(a.join(" "));
  try {
    await fn();
  } finally {
    console.log = log;
  }
  return lines.join("\n");
}

test("concurrent first requests share one Go runtime", async () => {
  const fetch = createFetch(async () => module, globalThis.Go, { log: quiet });
  const res = await Promise.all(Array.from({ length: 20 }, () => fetch(get("/healthz"), env(), {})));
  for (const r of res) {
    assert.equal(r.status, 200);
    assert.equal(await r.text(), '{"status":"ok"}');
  }
  assert.equal(fetch.stats.started, 1);
});

test("every request sees its own env and ctx", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  const ctxs = Array.from({ length: 50 }, () => ({}));
  const res = await Promise.all(
    ctxs.map((ctx, i) => fetch(get(`/__test/env?mark=m${i}`), env(`e${i}`), ctx)),
  );
  for (const [i, r] of res.entries()) {
    assert.equal(await r.text(), `echo=e${i}\nprev=\n`);
    assert.equal(ctxs[i].calmclaimTestMark, `m${i}`);
  }
  // The same ctx twice shows its earlier mark: the check can fail.
  const ctx = {};
  await fetch(get("/__test/env?mark=x"), env(), ctx);
  assert.equal(await (await fetch(get("/__test/env?mark=y"), env(), ctx)).text(), "echo=\nprev=x\n");
  // Without the switch in env, the test routes do not exist.
  assert.equal((await fetch(get("/__test/panic"), {}, {})).status, 404);
});

test("a panic is a 500 and the runtime goes on", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  assert.equal((await fetch(get("/healthz"), env(), {})).status, 200);
  let res;
  const out = await withConsole(async () => { res = await fetch(get("/__test/panic"), env(), {}); });
  assert.equal(res.status, 500);
  assert.match(await res.text(), /"code":"internal"/);
  assert.match(out, /deliberate test panic/);
  securityHeaders(res);
  assert.equal((await fetch(get("/healthz"), env(), {})).status, 200);
  assert.equal(fetch.stats.started, 1);
});

test("a runtime that exits is replaced on the next request", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  assert.equal((await fetch(get("/healthz"), env(), {})).status, 200);
  let res;
  await withConsole(async () => { res = await fetch(get("/__test/exit"), env(), {}); });
  assert.equal(res.status, 500);
  securityHeaders(res); // the glue's own 500
  const next = await fetch(post("/api/v1/assess", assessBody), env(), {});
  assert.equal(next.status, 200);
  assert.equal(JSON.parse(await next.text()).outcome, "eligible");
  assert.equal(fetch.stats.started, 2);
});

test("requests and responses cross intact", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  const res = await fetch(post("/api/v1/assess", assessBody), {}, {});
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.equal(JSON.parse(await res.text()).earliest_date, "2026-11-11");

  const bad = await fetch(post("/api/v1/assess", assessBody, "text/plain"), {}, {});
  assert.equal(bad.status, 415);

  const pre = await fetch(new Request("https://calmclaim.test/api/v1/assess", { method: "OPTIONS" }), {}, {});
  assert.equal(pre.status, 204);
  assert.equal(pre.body, null);

  const head = await fetch(new Request("https://calmclaim.test/healthz", { method: "HEAD" }), {}, {});
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");

  const big = await fetch(post("/api/v1/assess", "x".repeat(BODY_LIMIT + 1)), {}, {});
  assert.equal(big.status, 413);
  const large = await fetch(post("/api/v1/assess", " ".repeat(70 << 10)), {}, {});
  assert.equal(large.status, 413); // the API's own 64 KiB limit, from Go
});

// Named for a bug: the first response that outgrew the exchange buffer was
// sent with the whole enlarged buffer, padded with tens of KB of NUL bytes.
test("a response larger than the buffer, from a fresh runtime, has exactly its bytes", async () => {
  // A real describe whose answer is larger than the 64 KiB first buffer:
  // each "<" of the story is written back as \u003c (the four parts
  // differ: a sentence repeated across the description is written once).
  const lt = (first) => first + "<".repeat(1999);
  const body = JSON.stringify({
    today: "2026-11-22",
    facts: { claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-01" },
    story: { ordered: lt("1"), received: lt("2"), difference: lt("3"), requested: lt("4") },
  });
  assert.ok(body.length < 64 << 10);
  for (const fresh of [true, false]) {
    const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
    if (!fresh) await fetch(get("/healthz"), {}, {});
    const res = await fetch(post("/api/v1/describe", body), {}, {});
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.ok(bytes.byteLength > 64 << 10, `the answer (${bytes.byteLength} bytes) must outgrow the first buffer`);
    assert.equal(Number(res.headers.get("content-length")), bytes.byteLength);
    assert.equal(bytes.indexOf(0), -1, "no NUL byte");
    assert.equal(JSON.parse(new TextDecoder().decode(bytes)).verdict.outcome, "eligible");
  }
  // Every byte, at sizes that grow the buffer once, twice, and not at all.
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  for (const n of [100_000, 1_000_003, 70_000, 0, 2_500_001]) {
    const res = await fetch(get(`/__test/bytes?n=${n}`), env(), {});
    assert.equal(res.status, 200);
    const b = new Uint8Array(await res.arrayBuffer());
    assert.equal(b.byteLength, n);
    assert.equal(Number(res.headers.get("content-length")), n);
    for (let i = 0; i < n; i++) if (b[i] !== i % 251) assert.fail(`byte ${i} of ${n} is ${b[i]}`);
  }
  assert.equal(fetch.stats.started, 1);
});

test("a body that cannot be read is a 400, not a crash", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  const broken = new ReadableStream({ pull(c) { c.error(new TypeError("bad chunked encoding")); } });
  const req = new Request("https://calmclaim.test/api/v1/assess", {
    method: "POST", body: broken, duplex: "half", headers: { "Content-Type": "application/json" },
  });
  const res = await fetch(req, {}, {});
  assert.equal(res.status, 400);
  assert.match(await res.text(), /"code":"invalid"/);
  assert.equal((await fetch(post("/api/v1/assess", assessBody), {}, {})).status, 200);
});

test("10,000 nested brackets are a 400 and the runtime goes on", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  for (const path of ["/api/v1/assess", "/api/v1/checklist", "/api/v1/describe"]) {
    const res = await fetch(post(path, "[".repeat(10000)), {}, {});
    assert.equal(res.status, 400);
    assert.match(await res.text(), /"code":"invalid"/);
  }
  assert.equal((await fetch(post("/api/v1/assess", assessBody), {}, {})).status, 200);
  assert.equal(fetch.stats.started, 1);
});

test("memory stays flat over 10,000 requests", async () => {
  const fetch = createFetch(() => module, globalThis.Go, { log: quiet });
  const mem = async () => JSON.parse(await (await fetch(get("/__test/mem"), env(), {})).text());
  const round = async (n) => {
    for (let i = 0; i < n; i++) {
      const r = i % 2
        ? await fetch(post("/api/v1/assess", assessBody), {}, {})
        : await fetch(get("/healthz"), {}, {});
      assert.equal(r.status, 200);
      await r.arrayBuffer();
    }
  };
  await round(1000);
  const first = await mem();
  await round(9000);
  const last = await mem();
  // The wasm memory (Go's Sys) may settle but not keep growing.
  assert.ok(last.sys <= first.sys + (4 << 20), `Go memory grew from ${first.sys} to ${last.sys}`);
  assert.ok(last.sys < 64 << 20, `Go memory ${last.sys}`);
  assert.ok(last.num_gc > first.num_gc, "the Go GC ran");
  console.log(`# go sys ${first.sys} -> ${last.sys} bytes, heap ${last.heap_alloc}, gc ${last.num_gc}`);
});
