"use client";
/**
 * The live diagram of the node: paints what node-diagram-layout.ts placed. Each part says its
 * state three ways: colour, shape (the icon and the border: solid, dashed, dotted, thick) and
 * words (its text, and its label as tooltip and accessible name). A part about which a lesson
 * exists is a link to it, reachable with Tab. Loaded lazily by node-diagram-panel.tsx, once the
 * node has sent its first picture, so none of this is on the way to the terminal's prompt.
 */
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import type { ComponentLessons } from "@/lib/content/component-lessons";
import type { Health, NodeView } from "@/sandbox";
import { CHAR_WIDTH, type DiagramPart, LINE_HEIGHT, layoutNode, lineX } from "./node-diagram-layout";

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

const ONE_LINE = new Set(["chip", "legend", "unit", "network", "heading"]);

/**
 * One line of a part. A line cut short is still written in full (its name and what assistive
 * technology reads must hold the whole words); a nested <svg> clips it where the ellipsis goes.
 * Each line ends with a space, which SVG does not draw: without it the lines' words run together
 * when their text is read as one (axe's visible text of a link joins its text nodes as they are).
 */
function Line({ part, index }: { part: DiagramPart; index: number }) {
  const { box } = part;
  const x = lineX(box, index, part.health !== undefined);
  const y = ONE_LINE.has(part.kind) ? box.y + box.h / 2 + 4 : box.y + 14 + index * LINE_HEIGHT;
  const className = index === 0 ? "nd-name" : "nd-detail";
  const full = part.text[index] ?? "";
  const shown = part.lines[index] ?? "";
  if (shown === full) {
    return (
      <text className={className} x={x} y={y}>
        {`${full} `}
      </text>
    );
  }
  const kept = (shown.length - 1) * CHAR_WIDTH;
  return (
    <>
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: a viewport that clips a line of text, not a picture */}
      <svg x={x} y={box.y} width={kept} height={box.h} overflow="hidden">
        <text className={className} x={0} y={y - box.y}>
          {`${full} `}
        </text>
      </svg>
      <text className={className} x={x + kept} y={y}>
        {"… "}
      </text>
    </>
  );
}

/** A part's box, icon and lines. */
function PartDrawing({ part }: { part: DiagramPart }) {
  const { box } = part;
  const iconY = box.y + (ONE_LINE.has(part.kind) ? box.h / 2 : 10.5);
  return (
    <>
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
      {part.lines.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a part's lines are positional
        <Line key={i} part={part} index={i} />
      ))}
    </>
  );
}

/**
 * A part, named by its <title> (the tooltip, and the name SVG-AAM gives the group), and a link
 * to its lesson when there is one. The title sits beside the link, not in it: a link's name must
 * contain its visible text (WCAG 2.5.3), and a title inside would count as text of the link.
 */
function Part({ part, lessons }: { part: DiagramPart; lessons: ComponentLessons }) {
  const lesson = part.component ? lessons[part.component] : undefined;
  return (
    <g className="nd-part" data-part={part.id} data-health={part.health}>
      <title>{part.label}</title>
      {lesson ? (
        <a
          className="nd-link"
          href={`/lessons/${lesson.slug}`}
          aria-label={`${part.label}. Open the lesson: ${lesson.title}`}
        >
          <PartDrawing part={part} />
        </a>
      ) : (
        <PartDrawing part={part} />
      )}
    </g>
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
          .map((part) => (
            // A pod's chips follow its link rather than sit in it: the link's name is the pod's
            // text, and each chip is read on its own with its container's state.
            <Fragment key={part.id}>
              <Part part={part} lessons={lessons} />
              {(chipsOf.get(part.id) ?? []).map((chip) => (
                <Part key={chip.id} part={chip} lessons={lessons} />
              ))}
            </Fragment>
          ))}
      </svg>
    </figure>
  );
}
