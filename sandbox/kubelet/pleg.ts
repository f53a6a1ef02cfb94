/**
 * The kubelet's pod lifecycle event generator, as far as node health goes
 * (pkg/kubelet/pleg/generic.go): every second it relists the runtime's pods; the time a relist
 * started is remembered once the relist succeeds. Healthy() fails when the last good relist is
 * older than the 3-minute threshold, and the kubelet's runtime state then adds
 * `PLEG is not healthy: <that error>` to its runtime errors (pkg/kubelet/runtime.go), which
 * the Ready condition and the sync loop's "Skipping pod synchronization" report.
 * (Container exits reach the pod workers through containerd's events, pod-workers.ts.)
 */
import type { SimClock } from "../clock";
import { goDurationString } from "../util/time-format";

/** generic.go: relistPeriod 1s, RelistThreshold 3m. */
export const RELIST_PERIOD_MS = 1_000;
export const RELIST_THRESHOLD_MS = 3 * 60_000;

export class Pleg {
  private lastRelist?: number;
  private timer?: number;

  constructor(
    private readonly clock: SimClock,
    /** One relist: true when the runtime answered ListPodSandbox/ListContainers. */
    private readonly relist: () => boolean,
    /** Called after each relist that failed (the runtime is unreachable). */
    private readonly onFailure: () => void = () => {},
  ) {}

  /** `phaseMs`: the PLEG starts a little after the kubelet's other loops, so its ticks fall between theirs. */
  start(phaseMs = 0): () => void {
    const tick = () => {
      const startedAt = this.clock.now();
      if (this.relist()) this.lastRelist = startedAt;
      else this.onFailure();
    };
    // wait.Until: the first relist at once, then every period.
    tick();
    this.timer = this.clock.setInterval(tick, RELIST_PERIOD_MS, phaseMs || RELIST_PERIOD_MS);
    return () => this.clock.clearTimer(this.timer);
  }

  /** undefined when healthy, else the error Healthy() returns. */
  healthError(): string | undefined {
    if (this.lastRelist === undefined) return "pleg has yet to be successful";
    const elapsed = this.clock.now() - this.lastRelist;
    if (elapsed <= RELIST_THRESHOLD_MS) return undefined;
    return `pleg was last seen active ${goDurationString(elapsed * 1000)} ago; threshold is ${goDurationString(RELIST_THRESHOLD_MS * 1000)}`;
  }
}
