/**
 * crictl exec / attach and kubectl exec: commands run in the container's view (its hostname,
 * env, resolv.conf, hosts file and service-account mount), errors as crictl, containerd and
 * kubectl print them.
 */
import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

const VPA = "$(crictl ps -q --name metrics-server-vpa | head -1)";
const POD = "-n kube-system metrics-server-6887dc77b-rwzxx";

it("runs commands in the container's view, not the host's", async () => {
  const node = freshNode();
  expect(await run(node, `crictl exec ${VPA} hostname`)).toEqual({
    out: "metrics-server-6887dc77b-rwzxx\n",
    err: "",
    code: 0,
  });
  expect((await run(node, `crictl exec ${VPA} cat /etc/resolv.conf /etc/hosts`)).out).toBe(
    `search kube-system.svc.cluster.local svc.cluster.local cluster.local qxbh4nkpvj1ezmcw0u3ft5r2da.bx.internal.cloudapp.net
nameserver 10.0.0.10
options ndots:5
# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::0\tip6-localnet
fe00::0\tip6-mcastprefix
fe00::1\tip6-allnodes
fe00::2\tip6-allrouters
10.224.0.13\tmetrics-server-6887dc77b-rwzxx
`,
  );
  expect((await run(node, `crictl exec ${VPA} ls /var/run/secrets/kubernetes.io/serviceaccount`)).out).toBe(
    "ca.crt\nnamespace\ntoken\n",
  );
  expect((await run(node, `crictl exec ${VPA} cat /var/run/secrets/kubernetes.io/serviceaccount/namespace`)).out).toBe(
    "kube-system",
  );
  expect((await run(node, `crictl exec ${VPA} env | grep -E '^(HOSTNAME|KUBERNETES_)'`)).out).toBe(
    `HOSTNAME=metrics-server-6887dc77b-rwzxx
KUBERNETES_SERVICE_HOST=10.0.0.1
KUBERNETES_SERVICE_PORT=443
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT=tcp://10.0.0.1:443
KUBERNETES_PORT_443_TCP=tcp://10.0.0.1:443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_ADDR=10.0.0.1
`,
  );
  // The host's files are not there.
  expect(await run(node, `crictl exec ${VPA} cat /etc/kubernetes/certs/ca.crt`)).toEqual({
    out: "",
    err: `cat: /etc/kubernetes/certs/ca.crt: No such file or directory\nFATA[0000] execing command in container ${(await run(node, `echo ${VPA}`)).out.trim()}: command terminated with exit code 1\n`,
    code: 1,
  });
  // A host-network pod has the node's hostname.
  expect((await run(node, "crictl exec $(crictl ps -q --name '^kube-proxy$') hostname")).out).toBe(`${HOST}\n`);
});

it("passes exit codes with --sync, and fails like containerd and runc otherwise", async () => {
  const node = freshNode();
  const id = (await run(node, `echo ${VPA}`)).out.trim();
  expect(await run(node, `crictl exec -s ${id.slice(0, 12)} sh -c 'echo hi; exit 3'`)).toEqual({
    out: "hi\n\n\n",
    err: "non-zero exit code\n",
    code: 3,
  });
  expect(await run(node, "crictl exec abcdef ls")).toEqual({
    out: "",
    err: 'FATA[0000] execing command in container abcdef: rpc error: code = NotFound desc = failed to find container "abcdef" in store: not found\n',
    code: 1,
  });
  // coredns is distroless: there is no shell to start.
  const coredns = (await run(node, "crictl ps -q --name coredns | head -1")).out.trim();
  const r = await run(node, `crictl exec -it ${coredns.slice(0, 13)} sh`);
  expect(r.err).toMatch(
    new RegExp(
      `^FATA\\[0000\\] execing command in container ${coredns.slice(0, 13)}: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \\$PATH: unknown\\n$`,
    ),
  );
  expect(r.code).toBe(1);
  // A container that is not running.
  await run(node, `crictl stop ${id}`);
  expect(await run(node, `crictl exec ${id.slice(0, 13)} ls`)).toEqual({
    out: "",
    err: `FATA[0000] execing command in container ${id.slice(0, 13)}: rpc error: code = Unknown desc = container is in CONTAINER_EXITED state\n`,
    code: 1,
  });
  expect(await run(node, `crictl attach ${id.slice(0, 13)}`)).toEqual({
    out: "",
    err: "FATA[0000] attaching running container failed: rpc error: code = Unknown desc = container is in CONTAINER_EXITED state\n",
    code: 1,
  });
});

it("kubectl exec goes through the kubelet, which must be running", async () => {
  const node = freshNode();
  expect(await run(node, `kubectl exec ${POD} -c metrics-server-vpa -- cat /etc/hostname`)).toEqual({
    out: "metrics-server-6887dc77b-rwzxx\n",
    err: "",
    code: 0,
  });
  expect(await run(node, `kubectl exec ${POD} -c metrics-server-vpa -- ls /nope`)).toEqual({
    out: "",
    err: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n",
    code: 2,
  });
  expect(await run(node, `kubectl exec ${POD} hostname`)).toEqual({
    out: "",
    err: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    code: 1,
  });
  const coredns = (await run(node, "kubectl get pods -n kube-system -o name | grep -m1 coredns-")).out.trim();
  const r = await run(node, `kubectl exec -n kube-system ${coredns} -- sh`);
  expect(r.err).toMatch(
    /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/,
  );
  expect(await run(node, `systemctl stop kubelet; kubectl exec ${POD} -c metrics-server -- ls`)).toEqual({
    out: "",
    err: "Error from server: error dialing backend: dial tcp 10.224.0.4:10250: connect: connection refused\n",
    code: 1,
  });
});
