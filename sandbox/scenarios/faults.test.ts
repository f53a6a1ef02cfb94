/**
 * The runtime fault scenarios, each from its start state: the symptoms as the real commands
 * show them, the fix a real engineer applies, and the node healthy again.
 */
import { describe, expect, it } from "vitest";
import { faultNode } from "./fault-node";
import { ACR } from "./images";

describe("crashloop", () => {
  it("shows CrashLoopBackOff with the back-off, the exit code and the logs; deleting and fixing the pod heals it", async () => {
    const node = faultNode("crashloop");
    expect(await node.run("kubectl get pods")).toEqual({
      out: "NAME         READY   STATUS             RESTARTS        AGE\norders-api   0/1     CrashLoopBackOff   6 (2m32s ago)   8m4s\n",
      err: "",
      code: 0,
    });
    const json = (await node.run("kubectl get pod orders-api -o json")).out;
    const status = JSON.parse(json).status.containerStatuses[0];
    expect(status.state.waiting).toEqual({
      reason: "CrashLoopBackOff",
      message: `back-off 5m0s restarting failed container=orders-api pod=orders-api_default(${JSON.parse(json).metadata.uid})`,
    });
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    // The kubelet's container GC keeps the newest dead attempt only.
    const id = (await node.run("crictl ps -a -q --name orders-api")).out.trim();
    const podId = (await node.run("crictl pods -q --name orders-api")).out.trim();
    const imageId = (await node.run(`crictl images -q ${ACR}/orders-api:1.4.2`)).out.trim().replace("sha256:", "");
    expect((await node.run("crictl ps -a --name orders-api")).out).toBe(
      `CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE
${id.slice(0, 13)}       ${imageId.slice(0, 13)}       2 minutes ago       Exited              orders-api          6                   ${podId.slice(0, 13)}       orders-api          default
`,
    );
    expect(await node.run(`crictl logs ${id.slice(0, 5)}`)).toEqual({
      out: '{"level":"info","msg":"orders-api 1.4.2 starting"}\n',
      err: '{"level":"fatal","msg":"cannot start: environment variable ORDERS_DB_URL is not set"}\n',
      code: 0,
    });
    expect((await node.run("kubectl get events | grep BackOff")).out).toMatch(
      /^\d+s +Warning +BackOff +pod\/orders-api +Back-off restarting failed container orders-api in pod orders-api_default\([0-9a-f-]{36}\)\n$/,
    );

    // The next restart comes when the 5-minute back-off runs out; three seconds later it fails again.
    await node.run("sleep 150");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME         READY   STATUS    RESTARTS       AGE\norders-api   1/1     Running   7 (5m2s ago)   10m\n",
    );
    await node.run("sleep 5");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME         READY   STATUS             RESTARTS     AGE\norders-api   0/1     CrashLoopBackOff   7 (4s ago)   10m\n",
    );

    // Fix: delete it; the kubelet stops it, removes its sandbox and directories, then the object.
    const uid = JSON.parse(json).metadata.uid as string;
    expect(await node.run("kubectl delete pod orders-api")).toEqual({
      out: 'pod "orders-api" deleted\n',
      err: "",
      code: 0,
    });
    expect(await node.run("kubectl get pods")).toEqual({
      out: "",
      err: "No resources found in default namespace.\n",
      code: 0,
    });
    expect((await node.run("crictl pods --name orders-api -q")).out).toBe("");
    expect(await node.run(`ls /var/lib/kubelet/pods/${uid}`)).toEqual({
      out: "",
      err: `ls: cannot access '/var/lib/kubelet/pods/${uid}': No such file or directory\n`,
      code: 2,
    });

    // ... and run the release that reads its config properly.
    await node.run(`kubectl run orders-api --image=${ACR}/orders-api:1.4.3; sleep 30`);
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME         READY   STATUS    RESTARTS   AGE\norders-api   1/1     Running   0          30s\n",
    );
  });
});

describe("image-pull-error", () => {
  it("reports ErrImagePull then ImagePullBackOff with the registry's not found; the right tag starts it", async () => {
    const node = faultNode("image-pull-error");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME   READY   STATUS             RESTARTS   AGE\nweb    0/1     ImagePullBackOff   0          5m3s\n",
    );
    expect((await node.run("kubectl get events | grep pod/web | cut -c 13- | sort")).out).toBe(
      `Normal    BackOff     pod/web   Back-off pulling image "nginx:1.277"
Normal    Pulling     pod/web   Pulling image "nginx:1.277"
Normal    Scheduled   pod/web   Successfully assigned default/web to aks-nodepool1-12345678-vmss000000
Warning   Failed      pod/web   Error: ErrImagePull
Warning   Failed      pod/web   Error: ImagePullBackOff
Warning   Failed      pod/web   Failed to pull image "nginx:1.277": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found
`,
    );
    expect(await node.run("crictl pull nginx:1.277")).toEqual({
      out: "",
      err: 'FATA[0000] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found\n',
      code: 1,
    });
    // Fix: the right tag. A pod's image can be changed in place (kubectl set image); the
    // kubelet pulls the new one and starts the container.
    node.updatePod("web", (pod) => {
      (pod.spec.containers[0] as { image: string }).image = "nginx:1.27";
    });
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m3s\n",
    );
    expect(
      (await node.run("kubectl get events | grep pod/web | grep -c 'Successfully pulled image \"nginx:1.27\"'")).out,
    ).toBe("1\n");
    // crictl images filters by one reference: `nginx` means docker.io/library/nginx:latest.
    expect((await node.run("crictl images nginx")).out).toBe(
      "IMAGE               TAG                 IMAGE ID            SIZE\n",
    );
    const nginx = (await node.run("crictl images -q nginx:1.27")).out.slice(7, 20);
    expect((await node.run("crictl images | grep nginx")).out).toBe(
      `docker.io/library/nginx                                                          1.27                ${nginx}       73MB\n`,
    );
  });
});

describe("memory-pressure", () => {
  it("OOM-kills the container at its limit (137, OOMKilled, the kernel's lines); a higher limit fixes it", async () => {
    const node = faultNode("memory-pressure");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME             READY   STATUS             RESTARTS        AGE\nreport-builder   0/1     CrashLoopBackOff   6 (2m30s ago)   10m\n",
    );
    const status = JSON.parse((await node.run("kubectl get pod report-builder -o json")).out).status
      .containerStatuses[0];
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    // The figures follow the victim's PID, which depends on everything the node ran before.
    expect((await node.run("journalctl -k -n 2 -q --no-pager | cut -c 58-")).out).toMatch(
      /^ Memory cgroup out of memory: Killed process (\d+) \(report-builder\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:984\n oom_reaper: reaped process \1 \(report-builder\), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n$/,
    );

    // node-problem-detector's kernel monitor turns each kill into an OOMKilling event on the node
    // (one per kill: the messages differ by PID).
    expect((await node.run("kubectl get events | grep -c 'Warning   OOMKilling   node/'")).out).toBe("7\n");
    expect(
      (
        await node.run(
          "kubectl get events -o json | jq -r '[.items[] | select(.reason == \"OOMKilling\")][0] | .count, .source.component, .message'",
        )
      ).out,
    ).toMatch(
      /^1\nkernel-monitor\nMemory cgroup out of memory: Killed process \d+ \(report-builder\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:984\n$/,
    );

    // Fix: resources are immutable on a pod; recreate it with room to work.
    const kills = (await node.run("journalctl -k | grep -c 'Memory cgroup out of memory'")).out;
    expect(kills).toBe("7\n");
    expect((await node.run("kubectl delete pod report-builder")).out).toBe('pod "report-builder" deleted\n');
    node.createPod({
      name: "report-builder",
      containers: [
        {
          name: "report-builder",
          image: `${ACR}/report-builder:2.1.0`,
          resources: { requests: { cpu: "250m", memory: "384Mi" }, limits: { memory: "512Mi" } },
        },
      ],
    });
    await node.run("sleep 60");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME             READY   STATUS    RESTARTS   AGE\nreport-builder   1/1     Running   0          60s\n",
    );
    expect((await node.run("journalctl -k | grep -c 'Memory cgroup out of memory'")).out).toBe(kills);
  });
});

describe("sandbox-image-wrong", () => {
  it("leaves a new pod in ContainerCreating while the pause image cannot be pulled; fixing config.toml heals it", async () => {
    const node = faultNode("sandbox-image-wrong");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          12m\n",
    );
    expect((await node.run("kubectl get events | grep pod/web | cut -c 13- | sort")).out).toBe(
      "Normal    Scheduled                pod/web   Successfully assigned default/web to aks-nodepool1-12345678-vmss000000\n" +
        'Warning   FailedCreatePodSandBox   pod/web   Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "mcr.microsoft.com/oss/kubernetes/pause:3.66": failed to pull image "mcr.microsoft.com/oss/kubernetes/pause:3.66": failed to pull and unpack image "mcr.microsoft.com/oss/kubernetes/pause:3.66": failed to resolve reference "mcr.microsoft.com/oss/kubernetes/pause:3.66": mcr.microsoft.com/oss/kubernetes/pause:3.66: not found\n',
    );
    const uid = (await node.run("kubectl get pod web -o json | jq -r .metadata.uid")).out.trim();
    expect(
      (await node.run("journalctl -u containerd -o cat | grep RunPodSandbox | tail -1 | cut -d' ' -f2-")).out,
    ).toBe(
      `level=error msg="RunPodSandbox for &PodSandboxMetadata{Name:web,Uid:${uid},Namespace:default,Attempt:0,} failed, error" error="failed to get sandbox image \\"mcr.microsoft.com/oss/kubernetes/pause:3.66\\": failed to pull image \\"mcr.microsoft.com/oss/kubernetes/pause:3.66\\": failed to pull and unpack image \\"mcr.microsoft.com/oss/kubernetes/pause:3.66\\": failed to resolve reference \\"mcr.microsoft.com/oss/kubernetes/pause:3.66\\": mcr.microsoft.com/oss/kubernetes/pause:3.66: not found"\n`,
    );
    expect((await node.run("grep sandbox_image /etc/containerd/config.toml")).out).toBe(
      '  sandbox_image = "mcr.microsoft.com/oss/kubernetes/pause:3.66"\n',
    );
    // Editing the file is not enough: containerd reads config.toml when it starts.
    await node.run("sed -i 's/pause:3.66/pause:3.6/' /etc/containerd/config.toml; sleep 20");
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          12m\n",
    );
    expect(await node.run("systemctl restart containerd; sleep 10")).toEqual({ out: "", err: "", code: 0 });
    expect((await node.run("kubectl get pods")).out).toBe(
      "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          12m\n",
    );
    expect((await node.run("crictl pods --name web | cut -c 21-")).out).toBe(
      "CREATED             STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME\n7 seconds ago       Ready               web                 default             0                   (default)\n",
    );
  });
});
