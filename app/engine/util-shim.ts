/**
 * The browser's `util`, as far as the engine chunk needs it. just-bash's browser build imports
 * `node:zlib` (gzip, gunzip, zcat, tar); Next polyfills it with browserify-zlib, which uses
 * `util.inherits`, and its stream-browserify uses `util.debuglog`/`util.inspect` when present.
 * Next's full `util` polyfill pulls in is-generator-function, which probes `Function(...)` at
 * load: a strict CSP reports that as a violation even though the probe's throw is caught.
 * next.config.mjs aliases `util` to this file in the browser only. Written from Node's docs
 * for util.inherits (https://nodejs.org/api/util.html#utilinheritsconstructor-superconstructor).
 */

type Constructor = { prototype: object; super_?: unknown };

/** Node's legacy inherits: `ctor.prototype` delegates to `superCtor.prototype`; `ctor.super_` is set. */
export function inherits(ctor: Constructor, superCtor: Constructor): void {
  Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

/** Debug logging is off in the page: a no-op logger, as Node gives when NODE_DEBUG does not name the section. */
export function debuglog(_section: string): (...args: unknown[]) => void {
  return () => {};
}

const util = { inherits, debuglog };
export default util;
