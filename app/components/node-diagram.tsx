"use client";
/**
 * The live diagram of the node: paints what node-diagram-layout.ts placed. Each part says its
 * state three ways: colour, shape (the icon and the border: solid, dashed, dotted, thick) and
 * words (its text, and its label as tooltip and accessible name). A part about which a lesson
 * exists is a link to it, reachable with Tab. Loaded lazily by node-diagram-panel.tsx, once the
 * node has sent its first picture, so none of this is on the way to the terminal's prompt.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { ComponentLessons } from "@/lib/content/component-lessons";
import type { Health, NodeView } from "@/sandbox";
import { type DiagramPart, LINE_HEIGHT, layoutNode } from "./node-diagram-layout";

/** Until the panel has been measured: about half a wide screen. */
const FIRST_WIDTH = 560;

/** The state icon, centred at (x, y): a shape per health, so colour is never the only cue. */
function StateIcon({ health, x, y }: { health: Health; x: number; y: number }) {
  const className = `nd-icon nd-icon-${health}`;
  if (health === "ok") return <circle className={className} cx={x} cy={y} r={4.5} />;
  if (health === "progress") return <circle className={className} cx={x} cy={y} r={4} />;
  if (health === "stopped") return <rect className={className} x={x - 4} y={y - 4} width={8} height={8} />;
  return <path className={className} d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}`} />;
}

/** A part's box, icon and lines; chips (a pod's pause and containers) inside it. */
function PartBody({ part, chips }: { part: DiagramPart; chips: DiagramPart[] }) {
  const { box } = part;
  const oneLine = part.kind === "chip" || part.kind === "legend" || part.kind === "unit";
  const iconY = box.y + (oneLine ? box.h / 2 : 10.5);
  return (
    <>
      <title>{part.label}</title>
      {part.kind === "heading" || part.kind === "legend" ? null : (
        <rect
          className={`nd-box nd-${part.kind}${part.health ? ` nd-${part.health}` : ""}`}
          x={box.x + 0.5}
          y={box.y + 0.5}
          width={box.w - 1}
          height={box.h - 1}
          rx={part.kind === "chip" ? 3 : 6}
        />
      )}
      {part.health ? <StateIcon health={part.health} x={box.x + 10} y={iconY} /> : null}
      {part.lines.map((line, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: a part's lines are positional
          key={i}
          className={i === 0 ? "nd-name" : "nd-detail"}
          x={box.x + (i === 0 && part.health ? 18 : 8)}
          y={oneLine ? box.y + box.h / 2 + 4 : box.y + 14 + i * LINE_HEIGHT}
        >
          {line}
        </text>
      ))}
      {chips.map((chip) => (
        <g key={chip.id} className="nd-chip" data-part={chip.id}>
          <PartBody part={chip} chips={[]} />
        </g>
      ))}
    </>
  );
}

export default function NodeDiagram({ view, lessons }: { view: NodeView; lessons: ComponentLessons }) {
  const frame = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(FIRST_WIDTH);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const layout = useMemo(() => layoutNode(view, width), [view, width]);
  const chipsOf = useMemo(() => {
    const map = new Map<string, DiagramPart[]>();
    for (const part of layout.parts) if (part.parent) map.set(part.parent, [...(map.get(part.parent) ?? []), part]);
    return map;
  }, [layout]);

  return (
    <figure ref={frame} className="node-diagram-frame">
      <svg
        className="node-diagram-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
      >
        <title>{`The node ${view.hostname}, drawn from its live state`}</title>
        <rect className="nd-vm" x={1} y={1} width={layout.width - 2} height={layout.height - 2} rx={10} />
        {layout.parts
          .filter((part) => !part.parent)
          .map((part) => {
            const lesson = part.component ? lessons[part.component] : undefined;
            const body = <PartBody part={part} chips={chipsOf.get(part.id) ?? []} />;
            if (!lesson) {
              return (
                <g key={part.id} className="nd-part" data-part={part.id} data-health={part.health}>
                  {body}
                </g>
              );
            }
            return (
              <a
                key={part.id}
                className="nd-part nd-link"
                href={`/lessons/${lesson.slug}`}
                aria-label={`${part.label}. Open the lesson: ${lesson.title}`}
                data-part={part.id}
                data-health={part.health}
              >
                {body}
              </a>
            );
          })}
      </svg>
    </figure>
  );
}
