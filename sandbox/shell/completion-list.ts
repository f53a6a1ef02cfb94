/**
 * How readline lists completions on a second Tab (complete.c rl_display_match_list, with
 * print-completions-horizontally off): sorted down the columns like `ls`, each column as wide
 * as the longest match plus two spaces (trailing ones too, as readline prints them), as many columns as fit the terminal (one fewer when
 * they would fill it exactly); file names show their last part, directories with their `/`.
 */

/** Ask before listing this many matches or more (rl_completion_query_items). */
export const QUERY_ITEMS = 100;

/** readline's printable_part: the part after the last `/` of a path (a directory keeps its own `/`). */
export function printablePart(match: string, filenames: boolean): string {
  if (!filenames) return match;
  const trimmed = match.endsWith("/") ? match.slice(0, -1) : match;
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0 || match === "/") return match;
  return match.slice(slash + 1);
}

/** The listing's rows (without line ends), for a terminal `columns` wide. */
export function matchRows(items: readonly string[], columns: number): string[] {
  const width = (s: string) => Array.from(s).length;
  const max = Math.max(...items.map(width)) + 2;
  let limit = Math.floor(columns / max);
  if (limit !== 1 && limit * max === columns) limit--;
  if (limit <= 0) limit = 1;
  const count = Math.ceil(items.length / limit);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    let row = "";
    for (let j = 0, l = i; j < limit && l < items.length; j++, l += count) {
      const item = items[l] as string;
      row += item;
      // every column but the last is padded to the column width, even at the end of a short row
      if (j + 1 < limit) row += " ".repeat(Math.max(1, max - width(item)));
    }
    rows.push(row);
  }
  return rows;
}
