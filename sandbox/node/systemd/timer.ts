/**
 * Timer units (systemd.timer(5), src/core/timer.c timer_enter_waiting): when a timer next
 * elapses, from its OnBootSec=/OnActiveSec=/OnUnitActiveSec= (monotonic, relative to boot,
 * to the timer's own activation, to the last activation of the unit it starts) and its
 * OnCalendar= (realtime) settings; the earliest wins. A monotonic point the timer already
 * fired at or after is spent. RandomizedDelaySec= adds a delay systemd draws at random; here
 * it is drawn from a hash of the unit and the point, so a node replays the same way.
 * AccuracySec= lets systemd coalesce wake-ups up to a minute late; this manager fires on time.
 */
import { sha256Hex } from "../../util/sha256";
import { nextElapse } from "./calendar";
import { parseSeconds } from "./timespan";
import { setting, settingList, type UnitDefinition } from "./unit-file";

export interface TimerState {
  /** When the timer unit was last started (OnActiveSec='s base). */
  activatedAt: number;
  lastTriggerAt?: number;
  nextElapseAt?: number;
  handle?: number;
}

/** The unit a timer starts: Unit=, or the timer's own name as a service. */
export function timerTarget(def: UnitDefinition): string {
  return setting(def, "Timer.Unit") ?? def.name.replace(/\.timer$/, ".service");
}

function randomDelay(def: UnitDefinition, point: number): number {
  const max = parseSeconds(setting(def, "Timer.RandomizedDelaySec") ?? "0");
  if (max <= 0) return 0;
  return Number.parseInt(sha256Hex(`${def.name}@${point}`).slice(0, 12), 16) % max;
}

export interface TimerClock {
  now: number;
  bootTime: number;
  /** When the timer's unit last left the inactive state, if ever (OnUnitActiveSec='s base). */
  targetActivatedAt?: number;
}

/** The next elapse, or undefined when every setting is spent (the timer is `elapsed`). */
export function nextTimerElapse(def: UnitDefinition, state: TimerState, clock: TimerClock): number | undefined {
  const candidates: number[] = [];
  const monotonic = (key: string, base: number | undefined) => {
    if (base === undefined) return;
    for (const value of settingList(def, key)) {
      const point = base + parseSeconds(value);
      if (state.lastTriggerAt !== undefined && state.lastTriggerAt >= point) continue;
      candidates.push(Math.max(clock.now, point + randomDelay(def, point)));
    }
  };
  monotonic("Timer.OnBootSec", clock.bootTime);
  monotonic("Timer.OnStartupSec", clock.bootTime);
  monotonic("Timer.OnActiveSec", state.activatedAt);
  monotonic("Timer.OnUnitActiveSec", clock.targetActivatedAt);
  for (const expression of settingList(def, "Timer.OnCalendar")) {
    const point = nextElapse(expression, Math.max(clock.now, state.lastTriggerAt ?? 0));
    if (point !== undefined) candidates.push(point + randomDelay(def, point));
  }
  return candidates.length ? Math.min(...candidates) : undefined;
}
