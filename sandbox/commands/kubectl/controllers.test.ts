/**
 * The control plane's controllers as a learner sees them through kubectl: DaemonSet and
 * ReplicaSet pods recreated, graceful deletion while the kubelet is down, taint-based
 * eviction, the scheduler's FailedScheduling, cordon/drain/uncordon.
 */
import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
import { freshNode, HOST, run } from "../../test-helpers";

it("recreates a force-deleted DaemonSet pod under a new name", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl delete pod kube-proxy-2kcxw -n kube-system --grace-period=0 --force")).toEqual({
    out: 'pod "kube-proxy-2kcxw" force deleted\n',
    err: "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    code: 0,
  });
  expect((await run(node, "sleep 2; kubectl get pods -n kube-system -l component=kube-proxy -o wide")).out).toBe(
    `NAME               READY   STATUS    RESTARTS   AGE   IP           NODE                                NOMINATED NODE   READINESS GATES
kube-proxy-kkl8j   1/1     Running   0          2s    10.224.0.4   ${HOST}   <none>           <none>
`,
  );
  expect((await run(node, "kubectl get ds kube-proxy -n kube-system")).out).toBe(
    `NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   123m
`,
  );
});

it("leaves a deleted pod Terminating while the kubelet is down; its ReplicaSet replaces it at once", async () => {
  const node = freshNode();
  await run(node, "systemctl stop kubelet");
  expect(await run(node, "kubectl delete pod coredns-77dd5bf899-lxw69 -n kube-system --wait=false")).toEqual({
    out: 'pod "coredns-77dd5bf899-lxw69" deleted\n',
    err: "",
    code: 0,
  });
  expect((await run(node, "kubectl get pods -n kube-system -l k8s-app=kube-dns")).out).toBe(
    `NAME                       READY   STATUS        RESTARTS   AGE
coredns-77dd5bf899-78k4b   0/1     Pending       0          0s
coredns-77dd5bf899-lxw69   1/1     Terminating   0          123m
coredns-77dd5bf899-vm245   1/1     Running       0          123m
`,
  );
  expect((await run(node, "kubectl get rs coredns-77dd5bf899 -n kube-system")).out).toBe(
    "NAME                 DESIRED   CURRENT   READY   AGE\ncoredns-77dd5bf899   2         2         1       123m\n",
  );
});

it("evicts the Deployments' pods 300 s after the node goes unreachable; DaemonSet pods stay", async () => {
  const node = createSandbox({ scenario: "kubelet-stopped" });
  const pods = await run(node, "kubectl get pods -n kube-system");
  await expect(pods.out).toMatchFileSnapshot("__snapshots__/kubelet-stopped-pods.txt");
  expect((await run(node, "kubectl get events -n kube-system | grep TaintManagerEviction | grep coredns-77")).out).toBe(
    `79s         Normal    TaintManagerEviction   pod/coredns-77dd5bf899-lxw69               Marking for deletion Pod kube-system/coredns-77dd5bf899-lxw69
79s         Normal    TaintManagerEviction   pod/coredns-77dd5bf899-vm245               Marking for deletion Pod kube-system/coredns-77dd5bf899-vm245
`,
  );
  expect((await run(node, "kubectl describe pod -n kube-system coredns-77dd5bf899-587jg | tail -3")).out).toBe(
    `  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  79s   default-scheduler  0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
`,
  );
  const describe = await run(node, "kubectl describe pod -n kube-system coredns-77dd5bf899-lxw69");
  await expect(describe.out).toMatchFileSnapshot("__snapshots__/describe-evicted-pod.txt");
});

it("describes the node in kubectl's layout, healthy and NotReady", async () => {
  const healthy = await run(freshNode(), "kubectl describe node");
  expect(healthy.code).toBe(0);
  await expect(healthy.out).toMatchFileSnapshot("__snapshots__/describe-node-healthy.txt");
  const notReady = await run(createSandbox({ scenario: "kubelet-stopped" }), `kubectl describe node ${HOST}`);
  await expect(notReady.out).toMatchFileSnapshot("__snapshots__/describe-node-notready.txt");
});

it("deletes gracefully: the kubelet stops the pod and removes it, and its DaemonSet creates a new one", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl delete pod kube-proxy-2kcxw -n kube-system")).toEqual({
    out: 'pod "kube-proxy-2kcxw" deleted\n',
    err: "",
    code: 0,
  });
  expect((await run(node, "kubectl get pods -n kube-system -l component=kube-proxy")).out).toBe(
    "NAME               READY   STATUS    RESTARTS   AGE\nkube-proxy-kkl8j   1/1     Running   0          0s\n",
  );
});

it("cordons, drains and uncordons the node", async () => {
  const node = freshNode();
  await expect(await run(node, `kubectl drain ${HOST}`)).toMatchFileSnapshot("__snapshots__/drain-refused.txt");
  expect((await run(node, "kubectl get nodes")).out).toBe(
    `NAME                                STATUS                     ROLES    AGE    VERSION\n${HOST}   Ready,SchedulingDisabled   <none>   123m   v1.32.7\n`,
  );
  expect((await run(node, `kubectl cordon ${HOST}`)).out).toBe(`node/${HOST} already cordoned\n`);
  expect((await run(node, "kubectl get node -o json | jq -c .items[0].spec.taints")).out).toBe(
    '[{"effect":"NoSchedule","key":"node.kubernetes.io/unschedulable","timeAdded":"2025-10-30T16:06:00Z"}]\n',
  );
  // AKS's add-on PDBs (minAvailable 1) let one of each pair go; the other's replacement cannot
  // be scheduled on this one cordoned node, so the eviction API refuses until --timeout.
  const blocked = await run(node, `kubectl drain ${HOST} --ignore-daemonsets --delete-emptydir-data --timeout=12s`);
  await expect(blocked).toMatchFileSnapshot("__snapshots__/drain-blocked-by-pdb.txt");
  expect(
    (await run(node, "kubectl delete pdb -n kube-system coredns-pdb konnectivity-agent metrics-server-pdb")).out,
  ).toBe(`poddisruptionbudget.policy "coredns-pdb" deleted
poddisruptionbudget.policy "konnectivity-agent" deleted
poddisruptionbudget.policy "metrics-server-pdb" deleted
`);
  const drained = await run(node, `kubectl drain ${HOST} --ignore-daemonsets --delete-emptydir-data`);
  await expect(drained).toMatchFileSnapshot("__snapshots__/drain.txt");
  // The ReplicaSets recreate their pods, and the scheduler cannot place them anywhere.
  await expect((await run(node, "kubectl get pods -n kube-system")).out).toMatchFileSnapshot(
    "__snapshots__/drained-pods.txt",
  );
  expect((await run(node, `kubectl uncordon ${HOST}`)).out).toBe(`node/${HOST} uncordoned\n`);
  expect((await run(node, "sleep 5; kubectl get deploy -n kube-system")).out).toBe(
    `NAME                 READY   UP-TO-DATE   AVAILABLE   AGE
ama-logs-rs          1/1     1            1           124m
coredns              2/2     2            2           124m
coredns-autoscaler   1/1     1            1           124m
konnectivity-agent   2/2     2            2           124m
metrics-server       2/2     2            2           124m
`,
  );
});

it("schedules a bare pod, or says why it cannot", async () => {
  const node = freshNode();
  await run(node, `kubectl cordon ${HOST}`);
  expect((await run(node, "kubectl run web --image=nginx")).out).toBe("pod/web created\n");
  expect((await run(node, "kubectl describe pod web | tail -4")).out).toBe(
    `Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  0s    default-scheduler  0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
`,
  );
  await run(node, `kubectl uncordon ${HOST}`);
  expect((await run(node, "sleep 3; kubectl get pod web -o wide")).out).toBe(
    `NAME   READY   STATUS    RESTARTS   AGE   IP            NODE                                NOMINATED NODE   READINESS GATES\nweb    1/1     Running   0          3s    10.224.0.14   ${HOST}   <none>           <none>\n`,
  );
});
