import { describe, expect, it } from "vitest";
import assert, { AssertionError } from "./assert-shim";
import { debuglog, inherits } from "./util-shim";

// Old-style constructors, as browserify-zlib writes them (lower-case: they are not React components).
function base(this: { kind: string }) {
  this.kind = "base";
}
base.prototype.hello = () => "hello";
function child() {}

describe("util shim", () => {
  it("inherits links the prototypes and sets super_, as Node's util.inherits does", () => {
    const Base = base;
    const Derived = child;
    inherits(Derived, Base);
    const instance = new (Derived as unknown as new () => { hello(): string })();
    expect(instance.hello()).toBe("hello");
    expect(instance instanceof (Base as unknown as new () => object)).toBe(true);
    expect((Derived as unknown as { super_: unknown }).super_).toBe(Base);
  });

  it("debuglog hands back a logger that says nothing", () => {
    expect(debuglog("stream")("a", 1)).toBeUndefined();
  });
});

describe("assert shim", () => {
  it("passes truthy values and throws an AssertionError with the message for falsy ones", () => {
    expect(() => assert(1)).not.toThrow();
    expect(() => assert.ok(0, "bad state")).toThrow(new AssertionError("bad state"));
    expect(() => assert(null)).toThrow("The expression evaluated to a falsy value");
  });

  it("equal compares loosely, as Node's legacy assert.equal does", () => {
    expect(() => assert.equal(1, "1")).not.toThrow();
    expect(() => assert.equal(1, 2)).toThrow(new AssertionError("1 == 2"));
  });
});
