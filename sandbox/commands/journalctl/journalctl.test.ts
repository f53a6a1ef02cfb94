import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const HEADER = "-- Journal begins at Thu 2025-10-30 14:02:11 UTC, ends at Thu 2025-10-30 16:02:11 UTC. --\n";

it("shows one unit's lines, the last N, with systemd 249's header", async () => {
  const node = freshNode();
  expect(await run(node, "journalctl -u containerd -n 2 --no-pager")).toEqual({
    out: `${HEADER}Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 containerd[813]: time="2025-10-30T14:02:15.537000656Z" level=info msg="containerd successfully booted in 0.041273s"
Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 systemd[1]: Started containerd container runtime.
`,
    err: "",
    code: 0,
  });
  expect(await run(node, "journalctl -u nosuch")).toEqual({ out: `${HEADER}-- No entries --\n`, err: "", code: 0 });
  expect((await run(node, "journalctl -k -q")).out).toBe(
    "Oct 30 14:02:11 aks-nodepool1-12345678-vmss000000 kernel: Linux version 5.15.0-1096-azure (buildd@lcy02-amd64-058) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04.2) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #105-Ubuntu SMP Fri Aug 29 15:44:42 UTC 2025\n",
  );
});

it("rejects bad options like journalctl", async () => {
  const node = freshNode();
  expect(await run(node, "journalctl --lines=abc")).toEqual({ out: "", err: "Failed to parse lines 'abc'\n", code: 1 });
  // -n takes its value optionally (getopt "n::"): a following word that is no number is a match.
  expect(await run(node, "journalctl -n abc")).toEqual({
    out: "",
    err: "Failed to add match 'abc': Invalid argument\n",
    code: 1,
  });
  expect(await run(node, "journalctl --bogus")).toEqual({
    out: "",
    err: "journalctl: unrecognized option '--bogus'\n",
    code: 1,
  });
  expect(await run(node, "journalctl -u")).toEqual({
    out: "",
    err: "journalctl: option requires an argument -- 'u'\n",
    code: 1,
  });
});
