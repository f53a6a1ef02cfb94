/**
 * The VM's block devices and the filesystems on them, as udev and blkid know them (what
 * `lsblk` and `lsblk -f` read): sda, the 128 GiB OS disk of the Ubuntu 22.04 cloud image
 * (sda1 the ext4 root labelled cloudimg-rootfs, sda14 the BIOS boot partition with no
 * filesystem, sda15 the FAT32 EFI partition labelled UEFI), sdb the 16 GiB temp disk of a
 * Standard_D2as_v4 (sdb1 ext4, made by cloud-init, no label) and sr0 the provisioning ISO.
 * UUIDs are derived from the node's identity, stable for every attempt (never the seeded ids).
 */
import { sha256Hex } from "../util/sha256";

export interface Filesystem {
  type: string;
  /** FSVER: ext4's revision (1.0), FAT's width. */
  version: string;
  label?: string;
  uuid: string;
}

export interface BlockDevice {
  name: string;
  major: number;
  minor: number;
  removable: boolean;
  size: string;
  type: "disk" | "part" | "rom";
  fs?: Filesystem;
  children?: BlockDevice[];
}

/** An ext4 UUID (mke2fs: a random v4 UUID), derived per device. */
function ext4Uuid(device: string): string {
  const h = sha256Hex(`fs-uuid:${device}`);
  const v = `4${h.slice(13, 16)}`;
  const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A FAT volume serial number as blkid prints it: XXXX-XXXX, upper case. */
function fatSerial(device: string): string {
  const h = sha256Hex(`fs-uuid:${device}`).toUpperCase();
  return `${h.slice(0, 4)}-${h.slice(4, 8)}`;
}

export const BLOCK_DEVICES: BlockDevice[] = [
  {
    name: "sda",
    major: 8,
    minor: 0,
    removable: false,
    size: "128G",
    type: "disk",
    children: [
      {
        name: "sda1",
        major: 8,
        minor: 1,
        removable: false,
        size: "127.9G",
        type: "part",
        fs: { type: "ext4", version: "1.0", label: "cloudimg-rootfs", uuid: ext4Uuid("sda1") },
      },
      { name: "sda14", major: 8, minor: 14, removable: false, size: "4M", type: "part" },
      {
        name: "sda15",
        major: 8,
        minor: 15,
        removable: false,
        size: "106M",
        type: "part",
        fs: { type: "vfat", version: "FAT32", label: "UEFI", uuid: fatSerial("sda15") },
      },
    ],
  },
  {
    name: "sdb",
    major: 8,
    minor: 16,
    removable: false,
    size: "16G",
    type: "disk",
    children: [
      {
        name: "sdb1",
        major: 8,
        minor: 17,
        removable: false,
        size: "16G",
        type: "part",
        fs: { type: "ext4", version: "1.0", uuid: ext4Uuid("sdb1") },
      },
    ],
  },
  { name: "sr0", major: 11, minor: 0, removable: true, size: "628K", type: "rom" },
];

/** Every device, disks and partitions, by name. */
export function findBlockDevice(name: string): BlockDevice | undefined {
  return BLOCK_DEVICES.flatMap((d) => [d, ...(d.children ?? [])]).find((d) => d.name === name);
}
