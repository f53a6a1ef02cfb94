import { expect, it } from "vitest";
import { freshNode, run } from "./test-helpers";

/**
 * net.ipv4.ip_forward through the packet path: what a pod sends to another pod (here through
 * a ClusterIP) is forwarded by the host, so it stops when forwarding is off; what the node
 * itself sends is not forwarded and keeps working.
 */
it("pod -> ClusterIP needs forwarding; node -> ClusterIP does not", async () => {
  const node = freshNode();
  await run(node, "kubectl create deployment web --image=nginx --port=80; kubectl expose deployment web --port=80");
  await run(node, "sleep 30");
  const ip = (await run(node, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'")).out;
  // A coredns pod's namespace: a client pod on this node.
  const podIp = (
    await run(node, "kubectl get pod -n kube-system -l k8s-app=kube-dns -o jsonpath='{.items[0].status.podIP}'")
  ).out;
  const netns = (
    await run(node, `crictl inspectp $(crictl pods -q --name coredns | head -1) | grep -o 'cni-[0-9a-f-]*' | head -1`)
  ).out.trim();
  expect(podIp).toMatch(/^10\.224\.0\./);
  const fromPod = `ip netns exec ${netns} curl -s -o /dev/null -w '%{http_code}\\n' --connect-timeout 2 http://${ip}/`;
  expect(await run(node, fromPod)).toEqual({ out: "200\n", err: "", code: 0 });

  await run(node, "sysctl -w net.ipv4.ip_forward=0");
  expect(await run(node, fromPod)).toEqual({ out: "000\n", err: "", code: 28 });
  expect(await run(node, `curl -s -o /dev/null -w '%{http_code}\\n' http://${ip}/`)).toEqual({
    out: "200\n",
    err: "",
    code: 0,
  });

  await run(node, "echo 1 > /proc/sys/net/ipv4/ip_forward");
  expect(await run(node, fromPod)).toEqual({ out: "200\n", err: "", code: 0 });
});
