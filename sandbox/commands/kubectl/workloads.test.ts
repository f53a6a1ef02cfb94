/** kubectl apply, run and logs against the healthy node, whole outputs. */
import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
import { freshNode, HOST, run } from "../../test-helpers";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: hello
    image: mcr.microsoft.com/oss/kubernetes/pause:3.6
`;

it("applies a pod manifest: created, scheduled, unchanged the second time, a new name a new pod", async () => {
  const node = freshNode();
  await run(node, `cat > /root/hello.yaml <<'EOF'\n${POD}EOF`);
  expect(await run(node, "kubectl apply -f /root/hello.yaml")).toEqual({
    out: "pod/hello created\n",
    err: "",
    code: 0,
  });
  expect((await run(node, "sleep 2; kubectl get pod hello -o wide")).out).toBe(
    `NAME    READY   STATUS    RESTARTS   AGE   IP            NODE                                NOMINATED NODE   READINESS GATES\nhello   1/1     Running   0          2s    10.224.0.14   ${HOST}   <none>           <none>\n`,
  );
  expect((await run(node, "cd /root && kubectl apply -f hello.yaml")).out).toBe("pod/hello unchanged\n");
  expect(
    await run(node, "sed -i 's/name: hello$/name: hi/' /root/hello.yaml; kubectl apply -f /root/hello.yaml"),
  ).toEqual({
    out: "pod/hi created\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl apply -f /root/nope.yaml")).toEqual({
    out: "",
    err: 'error: the path "/root/nope.yaml" does not exist\n',
    code: 1,
  });
  expect(
    (
      await run(
        node,
        "kubectl get pod hello -o json | jq -r '.spec.tolerations[] | .key + \" \" + (.tolerationSeconds|tostring)'",
      )
    ).out,
  ).toBe("node.kubernetes.io/not-ready 300\nnode.kubernetes.io/unreachable 300\n");
});

it("runs a bare pod and refuses a second one of the same name", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl run web --image=mcr.microsoft.com/oss/kubernetes/pause:3.6")).toEqual({
    out: "pod/web created\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl run web --image=nginx")).toEqual({
    out: "",
    err: 'Error from server (AlreadyExists): pods "web" already exists\n',
    code: 1,
  });
  expect(await run(node, "kubectl run db")).toEqual({
    out: "",
    err: 'error: required flag(s) "image" not set\n',
    code: 1,
  });
  expect((await run(node, "kubectl get pods --show-labels")).out).toBe(
    "NAME   READY   STATUS    RESTARTS   AGE   LABELS\nweb    1/1     Running   0          0s    run=web\n",
  );
});

it("reads logs through the kubelet, which must be running", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl logs -n kube-system kube-proxy-2kcxw --tail 1")).toEqual({
    out: "I1030 16:02:53.287366       1 bounded_frequency_runner.go:296] sync-runner: ran, next possible in 1s, periodic in 1h0m0s\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl logs -n kube-system metrics-server-6887dc77b-bmqvz")).toEqual({
    out: "",
    err: 'Defaulted container "metrics-server-vpa" out of: metrics-server-vpa, metrics-server\n',
    code: 0,
  });
  expect(await run(node, "kubectl logs -n kube-system coredns-77dd5bf899-lxw69 -c nope")).toEqual({
    out: "",
    err: "error: container nope is not valid for pod coredns-77dd5bf899-lxw69\n",
    code: 1,
  });
  const stopped = createSandbox({ scenario: "kubelet-stopped" });
  expect(await run(stopped, "kubectl logs -n kube-system kube-proxy-2kcxw")).toEqual({
    out: "",
    err: 'Error from server: Get "https://10.224.0.4:10250/containerLogs/kube-system/kube-proxy-2kcxw/kube-proxy": dial tcp 10.224.0.4:10250: connect: connection refused\n',
    code: 1,
  });
});

it("describes a pod in kubectl's layout", async () => {
  const node = freshNode();
  const r = await run(node, "kubectl describe pod -n kube-system coredns-77dd5bf899-lxw69");
  expect(r.code).toBe(0);
  await expect(r.out).toMatchFileSnapshot("__snapshots__/describe-pod-coredns.txt");
  expect(await run(node, "kubectl describe pod nosuch")).toEqual({
    out: "",
    err: 'Error from server (NotFound): pods "nosuch" not found\n',
    code: 1,
  });
});

it("gets every workload kind in kubectl's columns", async () => {
  const node = freshNode();
  await expect((await run(node, "kubectl get ds,deploy,rs,svc,endpointslices -A -o wide")).out).toMatchFileSnapshot(
    "__snapshots__/workloads-all-wide.txt",
  );
  await expect((await run(node, "kubectl get svc kube-dns -n kube-system -o yaml | head -12")).out).toMatchFileSnapshot(
    "__snapshots__/svc-kube-dns-yaml-head.txt",
  );
  expect(await run(node, "kubectl get pods --bogus")).toEqual({
    out: "",
    err: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    code: 1,
  });
});

it("deletes a Deployment and, through the garbage collector, its ReplicaSet and pods", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl delete deploy coredns -n kube-system")).toEqual({
    out: 'deployment.apps "coredns" deleted\n',
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl get rs,pods -n kube-system -l k8s-app=kube-dns")).toEqual({
    out: "",
    err: "No resources found in kube-system namespace.\n",
    code: 0,
  });
  expect(await run(node, "kubectl delete svc nosuch")).toEqual({
    out: "",
    err: 'Error from server (NotFound): services "nosuch" not found\n',
    code: 1,
  });
});

it("applies a manifest from stdin (`-f -`), naming it STDIN in its errors", async () => {
  const node = freshNode();
  const manifest =
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
  expect(await run(node, `kubectl apply -f - <<'EOF'\n${manifest}EOF`)).toEqual({
    out: "pod/hello created\n",
    err: "",
    code: 0,
  });
  expect(await run(node, `printf '${manifest.replace(/\n/g, "\\n")}' | kubectl apply -f -`)).toEqual({
    out: "pod/hello unchanged\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "echo 'kind: Pod' | kubectl apply -f -")).toEqual({
    out: "",
    err: 'error: error validating "STDIN": error validating data: [apiVersion not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    code: 1,
  });
});
