import { describe, expect, it } from "vitest";
import { basePathFrom, contentDirFrom, outDirFrom } from "./site-paths.mjs";

describe("site paths from the environment", () => {
  it("normalizes BASE_PATH to one leading slash and no trailing one; empty is the root", () => {
    expect(["", "/", " ", "inside-the-node", "/inside-the-node/", "/a/b"].map((v) => basePathFrom(v))).toEqual([
      "",
      "",
      "",
      "/inside-the-node",
      "/inside-the-node",
      "/a/b",
    ]);
  });

  it("refuses a BASE_PATH that is no URL path, saying what would do", () => {
    expect(() => basePathFrom("/my course")).toThrow(
      `BASE_PATH="/my course" cannot be a URL path prefix — use path segments of letters, digits, '.', '_', '~' or '-', e.g. BASE_PATH=/inside-the-node`,
    );
  });

  it("defaults OUT_DIR to out and CONTENT_DIR to content", () => {
    expect([
      outDirFrom(""),
      outDirFrom("out-base"),
      contentDirFrom(""),
      contentDirFrom("tests/fixtures/lessons/"),
    ]).toEqual(["out", "out-base", "content", "tests/fixtures/lessons"]);
  });
});
