/**
 * Where each part of the node's diagram goes, as plain boxes and text lines: a pure function of
 * the node's view and the width available, so the drawing (node-diagram.tsx) only paints, and a
 * test can check that 110 pods still fit. Anything longer than its box is cut with an ellipsis;
 * the full words stay in the part's label, which becomes its tooltip and its accessible name.
 * From the top: the VM and its OS beside the Node's Ready condition, the systemd units, the four
 * core parts (kubelet, containerd, kube-proxy, CNI), the pods, the network, a legend.
 */
import type { Health, NodeView, UnitPart } from "@/sandbox";
import {
  type Box,
  blockHeight,
  CHIP_GAP,
  clip,
  columns,
  type DiagramLayout,
  type DiagramPart,
  flow,
  GAP,
  ICON,
  PAD,
  textWidth,
} from "./node-diagram-geometry";
import { podGrid, podLabel } from "./node-diagram-pods";

export type { Box, DiagramLayout, DiagramPart } from "./node-diagram-geometry";
export { clip, LINE_HEIGHT } from "./node-diagram-geometry";
export { MAX_POD_CARDS } from "./node-diagram-pods";

const MIN_WIDTH = 300;

const LEGEND: [Health, string][] = [
  ["ok", "running"],
  ["progress", "starting"],
  ["failed", "failed"],
  ["stopped", "stopped"],
];
const LEGEND_MEANS: Record<Health, string> = {
  ok: "a filled circle and a solid border",
  progress: "a dashed circle and a dashed border",
  failed: "a cross and a thick border",
  stopped: "a hollow square and a dotted border",
};

const unitLabel = (u: UnitPart) => `${u.name}: ${u.state}`;

function readyLabel(ready: NodeView["ready"]): string {
  const why = ready.reason || ready.message ? ` (${[ready.reason, ready.message].filter(Boolean).join(": ")})` : "";
  return `Node ${ready.state}: Ready condition ${ready.status}${why}`;
}

function coreParts(view: NodeView, x: number, y: number, width: number): { parts: DiagramPart[]; bottom: number } {
  const unit = (name: string) => view.units.find((u) => u.name === name);
  const kubelet = unit("kubelet.service");
  const containerd = unit("containerd.service");
  const proxy = view.pods.find((p) => p.role === "kube-proxy");
  const cni = view.cni;
  const cniState = cni.state === "loaded" ? (cni.file ?? "") : `${cni.state}: no config loaded`;
  const cores: (Omit<DiagramPart, "box" | "lines"> & { text: string[] })[] = [
    {
      id: "core:kubelet",
      kind: "core",
      text: ["kubelet", kubelet?.state ?? "", "kubelet.service"],
      health: kubelet?.health ?? "failed",
      component: "kubelet",
      label: `kubelet: ${kubelet ? unitLabel(kubelet) : "kubelet.service could not be found"}`,
    },
    {
      id: "core:containerd",
      kind: "core",
      text: ["containerd", containerd?.state ?? "", `${view.shims} shim${view.shims === 1 ? "" : "s"}`],
      health: containerd?.health ?? "failed",
      component: "containerd",
      label: `containerd: ${containerd ? unitLabel(containerd) : "containerd.service could not be found"}, ${view.shims} containerd-shim-runc-v2 processes`,
    },
    {
      id: "core:kube-proxy",
      kind: "core",
      text: ["kube-proxy", proxy ? `${proxy.status} ${proxy.ready}` : "no pod", proxy ? `pod ${proxy.name}` : ""],
      health: proxy?.health ?? "stopped",
      component: "kube-proxy",
      label: proxy ? `kube-proxy: ${podLabel(proxy)}` : "kube-proxy: no kube-proxy pod on this node",
    },
    {
      id: "core:cni",
      kind: "core",
      text: [`CNI ${cni.plugin ?? "azure-vnet"}`, cniState, "/etc/cni/net.d"],
      health: cni.health,
      component: "cni",
      label:
        cni.state === "loaded"
          ? `CNI: /etc/cni/net.d/${cni.file} loaded (plugin ${cni.plugin})`
          : `CNI: config ${cni.state}: ${cni.error ?? ""}`,
    },
  ];
  // Four in a row, or two by two: never three and one.
  const cols = columns(width, 130, columns(width, 130, 4).count === 4 ? 4 : 2);
  const h = blockHeight(3);
  const parts = cores.map(({ text, ...part }, i) => {
    const box = {
      x: x + (i % cols.count) * (cols.w + GAP),
      y: y + Math.floor(i / cols.count) * (h + GAP),
      w: cols.w,
      h,
    };
    return { ...part, box, lines: text.map((t, line) => clip(t, cols.w - (line === 0 ? ICON + 10 : 16))) };
  });
  return { parts, bottom: y + Math.ceil(cores.length / cols.count) * (h + GAP) - GAP };
}

export function layoutNode(view: NodeView, availableWidth: number): DiagramLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(availableWidth));
  const inner = width - 2 * PAD;
  const parts: DiagramPart[] = [];
  const heading = (id: string, text: string, y: number) =>
    parts.push({ id, kind: "heading", box: { x: PAD, y, w: inner, h: 16 }, lines: [clip(text, inner)], label: text });

  // The VM and its OS, with the Node's Ready condition beside it (under it when narrow).
  const readyWidth = Math.min(inner, 190);
  const besides = inner - readyWidth - GAP >= 200;
  const osWidth = besides ? inner - readyWidth - GAP : inner;
  parts.push({
    id: "os",
    kind: "os",
    box: { x: PAD, y: PAD, w: osWidth, h: blockHeight(2) },
    lines: [
      clip(`VM ${view.hostname}`, osWidth - 12),
      clip(`${view.os.name} · kernel ${view.os.kernel}`, osWidth - 12),
    ],
    component: "os",
    label: `VM ${view.hostname}: ${view.os.name}, kernel ${view.os.kernel}`,
  });
  const readyBox = besides
    ? { x: PAD + osWidth + GAP, y: PAD, w: readyWidth, h: blockHeight(2) }
    : { x: PAD, y: PAD + blockHeight(2) + GAP, w: inner, h: blockHeight(2) };
  parts.push({
    id: "ready",
    kind: "ready",
    box: readyBox,
    lines: [clip(`Node ${view.ready.state}`, readyBox.w - ICON - 10), clip(view.ready.reason, readyBox.w - 16)],
    health: view.ready.health,
    component: "node",
    label: readyLabel(view.ready),
  });
  let y = readyBox.y + readyBox.h + GAP + 4;

  heading("heading:units", "systemd units", y);
  y += 18;
  const units = view.units.filter((u) => u.name !== "kubelet.service" && u.name !== "containerd.service");
  // One line each: a unit that runs as it should is its name and its icon; any other says its state.
  const unitText = (u: UnitPart) => (u.health === "ok" ? u.name : `${u.name} ${u.state}`);
  const unitWidths = units.map((u) => Math.min(inner, textWidth(unitText(u)) + ICON + 12));
  const unitFlow = flow(unitWidths, PAD, y, inner, blockHeight(1), CHIP_GAP + 2);
  units.forEach((u, i) => {
    const box = unitFlow.boxes[i] as Box;
    parts.push({
      id: `unit:${u.name}`,
      kind: "unit",
      box,
      lines: [clip(unitText(u), box.w - ICON - 10)],
      health: u.health,
      component: u.component,
      label: unitLabel(u),
    });
  });
  y = unitFlow.bottom + GAP + 4;

  const core = coreParts(view, PAD, y, inner);
  parts.push(...core.parts);
  y = core.bottom + GAP + 4;

  const pods = view.pods.filter((p) => p.role !== "kube-proxy");
  heading("heading:pods", `Pods (${pods.length}): pause container and containers`, y);
  y += 18;
  const grid = podGrid(pods, PAD, y, inner);
  parts.push(...grid.parts);
  y = grid.bottom + GAP;
  y += 4;

  const eth0 = view.network.eth0;
  const netText = `eth0 ${eth0.address} ${eth0.state} · ${view.network.veths} pod veth${view.network.veths === 1 ? "" : "s"} azv*`;
  parts.push({
    id: "network",
    kind: "network",
    box: { x: PAD, y, w: inner, h: blockHeight(1) },
    lines: [clip(netText, inner - ICON - 10)],
    health: eth0.state === "UP" ? "ok" : "failed",
    component: "cni",
    label: `Network: eth0 ${eth0.address} ${eth0.state}, ${netText.split(" · ")[1]} in the host namespace`,
  });
  y += blockHeight(1) + GAP;

  // What the icons and borders mean, so no state is told by colour alone.
  const legend = LEGEND.map(([, word]) => textWidth(word) + ICON + 6);
  const legendFlow = flow(legend, PAD, y, inner, 16, 12);
  parts.push(
    ...LEGEND.map(
      ([health, word], i): DiagramPart => ({
        id: `legend:${health}`,
        kind: "legend",
        box: legendFlow.boxes[i] as Box,
        lines: [word],
        health,
        label: `${word}: ${LEGEND_MEANS[health]}`,
      }),
    ),
  );
  y = legendFlow.bottom + PAD;
  return { width, height: Math.ceil(y), parts };
}
