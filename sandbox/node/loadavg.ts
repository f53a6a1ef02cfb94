/**
 * The kernel's load averages (kernel/sched/loadavg.c: exponentially damped counts of
 * runnable tasks over 1, 5 and 15 minutes). Modelled, not counted: an idle 2-vCPU AKS node
 * hovers around 0.1-0.4 from its daemons' wake-ups. Derived from the simulated clock alone
 * so uptime, top and /proc/loadavg agree at any instant and replay identically.
 */
export interface LoadAverage {
  one: number;
  five: number;
  fifteen: number;
}

/** `busy`: the summed CPU share of the node's processes (0.05 for the kubelet and containerd). */
export function loadAverage(nowMs: number, bootMs: number, busy: number): LoadAverage {
  const up = Math.max(0, (nowMs - bootMs) / 1000);
  // The first minutes after boot carry the boot's own work (cloud-init, the CSE, image loads).
  const boot = (window: number) => 1.6 * Math.exp(-up / window);
  const wave = (period: number, phase: number) => 0.5 + 0.5 * Math.sin(up / period + phase);
  const base = 0.12 + busy * 2;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    one: round(base + 0.22 * wave(41, 0.7) + boot(60)),
    five: round(base + 0.12 * wave(173, 1.9) + boot(300)),
    fifteen: round(base + 0.07 * wave(557, 2.6) + boot(900)),
  };
}
