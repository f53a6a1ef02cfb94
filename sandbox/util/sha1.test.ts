import { expect, it } from "vitest";
import { sha1Hex } from "./sha1";

it("matches the FIPS 180 test vectors and sha1sum", () => {
  expect(sha1Hex("")).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
  expect(sha1Hex("abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
  expect(sha1Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
    "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
  );
  // `echo -n default.web | sha1sum`
  expect(sha1Hex("default.web")).toBe("68caf03a5f4aa41b0a8b0a4b0ad8f3dd6f51c354");
});

it("hashes bytes as sha1sum does, across block boundaries", async () => {
  const { sha1Bytes } = await import("./sha1");
  // `head -c 1000000 /dev/zero | sha1sum`; a million "a" is FIPS 180's long vector.
  expect(sha1Bytes(new Uint8Array(1_000_000))).toBe("bef3595266a65a2ff36b700a75e8ed95c68210b6");
  expect(sha1Bytes(new TextEncoder().encode("a".repeat(1_000_000)))).toBe("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
});
