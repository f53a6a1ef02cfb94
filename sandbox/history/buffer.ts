/**
 * isomorphic-git reads and writes Node's `Buffer` as a global. Browsers and workers have none,
 * so the history layer installs the `buffer` package's (the same API) before isomorphic-git runs.
 */
// "buffer/" (trailing slash) is the npm package, never Node's built-in module of the same name.
import { Buffer } from "buffer/";

const host = globalThis as { Buffer?: unknown };
if (host.Buffer === undefined) host.Buffer = Buffer;

export { Buffer };
