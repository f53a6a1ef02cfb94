/**
 * node-problem-detector's kernel monitor: a kernel record written to /dev/kmsg (as root can on
 * a real node) reaches the ring buffer, and NPD turns the real patterns into conditions and
 * events with the upstream reasons.
 */
import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../test-helpers";

const condition = (type: string) =>
  `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type == "${type}") | "\\(.status) \\(.reason) \\(.message)"'`;

it("reports a read-only remount and a hung task from the kernel log, and temporary problems as events", async () => {
  const node = freshNode();
  expect((await run(node, condition("ReadonlyFilesystem"))).out).toBe(
    "False FilesystemIsNotReadOnly Filesystem is not read-only\n",
  );
  expect(
    await run(node, 'echo "<2>EXT4-fs (sda1): Remounting filesystem read-only" > /dev/kmsg && dmesg | tail -1'),
  ).toEqual({ out: "[ 7429.000648] EXT4-fs (sda1): Remounting filesystem read-only\n", err: "", code: 0 });
  expect((await run(node, condition("ReadonlyFilesystem"))).out).toBe(
    "True FilesystemIsReadOnly EXT4-fs (sda1): Remounting filesystem read-only\n",
  );
  await run(node, 'echo "<3>INFO: task docker:2871 blocked for more than 120 seconds." > /dev/kmsg');
  expect((await run(node, condition("KernelDeadlock"))).out).toBe(
    "True DockerHung INFO: task docker:2871 blocked for more than 120 seconds.\n",
  );
  await run(node, 'echo "<1>BUG: unable to handle kernel NULL pointer dereference at 0000000000000008" > /dev/kmsg');
  expect((await run(node, "kubectl get events | grep -E 'ReadOnly|DockerHung|KernelOops'")).out).toBe(
    `0s          Warning   KernelOops             node/${HOST}   BUG: unable to handle kernel NULL pointer dereference at 0000000000000008
0s          Warning   FilesystemIsReadOnly   node/${HOST}   Node condition ReadonlyFilesystem is now: True, reason: FilesystemIsReadOnly, message: "EXT4-fs (sda1): Remounting filesystem read-only"
0s          Warning   DockerHung             node/${HOST}   Node condition KernelDeadlock is now: True, reason: DockerHung, message: "INFO: task docker:2871 blocked for more than 120 seconds."
`,
  );
  expect((await run(node, "journalctl -k -n 1 -o cat")).out).toBe(
    "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008\n",
  );
});
