/**
 * How much one command line may do on this node. A real shell would run `while true; do :; done`
 * or `yes` for ever; here a line must end, quickly, with a clear error, and the page must stay
 * responsive. The limits count work, never wall time, so a line does the same thing on a slow
 * machine as on a fast one and snapshots replay exactly (DESIGN.md: one simulated clock).
 *
 * - Commands: 2,000 per line. just-bash costs ~7 µs per `:`, ~70 µs per `echo` and ~150 µs per
 *   node command (its per-command context and deadline timer), so `while true; do :; done` stops
 *   in ~30 ms and a loop of `echo` or `hostname` in well under a second; the lessons' longest
 *   lines run a few dozen commands. `seq` and loops that run no command stop at 100,000
 *   iterations (just-bash's default: `seq 1 90000 > file` is a fair way to fill a disk), awk, sed
 *   and jq loops at 10,000.
 * - Output: what reaches the terminal from one line is cut at OUTPUT_CAP_BYTES with a notice;
 *   the interpreter's own buffers (pipes, substitutions, strings) stop at 8 MiB.
 * - Simulated time: one line may move the node's clock by at most MAX_LINE_SIMULATED_MS
 *   (`sleep`), since simulating a day of node life takes real time.
 */

/** What one line may print to the terminal; the rest is dropped with OUTPUT_CAP_NOTICE. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;
export const OUTPUT_CAP_NOTICE = "... output truncated at 1 MiB (this node's terminal keeps 1 MiB per command line)\n";

/** The most simulated time one line may take (`sleep 1d` is fine; `sleep 30d` is refused). */
export const MAX_LINE_SIMULATED_MS = 7 * 86_400_000;

const BUFFER_BYTES = 8 * 1024 * 1024;

/** just-bash's execution limits (its ExecutionLimits), tightened from its generous defaults. */
export const EXECUTION_LIMITS = {
  maxCommandCount: 2_000,
  maxLoopIterations: 100_000,
  maxAwkIterations: 10_000,
  maxSedIterations: 10_000,
  maxJqIterations: 10_000,
  maxCallDepth: 100,
  maxSubstitutionDepth: 50,
  maxOutputSize: BUFFER_BYTES,
  maxStringLength: BUFFER_BYTES,
  maxHeredocSize: BUFFER_BYTES,
  maxSourceBytes: BUFFER_BYTES,
  maxBraceExpansionResults: 10_000,
  maxArrayElements: 100_000,
} as const;

/**
 * just-bash tells the embedding program how to raise a limit (`..., increase
 * executionLimits.maxCommandCount`); the learner cannot, so say what happened instead.
 */
export function explainLimit(stderr: string): string {
  return stderr.replace(/,? increase executionLimits\.\w+/g, " (this node stops runaway command lines)");
}

/**
 * Cut a line's output to what the terminal keeps. Returns the kept part and whether anything
 * was dropped. Lengths are UTF-16 code units, which for the shell's output is close enough to
 * bytes (multi-byte text is rare and only makes the cap slightly more generous).
 */
export function capOutput(text: string, alreadyPrinted = 0): { kept: string; truncated: boolean } {
  const room = Math.max(0, OUTPUT_CAP_BYTES - alreadyPrinted);
  return text.length <= room ? { kept: text, truncated: false } : { kept: text.slice(0, room), truncated: true };
}
