import { describe, expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { run } from "../test-helpers";

describe("the node's history", () => {
  it("commits only commands that changed the node, and undo restores files and running state", async () => {
    const node = createSandbox();
    const history = await node.history();
    await run(node, "systemctl status kubelet >/dev/null; kubectl get nodes >/dev/null");
    await run(node, "sed -i 's/--max-pods=30/--max-pods=50/' /etc/default/kubelet");
    await run(node, "systemctl stop kubelet");
    await run(node, "crictl ps -q | wc -l > /dev/null");
    expect((await history.log()).map((e) => e.message)).toEqual([
      "systemctl stop kubelet",
      "sed -i 's/--max-pods=30/--max-pods=50/' /etc/default/kubelet",
      "Start",
    ]);

    expect((await history.undo())?.message).toBe("sed -i 's/--max-pods=30/--max-pods=50/' /etc/default/kubelet");
    expect((await run(node, "systemctl is-active kubelet")).out).toBe("active\n");
    expect((await run(node, "grep -o 'max-pods=[0-9]*' /etc/default/kubelet")).out).toBe("max-pods=50\n");

    expect((await history.undo())?.message).toBe("Start");
    expect((await run(node, "grep -o 'max-pods=[0-9]*' /etc/default/kubelet")).out).toBe("max-pods=30\n");
    expect(await history.undo()).toBeUndefined();
  });

  it("a sleep is a change: undo puts the clock back", async () => {
    const node = createSandbox();
    const history = await node.history();
    const before = node.clock.now();
    await run(node, "systemctl stop kubelet");
    await run(node, "sleep 60");
    expect((await run(node, "kubectl get nodes | awk 'NR==2{print $2}'")).out).toBe("NotReady\n");
    await history.undo();
    expect(node.clock.now()).toBe(before);
    expect((await run(node, "kubectl get nodes | awk 'NR==2{print $2}'")).out).toBe("Ready\n");
    expect((await run(node, "systemctl is-active kubelet")).out).toBe("inactive\n");
  });

  it("resets an exercise and lists what changed since it started", async () => {
    const node = createSandbox();
    const history = await node.history();
    await run(node, "echo '# a note' >> /etc/hosts");
    await history.startExercise("raise-max-pods");
    await run(node, "sed -i 's/--max-pods=30/--max-pods=50/' /etc/default/kubelet");
    await run(node, "mkdir -p /root/work && echo hello > /root/work/notes.txt");
    await run(node, "rm /etc/crictl.yaml");
    const changes = await history.changes("raise-max-pods");
    expect(changes.map((c) => [c.path, c.change])).toEqual([
      ["/etc/crictl.yaml", "deleted"],
      ["/etc/default/kubelet", "modified"],
      ["/root/work/notes.txt", "added"],
    ]);
    expect(changes[0]?.before).toBe("runtime-endpoint: unix:///run/containerd/containerd.sock\n");
    expect(changes[2]?.after).toBe("hello\n");

    await history.resetExercise("raise-max-pods");
    expect(await history.changes("raise-max-pods")).toEqual([]);
    expect((await run(node, "tail -1 /etc/hosts")).out).toBe("# a note\n");
    expect((await run(node, "cat /etc/crictl.yaml")).code).toBe(0);
    expect((await history.changes()).map((c) => c.path)).toEqual(["/etc/hosts"]);
  });
});

describe("undo restores the whole node", () => {
  it("pods, containers and their IDs come back as they were, with the clock", async () => {
    const node = createSandbox();
    const history = await node.history();
    const pods = "kubectl get pods -n kube-system -l k8s-app=kube-dns -o name";
    const containers = "crictl ps --name coredns -q";
    const before = {
      pods: (await run(node, pods)).out,
      containers: (await run(node, containers)).out,
      at: node.clock.now(),
    };
    const victim = before.pods.split("\n")[0] as string;
    await run(node, `kubectl delete -n kube-system ${victim}`);
    const survivor = (await run(node, containers)).out.split("\n")[0] as string;
    expect((await run(node, `crictl stop ${survivor}`)).code).toBe(0);
    await run(node, "sleep 30");
    expect((await run(node, pods)).out).not.toBe(before.pods);
    expect((await history.log()).map((e) => e.message)).toEqual([
      "sleep 30",
      `crictl stop ${survivor}`,
      `kubectl delete -n kube-system ${victim}`,
      "Start",
    ]);
    await history.undo();
    await history.undo();
    await history.undo();
    expect((await run(node, pods)).out).toBe(before.pods);
    expect((await run(node, containers)).out).toBe(before.containers);
    expect(node.clock.now()).toBe(before.at);
  });
});

describe("Ctrl-C while a line waits its turn", () => {
  it("stops the line as it starts, and a replay does the same", async () => {
    const node = createSandbox();
    const opening = node.history();
    const line = node.exec("sleep 999999");
    node.interrupt();
    await opening;
    expect(await line).toEqual({ stdout: "", stderr: "", exitCode: 130 });
    const at = node.clock.now();
    const copy = createSandbox();
    await copy.restore(node.snapshot());
    expect(copy.clock.now()).toBe(at);
  });
});

describe("undo covers iptables", () => {
  it("a flushed nat table comes back with undo", async () => {
    const node = createSandbox();
    const history = await node.history();
    const before = (await run(node, "iptables-save -t nat | grep -c '^-A'")).out;
    await run(node, "iptables -t nat -F");
    expect((await run(node, "iptables-save -t nat | grep -c '^-A'")).out).toBe("0\n");
    expect((await history.log())[0]?.message).toBe("iptables -t nat -F");
    await history.undo();
    expect((await run(node, "iptables-save -t nat | grep -c '^-A'")).out).toBe(before);
  });

  it("rewriting the same rules, reading them or sending packets is no change; a kernel tunable is", async () => {
    const node = createSandbox();
    const history = await node.history();
    await run(node, "iptables-save | iptables-restore");
    await run(node, "iptables -t nat -L -n >/dev/null; sysctl net.ipv4.ip_forward >/dev/null");
    // Packets move the chains' counters, not the rules: looking through the network is no change.
    await run(
      node,
      "curl -s http://127.0.0.1:10248/healthz; dig +short kubernetes.default.svc.cluster.local @10.0.0.10",
    );
    await run(node, "ping -c 1 10.224.0.1 >/dev/null; nslookup kubernetes.default >/dev/null");
    expect((await history.log()).map((e) => e.message)).toEqual(["Start"]);
    await run(node, "sysctl -w net.ipv4.ip_forward=0");
    await run(node, "iptables -t filter -A INPUT -p tcp --dport 2222 -j DROP");
    expect((await history.log()).map((e) => e.message)).toEqual([
      "iptables -t filter -A INPUT -p tcp --dport 2222 -j DROP",
      "sysctl -w net.ipv4.ip_forward=0",
      "Start",
    ]);
    await history.undo();
    expect((await run(node, "iptables -S INPUT | grep -c 2222")).out).toBe("0\n");
    expect((await run(node, "sysctl -n net.ipv4.ip_forward")).out).toBe("0\n");
  });
});
