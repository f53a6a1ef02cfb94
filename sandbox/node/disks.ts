/**
 * The node's disks and what fills them. A Standard_D2as_v4 with a 128 GiB Premium SSD OS disk
 * (sda: sda1 root ext4, sda14 BIOS boot, sda15 EFI vfat) and a 16 GiB temp disk (sdb1 ext4 on
 * /mnt). Root's usage is a model: the VHD's own footprint plus the container images containerd
 * holds, plus every byte stored in the node's files outside the tmpfs and pseudo mounts (pod
 * logs, the journal, what the learner writes). df, the kubelet's eviction manager and lsblk
 * all read it, so they agree.
 */
import type { NodeFs } from "./fs";
import { type FsStats, type Mount, tmpfsStats } from "./mounts";

/** ext4 on sda1 as statfs reports it (1K blocks): the kubelet's ephemeral-storage capacity too. */
export const ROOT_SIZE_K = 129_886_128;
/** ext4 reserves 5% for root (mke2fs -m 5); df's Avail leaves it out. */
const ROOT_RESERVED_K = 6_494_306;
const ROOT_INODES = 16_384_000;
/** The AKS VHD's footprint on / before this node's images count: OS, packages, cached artifacts. */
const VHD_USED_K = 20_117_412;
const VHD_INODES = 301_244;
/**
 * Stored paths not counted on top of the VHD's footprint: other filesystems, and the
 * binaries' directories (the VHD_USED_K figure has them; the shell's command stubs live there).
 */
const NOT_ON_ROOT = ["/proc", "/sys", "/dev", "/run", "/mnt", "/boot/efi", "/bin", "/sbin", "/lib", "/usr"];

export interface DiskModelDeps {
  fs: NodeFs;
  /** Bytes the runtime's content store and snapshots take (images unpacked, writable layers). */
  runtimeBytes: () => number;
  memTotalK: number;
}

export class DiskModel {
  constructor(private readonly deps: DiskModelDeps) {}

  /** statfs("/"): what df shows for /dev/root and the kubelet's nodefs signals use. */
  root(): FsStats {
    const files = this.deps.fs.usage("/", NOT_ON_ROOT);
    const usedK = Math.min(
      ROOT_SIZE_K,
      VHD_USED_K + Math.ceil(this.deps.runtimeBytes() / 1024) + Math.ceil(files.bytes / 1024),
    );
    const iused = VHD_INODES + files.inodes;
    return {
      sizeK: ROOT_SIZE_K,
      usedK,
      availK: Math.max(0, ROOT_SIZE_K - ROOT_RESERVED_K - usedK),
      inodes: ROOT_INODES,
      iused,
      ifree: ROOT_INODES - iused,
    };
  }

  /** tmpfs /run: 10% of RAM; holds sockets, pid files and what is stored under /run. */
  run(): FsStats {
    const files = this.deps.fs.usage("/run");
    return tmpfsStats(Math.floor(this.deps.memTotalK / 10), 1_096 + Math.ceil(files.bytes / 1024), files.inodes + 812);
  }

  /** The host's own mounts, in the order systemd and fstab make them on an Azure Gen2 VM. */
  hostMounts(): Mount[] {
    const mem = this.deps.memTotalK;
    const stat = (s: FsStats) => () => s;
    return [
      // Booted without an initramfs (Ubuntu's Azure images): the kernel mounts root, named
      // /dev/root, and devtmpfs itself; systemd mounts the rest.
      {
        source: "/dev/root",
        target: "/",
        fstype: "ext4",
        options: "rw,relatime,discard",
        stats: () => this.root(),
        device: "sda1",
      },
      {
        source: "devtmpfs",
        target: "/dev",
        fstype: "devtmpfs",
        options: `rw,relatime,size=${Math.floor(mem / 2) - 2_780}k,nr_inodes=${Math.floor(mem / 8) + 3_921},mode=755,inode64`,
        stats: stat(tmpfsStats(Math.floor(mem / 2) - 2_780, 0, 412)),
      },
      { source: "proc", target: "/proc", fstype: "proc", options: "rw,nosuid,nodev,noexec,relatime" },
      { source: "sysfs", target: "/sys", fstype: "sysfs", options: "rw,nosuid,nodev,noexec,relatime" },
      {
        source: "securityfs",
        target: "/sys/kernel/security",
        fstype: "securityfs",
        options: "rw,nosuid,nodev,noexec,relatime",
      },
      {
        source: "tmpfs",
        target: "/dev/shm",
        fstype: "tmpfs",
        options: "rw,nosuid,nodev,inode64",
        stats: stat(tmpfsStats(Math.floor(mem / 2), 0)),
      },
      {
        source: "devpts",
        target: "/dev/pts",
        fstype: "devpts",
        options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000",
      },
      {
        source: "tmpfs",
        target: "/run",
        fstype: "tmpfs",
        options: `rw,nosuid,nodev,size=${Math.floor(mem / 10)}k,nr_inodes=819200,mode=755,inode64`,
        stats: () => this.run(),
      },
      {
        source: "tmpfs",
        target: "/run/lock",
        fstype: "tmpfs",
        options: "rw,nosuid,nodev,noexec,relatime,size=5120k,inode64",
        stats: stat(tmpfsStats(5_120, 0, 3)),
      },
      {
        source: "cgroup2",
        target: "/sys/fs/cgroup",
        fstype: "cgroup2",
        options: "rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot",
      },
      { source: "pstore", target: "/sys/fs/pstore", fstype: "pstore", options: "rw,nosuid,nodev,noexec,relatime" },
      {
        source: "efivarfs",
        target: "/sys/firmware/efi/efivars",
        fstype: "efivarfs",
        // 5.15's efivarfs reports no blocks (simple_statfs), so df leaves it out.
        options: "rw,nosuid,nodev,noexec,relatime",
      },
      { source: "bpf", target: "/sys/fs/bpf", fstype: "bpf", options: "rw,nosuid,nodev,noexec,relatime,mode=700" },
      {
        source: "systemd-1",
        target: "/proc/sys/fs/binfmt_misc",
        fstype: "autofs",
        options: "rw,relatime,fd=29,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=15870",
      },
      { source: "hugetlbfs", target: "/dev/hugepages", fstype: "hugetlbfs", options: "rw,relatime,pagesize=2M" },
      { source: "mqueue", target: "/dev/mqueue", fstype: "mqueue", options: "rw,nosuid,nodev,noexec,relatime" },
      { source: "debugfs", target: "/sys/kernel/debug", fstype: "debugfs", options: "rw,nosuid,nodev,noexec,relatime" },
      {
        source: "tracefs",
        target: "/sys/kernel/tracing",
        fstype: "tracefs",
        options: "rw,nosuid,nodev,noexec,relatime",
      },
      {
        source: "fusectl",
        target: "/sys/fs/fuse/connections",
        fstype: "fusectl",
        options: "rw,nosuid,nodev,noexec,relatime",
      },
      {
        source: "configfs",
        target: "/sys/kernel/config",
        fstype: "configfs",
        options: "rw,nosuid,nodev,noexec,relatime",
      },
      {
        source: "/dev/sda15",
        target: "/boot/efi",
        fstype: "vfat",
        options: "rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro",
        stats: stat({ sizeK: 106_858, usedK: 6_186, availK: 100_672, inodes: 0, iused: 0, ifree: 0 }),
        device: "sda15",
      },
      {
        source: "/dev/sdb1",
        target: "/mnt",
        fstype: "ext4",
        options: "rw,relatime",
        stats: stat({
          sizeK: 16_381_936,
          usedK: 28,
          availK: 15_526_380,
          inodes: 1_048_576,
          iused: 11,
          ifree: 1_048_565,
        }),
        device: "sdb1",
      },
      // The kubelet unit's ExecStartPre bind-mounts /var/lib/kubelet onto itself (make-shared).
      {
        source: "/dev/root",
        target: "/var/lib/kubelet",
        fstype: "ext4",
        options: "rw,relatime,discard",
        stats: () => this.root(),
        device: "sda1",
        root: "/var/lib/kubelet",
      },
    ];
  }

  /** The learner's login session (azureuser over SSH, then sudo -i): pam_systemd's runtime dir. */
  sessionMounts(): Mount[] {
    const size = Math.floor(this.deps.memTotalK / 10) - 4;
    return [
      {
        source: "tmpfs",
        target: "/run/user/1000",
        fstype: "tmpfs",
        options: `rw,nosuid,nodev,relatime,size=${size}k,nr_inodes=${Math.floor(this.deps.memTotalK / 40)},mode=700,uid=1000,gid=1000,inode64`,
        stats: () => tmpfsStats(size, 4, 5),
      },
    ];
  }
}
