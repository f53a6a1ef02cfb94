/**
 * GNU coreutils `sleep NUMBER[smhd]...`: the arguments add up, fractions allowed. On this
 * node it advances the simulated clock, so `sleep 60` lets a minute of node life happen at
 * once. Long sleeps run in chunks and yield to the host between them, so the page stays
 * responsive and Ctrl-C (the exec's abort signal) stops the sleep where it is, exit 130.
 * One command line may move the clock by at most a week (shell/limits.ts): simulating node
 * life costs real time, so a longer sleep is refused before it starts and changes nothing.
 */
import { MAX_LINE_SIMULATED_MS } from "../../shell/limits";
import { type Command, fail, ok } from "../types";

const UNIT_MS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Simulated time per chunk, and chunks between yields to the host. */
const CHUNK_MS = 60_000;
const CHUNKS_PER_YIELD = 30;

const usage = "Try 'sleep --help' for more information.\n";

export function parseSleep(args: string[]): number | string {
  if (args.length === 0) return `sleep: missing operand\n${usage}`;
  let total = 0;
  for (const arg of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) return `sleep: invalid time interval '${arg}'\n${usage}`;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 1000);
  }
  return total;
}

export const sleep: Command = async (args, io, world) => {
  const parsed = parseSleep(args);
  if (typeof parsed === "string") return fail(parsed);
  // Ctrl-C that landed before the sleep started wins over any complaint about its length.
  if (io.signal?.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  const used = world.clock.now() - world.lineStartedAt;
  if (used + parsed > MAX_LINE_SIMULATED_MS)
    return fail("sleep: this node simulates at most 7 days per command line; sleep in shorter steps\n");
  let left = Math.round(parsed);
  let chunks = 0;
  while (left > 0) {
    if (io.signal?.aborted) return { stdout: "", stderr: "", exitCode: 130 };
    const step = Math.min(left, CHUNK_MS);
    world.clock.advance(step);
    left -= step;
    if (++chunks % CHUNKS_PER_YIELD === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return ok();
};
