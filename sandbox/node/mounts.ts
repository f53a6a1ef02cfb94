/**
 * The node's mount table, in mount order (what /proc/mounts, `mount` and `df` read). The
 * host's own mounts are fixed (an Azure Gen2 Ubuntu 22.04 VM: root on sda1, EFI on sda15,
 * the temp disk on sdb1, systemd's tmpfs and pseudo filesystems); the runtime and the kubelet
 * add theirs as containers start and pods get volumes, through providers.
 */
export interface FsStats {
  /** In 1K blocks, as statfs(2) scaled by df. */
  sizeK: number;
  usedK: number;
  availK: number;
  inodes: number;
  iused: number;
  ifree: number;
}

export interface Mount {
  source: string;
  target: string;
  fstype: string;
  /** Mount options as /proc/mounts prints them. */
  options: string;
  /** statfs of the filesystem; pseudo filesystems (proc, sysfs, cgroup2, ...) have none and df skips them. */
  stats?: () => FsStats;
  /** The block device df and lsblk name (`/dev/root` is the kernel's name for root=PARTUUID=...). */
  device?: string;
  /**
   * The directory of the filesystem that is mounted (mountinfo's root field) when not its
   * top: a bind mount's source directory, an nsfs mount's `net:[inode]`. findmnt shows it.
   */
  root?: string;
}

export type MountProvider = () => Mount[];

export class MountTable {
  private readonly providers: MountProvider[] = [];

  add(provider: MountProvider): void {
    this.providers.push(provider);
  }

  all(): Mount[] {
    return this.providers.flatMap((p) => p());
  }
}

/** /proc/mounts: `source target fstype options 0 0`, spaces in names octal-escaped. */
export function procMounts(mounts: Mount[]): string {
  const esc = (s: string) => s.replace(/ /g, "\\040");
  return mounts.map((m) => `${esc(m.source)} ${esc(m.target)} ${m.fstype} ${m.options} 0 0\n`).join("");
}

/** A tmpfs of `sizeK` holding `usedK` (4K pages), inodes as the kernel sizes them (half the pages). */
export function tmpfsStats(sizeK: number, usedK: number, files = 1): FsStats {
  const inodes = Math.floor(sizeK / 4 / 2) || 1;
  return { sizeK, usedK, availK: sizeK - usedK, inodes, iused: files, ifree: inodes - files };
}

/**
 * The mount each one sits on (mountinfo's parent ID), as indexes into `mounts`: the latest
 * earlier mount whose target is the same path (an overmount) or contains it. The first, `/`,
 * has none.
 */
export function mountParents(mounts: Mount[]): (number | undefined)[] {
  const contains = (outer: string, inner: string) => outer === inner || outer === "/" || inner.startsWith(`${outer}/`);
  return mounts.map((m, i) => {
    let best: number | undefined;
    for (let j = 0; j < i; j++) {
      const t = (mounts[j] as Mount).target;
      if (!contains(t, m.target)) continue;
      // The deepest mount point wins; of two at the same place, the later (on top).
      if (best === undefined || t.length >= (mounts[best] as Mount).target.length) best = j;
    }
    return best;
  });
}
