/**
 * The pods' part of the diagram: one card per pod (its name, kubectl's STATUS and READY, its
 * IP and veth) with a chip per container, the pause container first, in as many columns as
 * fit. A node may run more pods than are worth drawing: past MAX_POD_CARDS the last card says
 * how many more, and the pods with a problem are the ones kept.
 */
import type { PodPart } from "@/sandbox";
import {
  type Box,
  blockHeight,
  CHIP_GAP,
  CHIP_HEIGHT,
  columns,
  type DiagramPart,
  flow,
  GAP,
  ICON,
  makePart,
  textWidth,
} from "./node-diagram-geometry";

const MIN_POD_WIDTH = 150;
/**
 * Cards drawn at most, the last one reading "+N more" when the node runs more pods (max-pods is
 * 30 on this node, 110 with kubenet): pods with a problem are kept first.
 */
export const MAX_POD_CARDS = 24;

/** A chip holds its icon and its container's name, up to the card's width. */
const chipWidth = (name: string, inner: number) => Math.min(inner, textWidth(name) + ICON + 10);

/** What a pod card does not draw, or cuts short: its namespace and each container's state. */
export function podDetail(pod: PodPart): string {
  const inside = [
    `pause ${pod.pause.state === "none" ? "not created" : pod.pause.state}`,
    ...pod.containers.map((c) => `${c.name} ${c.state}`),
  ];
  return `pod in ${pod.namespace}; ${inside.join("; ")}`;
}

export const podNetwork = (pod: PodPart) =>
  pod.hostNetwork ? "host network" : [pod.ip, pod.veth].filter(Boolean).join(" ") || "no IP yet";

/** The pods to draw when they do not all fit: those with a problem first, then in the view's order. */
function podsToDraw(pods: PodPart[]): { shown: PodPart[]; hidden: number } {
  if (pods.length <= MAX_POD_CARDS) return { shown: pods, hidden: 0 };
  const room = MAX_POD_CARDS - 1;
  const keep = new Set(
    [...pods.filter((p) => p.health !== "ok"), ...pods.filter((p) => p.health === "ok")].slice(0, room),
  );
  return { shown: pods.filter((p) => keep.has(p)), hidden: pods.length - room };
}

function podParts(pod: PodPart, box: Box, id: string): DiagramPart[] {
  const inner = box.w - 12;
  const chips = [
    { name: "pause", state: pod.pause.state === "none" ? "not created" : pod.pause.state, health: pod.pause.health },
    ...pod.containers,
  ];
  const widths = chips.map((c) => chipWidth(c.name, inner));
  const placed = flow(widths, box.x + 6, box.y + blockHeight(3), inner, CHIP_HEIGHT, CHIP_GAP).boxes;
  return [
    makePart({
      id,
      kind: "pod",
      box,
      text: [pod.name, `${pod.status} ${pod.ready}`, podNetwork(pod)],
      health: pod.health,
      component: pod.role === "agent" ? "agents" : "pod-infrastructure",
      detail: podDetail(pod),
    }),
    ...chips.map((c, i) =>
      makePart({
        id: `${id}/${c.name}`,
        kind: "chip",
        box: placed[i] as Box,
        text: [c.name],
        health: c.health,
        label: `${c.name === "pause" ? "pause container" : `container ${c.name}`}: ${c.state}`,
        parent: id,
      }),
    ),
  ];
}

/** Height of a pod card: three lines, then its chips wrapped in the card's width. */
function podHeight(pod: PodPart, width: number): number {
  const inner = width - 12;
  const widths = ["pause", ...pod.containers.map((c) => c.name)].map((name) => chipWidth(name, inner));
  const { bottom } = flow(widths, 0, 0, inner, CHIP_HEIGHT, CHIP_GAP);
  return blockHeight(3) + bottom + 6;
}

/** The cards of `pods` from (x, y) in `width`, row by row; returns the parts and where they end. */
export function podGrid(
  pods: PodPart[],
  x: number,
  y: number,
  width: number,
): { parts: DiagramPart[]; bottom: number } {
  const parts: DiagramPart[] = [];
  const { shown, hidden } = podsToDraw(pods);
  const cols = columns(width, MIN_POD_WIDTH, 8);
  const cards = [
    ...shown.map((pod) => ({ pod, h: podHeight(pod, cols.w) })),
    ...(hidden ? [{ pod: undefined, h: blockHeight(2) }] : []),
  ];
  let top = y;
  for (let row = 0; row * cols.count < cards.length; row++) {
    const inRow = cards.slice(row * cols.count, (row + 1) * cols.count);
    const h = Math.max(...inRow.map((c) => c.h));
    inRow.forEach((card, i) => {
      const box = { x: x + i * (cols.w + GAP), y: top, w: cols.w, h };
      if (card.pod) parts.push(...podParts(card.pod, box, `pod:${card.pod.namespace}/${card.pod.name}`));
      else {
        parts.push(
          makePart({
            id: "more",
            kind: "more",
            box,
            text: [`+${hidden} more`, "kubectl get pods -A"],
            label: `${hidden} more pods are not drawn: kubectl get pods -A lists them all`,
          }),
        );
      }
    });
    top += h + GAP;
  }
  return { parts, bottom: top - (cards.length ? GAP : 0) };
}
