import { expect, it } from "vitest";
import { freshNode, run } from "./test-helpers";

const node = freshNode();
const CG = "/sys/fs/cgroup";

it("has the cgroup v2 tree of the node's processes", async () => {
  expect((await run(node, `ls ${CG}`)).out).toContain("kubepods.slice");
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  expect((await run(node, `cat ${CG}/system.slice/kubelet.service/cgroup.procs`)).out).toBe(`${pid}\n`);
  expect((await run(node, `cat ${CG}/system.slice/kubelet.service/memory.max`)).out).toBe("max\n");
  // Node allocatable for pods: 8137384Ki - kube-reserved 650Mi.
  expect((await run(node, `cat ${CG}/kubepods.slice/memory.max ${CG}/kubepods.slice/cpu.max`)).out).toBe(
    "7651106816\nmax 100000\n",
  );
});

it("gives each container scope the limits of its pod spec, and the pause container none", async () => {
  // Each container process's /proc/<pid>/cgroup names its scope; the scope lists the PID back.
  const coredns = (await run(node, "ps -C coredns -o pid= | head -1")).out.trim();
  const scope = (await run(node, `cat /proc/${coredns}/cgroup`)).out.trim().slice(3);
  expect(scope).toMatch(
    /^\/kubepods\.slice\/kubepods-burstable\.slice\/kubepods-burstable-pod[0-9a-f_]{36}\.slice\/cri-containerd-[0-9a-f]{64}\.scope$/,
  );
  expect((await run(node, `cat ${CG}${scope}/cgroup.procs`)).out).toBe(`${coredns}\n`);
  const limit = (
    await run(
      node,
      'kubectl get pods -n kube-system -o json | jq -r \'[.items[] | select(.metadata.name | startswith("coredns-")) | select(.metadata.name | startswith("coredns-autoscaler") | not)][0].spec.containers[0].resources.limits.memory\'',
    )
  ).out.trim();
  expect(limit).toMatch(/^\d+Mi$/);
  expect((await run(node, `cat ${CG}${scope}/memory.max`)).out).toBe(`${Number.parseInt(limit, 10) * 1024 * 1024}\n`);
  const pause = (await run(node, "ps -C pause -o pid= | head -1")).out.trim();
  const pauseScope = (await run(node, `cat /proc/${pause}/cgroup`)).out.trim().slice(3);
  expect((await run(node, `cat ${CG}${pauseScope}/memory.max ${CG}${pauseScope}/cpu.max`)).out).toBe(
    "max\nmax 100000\n",
  );
});
