/**
 * Internal links in lesson bodies: `/lessons/<slug>` must name a lesson, `#anchor` a heading or an
 * exercise card on the page it points to, and other root paths (`/diagrams/x.svg`) a file in
 * public/. Relative links are refused: a lesson's URL is `/lessons/<slug>`, so `kubelet.mdx` or
 * `../kubelet` resolve to nothing, and a root path is what the base-path build prefixes.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createSlugger, RESERVED_IDS } from "../mdx/rehype-sections.mjs";
import type { BodyScan } from "./body";
import type { Problem } from "./problem";

/** Ids the page itself gives elements around the lesson text (app/layout.tsx, the lesson page, the search box). */
const PAGE_IDS = RESERVED_IDS;

/** Heading ids as the page gives them (lib/mdx/rehype-sections.mjs, github-slugger's rule), the page's own ids reserved. */
export function headingIds(headings: readonly string[]): string[] {
  const slug = createSlugger();
  return headings.map((text) => slug(text));
}

export interface LinkedLesson {
  slug: string;
  file: string;
  scan: BodyScan;
  exerciseIds: readonly string[];
}

/** The ids a lesson's page has: its headings', its exercise cards' and the page's own. */
function anchorsOf(lesson: LinkedLesson): Set<string> {
  return new Set([
    ...PAGE_IDS,
    ...headingIds(lesson.scan.headings.map((h) => h.value)),
    ...lesson.exerciseIds.map((id) => `exercise-${id}`),
  ]);
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const LESSON_PATH = /^\/lessons\/([^/?#]*)\/?$/;

export function checkLinks(lessons: readonly LinkedLesson[], publicDir = "public"): Problem[] {
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (lesson: LinkedLesson) => {
    const known = anchors.get(lesson.slug);
    if (known) return known;
    const set = anchorsOf(lesson);
    anchors.set(lesson.slug, set);
    return set;
  };
  const problems: Problem[] = [];
  for (const lesson of lessons) {
    for (const { value: href, line } of lesson.scan.links) {
      const at = { file: lesson.file, line };
      if (EXTERNAL.test(href)) continue;
      const [target = "", anchor] = href.split("#", 2) as [string, string | undefined];
      if (target === "") {
        if (anchor !== undefined && !anchorsFor(lesson).has(anchor)) {
          problems.push({ ...at, ...missingAnchor(href, anchor, lesson, "this lesson") });
        }
        continue;
      }
      if (!target.startsWith("/")) {
        problems.push({
          ...at,
          what: `link "${href}" is relative`,
          fix: `Link from the site's root: /lessons/<slug> for a lesson (e.g. /lessons/${slugOf(target)}), /diagrams/<file> for a file in public/.`,
        });
        continue;
      }
      const lessonPath = LESSON_PATH.exec(target.split("?")[0] as string);
      if (lessonPath) {
        const other = bySlug.get(lessonPath[1] as string);
        if (!other) {
          problems.push({
            ...at,
            what: `link "${href}" names no lesson`,
            fix: `Use one of ${
              [...bySlug.keys()]
                .sort()
                .map((s) => `/lessons/${s}`)
                .join(", ") || "the lessons"
            }.`,
          });
        } else if (anchor !== undefined && !anchorsFor(other).has(anchor)) {
          problems.push({ ...at, ...missingAnchor(href, anchor, other, other.file) });
        }
        continue;
      }
      if (target === "/" || isPublicFile(publicDir, target)) continue;
      problems.push({
        ...at,
        what: `link "${href}" points at nothing the site serves`,
        fix: `Put the file in ${publicDir}/${target.replace(/^\/+/, "")}, or link a lesson as /lessons/<slug>.`,
      });
    }
  }
  return problems;
}

function missingAnchor(href: string, anchor: string, lesson: LinkedLesson, where: string) {
  const ids = [...anchorsOf(lesson)].filter((id) => !PAGE_IDS.includes(id));
  return {
    what: `link "${href}": no heading or exercise with the id "${anchor}" in ${where}`,
    fix: `Use one of its ids: ${ids.map((id) => `#${id}`).join(", ") || "(it has no headings or exercises)"}.`,
  };
}

function slugOf(relative: string): string {
  return path.basename(relative.split(/[?#]/)[0] as string).replace(/\.mdx?$/, "") || "slug";
}

function isPublicFile(publicDir: string, target: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split("?")[0] as string);
  } catch {
    return false;
  }
  const file = path.join(publicDir, decoded);
  return existsSync(file) && statSync(file).isFile();
}
