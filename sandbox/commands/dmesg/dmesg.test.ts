import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
import { freshNode, run } from "../../test-helpers";

it("prints the ring buffer with seconds since boot, the version banner first", async () => {
  const node = freshNode();
  const { out, err, code } = await run(node, "dmesg");
  expect({ err, code }).toEqual({ err: "", code: 0 });
  const lines = out.split("\n");
  expect(lines[0]).toBe(
    "[    0.000000] Linux version 5.15.0-1096-azure (buildd@lcy02-amd64-058) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04.2) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025",
  );
  expect(lines).toContain("[    0.436520] sd 0:0:0:0: [sda] 268435456 512-byte logical blocks: (137 GB/128 GiB)");
  expect((await run(node, "dmesg -T | grep -m1 'EXT4-fs (sda1)'")).out).toBe(
    "[Thu Oct 30 14:02:12 2025] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.\n",
  );
  expect(await run(node, "dmesg -z")).toEqual({
    out: "",
    err: "dmesg: invalid option -- 'z'\nTry 'dmesg --help' for more information.\n",
    code: 1,
  });
});

it("holds what the kernel logged since: a memory-cgroup OOM kill", async () => {
  const node = createSandbox({ scenario: "memory-pressure" });
  expect((await run(node, "dmesg --level=err | tail -1")).out).toMatch(
    /^\[ {0,4}\d+\.\d{6}\] Memory cgroup out of memory: Killed process \d+ \(report-builder\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:\d+\n$/,
  );
});
