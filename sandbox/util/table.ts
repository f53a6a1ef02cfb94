/**
 * Go's text/tabwriter as the node's CLIs configure it. crictl: minwidth 20, tabwidth 1,
 * padding 3, padchar ' ' (cri-tools cmd/crictl/display.go). kubectl's printers: minwidth 0,
 * tabwidth 8, padding 3 (k8s.io/cli-runtime printers.GetNewTabWriter). Each cell but the
 * last is padded to the column's widest cell plus padding, at least minwidth.
 */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

export const CRICTL_TABWRITER: TabwriterOptions = { minWidth: 20, padding: 3 };
export const KUBECTL_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 3 };

export function tabwrite(rows: string[][], opts: TabwriterOptions): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length + opts.padding, opts.minWidth);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length)))
        .join(""),
    )
    .map((line) => `${line}\n`)
    .join("");
}
