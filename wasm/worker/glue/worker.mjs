// The Worker entry (wrangler.toml main). scripts/build-worker.sh puts
// app.wasm and the toolchain's wasm_exec.js in build/.
import "../../../build/wasm_exec.js";
import mod from "../../../build/app.wasm";
import { createFetch } from "./glue.mjs";

export default { fetch: createFetch(() => mod, globalThis.Go) };
