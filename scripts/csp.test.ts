import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { policyFor, withPolicy } from "./csp";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("withPolicy", () => {
  const page =
    '<!DOCTYPE html><html><head><meta charSet="utf-8"/><script src="/_next/a.js" async=""></script></head>' +
    '<body><script id="_R_">boot()</script><script>self.__next_f.push([1,"é"])</script></body></html>';

  it("puts the policy right after <meta charset>, with the hash of each inline script and none of the external ones", () => {
    expect(withPolicy(page)).toBe(
      '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-${sha("boot()")}' 'sha256-${sha('self.__next_f.push([1,"é"])')}'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'"/>` +
        '<script src="/_next/a.js" async=""></script></head>' +
        '<body><script id="_R_">boot()</script><script>self.__next_f.push([1,"é"])</script></body></html>',
    );
  });

  it("replaces the policy of an earlier run instead of adding a second one", () => {
    expect(withPolicy(withPolicy(page))).toBe(withPolicy(page));
  });

  it("refuses a page without <meta charset>, where the policy's place is unknown", () => {
    expect(() => withPolicy("<html><head></head></html>")).toThrow(
      'no <meta charSet="utf-8"/> to put the policy after',
    );
  });
});

describe("policyFor", () => {
  it("lists a script that appears twice once, and only 'self' when there is none", () => {
    expect(policyFor(["x()", "x()"])).toBe(
      `default-src 'self'; script-src 'self' 'sha256-${sha("x()")}'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(policyFor([])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});
