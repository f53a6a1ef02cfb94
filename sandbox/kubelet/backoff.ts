/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for container restarts and image
 * pulls (pkg/kubelet: backOffPeriod 10 s, MaxContainerBackOff 300 s, no jitter): each Next
 * doubles the delay up to the cap; an entry untouched for twice the cap starts over.
 */
export class Backoff {
  private readonly entries = new Map<string, { backoff: number; lastUpdate: number }>();

  constructor(
    private readonly now: () => number,
    private readonly initialMs = 10_000,
    private readonly maxMs = 300_000,
  ) {}

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.maxMs * 2;
  }

  next(id: string, eventTime: number): void {
    const entry = this.entries.get(id);
    if (!entry || this.expired(eventTime, entry.lastUpdate)) {
      this.entries.set(id, { backoff: this.initialMs, lastUpdate: this.now() });
      return;
    }
    entry.backoff = Math.min(entry.backoff * 2, this.maxMs);
    entry.lastUpdate = this.now();
  }

  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** Still backing off from something that happened at eventTime (a container's exit)? */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.expired(eventTime, entry.lastUpdate)) return false;
    return this.now() - eventTime < entry.backoff;
  }

  /** Still backing off from the last Next (a failed pull)? */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.expired(eventTime, entry.lastUpdate)) return false;
    return eventTime - entry.lastUpdate < entry.backoff;
  }

  /** When the current back-off, counted from `since`, runs out. */
  until(id: string, since: number): number {
    return since + this.get(id);
  }
}

export { goDuration } from "../util/time-format";
