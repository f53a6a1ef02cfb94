/**
 * Where each part of the node's diagram goes, as plain boxes and text lines: a pure function of
 * the node's view and the width available, so the drawing (node-diagram.tsx) only paints, and a
 * test can check that 110 pods still fit. Lines longer than their box are drawn cut short with
 * an ellipsis; the full words stay in the part's text and label (tooltip and accessible name).
 * From the top: the VM and its OS beside the Node's Ready condition, the systemd units, the four
 * core parts (kubelet, containerd, kube-proxy, CNI), the pods, the network, a legend.
 */
import type { Health, NodeView, UnitPart } from "@/sandbox";
import {
  type Box,
  blockHeight,
  CHIP_GAP,
  columns,
  type DiagramLayout,
  type DiagramPart,
  flow,
  GAP,
  ICON,
  makePart,
  PAD,
  type PartSpec,
  textWidth,
} from "./node-diagram-geometry";
import { podDetail, podGrid } from "./node-diagram-pods";

export type { Box, DiagramLayout, DiagramPart } from "./node-diagram-geometry";
export { CHAR_WIDTH, clip, LINE_HEIGHT, lineRoom, lineX } from "./node-diagram-geometry";
export { MAX_POD_CARDS } from "./node-diagram-pods";

const MIN_WIDTH = 300;

const LEGEND: [Health, string, string][] = [
  ["ok", "running", "a filled circle and a solid border"],
  ["progress", "waiting", "a dashed circle and a dashed border"],
  ["failed", "failed", "a cross and a thick border"],
  ["stopped", "stopped", "a hollow square and a dotted border"],
];

const missing = (name: string) => `${name} could not be found`;

function coreParts(view: NodeView, x: number, y: number, width: number): { parts: DiagramPart[]; bottom: number } {
  const unit = (name: string) => view.units.find((u) => u.name === name);
  const kubelet = unit("kubelet.service");
  const containerd = unit("containerd.service");
  const proxy = view.pods.find((p) => p.role === "kube-proxy");
  const cni = view.cni;
  const cores: Omit<PartSpec, "box">[] = [
    {
      id: "core:kubelet",
      kind: "core",
      text: ["kubelet", kubelet?.state ?? missing("kubelet.service"), "kubelet.service"],
      health: kubelet?.health ?? "failed",
      component: "kubelet",
    },
    {
      id: "core:containerd",
      kind: "core",
      text: [
        "containerd",
        containerd?.state ?? missing("containerd.service"),
        `${view.shims} shim${view.shims === 1 ? "" : "s"}`,
      ],
      health: containerd?.health ?? "failed",
      component: "containerd",
      detail: "containerd.service; one containerd-shim-runc-v2 per pod sandbox",
    },
    {
      id: "core:kube-proxy",
      kind: "core",
      text: ["kube-proxy", proxy ? `${proxy.status} ${proxy.ready}` : "no pod", proxy ? `pod ${proxy.name}` : ""],
      health: proxy?.health ?? "stopped",
      component: "kube-proxy",
      detail: proxy ? podDetail(proxy) : "no kube-proxy pod on this node",
    },
    {
      id: "core:cni",
      kind: "core",
      text: [
        `CNI ${cni.plugin ?? "azure-vnet"}`,
        cni.state === "loaded" ? (cni.file ?? "") : `config ${cni.state}`,
        "/etc/cni/net.d",
      ],
      health: cni.health,
      component: "cni",
      detail: cni.state === "loaded" ? "loaded by containerd" : cni.error,
    },
  ];
  // Four in a row, or two by two: never three and one.
  const cols = columns(width, 130, columns(width, 130, 4).count === 4 ? 4 : 2);
  const h = blockHeight(3);
  const parts = cores.map((core, i) =>
    makePart({
      ...core,
      box: { x: x + (i % cols.count) * (cols.w + GAP), y: y + Math.floor(i / cols.count) * (h + GAP), w: cols.w, h },
    }),
  );
  return { parts, bottom: y + Math.ceil(cores.length / cols.count) * (h + GAP) - GAP };
}

/** One line each: a unit that runs as it should is its name and its icon; any other says its state. */
function unitParts(units: UnitPart[], x: number, y: number, width: number): { parts: DiagramPart[]; bottom: number } {
  const text = (u: UnitPart) => (u.health === "ok" ? u.name : `${u.name} ${u.state}`);
  const placed = flow(
    units.map((u) => Math.min(width, textWidth(text(u)) + ICON + 12)),
    x,
    y,
    width,
    blockHeight(1),
    CHIP_GAP + 2,
  );
  const parts = units.map((u, i) =>
    makePart({
      id: `unit:${u.name}`,
      kind: "unit",
      box: placed.boxes[i] as Box,
      text: [text(u)],
      health: u.health,
      component: u.component,
      detail: u.health === "ok" ? u.state : undefined,
    }),
  );
  return { parts, bottom: placed.bottom };
}

export function layoutNode(view: NodeView, availableWidth: number): DiagramLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(availableWidth));
  const inner = width - 2 * PAD;
  const parts: DiagramPart[] = [];
  const heading = (id: string, text: string, y: number) =>
    parts.push(makePart({ id, kind: "heading", box: { x: PAD - 8, y, w: inner + 8, h: 16 }, text: [text] }));

  // The VM and its OS, with the Node's Ready condition beside it (under it when narrow).
  const readyWidth = Math.min(inner, 190);
  const besides = inner - readyWidth - GAP >= 200;
  const osWidth = besides ? inner - readyWidth - GAP : inner;
  parts.push(
    makePart({
      id: "os",
      kind: "os",
      box: { x: PAD, y: PAD, w: osWidth, h: blockHeight(2) },
      text: [`VM ${view.hostname}`, `${view.os.name} · kernel ${view.os.kernel}`],
      component: "os",
    }),
  );
  const readyBox = besides
    ? { x: PAD + osWidth + GAP, y: PAD, w: readyWidth, h: blockHeight(2) }
    : { x: PAD, y: PAD + blockHeight(2) + GAP, w: inner, h: blockHeight(2) };
  const ready = view.ready;
  parts.push(
    makePart({
      id: "ready",
      kind: "ready",
      box: readyBox,
      text: [`Node ${ready.state}`, ready.reason],
      health: ready.health,
      component: "node",
      detail: `Ready condition ${ready.status}${ready.message ? ` (${ready.message})` : ""}`,
    }),
  );
  let y = readyBox.y + readyBox.h + GAP + 4;

  heading("heading:units", "systemd units", y);
  y += 18;
  const units = unitParts(
    view.units.filter((u) => u.name !== "kubelet.service" && u.name !== "containerd.service"),
    PAD,
    y,
    inner,
  );
  parts.push(...units.parts);
  y = units.bottom + GAP + 4;

  const core = coreParts(view, PAD, y, inner);
  parts.push(...core.parts);
  y = core.bottom + GAP + 4;

  const pods = view.pods.filter((p) => p.role !== "kube-proxy");
  heading("heading:pods", `Pods (${pods.length}): pause container and containers`, y);
  y += 18;
  const grid = podGrid(pods, PAD, y, inner);
  parts.push(...grid.parts);
  y = grid.bottom + GAP + 4;

  const { eth0, veths } = view.network;
  parts.push(
    makePart({
      id: "network",
      kind: "network",
      box: { x: PAD, y, w: inner, h: blockHeight(1) },
      text: [`eth0 ${eth0.address} ${eth0.state} · ${veths} pod veth${veths === 1 ? "" : "s"} azv*`],
      health: eth0.state === "UP" ? "ok" : "failed",
      component: "cni",
      detail: "the node's NIC, and the host ends of the pods' veth pairs",
    }),
  );
  y += blockHeight(1) + GAP;

  // What the icons and borders mean, so no state is told by colour alone.
  const legend = flow(
    LEGEND.map(([, word]) => textWidth(word) + ICON + 10),
    PAD,
    y,
    inner,
    16,
    12,
  );
  LEGEND.forEach(([health, word, means], i) => {
    const box = legend.boxes[i] as Box;
    parts.push(
      makePart({ id: `legend:${health}`, kind: "legend", box, text: [word], health, label: `${word}: ${means}` }),
    );
  });
  y = legend.bottom + PAD;
  return { width, height: Math.ceil(y), parts };
}
