// Cold start in workerd: a fresh workerd process to the first 200 from
// GET /healthz, the median of -n starts (make bench-start): the wall time,
// and the CPU time workerd spent by then (all its threads, from
// /proc/PID/task/*/schedstat), which a busy machine disturbs less.
//
//   node bench/start/workerd.mjs [-n 10] dist-a dist-b ...
//
// Each dist folder is a Worker bundle written by wrangler deploy --dry-run
// --outdir (worker.js and its .wasm modules), served by workerd alone as
// bench/edge does, with no wrangler and no inspector. Starts alternate
// between the folders, so a load that comes and goes on the machine falls
// on each alike. Needs npm ci (node_modules/@cloudflare/workerd-linux-64).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
let n = 10;
if (args[0] === "-n") n = Number(args.splice(0, 2)[1]);
const bin = new URL("../../node_modules/@cloudflare/workerd-linux-64/bin/workerd", import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

// config writes dir/workerd.capnp for address and returns its name.
function config(dir, address) {
  const files = readdirSync(dir);
  const modules = [`(name = "worker.js", esModule = embed "worker.js")`];
  for (const f of files.filter((f) => f.endsWith(".wasm"))) modules.push(`(name = "${f}", wasm = embed "${f}")`);
  writeFileSync(join(dir, "workerd.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "${address}", http = (), service = "main")],
);
const w :Workerd.Worker = (modules = [${modules.join(", ")}], compatibilityDate = "2026-04-26");
`);
  return "workerd.capnp";
}

// cpu is the CPU time of process pid's threads so far, in ms.
function cpu(pid) {
  let ns = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ")[0]);
  }
  return ns / 1e6;
}

// coldStart starts workerd on dir and returns the wall and CPU
// milliseconds to the first 200.
async function coldStart(dir) {
  const address = `127.0.0.1:${await freePort()}`;
  const file = config(dir, address);
  const t0 = performance.now();
  const p = spawn(bin, ["serve", file], { cwd: dir, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  p.stderr.on("data", (b) => (stderr += b));
  try {
    for (;;) {
      try {
        const res = await fetch(`http://${address}/healthz`);
        await res.arrayBuffer();
        if (res.status === 200) return { wall: performance.now() - t0, cpu: cpu(p.pid) };
      } catch {
        // not listening yet
      }
      if (p.exitCode !== null || performance.now() - t0 > 30000) {
        throw new Error(`${dir}: no 200 from /healthz (workerd exit code ${p.exitCode})\n${stderr}`);
      }
      await new Promise((ok) => setTimeout(ok, 2));
    }
  } finally {
    if (p.exitCode === null) process.kill(-p.pid, "SIGKILL");
  }
}

const dirs = args.map((d) => resolve(d));
const runs = dirs.map(() => []);
await coldStart(dirs[0]); // the first start of the binary also loads it from disk
for (let i = 0; i < n; i++) {
  for (const [j, d] of dirs.entries()) runs[j].push(await coldStart(d));
}
const stat = (rs, k) => {
  const xs = rs.map((r) => r[k]);
  return { med: median(xs), text: `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`.padEnd(22) };
};
console.log(`fresh workerd to the first 200 from GET /healthz, median of ${n} (min-max), ms`);
console.log(`${"wall".padEnd(22)} ${"workerd CPU".padEnd(22)}`);
for (const [j, d] of dirs.entries()) console.log(`${stat(runs[j], "wall").text} ${stat(runs[j], "cpu").text} ${d}`);
if (dirs.length > 1) {
  const last = runs[dirs.length - 1];
  for (const [j, d] of dirs.slice(0, -1).entries()) {
    const ratio = (k) => (stat(runs[j], k).med / stat(last, k).med).toFixed(2);
    console.log(`${d.split("/").pop()}: ${ratio("wall")}x the last in wall time, ${ratio("cpu")}x in CPU time`);
  }
}
