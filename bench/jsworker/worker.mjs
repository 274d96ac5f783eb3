// A trivial Worker answering the benchmarked routes with fixed bodies of
// about the size the Go Worker sends: the floor for the same workerd.
const verdict = JSON.stringify({
  outcome: "eligible",
  claim: "broken",
  earliest_date: "2026-11-11",
  rules: [{ id: "broken.eligible", effect: "eligible", summary: "An item that arrived broken or does not work is covered.", source: "About AliExpress Buyer Protection" }],
  remedy: null,
  evidence: [{ id: "photos_item", required: true, why: "Photos of the fault." }],
  warnings: [],
  next_question: null,
});
const json = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/healthz") return new Response('{"status":"ok"}', { headers: json });
    if (pathname === "/api/v1/assess" && request.method === "POST") {
      JSON.parse(await request.text());
      return new Response(verdict, { headers: json });
    }
    if (pathname === "/") {
      return new Response("<!doctype html><title>Calmclaim</title><h1>Calmclaim</h1>", {
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    }
    return new Response("not found", { status: 404 });
  },
};
