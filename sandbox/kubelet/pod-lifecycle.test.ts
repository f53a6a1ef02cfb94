/**
 * The kubelet's pod lifecycle against containerd: a killed container comes back as the next
 * attempt, a deleted pod is stopped and cleaned up before its object goes, and an orphan's
 * sandbox is removed. Whole outputs where the text is the product.
 */
import { describe, expect, it } from "vitest";
import type { Pod } from "../cluster/types";
import { faultNode } from "../scenarios/fault-node";
import { Backoff, goDuration } from "./backoff";

const web = { name: "web", containers: [{ name: "nginx", image: "nginx:1.27" }] };

describe("pod lifecycle", () => {
  it("restarts a container killed from outside as the next attempt, with lastState", async () => {
    const node = faultNode("healthy");
    const id = (await node.run("crictl ps -q --name coredns | head -1")).out.trim();
    const [pid, pod] = (
      await node.run(`crictl inspect ${id} | jq -r '.info.pid, .status.labels["io.kubernetes.pod.name"]'`)
    ).out.split("\n");
    expect(await node.run(`kill -9 ${pid}`)).toEqual({ out: "", err: "", code: 0 });
    await node.run("sleep 1");
    expect(
      (
        await node.run(
          `crictl ps -a --pod $(crictl pods -q --name ${pod}) -o json | jq -c '[.containers[] | [.metadata.attempt, .state]]'`,
        )
      ).out,
    ).toBe('[[1,"CONTAINER_RUNNING"],[0,"CONTAINER_EXITED"]]\n');
    const status = JSON.parse((await node.run(`kubectl get pod -n kube-system ${pod} -o json`)).out).status
      .containerStatuses[0];
    expect([status.restartCount, status.state.running !== undefined, status.lastState.terminated.exitCode]).toEqual([
      1,
      true,
      137,
    ]);
    expect(status.lastState.terminated.reason).toBe("Error");
  });

  it("writes the pod's directories, and on delete stops it, frees its IP, removes them and then the object", async () => {
    const node = faultNode("healthy");
    node.createPod(web);
    const uid = node.world.store.get<Pod>("pods", "web", "default")?.metadata.uid;
    const ip = (await node.run("kubectl get pod web -o json | jq -r '.status.phase, .status.podIP'")).out.split(
      "\n",
    )[1];
    expect((await node.run("kubectl get pods -o wide | awk '{print $1, $3, $6}'")).out).toBe(
      `NAME STATUS IP\nweb Running ${ip}\n`,
    );
    const dir = `/var/lib/kubelet/pods/${uid}`;
    expect(
      (
        await node.run(
          `cd ${dir} && find . | sort | sed 's/kube-api-access-[a-z0-9]*/kube-api-access-X/; s/nginx\\/[0-9a-f]*$/nginx\\/ID/'`,
        )
      ).out,
    ).toBe(
      `.
./containers
./containers/nginx
./containers/nginx/ID
./etc-hosts
./plugins
./volumes
./volumes/kubernetes.io~projected
./volumes/kubernetes.io~projected/kube-api-access-X
./volumes/kubernetes.io~projected/kube-api-access-X/ca.crt
./volumes/kubernetes.io~projected/kube-api-access-X/namespace
./volumes/kubernetes.io~projected/kube-api-access-X/token
`,
    );
    expect((await node.run(`cat ${dir}/etc-hosts`)).out).toBe(
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\tweb\n`,
    );
    expect((await node.run(`cat ${dir}/volumes/kubernetes.io~projected/*/namespace`)).out).toBe("default");

    node.deletePod("web");
    expect(node.world.store.get("pods", "web", "default")).toBeUndefined();
    expect((await node.run("kubectl get events | grep -c 'Stopping container nginx'")).out).toBe("1\n");
    expect((await node.run("crictl pods --name web -q; crictl ps -a --name nginx -q")).out).toBe("");
    expect((await node.run(`ls -d ${dir} /var/log/pods/default_web_${uid} 2>&1 | wc -l`)).out).toBe("2\n");
    expect((await node.run(`ls -d ${dir} 2>&1`)).out).toBe(`ls: cannot access '${dir}': No such file or directory\n`);
    // Its address went back to the pool: the next pod gets it.
    node.createPod({ ...web, name: "web2" });
    expect((await node.run("kubectl get pods -o wide | awk '{print $1, $6}'")).out).toBe(`NAME IP\nweb2 ${ip}\n`);
  });

  it("removes the sandbox of a pod that left the API without the kubelet (an orphan)", async () => {
    const node = faultNode("healthy");
    node.createPod(web);
    const state = "crictl pods --name '^web$' -o json | jq -r '.items[] | .state + \" \" + .metadata.name'";
    expect((await node.run(state)).out).toBe("SANDBOX_READY web\n");
    node.world.store.delete("pods", "web", "default");
    node.world.clock.advance(0);
    expect((await node.run(state)).out).toBe("");
  });
});

describe("back-off", () => {
  it("doubles from 10 s to the 5 minute cap and starts over after 10 minutes of quiet", () => {
    let now = 0;
    const b = new Backoff(() => now);
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      b.next("c", now);
      seen.push(goDuration(b.get("c")));
      now += 1_000;
    }
    expect(seen).toEqual(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s"]);
    expect(b.isInBackOffSince("c", now - 1_000)).toBe(true);
    now += 601_000;
    b.next("c", now);
    expect(goDuration(b.get("c"))).toBe("10s");
  });
});

describe("a changed image", () => {
  it("kills the running container and starts the new definition as the next attempt", async () => {
    const node = faultNode("healthy");
    node.createPod(web);
    node.updatePod("web", (pod) => {
      (pod.spec.containers[0] as { image: string }).image = "nginx:latest";
    });
    expect(
      (await node.run("kubectl get events | grep -c 'Container nginx definition changed, will be restarted'")).out,
    ).toBe("1\n");
    expect(
      (await node.run("crictl ps -a --name nginx -o json | jq -c '[.containers[] | [.metadata.attempt, .state]]'")).out,
    ).toBe('[[1,"CONTAINER_RUNNING"],[0,"CONTAINER_EXITED"]]\n');
    const status = JSON.parse((await node.run("kubectl get pod web -o json")).out).status.containerStatuses[0];
    expect([status.image, status.restartCount, status.lastState.terminated.exitCode]).toEqual(["nginx:latest", 1, 0]);
  });
});

describe("a dead sandbox", () => {
  it("is replaced: SandboxChanged, a new pause with attempt 1, the containers restarted in it", async () => {
    const node = faultNode("healthy");
    node.createPod(web);
    const pause = (await node.run("crictl inspectp $(crictl pods -q --name '^web$') | jq .info.pid")).out.trim();
    expect(await node.run(`kill -9 ${pause}`)).toEqual({ out: "", err: "", code: 0 });
    await node.run("sleep 1");
    expect(
      (await node.run("crictl pods --name '^web$' -o json | jq -c '[.items[] | [.metadata.attempt, .state]]'")).out,
    ).toBe('[[1,"SANDBOX_READY"],[0,"SANDBOX_NOTREADY"]]\n');
    expect(
      (await node.run("crictl ps -a --name nginx -o json | jq -c '[.containers[] | [.metadata.attempt, .state]]'")).out,
    ).toBe('[[1,"CONTAINER_RUNNING"],[0,"CONTAINER_EXITED"]]\n');
    expect(
      (await node.run("kubectl get events | grep -c 'Pod sandbox changed, it will be killed and re-created.'")).out,
    ).toBe("1\n");
    expect((await node.run("kubectl get pods | awk 'NR>1{print $2, $3, $4}'")).out).toBe("1/1 Running 1\n");
    // The kubelet's GC removes the dead sandbox within its minute.
    expect(
      (await node.run("sleep 60; crictl pods --name '^web$' -o json | jq -c '[.items[].metadata.attempt]'")).out,
    ).toBe("[1]\n");
  });
});

describe("pull policy Never", () => {
  it("waits in ErrImageNeverPull without pulling, and starts once the image is in containerd's store", async () => {
    const node = faultNode("healthy");
    const image = "mcr.microsoft.com/azuredocs/aks-helloworld:v1";
    node.createPod({ name: "hello", containers: [{ name: "hello", image, imagePullPolicy: "Never" }] });
    await node.run("sleep 5");
    expect((await node.run("kubectl get pod hello -o json | jq -c .status.containerStatuses[0].state")).out).toBe(
      `{"waiting":{"message":"Container image \\"${image}\\" is not present with pull policy of Never","reason":"ErrImageNeverPull"}}\n`,
    );
    expect((await node.run(`crictl images | grep -c aks-helloworld`)).out).toBe("0\n");
    expect((await node.run(`crictl pull ${image}; sleep 10; kubectl get pods`)).out).toMatch(
      /^Image is up to date for sha256:[0-9a-f]{64}\nNAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\nhello {3}1\/1 {5}Running {3}0 {10}15s\n$/,
    );
  });
});

describe("an emptyDir volume", () => {
  it("is a 0777 directory under the pod's volumes, mounted where the container asks for it", async () => {
    const node = faultNode("healthy");
    await node.run(`cat > /root/web.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts:
    - name: cache
      mountPath: /var/cache/nginx
  volumes:
  - name: cache
    emptyDir: {}
EOF
kubectl apply -f /root/web.yaml; sleep 5`);
    const uid = node.world.store.get<Pod>("pods", "web", "default")?.metadata.uid;
    const vol = `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir`;
    expect((await node.run(`ls -l ${vol} | awk '{print $1, $NF}'`)).out).toBe("total 4\ndrwxrwxrwx cache\n");
    const ctr = "$(crictl ps -q --name nginx)";
    expect(
      (await node.run(`crictl inspect ${ctr} | jq -c '.status.mounts[0] | [.containerPath, .hostPath]'`)).out,
    ).toBe(`["/var/cache/nginx","${vol}/cache"]\n`);
    expect((await node.run(`echo hi > ${vol}/cache/note; crictl exec ${ctr} cat /var/cache/nginx/note`)).out).toBe(
      "hi\n",
    );
  });
});
