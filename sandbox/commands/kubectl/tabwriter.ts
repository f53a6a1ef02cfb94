/**
 * Go's text/tabwriter, column blocks and all (format() in src/text/tabwriter/tabwriter.go):
 * cells are tab-terminated; a column's width is set per block of consecutive lines that have
 * a cell in that column, so a line without tabs ends every block. kubectl describe writes
 * its whole output through one with minwidth 0, tabwidth 8, padding 2, padchar ' '
 * (describe.go tabbedString); `Flush` there is a block boundary, marked here by "\f".
 */
export function goTabwrite(text: string, minWidth = 0, padding = 2): string {
  return text
    .split("\f")
    .map((part) => formatPart(part, minWidth, padding))
    .join("");
}

function formatPart(text: string, minWidth: number, padding: number): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const widths: number[] = [];
  const out: string[] = [];
  const len = (s: string) => [...s].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] as string[];
      out.push(
        cells
          .map((c, j) =>
            j < cells.length - 1 && j < widths.length ? c + " ".repeat((widths[j] as number) - len(c)) : c,
          )
          .join(""),
      );
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i] as string[]).length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let width = minWidth;
      for (; i < line1; i++) {
        const cells = lines[i] as string[];
        if (column >= cells.length - 1) break;
        width = Math.max(width, len(cells[column] as string) + padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--; // the outer loop's i++ must look at line `i` again
    }
    writeLines(line0, line1);
  };
  // writeLines is called with half-open ranges; the recursion mirrors Go's exactly.
  const wrapped = (): void => format(0, lines.length);
  wrapped();
  return out.join("\n");
}
