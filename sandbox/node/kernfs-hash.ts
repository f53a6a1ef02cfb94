/**
 * The order in which the kernel lists a kernfs directory (cgroupfs, sysfs): children live in
 * a red-black tree sorted by kernfs_name_hash (fs/kernfs/dir.c), then by name. The hash is
 * the dcache's string hash (include/linux/stringhash.h partial_name_hash, end_name_hash =
 * hash_64 with GOLDEN_RATIO_64 on a 64-bit kernel), kept to 31 bits with 0, 1 and INT_MAX
 * reserved. readdir(3) on /sys/fs/cgroup/system.slice, and so systemd-cgls, sees this order.
 */
const MASK64 = (1n << 64n) - 1n;
const GOLDEN_RATIO_64 = 0x61c8864680b583ebn;
const INT_MAX = 0x7fffffffn;

export function kernfsNameHash(name: string): number {
  let hash = 0n; // init_name_hash(ns), ns = NULL
  for (const byte of new TextEncoder().encode(name)) {
    const c = BigInt(byte);
    hash = ((hash + (c << 4n) + (c >> 4n)) * 11n) & MASK64;
  }
  let h = (((hash * GOLDEN_RATIO_64) & MASK64) >> 32n) & INT_MAX;
  if (h < 2n) h += 2n;
  if (h >= INT_MAX) h = INT_MAX - 1n;
  return Number(h);
}

/** Names in kernfs readdir order. */
export function kernfsOrder(names: string[]): string[] {
  return [...names].sort((a, b) => kernfsNameHash(a) - kernfsNameHash(b) || (a < b ? -1 : a > b ? 1 : 0));
}
