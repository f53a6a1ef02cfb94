/** TEMPORARY stub while the engine lands; the shape below is the contract. */
import type { Check, CheckResult } from "./grading/schema";

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface SandboxClock {
  /** Simulated wall time, ms since the Unix epoch. */
  now(): number;
  /** Move simulated time forward; every controller due in between runs, in order. */
  advance(ms: number): void;
}

export interface SandboxOptions {
  /** Start state; defaults to `healthy`. Unknown names throw with the list of known ones. */
  scenario?: string;
  seed?: number;
}

export type SandboxSnapshot = { readonly scenario: string; readonly data: unknown };

export interface Sandbox {
  readonly scenario: string;
  readonly clock: SandboxClock;
  /** Run one command line (pipes, `;`, `&&`, redirects) as root on the node. Never rejects. */
  exec(line: string): Promise<ExecResult>;
  /** The shell prompt for the current directory, e.g. `root@aks-nodepool1-12345678-vmss000000:~# `. */
  prompt(): string;
  check(check: Check): CheckResult;
  /** Called after any state change (a command ran, the clock moved). Returns an unsubscribe function. */
  onChange(fn: () => void): () => void;
  snapshot(): SandboxSnapshot;
  restore(snapshot: SandboxSnapshot): void;
}

export const scenarioNames: readonly string[] = ["healthy"];

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  let now = Date.UTC(2025, 9, 30, 16, 5, 0);
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const fn of listeners) fn();
  };
  return {
    scenario: options.scenario ?? "healthy",
    clock: {
      now: () => now,
      advance(ms) {
        now += ms;
        emit();
      },
    },
    async exec(line) {
      emit();
      if (line.trim() === "hostname") return { stdout: "aks-nodepool1-12345678-vmss000000\n", stderr: "", exitCode: 0 };
      const name = line.trim().split(/\s+/)[0] ?? "";
      return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
    },
    prompt: () => "root@aks-nodepool1-12345678-vmss000000:~# ",
    check: () => ({ pass: false, detail: "stub" }),
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    snapshot: () => ({ scenario: "healthy", data: null }),
    restore() {},
  };
}
