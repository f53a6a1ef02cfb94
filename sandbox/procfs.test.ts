import { expect, it } from "vitest";
import { freshNode, run } from "./test-helpers";

const node = freshNode();

it("generates /proc from the live process table", async () => {
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  expect((await run(node, `cat /proc/${pid}/cgroup /proc/${pid}/comm`)).out).toBe(
    "0::/system.slice/kubelet.service\nkubelet\n",
  );
  const cmdline = (await run(node, `cat /proc/${pid}/cmdline`)).out;
  expect(cmdline.split("\0").slice(0, 2)).toEqual(["/usr/local/bin/kubelet", "--enable-server"]);
  expect(cmdline.endsWith("\0")).toBe(true);
  expect(
    (await run(node, `grep -E '^(Name|State|Pid|PPid|Uid|Threads|CapEff|Seccomp):' /proc/${pid}/status`)).out,
  ).toBe(
    `Name:\tkubelet\nState:\tS (sleeping)\nPid:\t${pid}\nPPid:\t1\nUid:\t0\t0\t0\t0\nThreads:\t14\nCapEff:\t000001ffffffffff\nSeccomp:\t0\n`,
  );
  const pause = (await run(node, "ps -C pause -o pid= | head -1")).out.trim();
  expect((await run(node, `grep -E '^(Uid|CapEff|Seccomp):' /proc/${pause}/status`)).out).toBe(
    "Uid:\t65535\t65535\t65535\t65535\nCapEff:\t0000000000000000\nSeccomp:\t2\n",
  );
  expect((await run(node, `cat /proc/${pause}/cgroup`)).out).toMatch(
    /^0::\/kubepods\.slice\/kubepods-(burstable|besteffort)\.slice\/kubepods-\1-pod[0-9a-f_]{36}\.slice\/cri-containerd-[0-9a-f]{64}\.scope\n$/,
  );
  // A process that exits leaves /proc with it.
  await run(node, `kill -9 ${pid}`);
  expect(await run(node, `cat /proc/${pid}/status`)).toEqual({
    out: "",
    err: `cat: /proc/${pid}/status: No such file or directory\n`,
    code: 1,
  });
});

it("has the node-wide files, current at every read", async () => {
  expect((await run(node, "cat /proc/version")).out).toBe(
    "Linux version 5.15.0-1096-azure (buildd@lcy02-amd64-058) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04.2) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025\n",
  );
  const up = Number((await run(node, "cut -d' ' -f1 /proc/uptime")).out);
  await run(node, "sleep 10");
  expect(Number((await run(node, "cut -d' ' -f1 /proc/uptime")).out) - up).toBeCloseTo(10, 5);
  expect((await run(node, "cat /proc/loadavg")).out).toMatch(/^\d\.\d\d \d\.\d\d \d\.\d\d 1\/\d+ \d+\n$/);
  expect((await run(node, "head -1 /proc/mounts")).out).toBe("/dev/root / ext4 rw,relatime,discard 0 0\n");
  expect((await run(node, "grep -E '^(Name|Pid):' /proc/self/status")).out).toBe("Name:\tbash\nPid:\t4121\n");
  expect((await run(node, "ls -l /proc/meminfo")).out).toBe("-r--r--r-- 1 root root 0 Oct 30 16:06 /proc/meminfo\n");
});
