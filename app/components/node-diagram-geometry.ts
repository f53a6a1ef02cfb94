/**
 * The diagram's geometry: boxes, the parts drawn in them, the one font's metrics, and the two
 * ways boxes are placed (flowing and wrapping, or equal columns). Text is monospace at one
 * size, so its width is known without measuring the DOM.
 */
import type { Health, PartComponent } from "@/sandbox";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type PartKind = "heading" | "os" | "ready" | "unit" | "core" | "pod" | "chip" | "more" | "network" | "legend";

export interface DiagramPart {
  /** Stable across views: React's key, and what tests look parts up by. */
  id: string;
  kind: PartKind;
  box: Box;
  /** The part's text, one entry per line, in full: what its accessible name starts with. */
  text: string[];
  /** The same lines cut to fit (with an ellipsis): what is drawn. */
  lines: string[];
  health?: Health;
  /** The part of the course it belongs to: a click opens that lesson. Chips go with their pod. */
  component?: PartComponent;
  /**
   * The whole story in words: the tooltip and the accessible name. It begins with the part's
   * text in full, so a link's name contains its visible label (WCAG 2.5.3, axe's
   * label-content-name-mismatch); what is not drawn follows.
   */
  label: string;
  /** Chips (pause and containers) are drawn inside this part. */
  parent?: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  parts: DiagramPart[];
}

/** Text metrics of the drawing's one font: monospace at 11.1px, whose characters are ~0.6em wide (node-diagram.css). */
export const CHAR_WIDTH = 6.7;
export const LINE_HEIGHT = 13.5;
export const PAD = 12;
export const GAP = 8;
/**
 * Room for the state icon left of a part's first line; the lines under it start 8 px in.
 * (node-diagram.tsx draws text at these offsets.)
 */
export const ICON = 16;
export const CHIP_HEIGHT = 17;
/** Chips (a pod's containers, the units) sit closer together than the boxes. */
export const CHIP_GAP = 4;
/** Where line `line` of a part is drawn: after the state icon for the first line, 8 px in for the others. */
export const lineX = (box: Box, line: number, icon: boolean) => box.x + (line === 0 && icon ? ICON + 2 : 8);
/** How wide line `line` may be drawn before it meets the box's right edge. */
export const lineRoom = (box: Box, line: number, icon: boolean) => box.x + box.w - 6 - lineX(box, line, icon);

export type PartSpec = Omit<DiagramPart, "lines" | "label"> & {
  /** Words that are not drawn, said after the text (a state, a message). */
  detail?: string;
  /** A name of its own, for parts that are not links (a chip, the legend). */
  label?: string;
};

/** A part with its lines cut to fit its box and its label composed from its text and detail. */
export function makePart({ detail, label, ...spec }: PartSpec): DiagramPart {
  const icon = spec.health !== undefined;
  return {
    ...spec,
    lines: spec.text.map((text, i) => clip(text, lineRoom(spec.box, i, icon))),
    label: label ?? [spec.text.filter(Boolean).join(" "), detail].filter(Boolean).join(": "),
  };
}

/** Cut `text` to what fits in `width` at the drawing's font, ending with an ellipsis when cut. */
export function clip(text: string, width: number): string {
  const room = Math.max(1, Math.floor(width / CHAR_WIDTH + 1e-6));
  return text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1))}…`;
}

export const textWidth = (text: string) => text.length * CHAR_WIDTH;
export const blockHeight = (lines: number) => Math.round(8 + lines * LINE_HEIGHT);

/** Lay boxes of the given widths left to right, wrapping at `width`; returns their positions and the height used. */
export function flow(widths: number[], x0: number, y0: number, width: number, height: number, gap = GAP) {
  const boxes: Box[] = [];
  let x = x0;
  let y = y0;
  for (const w of widths) {
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += height + gap;
    }
    boxes.push({ x, y, w, h: height });
    x += w + gap;
  }
  return { boxes, bottom: boxes.length ? y + height : y0 };
}

/** Columns of equal width that fill `width`, none narrower than `min`. */
export function columns(width: number, min: number, most: number) {
  const count = Math.max(1, Math.min(most, Math.floor((width + GAP) / (min + GAP))));
  return { count, w: (width - GAP * (count - 1)) / count };
}
