import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("prints one batch frame whose summary agrees with uptime and free", async () => {
  const { out, err, code } = await run(node, "top -bn1");
  expect({ err, code }).toEqual({ err: "", code: 0 });
  const lines = out.split("\n");
  const up = (await run(node, "uptime")).out.trimEnd();
  expect(lines[0]).toBe(`top -${up}`);
  expect(lines[1]).toMatch(/^Tasks: +\d+ total, +1 running, +\d+ sleeping, +0 stopped, +0 zombie$/);
  expect(lines[2]).toMatch(
    /^%Cpu\(s\): +\d+\.\d us, +\d+\.\d sy, +0\.0 ni, +\d+\.\d id, +0\.0 wa, +0\.0 hi, +0\.0 si, +0\.0 st$/,
  );
  const [, total, used] = /^Mem: +(\d+) +(\d+)/m.exec((await run(node, "free -k")).out) ?? [];
  const mem = /^MiB Mem : +(\d+\.\d) total, +\d+\.\d free, +(\d+\.\d) used, +\d+\.\d buff\/cache$/.exec(lines[3] ?? "");
  expect(mem?.slice(1)).toEqual([(Number(total) / 1024).toFixed(1), (Number(used) / 1024).toFixed(1)]);
  expect(lines[4]).toMatch(/^MiB Swap: +0\.0 total, +0\.0 free, +0\.0 used\. +\d+\.\d avail Mem $/);
  expect(lines[5]).toBe("");
  expect(lines[6]).toBe("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  expect(lines[7]).toMatch(
    new RegExp(`^ {4}${pid} root      20   0 +\\d+  70117 +\\d+ S   2\\.1   0\\.9 +\\d+:\\d\\d\\.\\d\\d kubelet$`),
  );
  expect(out.endsWith("\n\n")).toBe(true);
});

it("rejects what it does not know", async () => {
  expect((await run(node, "top -x")).code).toBe(1);
});
