import { describe, expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { run } from "../test-helpers";

describe("check kinds", () => {
  it("pods: by selector, phase, readiness and count, in the node's words", async () => {
    const node = createSandbox();
    const coredns = {
      kind: "pods",
      namespace: "kube-system",
      selector: "k8s-app=kube-dns",
      phase: "Running",
      ready: true,
    } as const;
    expect(node.check({ ...coredns, count: 2 })).toEqual({
      pass: true,
      detail: "2 of 2 pods matching k8s-app=kube-dns in kube-system are Running and Ready",
    });
    expect(node.check({ kind: "pods", selector: "app=web" })).toEqual({
      pass: false,
      detail: "0 of 0 pods matching app=web in default are present",
    });
    await run(
      node,
      "kubectl create deployment web --image=nginx --replicas=2 2>/dev/null || kubectl run web --image=nginx -l app=web",
    );
    await run(node, "sleep 20");
    expect(node.check({ kind: "pods", selector: "app=web", phase: "Running", min: 1 }).pass).toBe(true);
  });

  it("container: the newest attempt's state, and how often it was restarted", async () => {
    const node = createSandbox();
    expect(node.check({ kind: "container", name: "kube-proxy", state: "running", minAttempt: 1 })).toEqual({
      pass: false,
      detail: "container kube-proxy (attempt 0) is running",
    });
    await run(node, "crictl stop $(crictl ps -q --name kube-proxy)");
    await run(node, "sleep 5");
    expect(node.check({ kind: "container", name: "kube-proxy", state: "running", minAttempt: 1 })).toEqual({
      pass: true,
      detail: "container kube-proxy (attempt 1) is running",
    });
    expect(node.check({ kind: "container", name: "nope", state: "absent" })).toEqual({
      pass: true,
      detail: "there is no nope container",
    });
  });

  it("process: by program name and command line", async () => {
    const node = createSandbox();
    expect(
      node.check({ kind: "process", command: "kubelet", running: true, argContains: "--max-pods=30" }),
    ).toMatchObject({
      pass: true,
      detail: expect.stringMatching(/^kubelet with "--max-pods=30" runs as PID \d+$/),
    });
    await run(node, "systemctl stop kubelet");
    expect(node.check({ kind: "process", command: "kubelet", running: false })).toEqual({
      pass: true,
      detail: "no kubelet process runs",
    });
  });

  it("iptables: chains by name or prefix, and a rule's text", async () => {
    const node = createSandbox();
    expect(node.check({ kind: "iptables", table: "nat", chain: "KUBE-SVC-*" }).pass).toBe(true);
    expect(
      node.check({
        kind: "iptables",
        table: "filter",
        chain: "FORWARD",
        ruleContains: "-d 168.63.129.16/32 -p tcp -m tcp --dport 80 -j DROP",
      }),
    ).toEqual({
      pass: true,
      detail: "-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 80 -j DROP",
    });
    await run(node, "iptables -t nat -F KUBE-SERVICES");
    expect(node.check({ kind: "iptables", table: "nat", chain: "KUBE-SERVICES", ruleContains: "KUBE-SVC-" })).toEqual({
      pass: false,
      detail: 'no rule in nat KUBE-SERVICES contains "KUBE-SVC-"',
    });
  });

  it("answer: the learner's answer against what the node says now", async () => {
    const node = createSandbox();
    const check = {
      kind: "answer",
      question: "Which pause image does containerd use?",
      expect: { file: "/etc/containerd/config.toml", pattern: 'sandbox_image = "([^"]+)"' },
    } as const;
    expect(node.check(check)).toEqual({ pass: false, detail: "no answer yet" });
    expect(node.check(check, { answer: " mcr.microsoft.com/oss/kubernetes/pause:3.6 " })).toEqual({
      pass: true,
      detail: '"mcr.microsoft.com/oss/kubernetes/pause:3.6" is right',
    });
    expect(node.check(check, { answer: "pause:3.9" })).toEqual({
      pass: false,
      detail: '"pause:3.9" is not what the node says',
    });
    const version = {
      kind: "answer",
      question: "Which kubelet version?",
      expect: { resource: "nodes", path: "status.nodeInfo.kubeletVersion" },
    } as const;
    expect(node.check(version, { answer: "v1.32.7" }).pass).toBe(true);
    const unit = {
      kind: "answer",
      question: "Where is the unit file?",
      expect: { unit: "containerd", property: "FragmentPath" },
    } as const;
    expect(node.check(unit, { answer: "/lib/systemd/system/containerd.service" }).pass).toBe(true);
  });

  it("answer { fault: culprit }: what random-fault broke on this node, in any of its spellings", () => {
    const question = { kind: "answer", question: "What was broken?", expect: { fault: "culprit" } } as const;
    const stopped = createSandbox({ scenario: "random-fault", seed: 2 }); // kubelet-stopped
    expect(stopped.check(question, { answer: "kubelet.service" })).toEqual({
      pass: true,
      detail: '"kubelet.service" is right',
    });
    expect(stopped.check(question, { answer: "kubelet" }).pass).toBe(true);
    expect(stopped.check(question, { answer: "Kubelet" }).pass).toBe(false);
    expect(stopped.check({ ...question, ignoreCase: true }, { answer: "Kubelet" }).pass).toBe(true);
    expect(stopped.check(question, { answer: "containerd.service" })).toEqual({
      pass: false,
      detail: '"containerd.service" is not what the node says',
    });
    const cni = createSandbox({ scenario: "random-fault", seed: 1 }); // cni-missing
    expect(cni.check(question, { answer: "/etc/cni/net.d/10-azure.conflist" }).pass).toBe(true);
    expect(cni.check(question, { answer: "10-azure.conflist" }).pass).toBe(true);
    expect(cni.check(question, { answer: "kubelet.service" }).pass).toBe(false);
    // A node no scenario broke has no culprit to name.
    expect(createSandbox().check(question, { answer: "kubelet" })).toEqual({
      pass: false,
      detail: "the node no longer has what the question asks about",
    });
  });
});
