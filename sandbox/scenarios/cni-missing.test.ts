/**
 * cni-missing: the symptoms a learner sees with the real commands (node NotReady with the
 * kubelet's network message, containerd's lastCNILoadStatus, a pod stuck ContainerCreating
 * with FailedCreatePodSandBox then NetworkNotReady, running pods untouched), the fix (put the
 * conflist back) and the recovery within one status update; then a broken conflist.
 */
import { expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { HOST, run } from "../test-helpers";

const NOT_READY =
  "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";
const ready = `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type == "Ready") | "\\(.status) \\(.reason) \\(.message)"'`;

it("turns the node NotReady and holds new pods until the conflist is back", async () => {
  const node = createSandbox({ scenario: "cni-missing" });
  expect((await run(node, "kubectl get nodes | tail -1")).out).toBe(`${HOST}   NotReady   <none>   123m   v1.32.7\n`);
  expect((await run(node, ready)).out).toBe(`False KubeletNotReady ${NOT_READY}\n`);
  expect((await run(node, "ls /etc/cni/net.d/ /root/")).out).toBe("/etc/cni/net.d/:\n\n/root/:\n10-azure.conflist\n");
  expect((await run(node, "crictl info | jq -c '[.status.conditions[1], .lastCNILoadStatus]'")).out).toBe(
    '[{"type":"NetworkReady","status":false,"reason":"NetworkPluginNotReady","message":"Network plugin returns error: cni plugin not initialized"},"cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config"]\n',
  );
  expect((await run(node, "kubectl get pods")).out).toBe(
    "NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          3m16s\n",
  );
  expect((await run(node, "kubectl describe pod web | tail -4")).out).toBe(
    [
      "  Normal   Scheduled               3m16s               default-scheduler  Successfully assigned default/web to aks-nodepool1-12345678-vmss000000",
      '  Warning  FailedCreatePodSandBox  3m16s               kubelet            Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "65fbfab8f834ebbdef3bc5d51594d0ff81807882bb26272ed4536601ac435d55": cni plugin not initialized',
      '  Warning  FailedCreatePodSandBox  3m16s               kubelet            Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4ab368e99d833b9e290d0226ba6963081b6c45bea323555653ad685aedd68759": cni plugin not initialized',
      `  Warning  NetworkNotReady         7s (x19 over 3m7s)  kubelet            network is not ready: ${NOT_READY}`,
      "",
    ].join("\n"),
  );
  // What was running keeps running: every pod but the new one, and no namespace was lost.
  expect((await run(node, "kubectl get pods -A | grep -c Running; ip netns list | wc -l")).out).toBe("14\n9\n");

  // The fix: put the file back. containerd reloads the conf dir at once; the kubelet's next
  // status update turns the node Ready and its next sync gives the pod its sandbox.
  expect(await run(node, "mv /root/10-azure.conflist /etc/cni/net.d/")).toEqual({ out: "", err: "", code: 0 });
  expect((await run(node, "crictl info | jq -r .lastCNILoadStatus")).out).toBe("OK\n");
  expect((await run(node, "sleep 10; kubectl get nodes | tail -1")).out).toBe(
    `${HOST}   Ready    <none>   123m   v1.32.7\n`,
  );
  expect((await run(node, "kubectl get pod web -o wide | awk '{print $3, $6}'")).out).toBe(
    "STATUS IP\nRunning 10.224.0.14\n",
  );
  expect((await run(node, "ip route | grep 10.224.0.14")).out).toBe("10.224.0.14 dev azv68caf03a5f4 scope link \n");

  // A conflist that is not JSON is as bad as none: go-cni's load fails with Go's parse error.
  await run(node, `echo '{ "cniVersion": "0.3.0", "name": "azure", }' > /etc/cni/net.d/10-azure.conflist`);
  expect((await run(node, "crictl info | jq -r .lastCNILoadStatus")).out).toBe(
    "cni config load failed: failed to load CNI config list file /etc/cni/net.d/10-azure.conflist: error parsing configuration list: invalid character '}' looking for beginning of object key string: failed to load cni config\n",
  );
  expect((await run(node, "sleep 10; kubectl get nodes | tail -1")).out).toBe(
    `${HOST}   NotReady   <none>   123m   v1.32.7\n`,
  );
});
