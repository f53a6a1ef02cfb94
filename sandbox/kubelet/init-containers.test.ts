/**
 * Init containers on the healthy node: one at a time to completion before the app
 * containers, a failing one restarted with back-off (Init:CrashLoopBackOff), or failing the
 * pod under restartPolicy Never (Init:Error); sidecars (restartPolicy: Always) stay up beside
 * the app containers. Whole outputs of kubectl get, describe and crictl.
 */
import { expect, it } from "vitest";
import { ACR } from "../scenarios/images";
import { freshNode, HOST, run } from "../test-helpers";

const manifest = (migrate: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: orders
spec:${extra}
  initContainers:
  - name: migrate
    image: ${ACR}/orders-db-migrate:${migrate}
  containers:
  - name: orders-api
    image: ${ACR}/orders-api:1.4.3
`;

it("holds the app container until the init container succeeds, restarting it with back-off", async () => {
  const node = freshNode();
  await run(node, `cat > /root/orders.yaml <<'EOF'\n${manifest("1.0.0")}EOF`);
  expect((await run(node, "kubectl apply -f /root/orders.yaml; sleep 1; kubectl get pods")).out).toBe(
    "pod/orders created\nNAME     READY   STATUS     RESTARTS   AGE\norders   0/1     Init:0/1   0          1s\n",
  );
  // It exits 1 after 2 s; restarted at once, it fails again and backs off.
  expect((await run(node, "sleep 65; kubectl get pods")).out).toBe(
    "NAME     READY   STATUS                  RESTARTS      AGE\norders   0/1     Init:CrashLoopBackOff   3 (27s ago)   66s\n",
  );
  const podId = (await run(node, "crictl pods -q --name orders")).out.slice(0, 13);
  const image = async (ref: string) => (await run(node, `crictl images -q ${ref}`)).out.slice(7, 20);
  const migrate100 = await image(`${ACR}/orders-db-migrate:1.0.0`);
  // The exited init container is the only one the pod has: the app container never started.
  expect((await run(node, `crictl ps -a --pod ${podId}`)).out).toBe(
    `CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE
e83914a075d9d       ${migrate100}       29 seconds ago      Exited              migrate             3                   ${podId}       orders              default
`,
  );
  expect(
    (await run(node, "kubectl describe pod orders | sed -n '/^Init Containers:/,/^Conditions:/p' | grep -v 'ID:'")).out,
  ).toBe(`Init Containers:
  migrate:
    Image:          ${ACR}/orders-db-migrate:1.0.0
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 30 Oct 2025 16:06:37 +0000
      Finished:     Thu, 30 Oct 2025 16:06:39 +0000
    Ready:          False
    Restart Count:  3
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-wd6xf (ro)
Containers:
  orders-api:
    Image:          ${ACR}/orders-api:1.4.3
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       PodInitializing
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-wd6xf (ro)
Conditions:
`);
  const conditions =
    "kubectl get pod orders -o json | jq -r '.status.conditions[] | \"\\(.type) \\(.status) \\(.message)\"'";
  expect((await run(node, conditions)).out).toBe(`PodReadyToStartContainers True null
Initialized False containers with incomplete status: [migrate]
Ready False containers with unready status: [orders-api]
ContainersReady False containers with unready status: [orders-api]
PodScheduled True null
`);
  expect((await run(node, "kubectl logs orders -c migrate")).out).toBe(
    "migrate: connecting to orders-db:5432\nmigrate: dial tcp: lookup orders-db on 10.0.0.10:53: no such host\n",
  );

  // The fix: the fixed image (an init container's image may change on a live pod). The next
  // restart, when the back-off runs out, runs it; the app container starts after it.
  await run(node, "sed -i s/1.0.0/1.0.1/ /root/orders.yaml");
  expect((await run(node, "kubectl apply -f /root/orders.yaml; sleep 60; kubectl get pods")).out).toBe(
    "pod/orders configured\nNAME     READY   STATUS    RESTARTS   AGE\norders   1/1     Running   0          2m6s\n",
  );
  expect((await run(node, `crictl ps -a --pod ${podId}`)).out).toBe(
    `CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE
0489ec09718b3       ${await image(`${ACR}/orders-api:1.4.3`)}       42 seconds ago      Running             orders-api          0                   ${podId}       orders              default
55abd7c13a039       ${await image(`${ACR}/orders-db-migrate:1.0.1`)}       47 seconds ago      Exited              migrate             4                   ${podId}       orders              default
`,
  );
  expect(
    (
      await run(
        node,
        "kubectl get pod orders -o json | jq -c '.status.initContainerStatuses[0] | [.ready, .state.terminated.reason, .state.terminated.exitCode]'",
      )
    ).out,
  ).toBe('[true,"Completed",0]\n');
  expect((await run(node, conditions)).out).toBe(
    "PodReadyToStartContainers True null\nInitialized True null\nReady True null\nContainersReady True null\nPodScheduled True null\n",
  );
});

it("fails the pod when an init container fails under restartPolicy Never", async () => {
  const node = freshNode();
  await run(node, `cat > /root/orders.yaml <<'EOF'\n${manifest("1.0.0", "\n  restartPolicy: Never")}EOF`);
  expect((await run(node, "kubectl apply -f /root/orders.yaml; sleep 5; kubectl get pods")).out).toBe(
    "pod/orders created\nNAME     READY   STATUS       RESTARTS   AGE\norders   0/1     Init:Error   0          5s\n",
  );
  expect((await run(node, "kubectl get pod orders -o json | jq -r .status.phase")).out).toBe("Failed\n");
});

it("keeps a sidecar init container running beside the app container", async () => {
  const node = freshNode();
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: proxy
    image: docker.io/library/nginx:1.27
    restartPolicy: Always
  containers:
  - name: app
    image: mcr.microsoft.com/azuredocs/aks-helloworld:v1
`;
  await run(node, `cat > /root/web.yaml <<'EOF'\n${pod}EOF`);
  expect((await run(node, "kubectl apply -f /root/web.yaml; sleep 5; kubectl get pods -o wide")).out).toBe(
    `pod/web created
NAME   READY   STATUS    RESTARTS   AGE   IP            NODE                                NOMINATED NODE   READINESS GATES
web    2/2     Running   0          5s    10.224.0.14   ${HOST}   <none>           <none>
`,
  );
  const podId = (await run(node, "crictl pods -q --name web")).out.slice(0, 13);
  expect(
    (await run(node, `crictl ps --pod ${podId} -o json | jq -r '.containers[] | .metadata.name + " " + .state'`)).out,
  ).toBe("app CONTAINER_RUNNING\nproxy CONTAINER_RUNNING\n");
});
