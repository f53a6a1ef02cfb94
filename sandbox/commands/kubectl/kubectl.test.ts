import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

it("gets nodes and pods in kubectl's columns", async () => {
  const node = freshNode();
  expect((await run(node, "kubectl get nodes -o wide")).out).toBe(
    `NAME                                STATUS   ROLES    AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME
${HOST}   Ready    <none>   123m   v1.32.7   10.224.0.4    <none>        Ubuntu 22.04.5 LTS   5.15.0-1096-azure   containerd://1.7.28-1
`,
  );
  const pods = await run(node, "kubectl get pods -A -o wide");
  expect(pods.code).toBe(0);
  await expect(pods.out).toMatchFileSnapshot("__snapshots__/pods-all-wide.txt");
  expect((await run(node, "kubectl get po/kube-proxy-2kcxw -n kube-system")).out).toBe(
    "NAME               READY   STATUS    RESTARTS   AGE\nkube-proxy-2kcxw   1/1     Running   0          123m\n",
  );
  expect((await run(node, "kubectl get no -o name")).out).toBe(`node/${HOST}\n`);
  expect(
    (await run(node, "kubectl get node -o json | jq -r '.items[0].status.allocatable | .cpu, .memory, .pods'")).out,
  ).toBe("1900m\n7369384Ki\n30\n");
});

it("answers empty namespaces and bad requests like kubectl", async () => {
  const node = freshNode();
  expect(await run(node, "kubectl get pods")).toEqual({
    out: "",
    err: "No resources found in default namespace.\n",
    code: 0,
  });
  expect(await run(node, "kubectl get pods nosuch -n kube-system")).toEqual({
    out: "",
    err: 'Error from server (NotFound): pods "nosuch" not found\n',
    code: 1,
  });
  expect(await run(node, "kubectl get foo")).toEqual({
    out: "",
    err: 'error: the server doesn\'t have a resource type "foo"\n',
    code: 1,
  });
});

it("without a kubeconfig, falls back to localhost:8080 and fails like the real client", async () => {
  const node = freshNode();
  const r = await run(node, "rm /root/.kube/config; kubectl get nodes");
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err.split("\n").slice(-2)).toEqual([
    "The connection to the server localhost:8080 was refused - did you specify the right host or port?",
    "",
  ]);
  expect(
    r.err.match(/memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list/g),
  ).toHaveLength(5);
});
