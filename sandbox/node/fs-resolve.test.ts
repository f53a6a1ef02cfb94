/**
 * NodeFs's path resolution (symlinks in every component, cached per path): the same answers
 * however the cache was filled, and a hostile path of a hundred thousand components is an
 * ENOENT like any other, not a blown stack.
 */
import { expect, it } from "vitest";
import { NodeFs } from "./fs";

const fsWithLinks = () => {
  const fs = new NodeFs(() => 0);
  fs.mkdirSync("/real/dir");
  fs.writeFileSync("/real/dir/file", "data\n");
  fs.symlinkSync("/real", "/abs");
  fs.symlinkSync("real/dir", "/rel");
  fs.symlinkSync("/abs/dir", "/chain");
  return fs;
};

it("follows absolute, relative and chained links in any component, with or without a warm cache", () => {
  for (const warm of [false, true]) {
    const fs = fsWithLinks();
    if (warm) fs.readdirSync("/real/dir");
    expect(fs.readFileSync("/abs/dir/file")).toBe("data\n");
    expect(fs.readFileSync("/rel/file")).toBe("data\n");
    expect(fs.readFileSync("/chain/./file")).toBe("data\n");
    expect(fs.resolve("/chain/file")).toBe("/real/dir/file");
    expect(fs.resolve("/chain", false)).toBe("/chain");
  }
});

it("sees a link made after a path was resolved through its place", () => {
  const fs = fsWithLinks();
  expect(fs.existsSync("/later/dir/file")).toBe(false);
  fs.symlinkSync("/real", "/later");
  expect(fs.readFileSync("/later/dir/file")).toBe("data\n");
});

it("reports a loop as ELOOP and a path of 100,000 components as ENOENT", () => {
  const fs = fsWithLinks();
  fs.symlinkSync("/loop-b", "/loop-a");
  fs.symlinkSync("/loop-a", "/loop-b");
  expect(() => fs.readFileSync("/loop-a/x")).toThrow(/^ELOOP/);
  const deep = `/${Array(100_000).fill("x").join("/")}`;
  expect(fs.existsSync(deep)).toBe(false);
  expect(() => fs.readFileSync(deep)).toThrow(/^ENOENT/);
  expect(fs.readFileSync("/abs/dir/file")).toBe("data\n");
});
