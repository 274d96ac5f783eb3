// Start-up of the Go runtime under Node (make bench-start).
//
//   node --expose-gc bench/start/start.mjs [-n 30] [-warmup 5] [a.wasm b.wasm ...]
//     New Go runtimes of each module (default build/app.wasm), each started
//     through the Worker's glue (wasm/worker/glue/glue.mjs, createFetch) by
//     a new fetch handler, as in a Worker isolate: the time to the first
//     GET /healthz, to the first POST /api/v1/assess as a runtime's first
//     request, and to the first assess on a runtime that already answered
//     /healthz. Each module is compiled once; -warmup rounds are not counted
//     (V8 tiers the hot code up meanwhile), then -n rounds give the median.
//     With several modules the rounds alternate between them, so a load
//     that comes and goes on the machine falls on each alike: compare
//     builds in one run.
//
//   node --expose-gc bench/start/start.mjs --inittrace [--cold] [-n 10] [a.wasm ...]
//     GODEBUG=inittrace=1: each package initialiser's clock time, bytes
//     and allocations, the median of -n runtimes after -warmup ones. With
//     --cold, each of the -n runtimes is the first of a new Node process,
//     as in a new isolate: V8 compiles each wasm function when it is first
//     called, so an initialiser there pays for compiling the code it runs.
//     web/static/app.wasm (the page's Go, make browser) works too; it
//     ignores the glue.
//
// Build first: scripts/build-worker.sh wasm.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createFetch } from "../../wasm/worker/glue/glue.mjs";

const args = process.argv.slice(2);
const option = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const [, v] = args.splice(i, 2);
  return name.startsWith("--") ? true : Number(v);
};
const has = (name) => args.includes(name) && args.splice(args.indexOf(name), 1).length > 0;
const trace = has("--inittrace");
const cold = has("--cold");
const traceOne = has("--trace-one"); // one traced runtime, as JSON: the child of --cold
const n = option("-n", trace ? 10 : 30);
const warmup = Math.max(1, option("-warmup", 5));
const root = new URL("../../", import.meta.url);
const files = args.length > 0 ? args.map((a) => pathToFileURL(resolve(a))) : [new URL("build/app.wasm", root)];

await import(new URL("build/wasm_exec.js", root));
const modules = [];
for (const file of files) {
  const bytes = await readFile(file);
  const name = file.pathname.split("/").slice(-2).join("/");
  modules.push({ name, path: fileURLToPath(file), size: bytes.length, module: await WebAssembly.compile(bytes) });
}
const gc = globalThis.gc ?? (() => {});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(2).padStart(8);

// TracedGo is wasm_exec's Go with GODEBUG=inittrace=1 added to the env its
// user sets.
class TracedGo extends globalThis.Go {
  set env(v) { this._env = { ...v, GODEBUG: "inittrace=1" }; }
  get env() { return this._env; }
}

// traceOnce runs one new runtime of module with GODEBUG=inittrace=1 until
// main parks, and returns its initialisers: package -> {at, ms, bytes, allocs}.
async function traceOnce(module) {
  // init PKG @T ms, C ms clock, B bytes, A allocs
  const re = /^init (\S+) @([\d.]+) ms, ([\d.]+) ms clock, (\d+) bytes, (\d+) allocs/;
  const lines = [];
  const log = console.log; // where wasm_exec writes Go's stderr
  console.log = (...a) => lines.push(a.join(" "));
  try {
    const key = "__calmclaim_bench_glue";
    globalThis[key] = { ready() {} };
    globalThis.context ??= { binding: {} };
    const go = new TracedGo();
    go.env = { CALMCLAIM_GLUE: key };
    go.run(await WebAssembly.instantiate(module, go.importObject)); // returns once main parks
    delete globalThis[key];
  } finally {
    console.log = log;
  }
  const pkgs = new Map();
  for (const l of lines) {
    const x = re.exec(l);
    if (x) pkgs.set(x[1], { at: +x[2], ms: +x[3], bytes: +x[4], allocs: +x[5] });
  }
  if (pkgs.size === 0) throw new Error("no inittrace lines:\n" + lines.join("\n"));
  return pkgs;
}

// inittrace traces -n runtimes of each module, alternating between them,
// and prints each module's initialisers, slowest first.
async function inittrace() {
  const self = fileURLToPath(import.meta.url);
  let runs;
  for (let i = cold ? 0 : -warmup; i < n; i++) {
    if (i <= 0) runs = modules.map(() => []); // the warm-up is not counted
    for (const [j, m] of modules.entries()) {
      if (cold) {
        const out = execFileSync(process.execPath, [self, "--trace-one", m.path], { encoding: "utf8" });
        runs[j].push(new Map(JSON.parse(out)));
      } else {
        gc();
        runs[j].push(await traceOnce(m.module));
      }
    }
  }
  for (const [j, m] of modules.entries()) report(m, runs[j]);
}

// report prints the median of runs of m per package.
function report(m, runs) {
  const col = (p, k) => median(runs.map((r) => r.get(p)?.[k] ?? 0));
  const rows = [...runs[0].keys()].map((p) => ({ p, ms: col(p, "ms"), bytes: col(p, "bytes"), allocs: col(p, "allocs") }));
  const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
  const end = median(runs.map((r) => Math.max(...[...r.values()].map((v) => v.at + v.ms))));
  const ours = rows.filter((r) => r.p.startsWith("github.com/calmclaim/"));
  const of = cold ? `the first runtimes of ${n} new Node processes` : `${n} runtimes after ${warmup}`;
  console.log(`${m.name}: ${m.size} bytes, GODEBUG=inittrace=1, median of ${of}`);
  console.log(`${"ms clock".padStart(8)} ${"bytes".padStart(9)} ${"allocs".padStart(7)}  package`);
  for (const r of rows.sort((a, b) => b.ms - a.ms || b.allocs - a.allocs)) {
    console.log(`${fmt(r.ms)} ${String(r.bytes).padStart(9)} ${String(r.allocs).padStart(7)}  ${r.p}`);
  }
  console.log(`all ${rows.length} initialisers: ${sum(rows, "ms").toFixed(2)} ms, ${sum(rows, "bytes")} bytes, ${sum(rows, "allocs")} allocs; the last ends ${end.toFixed(2)} ms after the runtime starts`);
  console.log(`github.com/calmclaim/...: ${sum(ours, "ms").toFixed(2)} ms, ${sum(ours, "bytes")} bytes, ${sum(ours, "allocs")} allocs\n`);
}

// starts prints, for each module, the time from a new runtime to its first responses.
async function starts() {
  const quiet = { error() {} };
  const healthz = () => new Request("https://calmclaim.test/healthz");
  const assess = () =>
    new Request("https://calmclaim.test/api/v1/assess", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        today: "2026-11-22",
        facts: { claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-01" },
      }),
    });
  // timed answers req and returns the milliseconds since t0 once its body is read.
  const timed = async (fetch, req, t0) => {
    const res = await fetch(req, {}, {});
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${req.method} ${req.url}: ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = -warmup; i < n; i++) {
    for (const m of modules) {
      if (i <= 0) m.t = { healthz: [], assess: [], assessAfter: [] }; // the warm-up is not counted
      const fresh = () => createFetch(() => m.module, globalThis.Go, { log: quiet });
      gc();
      let t0 = performance.now();
      let fetch = fresh();
      m.t.healthz.push(await timed(fetch, healthz(), t0));
      m.cold ??= m.t.healthz[0];
      t0 = performance.now();
      m.t.assessAfter.push(await timed(fetch, assess(), t0));
      gc();
      t0 = performance.now();
      fetch = fresh();
      m.t.assess.push(await timed(fetch, assess(), t0));
    }
  }
  console.log(`Node ${process.version}; per module, ${warmup} rounds of warm-up, then ${n} fresh Go runtimes per measure`);
  for (const m of modules) {
    const row = (xs, what) => console.log(`${fmt(median(xs))} ${fmt(Math.min(...xs))} ${fmt(Math.max(...xs))}  ${what}`);
    console.log(`\n${m.name}: ${m.size} bytes; its first runtime in this process to the first GET /healthz: ${m.cold.toFixed(2)} ms`);
    console.log(`${"median".padStart(8)} ${"min".padStart(8)} ${"max".padStart(8)}  ms`);
    row(m.t.healthz, "new runtime to the first GET /healthz");
    row(m.t.assess, "new runtime to the first POST /api/v1/assess (its first request)");
    row(m.t.assessAfter, "first POST /api/v1/assess after /healthz, same runtime");
  }
}

if (traceOne) {
  console.log(JSON.stringify([...(await traceOnce(modules[0].module))]));
} else if (trace) {
  await inittrace();
} else {
  await starts();
}
