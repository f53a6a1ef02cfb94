/** kubectl describe for each stored kind, whole outputs against describe.go's layouts. */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("describes workloads, services, slices, budgets and leases in kubectl's layouts", async () => {
  const node = freshNode();
  const cases: [string, string][] = [
    ["kubectl describe deployment coredns -n kube-system", "describe-deployment-coredns.txt"],
    ["kubectl describe rs -n kube-system coredns-77dd5bf899", "describe-rs-coredns.txt"],
    ["kubectl describe ds/kube-proxy -n kube-system", "describe-ds-kube-proxy.txt"],
    ["kubectl describe svc kube-dns -n kube-system", "describe-svc-kube-dns.txt"],
    ["kubectl describe endpointslice -n kube-system kube-dns", "describe-endpointslice-kube-dns.txt"],
    ["kubectl describe lease -n kube-node-lease", "describe-lease.txt"],
  ];
  for (const [line, file] of cases) {
    const r = await run(node, line);
    expect(r.err).toBe("");
    await expect(r.out).toMatchFileSnapshot(`__snapshots__/${file}`);
  }
  expect(await run(node, "kubectl describe pdb -n kube-system")).toEqual({
    out: `Name:           coredns-pdb
Namespace:      kube-system
Min available:  1
Selector:       k8s-app=kube-dns
Status:
    Allowed disruptions:  1
    Current:              2
    Desired:              1
    Total:                2
Events:                   <none>


Name:           konnectivity-agent
Namespace:      kube-system
Min available:  1
Selector:       app=konnectivity-agent
Status:
    Allowed disruptions:  1
    Current:              2
    Desired:              1
    Total:                2
Events:                   <none>


Name:           metrics-server-pdb
Namespace:      kube-system
Min available:  1
Selector:       k8s-app=metrics-server
Status:
    Allowed disruptions:  1
    Current:              2
    Desired:              1
    Total:                2
Events:                   <none>
`,
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl describe deploy nope")).toEqual({
    out: "",
    err: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    code: 1,
  });
  expect(await run(node, "kubectl describe pdb")).toEqual({
    out: "",
    err: "No resources found in default namespace.\n",
    code: 0,
  });
});
