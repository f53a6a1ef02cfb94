import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("lists containers, pods and images in crictl 1.32's tables", async () => {
  const node = freshNode();
  const ps = await run(node, "crictl ps");
  expect(ps.code).toBe(0);
  await expect(ps.out).toMatchFileSnapshot("__snapshots__/ps.txt");
  expect((await run(node, "crictl pods | head -3")).out).toBe(
    `POD ID              CREATED             STATE               NAME                                  NAMESPACE           ATTEMPT             RUNTIME
b740667f3892a       2 hours ago         Ready               metrics-server-6887dc77b-rwzxx        kube-system         0                   (default)
7762872af74ba       2 hours ago         Ready               metrics-server-6887dc77b-bmqvz        kube-system         0                   (default)
`,
  );
  expect((await run(node, "crictl images | grep -E '^IMAGE|pause|kube-proxy'")).out).toBe(
    `IMAGE                                                                            TAG                 IMAGE ID            SIZE
mcr.microsoft.com/oss/kubernetes/kube-proxy                                      v1.32.7             9247506ce1202       31.6MB
mcr.microsoft.com/oss/kubernetes/pause                                           3.6                 dba9908529d5c       300kB
`,
  );
});

it("cannot dial containerd once it is stopped, with the real gRPC error", async () => {
  const node = freshNode();
  await run(node, "systemctl stop containerd");
  expect(await run(node, "crictl ps")).toEqual({
    out: "",
    err: 'FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"\n',
    code: 1,
  });
  // The containers outlive containerd (KillMode=process keeps the shims): they are all back.
  await run(node, "systemctl start containerd");
  expect((await run(node, "crictl ps -q | wc -l")).out).toBe("23\n");
});

it("warns and falls back to the default endpoints without /etc/crictl.yaml", async () => {
  const node = freshNode();
  const r = await run(node, "rm /etc/crictl.yaml; crictl pods -q | wc -l");
  expect(r.out).toBe("14\n");
  expect(r.err).toBe(
    "WARN[0000] runtime connect using default endpoints: [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated, you should set the endpoint instead.\n",
  );
});
