import fc from "fast-check";
import { expect, it } from "vitest";
import { changed } from "./pod-util";

const serialisesDifferently = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

it("calls two values changed exactly when JSON.stringify writes them differently", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => changed(a, b) === serialisesDifferently(a, b)),
    { numRuns: 5000, seed: 9 },
  );
  // Shapes the controllers make: optional members left undefined, key order, nulls in arrays.
  const shapes = fc.constantFrom<unknown>(
    { a: 1, b: undefined },
    { a: 1 },
    { b: 2, a: 1 },
    { a: 1, b: 2 },
    [1, undefined],
    [1, null],
    [{ ip: "10.224.0.5", nodeName: undefined }],
    [{ ip: "10.224.0.5" }],
    [],
    {},
    null,
  );
  fc.assert(
    fc.property(shapes, shapes, (a, b) => changed(a, b) === serialisesDifferently(a, b)),
    { seed: 9 },
  );
  expect(changed({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  expect(changed({ a: 1, b: undefined }, { a: 1 })).toBe(false);
});
