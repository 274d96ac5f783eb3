// Calmclaim's SHA-256 worker: hashes the evidence bundle's files beside
// the page's thread, with the same WebAssembly module the page uses
// (package sha256wasm), which the page compiles and posts here. The page
// sends each file's bytes in transferred ArrayBuffers and gets them back
// for reuse; "sum" answers the digest. Messages:
//   {type: "init", module}            -> {type: "ready"} or {type: "error", message}
//   {type: "data", id, buf, len}      -> {type: "buf", buf} (the same buffer, returned)
//   {type: "sum", id}                 -> {type: "sum", id, sum} (32 bytes)
"use strict";
var STATE = 0, DATA = 1024, SIZE = 1 << 20; // package sha256wasm's layout
var INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
var blocks, mem, slot, states = {};

// compress runs the module over len bytes of src from off (whole blocks).
function compress(s, src, off, len) {
  slot.set(s.h);
  while (len > 0) {
    var c = Math.min(len, SIZE);
    mem.set(src.subarray(off, off + c), DATA);
    blocks(DATA, c / 64);
    off += c;
    len -= c;
  }
  s.h.set(slot);
}

function update(s, d) {
  var off = 0;
  s.n += d.length;
  if (s.np > 0) {
    off = Math.min(64 - s.np, d.length);
    s.pend.set(d.subarray(0, off), s.np);
    s.np += off;
    if (s.np < 64) return;
    compress(s, s.pend, 0, 64);
    s.np = 0;
  }
  var whole = (d.length - off) & ~63;
  if (whole > 0) compress(s, d, off, whole);
  off += whole;
  s.pend.set(d.subarray(off), 0);
  s.np = d.length - off;
}

function finish(s) {
  var tail = new Uint8Array(128), len = s.np < 56 ? 64 : 128, bits = s.n * 8;
  tail.set(s.pend.subarray(0, s.np));
  tail[s.np] = 0x80;
  var view = new DataView(tail.buffer);
  view.setUint32(len - 8, Math.floor(bits / 4294967296));
  view.setUint32(len - 4, bits >>> 0);
  compress(s, tail, 0, len);
  var out = new Uint8Array(32), ov = new DataView(out.buffer);
  for (var i = 0; i < 8; i++) ov.setUint32(4 * i, s.h[i]);
  return out;
}

onmessage = function (e) {
  var m = e.data;
  if (m.type === "init") {
    WebAssembly.instantiate(m.module).then(function (inst) {
      blocks = inst.exports.blocks;
      mem = new Uint8Array(inst.exports.memory.buffer);
      slot = new Uint32Array(inst.exports.memory.buffer, STATE, 8);
      postMessage({ type: "ready" });
    }, function (err) { postMessage({ type: "error", message: String(err) }); });
    return;
  }
  var s = states[m.id];
  if (!s) s = states[m.id] = { h: new Uint32Array(INITIAL), pend: new Uint8Array(64), np: 0, n: 0 };
  if (m.type === "data") {
    update(s, new Uint8Array(m.buf, 0, m.len));
    postMessage({ type: "buf", buf: m.buf }, [m.buf]);
  } else if (m.type === "sum") {
    postMessage({ type: "sum", id: m.id, sum: finish(s) });
    delete states[m.id];
  }
};
