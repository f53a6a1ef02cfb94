/**
 * node-problem-detector's kernel monitor (config/kernel-monitor.json, plugin kmsg): each new
 * kernel log record is matched against its rules. A temporary rule records a Warning event
 * with the rule's reason and the log line as message (OOMKilling, TaskHung, KernelOops, ...);
 * a permanent rule turns its condition True with that reason and the line as message
 * (KernelDeadlock DockerHung, ReadonlyFilesystem FilesystemIsReadOnly). Patterns as upstream.
 */
export interface KernelRule {
  type: "temporary" | "permanent";
  condition?: string;
  reason: string;
  pattern: RegExp;
}

export const KERNEL_MONITOR_SOURCE = "kernel-monitor";

export const KERNEL_RULES: KernelRule[] = [
  {
    type: "temporary",
    reason: "OOMKilling",
    pattern: /Killed process \d+ (.+) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB.*/,
  },
  { type: "temporary", reason: "TaskHung", pattern: /task [\S ]+:\w+ blocked for more than \w+ seconds\./ },
  {
    type: "temporary",
    reason: "UnregisterNetDevice",
    pattern: /unregister_netdevice: waiting for \w+ to become free. Usage count = \d+/,
  },
  { type: "temporary", reason: "KernelOops", pattern: /BUG: unable to handle kernel NULL pointer dereference at .*/ },
  { type: "temporary", reason: "KernelOops", pattern: /divide error: 0000 \[#\d+\] SMP/ },
  { type: "temporary", reason: "Ext4Error", pattern: /EXT4-fs error .*/ },
  { type: "temporary", reason: "Ext4Warning", pattern: /EXT4-fs warning .*/ },
  { type: "temporary", reason: "IOError", pattern: /Buffer I\/O error .*/ },
  { type: "temporary", reason: "MemoryReadError", pattern: /CE memory read error .*/ },
  {
    type: "permanent",
    condition: "KernelDeadlock",
    reason: "DockerHung",
    pattern: /task docker:\w+ blocked for more than \w+ seconds\./,
  },
  {
    type: "permanent",
    condition: "ReadonlyFilesystem",
    reason: "FilesystemIsReadOnly",
    pattern: /Remounting filesystem read-only/,
  },
];

/** The rules a kernel log line trips (every matching rule fires, as log_monitor.go does). */
export function matchKernelLog(message: string): KernelRule[] {
  return KERNEL_RULES.filter((r) => r.pattern.test(message));
}

/** util.GenerateConditionChangeEvent's message. */
export function conditionChangeMessage(type: string, status: string, reason: string, message: string): string {
  return `Node condition ${type} is now: ${status}, reason: ${reason}, message: ${JSON.stringify(message)}`;
}
