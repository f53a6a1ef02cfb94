/**
 * The fuzz run: command lines from `commandLine` (lines.ts), drawn from one seed, fed to real
 * sandboxes in order (a fresh node every `linesPerNode` lines, so state piles up as it does in
 * a session). After each line:
 *
 * - exec resolved (never rejected) with a well-formed result and no `internal error` (the
 *   sandbox's net for a component that threw);
 * - it returned within the budget: the harness presses Ctrl-C `interruptAfterMs` after the line
 *   starts (a follow-mode command or a long sleep waits for exactly that), and the line must
 *   then end within `wallBudgetMs`; the simulated clock moved at most a line's limit;
 * - its output respects the cap (shell/limits.ts);
 * - the node's state is valid (invariants.ts).
 *
 * A failure names the seed, the line and the lines since that node booted, so
 * `npm run fuzz -- --seed N` (or replaying the lines) reproduces it.
 */
import fc from "fast-check";
import { createSandbox, type Sandbox, worldOf } from "../sandbox";
import { MAX_LINE_SIMULATED_MS, OUTPUT_CAP_BYTES, OUTPUT_CAP_NOTICE } from "../shell/limits";
import { checkInvariants } from "./invariants";
import { commandLine } from "./lines";

export interface FuzzOptions {
  seed: number;
  lines: number;
  linesPerNode?: number;
  interruptAfterMs?: number;
  wallBudgetMs?: number;
  /** Called before each line (`npm run fuzz -- --trace` prints it, to find a line that hangs). */
  beforeLine?: (index: number, line: string) => void;
  /** Called after each line (progress for the CLI). */
  onLine?: (index: number, line: string, ms: number) => void;
}

export interface FuzzFailure {
  seed: number;
  index: number;
  line: string;
  problems: string[];
  /** Every line run on this node before the failing one, oldest first. */
  history: string[];
}

export interface FuzzReport {
  seed: number;
  lines: number;
  slowest: { line: string; ms: number }[];
  failure?: FuzzFailure;
}

export function fuzzLines(seed: number, count: number): string[] {
  return fc.sample(commandLine, { seed, numRuns: count });
}

async function runOne(
  node: Sandbox,
  line: string,
  interruptAfterMs: number,
  wallBudgetMs: number,
): Promise<{ problems: string[]; ms: number }> {
  const world = worldOf(node);
  const before = world.clock.now();
  const started = performance.now();
  const ctrlC = setTimeout(() => node.interrupt(), interruptAfterMs);
  let timedOut: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timedOut = setTimeout(() => resolve("timeout"), interruptAfterMs + wallBudgetMs);
  });
  const problems: string[] = [];
  try {
    const result = await Promise.race([node.exec(line), deadline]);
    if (result === "timeout") {
      problems.push(`did not end within ${wallBudgetMs} ms of Ctrl-C`);
    } else {
      const { stdout, stderr, exitCode } = result;
      if (typeof stdout !== "string" || typeof stderr !== "string" || !Number.isInteger(exitCode))
        problems.push(`malformed result ${JSON.stringify(result).slice(0, 200)}`);
      else {
        if (stderr.includes("internal error")) problems.push(`internal error: ${stderr.slice(0, 500)}`);
        if (stdout.length > OUTPUT_CAP_BYTES) problems.push(`stdout of ${stdout.length} chars passed the cap`);
        if (stderr.length > OUTPUT_CAP_BYTES + OUTPUT_CAP_NOTICE.length)
          problems.push(`stderr of ${stderr.length} chars passed the cap`);
      }
    }
  } catch (e) {
    problems.push(`exec rejected: ${(e as Error)?.stack ?? String(e)}`);
  } finally {
    clearTimeout(ctrlC);
    clearTimeout(timedOut);
  }
  const ms = performance.now() - started;
  const moved = worldOf(node).clock.now() - before;
  // A line's own sleeps are capped; settling timers due at the end may add a tick.
  if (moved > MAX_LINE_SIMULATED_MS + 60_000) problems.push(`moved the clock by ${moved} ms`);
  try {
    problems.push(...checkInvariants(worldOf(node)));
  } catch (e) {
    problems.push(`invariant check threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  return { problems, ms };
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, linesPerNode = 150, interruptAfterMs = 100, wallBudgetMs = 5_000 } = options;
  const lines = fuzzLines(seed, options.lines);
  const timings: { line: string; ms: number }[] = [];
  let node = createSandbox();
  let history: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (history.length >= linesPerNode) {
      node = createSandbox();
      history = [];
    }
    options.beforeLine?.(index, line);
    const { problems, ms } = await runOne(node, line, interruptAfterMs, wallBudgetMs);
    timings.push({ line, ms });
    options.onLine?.(index, line, ms);
    if (problems.length > 0) {
      return { seed, lines: index + 1, slowest: slowest(timings), failure: { seed, index, line, problems, history } };
    }
    history.push(line);
  }
  return { seed, lines: lines.length, slowest: slowest(timings) };
}

const slowest = (timings: { line: string; ms: number }[]) =>
  [...timings]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((t) => ({ line: t.line.length > 120 ? `${t.line.slice(0, 117)}...` : t.line, ms: Math.round(t.ms) }));

/** A failure as text: the seed first, so it can be rerun. */
export function describeFailure(f: FuzzFailure): string {
  const show = (l: string) => JSON.stringify(l.length > 300 ? `${l.slice(0, 300)}...(${l.length} chars)` : l);
  return [
    `fuzz failure (seed ${f.seed}, line #${f.index}): ${show(f.line)}`,
    ...f.problems.map((p) => `  - ${p}`),
    `lines run on this node before it (${f.history.length}):`,
    ...f.history.map((l) => `  ${show(l)}`),
    `reproduce: npm run fuzz -- --seed ${f.seed} --lines ${f.index + 1}`,
  ].join("\n");
}
