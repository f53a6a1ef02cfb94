/**
 * isomorphic-git reads and writes Node's `Buffer` as a global. Browsers and workers have none,
 * so the history layer installs the `buffer` package's (the same API) before isomorphic-git runs.
 */
// In the page the bundler resolves "buffer" to the npm package; in Node it is Node's own module.
import { Buffer } from "buffer";

const host = globalThis as { Buffer?: unknown };
if (host.Buffer === undefined) host.Buffer = Buffer;

export { Buffer };
