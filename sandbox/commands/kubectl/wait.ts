/**
 * While kubectl waits (delete's --wait, drain's wait for evicted pods) the node's time runs
 * on: the clock advances a second at a time until the condition holds, Ctrl-C stops it
 * (status 130, as the shell reports SIGINT), and the host gets a turn now and then so the
 * page stays responsive. A wait that can never end (a pod Terminating on a node whose
 * kubelet is down) runs until interrupted, as the real client does.
 */

import type { World } from "../../world";
import type { CommandIo } from "../types";

const STEP_MS = 1_000;
const STEPS_PER_YIELD = 600;

/** Resolves true when `done()` holds, false when interrupted. */
export async function waitFor(world: World, io: CommandIo, done: () => boolean): Promise<boolean> {
  let steps = 0;
  while (!done()) {
    if (io.signal?.aborted) return false;
    world.clock.advance(STEP_MS);
    if (++steps % STEPS_PER_YIELD === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return true;
}
