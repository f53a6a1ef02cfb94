/**
 * The browser's `assert`, as far as the engine chunk needs it: browserify-zlib (Next's polyfill
 * for the `node:zlib` that just-bash imports) checks its state with `assert(value)`,
 * `assert.ok(value)` and `assert.equal(a, b)`. Next's full polyfill brings its own copy of `util`
 * with a `Function(...)` probe that a strict CSP reports; see util-shim.ts.
 */
export class AssertionError extends Error {
  override name = "AssertionError";
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? "The expression evaluated to a falsy value");
}

/** Node's legacy `assert.equal` compares with `==`. */
function equal(actual: unknown, expected: unknown, message?: string): void {
  // biome-ignore lint/suspicious/noDoubleEquals: assert.equal is loose equality by definition
  if (!(actual == expected)) throw new AssertionError(message ?? `${String(actual)} == ${String(expected)}`);
}

const assert = Object.assign((value: unknown, message?: string) => ok(value, message), { ok, equal, AssertionError });
export default assert;
