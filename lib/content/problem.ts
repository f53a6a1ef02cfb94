/**
 * One authoring mistake, as every content tool prints it:
 *
 *   content/kubelet.mdx:12: exercises[1].check.kind: got "units", expected one of unit, ... — Did you mean "unit"? ...
 *
 * `file:line:` first, so editors and terminals turn it into a link to the place; then what is wrong, then,
 * after the dash, how to fix it.
 */
export interface Problem {
  /** The file, relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line in the file (1 when the problem is about the whole file). */
  line: number;
  what: string;
  fix: string;
}

export function formatProblem({ file, line, what, fix }: Problem): string {
  return `${file}:${line}: ${what} — ${fix}`;
}

/** Problems in reading order: by file, then by line (stable for problems on the same line). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
