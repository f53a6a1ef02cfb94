/** A Deployment rollout in maxSurge/maxUnavailable steps, watched with get and rollout status; history, undo, scale. */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  minReadySeconds: 5
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
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
`;

const rs = (rows: string) => `NAME             DESIRED   CURRENT   READY   AGE\n${rows}`;

it("rolls a new image out one pod at a time, each step waiting for minReadySeconds", async () => {
  const node = freshNode();
  await run(node, `cat > /root/web.yaml <<'EOF'\n${WEB}EOF`);
  expect((await run(node, "kubectl apply -f /root/web.yaml; sleep 30; kubectl get deploy web")).out).toBe(
    "deployment.apps/web created\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    4/4     4            4           30s\n",
  );
  expect(await run(node, "kubectl set image deployment/web web=nginx:latest")).toEqual({
    out: "deployment.apps/web image updated\n",
    err: "",
    code: 0,
  });
  expect((await run(node, "kubectl get rs")).out).toBe(
    rs("web-5d8b9bfb7b   1         1         1       0s\nweb-694b8fc65c   4         4         4       30s\n"),
  );
  expect((await run(node, "sleep 5; kubectl get rs")).out).toBe(
    rs("web-5d8b9bfb7b   2         2         2       5s\nweb-694b8fc65c   3         3         3       35s\n"),
  );
  expect((await run(node, "sleep 5; kubectl get rs")).out).toBe(
    rs("web-5d8b9bfb7b   3         3         3       10s\nweb-694b8fc65c   2         2         2       40s\n"),
  );
  const waiting = 'Waiting for deployment "web" rollout to finish:';
  expect(await run(node, "kubectl rollout status deployment/web")).toEqual({
    out: `${waiting} 3 out of 4 new replicas have been updated...
${waiting} 3 out of 4 new replicas have been updated...
${waiting} 3 out of 4 new replicas have been updated...
${waiting} 1 old replicas are pending termination...
${waiting} 1 old replicas are pending termination...
${waiting} 1 old replicas are pending termination...
deployment "web" successfully rolled out
`,
    err: "",
    code: 0,
  });
  expect((await run(node, "kubectl get rs")).out).toBe(
    rs("web-5d8b9bfb7b   4         4         4       20s\nweb-694b8fc65c   0         0         0       50s\n"),
  );
  expect((await run(node, "kubectl describe deploy web | sed -n '/^Conditions/,$p'")).out).toBe(`Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  web-694b8fc65c (0/0 replicas created)
NewReplicaSet:   web-5d8b9bfb7b (4/4 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  50s   deployment-controller  Scaled up replica set web-694b8fc65c from 0 to 4
  Normal  ScalingReplicaSet  20s   deployment-controller  Scaled up replica set web-5d8b9bfb7b from 0 to 1
  Normal  ScalingReplicaSet  15s   deployment-controller  Scaled down replica set web-694b8fc65c from 4 to 3
  Normal  ScalingReplicaSet  15s   deployment-controller  Scaled up replica set web-5d8b9bfb7b from 1 to 2
  Normal  ScalingReplicaSet  10s   deployment-controller  Scaled down replica set web-694b8fc65c from 3 to 2
  Normal  ScalingReplicaSet  10s   deployment-controller  Scaled up replica set web-5d8b9bfb7b from 2 to 3
  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled down replica set web-694b8fc65c from 2 to 1
  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled up replica set web-5d8b9bfb7b from 3 to 4
  Normal  ScalingReplicaSet  0s    deployment-controller  Scaled down replica set web-694b8fc65c from 1 to 0
`);
  expect((await run(node, "kubectl rollout history deployment/web")).out).toBe(
    "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
  );
  expect((await run(node, "kubectl rollout undo deployment/web")).out).toBe("deployment.apps/web rolled back\n");
  expect((await run(node, "kubectl rollout status deployment/web | tail -1")).out).toBe(
    'deployment "web" successfully rolled out\n',
  );
  expect((await run(node, "kubectl rollout history deployment/web")).out).toBe(
    "deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n",
  );
  expect(
    (await run(node, "kubectl get deploy web -o json | jq -r '.spec.template.spec.containers[0].image'")).out,
  ).toBe("nginx:1.27\n");
});

it("restarts, scales, and refuses what kubectl refuses", async () => {
  const node = freshNode();
  await run(node, `cat > /root/web.yaml <<'EOF'\n${WEB}EOF`);
  await run(node, "kubectl apply -f /root/web.yaml; sleep 30");
  expect((await run(node, "kubectl rollout restart deployment web")).out).toBe("deployment.apps/web restarted\n");
  expect((await run(node, "kubectl get deploy web -o json | jq -r '.spec.template.metadata.annotations[]'")).out).toBe(
    "2025-10-30T16:06:30Z\n",
  );
  expect((await run(node, "kubectl rollout status deployment/web | tail -1")).out).toBe(
    'deployment "web" successfully rolled out\n',
  );
  expect((await run(node, "kubectl scale deployment/web --replicas=2; sleep 1; kubectl get deploy web")).out).toBe(
    "deployment.apps/web scaled\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           51s\n",
  );
  expect(await run(node, "kubectl set image deployment/web nope=nginx")).toEqual({
    out: "",
    err: 'error: unable to find container named "nope"\n',
    code: 1,
  });
  expect(await run(node, "kubectl rollout status deployment/nope")).toEqual({
    out: "",
    err: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    code: 1,
  });
  expect(await run(node, "kubectl scale deployment/web")).toEqual({
    out: "",
    err: 'error: required flag(s) "replicas" not set\n',
    code: 1,
  });
  expect(await run(node, "kubectl rollout undo deployment/web --to-revision=9")).toEqual({
    out: "",
    err: "error: unable to find specified revision 9 in history\n",
    code: 1,
  });
});
