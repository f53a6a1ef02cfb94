/**
 * The plugins' log files as azure-container-networking writes them since v1.5 (zaplog/zaplog.go:
 * zap's production JSON encoder with the ISO8601 time encoder, a `pid` field on every line):
 * `{"level":"info","ts":"2025-10-30T14:05:12.123Z","msg":"...","pid":4242,...}`. Each plugin
 * run is its own short-lived process, hence its own pid.
 */
import type { NodeFs } from "../node/fs";
import { sha256Hex } from "../util/sha256";

export type ZapFields = Record<string, unknown>;

export function zapLine(level: "info" | "error", ms: number, msg: string, pid: number, fields: ZapFields = {}): string {
  return `${JSON.stringify({ level, ts: new Date(ms).toISOString(), msg, pid, ...fields })}\n`;
}

/**
 * The pid a plugin run had: derived from what the run was for, so it is stable across runs of
 * the simulation without drawing from the process table (it exits before anything could see it).
 */
export function pluginPid(key: string): number {
  return 4200 + (Number.parseInt(sha256Hex(`cni-pid:${key}`).slice(0, 6), 16) % 20000);
}

/** One plugin run's logger: every line carries the run's pid and goes to the plugin's file. */
export function runLogger(fs: NodeFs, path: string, now: () => number, pid: number) {
  return (msg: string, fields: ZapFields = {}, level: "info" | "error" = "info") =>
    fs.appendFileSync(path, zapLine(level, now(), msg, pid, fields));
}
