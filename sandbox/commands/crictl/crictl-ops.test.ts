/**
 * crictl against containerd's state: inspect, logs, stop/rm and the kubelet's reaction,
 * pods, images, pull, info, version, and the errors crictl prints. Whole outputs; IDs are
 * read from the node first, since they depend on the node's history.
 */
import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const header =
  "CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE\n";

describe("crictl", () => {
  it("stops a container; the kubelet notices within a second and starts attempt 1 in the same pod", async () => {
    const node = freshNode();
    const id = (await run(node, "crictl ps -q --name kube-proxy")).out.trim();
    const pod = (await run(node, "crictl pods -q --name kube-proxy")).out.trim();
    const image = (await run(node, "crictl images -q mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7")).out.slice(
      7,
      20,
    );
    const podName = (
      await run(node, "kubectl get pods -n kube-system -o name | grep kube-proxy | cut -d/ -f2")
    ).out.trim();
    // crictl stop's --timeout defaults to 0: containerd sends SIGKILL at once (exit 137).
    expect(await run(node, `crictl stop ${id.slice(0, 6)}`)).toEqual({ out: `${id.slice(0, 6)}\n`, err: "", code: 0 });
    const row = (cid: string, created: string, width: number, state: string, attempt: number) =>
      `${cid.slice(0, 13)}       ${image}       ${created.padEnd(width)}${state.padEnd(20)}kube-proxy          ${attempt}                   ${pod.slice(0, 13)}       ${podName.padEnd(20)}kube-system\n`;
    expect((await run(node, "crictl ps -a --name kube-proxy")).out).toBe(
      header + row(id, "2 hours ago", 20, "Exited", 0),
    );
    await run(node, "sleep 1");
    const next = (await run(node, "crictl ps -q --name kube-proxy")).out.trim();
    // "Less than a second ago" widens the CREATED column, as Go's tabwriter does.
    expect((await run(node, "crictl ps -a --name kube-proxy")).out).toBe(
      header.replace("CREATED             ", "CREATED                  ") +
        row(next, "Less than a second ago", 25, "Running", 1) +
        row(id, "2 hours ago", 25, "Exited", 0),
    );
    expect(
      (await run(node, `crictl inspect ${id} | jq -c '.status | [.state, .exitCode, .reason, .metadata]'`)).out,
    ).toBe('["CONTAINER_EXITED",137,"Error",{"attempt":0,"name":"kube-proxy"}]\n');
    expect(
      (
        await run(
          node,
          `kubectl get pod -n kube-system ${podName} -o json | jq -c '.status.containerStatuses[0] | [.restartCount, .lastState.terminated.exitCode]'`,
        )
      ).out,
    ).toBe("[1,137]\n");
  });

  it("refuses to remove a running container, as containerd does", async () => {
    const node = freshNode();
    const id = (await run(node, "crictl ps -q --name coredns | head -1")).out.trim();
    expect(await run(node, `crictl rm ${id.slice(0, 8)}`)).toEqual({
      out: "",
      err: `ERRO[0000] removing container "${id.slice(0, 8)}": rpc error: code = Unknown desc = failed to set removing state for container "${id}": container is still running, to stop first\nFATA[0000] unable to remove container(s)\n`,
      code: 1,
    });
    expect(await run(node, "crictl inspect nope")).toEqual({
      out: "",
      err: 'FATA[0000] getting the status of the container "nope": rpc error: code = NotFound desc = an error occurred when try to find container "nope": not found\n',
      code: 1,
    });
    expect(await run(node, "crictl ps --state paused")).toEqual({
      out: "",
      err: "FATA[0000] --state should be one of created, running, exited or unknown\n",
      code: 1,
    });
  });

  it("inspects a container: sorted status with RFC 3339 times, then containerd's info", async () => {
    const node = freshNode();
    const id = (await run(node, "crictl ps -q --name kube-proxy")).out.trim();
    const r = await run(node, `crictl inspect ${id.slice(0, 13)}`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["status", "info"]);
    expect(Object.keys(doc.status)).toEqual([...Object.keys(doc.status)].sort());
    expect(doc.status).toMatchObject({
      id,
      state: "CONTAINER_RUNNING",
      exitCode: 0,
      finishedAt: "1970-01-01T00:00:00Z",
      image: { image: "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7" },
      metadata: { attempt: 0, name: "kube-proxy" },
    });
    expect(Object.keys(doc.info)).toEqual([
      "sandboxID",
      "pid",
      "removing",
      "snapshotKey",
      "snapshotter",
      "runtimeType",
      "runtimeOptions",
      "config",
      "runtimeSpec",
    ]);
    expect(doc.info.runtimeSpec.process.args).toEqual(
      (await run(node, `ps -o args= -p ${doc.info.pid}`)).out.trim().split(" "),
    );
  });

  it("prints a container's log by stream, with --tail and --timestamps", async () => {
    const node = freshNode();
    const id = (await run(node, "crictl ps -q --name coredns | head -1")).out.trim();
    expect(await run(node, `crictl logs --tail 2 ${id}`)).toEqual({
      out: "",
      err: "CoreDNS-1.11.3\nlinux/amd64, go1.23.8, \n",
      code: 0,
    });
    const file = (await run(node, `crictl inspect ${id} | jq -r .status.logPath`)).out.trim();
    expect((await run(node, `crictl logs -t --tail 1 ${id} 2>&1`)).out).toBe(
      `${(await run(node, `tail -1 ${file} | cut -d' ' -f1`)).out.trim()} linux/amd64, go1.23.8, \n`,
    );
  });

  it("selects log lines by stream, age and size", async () => {
    const node = freshNode();
    const id = (await run(node, "crictl ps -q --name coredns | head -1")).out.trim();
    expect(await run(node, `crictl logs --stream stdout ${id}`)).toEqual({ out: "", err: "", code: 0 });
    expect((await run(node, `crictl logs --since 1h ${id} 2>&1`)).out).toBe("");
    expect((await run(node, `crictl logs --since 3h --limit-bytes 3 ${id} 2>&1`)).out).toBe(".:5");
    expect(await run(node, `crictl logs --since soon ${id}`)).toEqual({
      out: "",
      err: 'FATA[0000] failed to parse time "soon"\n',
      code: 1,
    });
  });

  it("pulls what the registry has, and fails as containerd does for what it has not", async () => {
    const node = freshNode();
    const pulled = await run(node, "crictl pull nginx:1.27");
    expect(pulled.out).toMatch(/^Image is up to date for sha256:[0-9a-f]{64}\n$/);
    expect((await run(node, "crictl images -q nginx:1.27")).out).toBe(pulled.out.slice(24));
    expect(
      (await run(node, "crictl inspecti nginx:1.27 | jq -c '[.status.repoTags, .status.size, .status.pinned]'")).out,
    ).toBe('[["docker.io/library/nginx:1.27"],"72950112",false]\n');
    expect(await run(node, "crictl inspecti nginx")).toEqual({
      out: "",
      err: 'FATA[0000] no such image "nginx" present\n',
      code: 1,
    });
    expect(await run(node, "crictl pull nginx:1.999")).toEqual({
      out: "",
      err: 'FATA[0000] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found\n',
      code: 1,
    });
  });

  it("filters pods and containers by label and image, as the CRI's filters do", async () => {
    const node = freshNode();
    expect(
      (await run(node, "crictl pods --label k8s-app=kube-dns -o json | jq -r '.items[].metadata.name'")).out,
    ).toMatch(/^coredns-[a-z0-9]+-[a-z0-9]{5}\ncoredns-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect((await run(node, "crictl ps -q --label io.kubernetes.container.name=coredns | wc -l")).out).toBe("2\n");
    expect((await run(node, "crictl ps -q --image mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.32.7")).out).toBe(
      (await run(node, "crictl ps -q --name kube-proxy")).out,
    );
  });

  it("reports the runtime's version and its CRI conditions", async () => {
    const node = freshNode();
    expect(await run(node, "crictl version")).toEqual({
      out: "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  1.7.28-1\nRuntimeApiVersion:  v1\n",
      err: "",
      code: 0,
    });
    expect(
      (await run(node, "crictl info | jq -c '[.status.conditions[].status, .lastCNILoadStatus, .config.sandboxImage]'"))
        .out,
    ).toBe('[true,true,"OK","mcr.microsoft.com/oss/kubernetes/pause:3.6"]\n');
    await run(node, "mv /etc/cni/net.d/10-azure.conflist /root/");
    expect((await run(node, "crictl info | jq -c '[.status.conditions[1], .lastCNILoadStatus]'")).out).toBe(
      '[{"type":"NetworkReady","status":false,"reason":"NetworkPluginNotReady","message":"Network plugin returns error: cni plugin not initialized"},"cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config"]\n',
    );
  });
});
