/**
 * One file's section of `git diff` output, as git 2.34 prints it (diff.c, xdiff/xemit.c):
 * the `diff --git` header, mode and index lines with 7-character blob ids, `---`/`+++`, and
 * hunks with 3 lines of context whose header carries the nearest line above that starts with
 * a letter, `_` or `$` (git's default funcname rule).
 */
import { structuredPatch } from "diff";

export interface DiffSide {
  oid: string;
  mode: string;
  text: string;
}

const ZERO = "0000000";
const short = (oid: string) => oid.slice(0, 7);

function funcname(lines: string[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (/^[A-Za-z_$]/.test(line)) return ` ${line.slice(0, 80).trimEnd()}`;
  }
  return "";
}

const range = (start: number, count: number) =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;

export function unifiedDiff(path: string, a: DiffSide | undefined, b: DiffSide | undefined): string {
  let out = `diff --git a/${path} b/${path}\n`;
  if (!a && b) out += `new file mode ${b.mode}\nindex ${ZERO}..${short(b.oid)}\n`;
  else if (a && !b) out += `deleted file mode ${a.mode}\nindex ${short(a.oid)}..${ZERO}\n`;
  else if (a && b) {
    if (a.mode !== b.mode) out += `old mode ${a.mode}\nnew mode ${b.mode}\n`;
    if (a.oid === b.oid) return out;
    out += `index ${short(a.oid)}..${short(b.oid)}${a.mode === b.mode ? ` ${a.mode}` : ""}\n`;
  }
  const oldText = a?.text ?? "";
  const newText = b?.text ?? "";
  out += `--- ${a ? `a/${path}` : "/dev/null"}\n+++ ${b ? `b/${path}` : "/dev/null"}\n`;
  const oldLines = oldText.split("\n");
  for (const h of structuredPatch("", "", oldText, newText, "", "", { context: 3 }).hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@${funcname(oldLines, h.oldStart - 1)}\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

/** Added and removed lines, for `git commit`'s summary. */
export function lineCounts(oldText: string, newText: string): { insertions: number; deletions: number } {
  let insertions = 0;
  let deletions = 0;
  for (const h of structuredPatch("", "", oldText, newText, "", "", { context: 0 }).hunks) {
    for (const line of h.lines) {
      if (line.startsWith("+")) insertions++;
      else if (line.startsWith("-")) deletions++;
    }
  }
  return { insertions, deletions };
}
