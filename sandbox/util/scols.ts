/**
 * libsmartcols' table output as util-linux's findmnt and lsblk print it when stdout is not a
 * terminal (no truncation): each column as wide as its widest cell or header, one space
 * between columns, right-aligned columns padded on the left, and the last column left
 * unpadded (print_data: a left-aligned last cell is printed at its own length). A tree
 * column's cells carry their `├─`/`└─` drawing already.
 */
export interface ScolsColumn {
  header: string;
  right?: boolean;
}

export function scolsTable(columns: ScolsColumn[], rows: string[][], headings = true): string {
  const all = headings ? [columns.map((c) => c.header), ...rows] : rows;
  const widths = columns.map((_, i) => Math.max(0, ...all.map((r) => [...(r[i] ?? "")].length)));
  const last = columns.length - 1;
  return all
    .map((r) =>
      columns
        .map((c, i) => {
          const cell = r[i] ?? "";
          const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
          if (c.right) return fill + cell;
          return i === last ? cell : cell + fill;
        })
        .join(" "),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** The tree drawing of libsmartcols (UTF-8): a child's branch and the continuation of its parent's. */
export function treePrefixes<T>(roots: T[], children: (node: T) => T[]): { node: T; prefix: string }[] {
  const out: { node: T; prefix: string }[] = [];
  const walk = (nodes: T[], indent: string, top: boolean) => {
    nodes.forEach((n, i) => {
      const lastChild = i === nodes.length - 1;
      out.push({ node: n, prefix: top ? "" : `${indent}${lastChild ? "└─" : "├─"}` });
      walk(children(n), top ? "" : `${indent}${lastChild ? "  " : "│ "}`, false);
    });
  };
  walk(roots, "", true);
  return out;
}
