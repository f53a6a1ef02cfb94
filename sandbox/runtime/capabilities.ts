/**
 * Linux capabilities of a container, as containerd's CRI plugin sets them from the
 * container's securityContext: privileged gets every capability the kernel knows; otherwise
 * containerd's default set (pkg/oci/spec.go defaultUnixCaps) plus `add`, minus `drop`.
 * Numbers are include/uapi/linux/capability.h's (kernel 5.15 knows 41).
 */
export const CAPABILITY_NUMBERS: Record<string, number> = {
  CHOWN: 0,
  DAC_OVERRIDE: 1,
  DAC_READ_SEARCH: 2,
  FOWNER: 3,
  FSETID: 4,
  KILL: 5,
  SETGID: 6,
  SETUID: 7,
  SETPCAP: 8,
  LINUX_IMMUTABLE: 9,
  NET_BIND_SERVICE: 10,
  NET_BROADCAST: 11,
  NET_ADMIN: 12,
  NET_RAW: 13,
  IPC_LOCK: 14,
  IPC_OWNER: 15,
  SYS_MODULE: 16,
  SYS_RAWIO: 17,
  SYS_CHROOT: 18,
  SYS_PTRACE: 19,
  SYS_PACCT: 20,
  SYS_ADMIN: 21,
  SYS_BOOT: 22,
  SYS_NICE: 23,
  SYS_RESOURCE: 24,
  SYS_TIME: 25,
  SYS_TTY_CONFIG: 26,
  MKNOD: 27,
  LEASE: 28,
  AUDIT_WRITE: 29,
  AUDIT_CONTROL: 30,
  SETFCAP: 31,
  MAC_OVERRIDE: 32,
  MAC_ADMIN: 33,
  SYSLOG: 34,
  WAKE_ALARM: 35,
  BLOCK_SUSPEND: 36,
  AUDIT_READ: 37,
  PERFMON: 38,
  BPF: 39,
  CHECKPOINT_RESTORE: 40,
};

/** containerd 1.7's defaultUnixCaps, in its order. */
export const DEFAULT_CAPABILITIES = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "MKNOD",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETFCAP",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL",
  "AUDIT_WRITE",
];

export interface SecurityContext {
  privileged?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
}

const bare = (cap: string) => cap.toUpperCase().replace(/^CAP_/, "");

/** The container's capability names, without the `CAP_` prefix, in containerd's order. */
export function containerCapabilities(sc: SecurityContext | undefined): string[] {
  if (sc?.privileged) return Object.keys(CAPABILITY_NUMBERS);
  const drop = (sc?.capabilities?.drop ?? []).map(bare);
  const caps = drop.includes("ALL") ? [] : DEFAULT_CAPABILITIES.filter((c) => !drop.includes(c));
  for (const c of (sc?.capabilities?.add ?? []).map(bare)) {
    if (c === "ALL") return Object.keys(CAPABILITY_NUMBERS);
    if (c in CAPABILITY_NUMBERS && !caps.includes(c)) caps.push(c);
  }
  return caps;
}

/** The mask /proc/<pid>/status prints for CapEff/CapPrm/CapBnd: 16 hex digits. */
export function capabilityMask(caps: string[]): string {
  let mask = 0n;
  for (const c of caps) mask |= 1n << BigInt(CAPABILITY_NUMBERS[c] ?? 0);
  return mask.toString(16).padStart(16, "0");
}
