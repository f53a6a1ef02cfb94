import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("prints procps' table from the same figures as /proc/meminfo", async () => {
  expect(await run(node, "free")).toEqual({
    out: [
      "               total        used        free      shared  buff/cache   available",
      "Mem:         8137384     1375490     5263458        3184     1498436     6524685",
      "Swap:              0           0           0",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(
    (await run(node, "grep -E '^(MemTotal|MemFree|MemAvailable|Buffers|Cached|SReclaimable):' /proc/meminfo")).out,
  ).toBe(
    [
      "MemTotal:        8137384 kB",
      "MemFree:         5263458 kB",
      "MemAvailable:    6524685 kB",
      "Buffers:           61232 kB",
      "Cached:          1318752 kB",
      "SReclaimable:     118452 kB",
      "",
    ].join("\n"),
  );
  expect((await run(node, "free -h")).out).toBe(
    [
      "               total        used        free      shared  buff/cache   available",
      "Mem:           7.8Gi       1.3Gi       5.0Gi       3.1Mi       1.4Gi       6.2Gi",
      "Swap:             0B          0B          0B",
      "",
    ].join("\n"),
  );
  expect((await run(node, "free -x")).err).toMatch(/^free: invalid option -- 'x'\n\nUsage:\n free \[options\]\n/);
});
