import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

const node = freshNode();

it("get -L adds a column per label key, named by its last segment", async () => {
  expect(await run(node, "kubectl get nodes -L kubernetes.azure.com/agentpool -L agentpool,nope")).toEqual({
    out: [
      "NAME                                STATUS   ROLES    AGE    VERSION   AGENTPOOL   AGENTPOOL   NOPE",
      `${HOST}   Ready    <none>   123m   v1.32.7   nodepool1   nodepool1   `,
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  // Natural order: "kube-dns" sorts before "kubernetes" ('-' < 'r').
  expect(await run(node, "kubectl get svc -A -L k8s-app --sort-by=.metadata.name --show-labels")).toEqual({
    out: [
      "NAMESPACE     NAME             TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)         AGE    K8S-APP          LABELS",
      "kube-system   kube-dns         ClusterIP   10.0.0.10      <none>        53/UDP,53/TCP   123m   kube-dns         addonmanager.kubernetes.io/mode=Reconcile,k8s-app=kube-dns,kubernetes.io/cluster-service=true,kubernetes.io/name=CoreDNS",
      "default       kubernetes       ClusterIP   10.0.0.1       <none>        443/TCP         123m                    component=apiserver,provider=kubernetes",
      "kube-system   metrics-server   ClusterIP   10.0.148.201   <none>        443/TCP         123m   metrics-server   addonmanager.kubernetes.io/mode=Reconcile,k8s-app=metrics-server,kubernetes.io/cluster-service=true,kubernetes.io/name=Metrics-server",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
});

it("get --sort-by sorts by a JSONPath in natural order, missing values first", async () => {
  await run(node, "kubectl create deployment web --image=nginx --replicas=2; sleep 20");
  const names = await run(
    node,
    "kubectl get pods -A --sort-by='{.spec.containers[0].image}' -o custom-columns=IMAGE:.spec.containers[0].image --no-headers | uniq | head -3",
  );
  expect(names).toEqual({
    out: [
      "mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1.28",
      "mcr.microsoft.com/oss/kubernetes/azure-cloud-node-manager:v1.32.6",
      "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl get pods --sort-by=.spec.nope")).toEqual({
    out: "",
    err: 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n',
    code: 1,
  });
});

it("logs -l and delete -l act on every pod the selector matches", async () => {
  const { out } = await run(node, "kubectl logs -n kube-system -l k8s-app=kube-dns | grep -c CoreDNS-");
  expect(out).toBe("2\n");
  expect(await run(node, "kubectl logs -l app=nope")).toEqual({
    out: "",
    err: "No resources found in default namespace.\n",
    code: 0,
  });
  const pods = (await run(node, "kubectl get pods -l app=web -o name")).out.trim().split("\n");
  expect(pods).toHaveLength(2);
  const deleted = await run(node, "kubectl delete pods -l app=web --wait=false");
  expect(deleted).toEqual({
    out: pods.map((p) => `${p.replace("pod/", 'pod "')}" deleted\n`).join(""),
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl delete pods -l app=nothing")).toEqual({
    out: "No resources found\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "kubectl delete pod x -l app=web")).toEqual({
    out: "",
    err: "error: name cannot be provided when a selector is specified\n",
    code: 1,
  });
});
