/** PodDisruptionBudgets: applied, counted by the disruption controller, honoured by drain's evictions. */
import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`;

it("blocks a drain while the budget has no disruption to spare, and lets it through once it has", async () => {
  const node = freshNode();
  expect((await run(node, "kubectl get pdb -A")).out).toBe(
    `NAMESPACE     NAME                 MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
kube-system   coredns-pdb          1               N/A               1                     123m
kube-system   konnectivity-agent   1               N/A               1                     123m
kube-system   metrics-server-pdb   1               N/A               1                     123m
`,
  );
  await run(node, "kubectl delete pdb -n kube-system coredns-pdb konnectivity-agent metrics-server-pdb");
  await run(node, `cat > /root/web.yaml <<'EOF'\n${WEB}EOF`);
  expect((await run(node, "kubectl apply -f /root/web.yaml; sleep 2; kubectl get pdb")).out).toBe(
    `deployment.apps/web created
poddisruptionbudget.policy/web-pdb created
NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
web-pdb   2               N/A               0                     2s
`,
  );
  const blocked = await run(node, `kubectl drain ${HOST} --ignore-daemonsets --delete-emptydir-data --timeout=6s`);
  await expect(blocked).toMatchFileSnapshot("__snapshots__/drain-blocked-by-web-pdb.txt");
  expect(
    (await run(node, "sed -i 's/minAvailable: 2/minAvailable: 0/' /root/web.yaml; kubectl apply -f /root/web.yaml"))
      .out,
  ).toBe("deployment.apps/web unchanged\npoddisruptionbudget.policy/web-pdb configured\n");
  expect((await run(node, "kubectl describe pdb web-pdb")).out).toBe(`Name:           web-pdb
Namespace:      default
Min available:  0
Selector:       app=web
Status:
    Allowed disruptions:  2
    Current:              2
    Desired:              0
    Total:                2
Events:                   <none>
`);
  const drained = await run(node, `kubectl drain ${HOST} --ignore-daemonsets --delete-emptydir-data`);
  expect(drained.code).toBe(0);
  expect(drained.out).toBe(`node/${HOST} already cordoned
evicting pod default/web-694b8fc65c-rk5q7
evicting pod default/web-694b8fc65c-rq85h
pod/web-694b8fc65c-rk5q7 evicted
pod/web-694b8fc65c-rq85h evicted
node/${HOST} drained
`);
});
