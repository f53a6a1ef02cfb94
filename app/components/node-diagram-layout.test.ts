import { describe, expect, it } from "vitest";
import type { NodeView, PodPart } from "@/sandbox";
import { type Box, clip, layoutNode, MAX_POD_CARDS } from "./node-diagram-layout";

const proxy: PodPart = {
  namespace: "kube-system",
  name: "kube-proxy-2kcxw",
  status: "Running",
  ready: "1/1",
  health: "ok",
  role: "kube-proxy",
  hostNetwork: true,
  ip: "10.224.0.4",
  pause: { state: "Ready", health: "ok" },
  containers: [{ name: "kube-proxy", state: "Running", health: "ok", attempt: 0 }],
};

const crashing: PodPart = {
  namespace: "default",
  name: "orders-api",
  status: "CrashLoopBackOff",
  ready: "0/1",
  health: "failed",
  role: "pod",
  hostNetwork: false,
  ip: "10.224.0.14",
  veth: "azv773b545d9e4",
  pause: { state: "Ready", health: "ok" },
  containers: [{ name: "orders-api", state: "CrashLoopBackOff", health: "failed", attempt: 6 }],
};

/** A small node: the kubelet stopped, the node NotReady, one crash-looping pod beside kube-proxy. */
const VIEW: NodeView = {
  hostname: "aks-nodepool1-12345678-vmss000000",
  os: { name: "Ubuntu 22.04.5 LTS", kernel: "5.15.0-1096-azure" },
  ready: {
    state: "NotReady",
    status: "Unknown",
    reason: "NodeStatusUnknown",
    message: "Kubelet stopped posting node status.",
    health: "failed",
  },
  units: [
    { name: "kubelet.service", state: "inactive (dead)", health: "stopped", component: "kubelet" },
    { name: "containerd.service", state: "active (running)", health: "ok", component: "containerd" },
    { name: "walinuxagent.service", state: "active (running)", health: "ok", component: "os" },
  ],
  shims: 2,
  cni: { state: "loaded", file: "10-azure.conflist", plugin: "azure-vnet", health: "ok" },
  network: { eth0: { address: "10.224.0.4/16", state: "UP" }, veths: 1 },
  pods: [proxy, crashing],
};

const inside = (box: Box, width: number, height: number) =>
  box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("layoutNode", () => {
  it("places the VM, the Ready condition, the units, the four core parts, the pods, the network and a legend", () => {
    const layout = layoutNode(VIEW, 640);
    expect({ width: layout.width, height: layout.height }).toEqual({ width: 640, height: 332 });
    expect(
      layout.parts.map(({ id, box, lines, health, component }) => ({ id, box, lines, health, component })),
    ).toEqual([
      {
        id: "os",
        box: { x: 12, y: 12, w: 418, h: 35 },
        lines: ["VM aks-nodepool1-12345678-vmss000000", "Ubuntu 22.04.5 LTS · kernel 5.15.0-1096-azure"],
        component: "os",
      },
      {
        id: "ready",
        box: { x: 438, y: 12, w: 190, h: 35 },
        lines: ["Node NotReady", "NodeStatusUnknown"],
        health: "failed",
        component: "node",
      },
      { id: "heading:units", box: { x: 4, y: 59, w: 624, h: 16 }, lines: ["systemd units"] },
      {
        id: "unit:walinuxagent.service",
        box: { x: 12, y: 77, w: 162, h: 22 },
        lines: ["walinuxagent.service"],
        health: "ok",
        component: "os",
      },
      {
        id: "core:kubelet",
        box: { x: 12, y: 111, w: 148, h: 49 },
        lines: ["kubelet", "inactive (dead)", "kubelet.service"],
        health: "stopped",
        component: "kubelet",
      },
      {
        id: "core:containerd",
        box: { x: 168, y: 111, w: 148, h: 49 },
        lines: ["containerd", "active (running)", "2 shims"],
        health: "ok",
        component: "containerd",
      },
      {
        id: "core:kube-proxy",
        box: { x: 324, y: 111, w: 148, h: 49 },
        lines: ["kube-proxy", "Running 1/1", "pod kube-proxy-2kcxw"],
        health: "ok",
        component: "kube-proxy",
      },
      {
        id: "core:cni",
        box: { x: 480, y: 111, w: 148, h: 49 },
        lines: ["CNI azure-vnet", "10-azure.conflist", "/etc/cni/net.d"],
        health: "ok",
        component: "cni",
      },
      { id: "heading:pods", box: { x: 4, y: 172, w: 624, h: 16 }, lines: ["Pods (1): pause container and containers"] },
      {
        id: "pod:default/orders-api",
        box: { x: 12, y: 190, w: 200, h: 72 },
        lines: ["orders-api", "CrashLoopBackOff 0/1", "10.224.0.14 azv773b545d9e4"],
        health: "failed",
        component: "pod-infrastructure",
      },
      { id: "pod:default/orders-api/pause", box: { x: 18, y: 239, w: 59.5, h: 17 }, lines: ["pause"], health: "ok" },
      {
        id: "pod:default/orders-api/orders-api",
        box: { x: 81.5, y: 239, w: 93, h: 17 },
        lines: ["orders-api"],
        health: "failed",
      },
      {
        id: "network",
        box: { x: 12, y: 274, w: 616, h: 22 },
        lines: ["eth0 10.224.0.4/16 UP · 1 pod veth azv*"],
        health: "ok",
        component: "cni",
      },
      { id: "legend:ok", box: { x: 12, y: 304, w: 72.9, h: 16 }, lines: ["running"], health: "ok" },
      { id: "legend:progress", box: { x: 96.9, y: 304, w: 72.9, h: 16 }, lines: ["waiting"], health: "progress" },
      { id: "legend:failed", box: { x: 181.8, y: 304, w: 66.2, h: 16 }, lines: ["failed"], health: "failed" },
      { id: "legend:stopped", box: { x: 260, y: 304, w: 72.9, h: 16 }, lines: ["stopped"], health: "stopped" },
    ]);
  });

  it("says each part's state in full words for tooltips and screen readers", () => {
    const labels = Object.fromEntries(layoutNode(VIEW, 640).parts.map((p) => [p.id, p.label]));
    expect(labels).toEqual({
      os: "VM aks-nodepool1-12345678-vmss000000 Ubuntu 22.04.5 LTS · kernel 5.15.0-1096-azure",
      ready: "Node NotReady NodeStatusUnknown: Ready condition Unknown (Kubelet stopped posting node status.)",
      "heading:units": "systemd units",
      "unit:walinuxagent.service": "walinuxagent.service: active (running)",
      "core:kubelet": "kubelet inactive (dead) kubelet.service",
      "core:containerd":
        "containerd active (running) 2 shims: containerd.service; one containerd-shim-runc-v2 per pod sandbox",
      "core:kube-proxy":
        "kube-proxy Running 1/1 pod kube-proxy-2kcxw: pod in kube-system; pause Ready; kube-proxy Running",
      "core:cni": "CNI azure-vnet 10-azure.conflist /etc/cni/net.d: loaded by containerd",
      "heading:pods": "Pods (1): pause container and containers",
      "pod:default/orders-api":
        "orders-api CrashLoopBackOff 0/1 10.224.0.14 azv773b545d9e4: pod in default; pause Ready; orders-api CrashLoopBackOff",
      "pod:default/orders-api/pause": "pause container: Ready",
      "pod:default/orders-api/orders-api": "container orders-api: CrashLoopBackOff",
      network: "eth0 10.224.0.4/16 UP · 1 pod veth azv*: the node's NIC, and the host ends of the pods' veth pairs",
      "legend:ok": "running: a filled circle and a solid border",
      "legend:progress": "waiting: a dashed circle and a dashed border",
      "legend:failed": "failed: a cross and a thick border",
      "legend:stopped": "stopped: a hollow square and a dotted border",
    });
  });

  it("puts the Ready condition under the VM and the core parts in two columns when narrow", () => {
    const layout = layoutNode(VIEW, 320);
    const box = (id: string) => layout.parts.find((p) => p.id === id)?.box;
    expect([box("os"), box("ready"), box("core:kubelet"), box("core:cni")]).toEqual([
      { x: 12, y: 12, w: 296, h: 35 },
      { x: 12, y: 55, w: 296, h: 35 },
      { x: 12, y: 154, w: 144, h: 49 },
      { x: 164, y: 211, w: 144, h: 49 },
    ]);
    for (const part of layout.parts) expect(inside(part.box, layout.width, layout.height)).toBe(true);
  });

  it("draws 110 pods as 23 cards and '+87 more', keeping the pods with a problem", () => {
    const many = Array.from(
      { length: 110 },
      (_, i): PodPart => ({
        ...proxy,
        role: "pod",
        namespace: "default",
        name: `web-${String(i).padStart(3, "0")}`,
      }),
    );
    many[100] = { ...crashing, name: "web-100" };
    const layout = layoutNode({ ...VIEW, pods: [proxy, ...many] }, 640);
    const cards = layout.parts.filter((p) => p.kind === "pod" || p.kind === "more");
    expect(cards).toHaveLength(MAX_POD_CARDS);
    expect(cards.map((c) => c.id).slice(20)).toEqual([
      "pod:default/web-020",
      "pod:default/web-021",
      "pod:default/web-100",
      "more",
    ]);
    expect(cards.at(-1)).toMatchObject({
      lines: ["+87 more", "kubectl get pods -A"],
      label: "87 more pods are not drawn: kubectl get pods -A lists them all",
    });
    for (const part of layout.parts) expect(inside(part.box, layout.width, layout.height)).toBe(true);
    for (const [i, a] of cards.entries()) for (const b of cards.slice(i + 1)) expect(overlap(a.box, b.box)).toBe(false);
  });

  it("cuts text that does not fit with an ellipsis, and keeps it whole in the part's text and name", () => {
    expect([clip("kubelet.service", 200), clip("kubelet.service", 60)]).toEqual(["kubelet.service", "kubelet…"]);
    const proxyPart = layoutNode(VIEW, 320).parts.find((p) => p.id === "core:kube-proxy");
    expect([proxyPart?.lines[2], proxyPart?.text[2], proxyPart?.label]).toEqual([
      "pod kube-proxy-2kc…",
      "pod kube-proxy-2kcxw",
      "kube-proxy Running 1/1 pod kube-proxy-2kcxw: pod in kube-system; pause Ready; kube-proxy Running",
    ]);
  });
});
