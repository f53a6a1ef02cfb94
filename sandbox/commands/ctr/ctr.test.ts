import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("lists the CRI's containers, tasks and images in namespace k8s.io, in ctr's tabwriter columns", async () => {
  const node = freshNode();
  // Sandboxes (pause) are containers too: 23 containers + 14 sandboxes.
  expect((await run(node, "ctr -n k8s.io containers ls -q | wc -l")).out).toBe("37\n");
  const proxy = (await run(node, "crictl ps -q --name kube-proxy")).out.trim();
  const pid = (await run(node, `crictl inspect ${proxy} | jq .info.pid`)).out.trim();
  expect((await run(node, "ctr -n k8s.io containers ls | head -1")).out).toBe(
    `CONTAINER${" ".repeat(59)}IMAGE${" ".repeat(86)}RUNTIME                  \n`,
  );
  expect((await run(node, `ctr -n k8s.io containers ls | grep ${proxy}`)).out).toBe(
    `${proxy}    mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7${" ".repeat(40)}io.containerd.runc.v2    \n`,
  );
  expect((await run(node, `ctr -n k8s.io tasks ls | grep -E '^TASK|${proxy}'`)).out).toBe(
    `TASK${" ".repeat(64)}PID    STATUS     \n${proxy}    ${pid.padEnd(7)}RUNNING    \n`,
  );
  expect((await run(node, "ctr -n k8s.io images ls -q | grep pause")).out).toMatch(
    /^mcr\.microsoft\.com\/oss\/kubernetes\/pause:3\.6\nmcr\.microsoft\.com\/oss\/kubernetes\/pause@sha256:[0-9a-f]{64}\n$/,
  );
  // The default namespace holds nothing on an AKS node.
  expect(await run(node, "ctr containers ls")).toEqual({
    out: "CONTAINER    IMAGE    RUNTIME    \n",
    err: "",
    code: 0,
  });
});

it("cannot reach containerd when it is stopped", async () => {
  const node = freshNode();
  await run(node, "systemctl stop containerd");
  expect(await run(node, "ctr -n k8s.io tasks ls")).toEqual({
    out: "",
    err: 'ctr: failed to dial "/run/containerd/containerd.sock": connection error: desc = "transport: error while dialing: dial unix:///run/containerd/containerd.sock: timeout": context deadline exceeded\n',
    code: 1,
  });
});
