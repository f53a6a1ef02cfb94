import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("draws the VM's disks with their mount points, the latest first", async () => {
  expect(await run(node, "lsblk")).toEqual({
    out: [
      "NAME    MAJ:MIN RM   SIZE RO TYPE MOUNTPOINTS",
      "sda       8:0    0   128G  0 disk ",
      "├─sda1    8:1    0 127.9G  0 part /var/lib/kubelet",
      "│                                 /",
      "├─sda14   8:14   0     4M  0 part ",
      "└─sda15   8:15   0   106M  0 part /boot/efi",
      "sdb       8:16   0    16G  0 disk ",
      "└─sdb1    8:17   0    16G  0 part /mnt",
      "sr0      11:0    1   628K  0 rom  ",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
});

it("lists mounts as util-linux mount does", async () => {
  expect(await run(node, "mount -t ext4,vfat")).toEqual({
    out: [
      "/dev/root on / type ext4 (rw,relatime,discard)",
      "/dev/sda15 on /boot/efi type vfat (rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro)",
      "/dev/sdb1 on /mnt type ext4 (rw,relatime)",
      "/dev/root on /var/lib/kubelet type ext4 (rw,relatime,discard)",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  const { out } = await run(node, "mount | grep -c ' type overlay '");
  expect(Number(out)).toBeGreaterThan(10);
});

it("names a device that is not there, and prints nothing for it", async () => {
  expect(await run(node, "lsblk /dev/nope")).toEqual({
    out: "",
    err: "lsblk: /dev/nope: not a block device\n",
    code: 32,
  });
});

it("has the cloud image's fstab plus cloud-init's resource disk line, matching what is mounted", async () => {
  expect(await run(node, "cat /etc/fstab")).toEqual({
    out: [
      "LABEL=cloudimg-rootfs\t/\t ext4\tdiscard,errors=remount-ro\t0 1",
      "LABEL=UEFI\t/boot/efi\tvfat\tumask=0077\t0 1",
      "/dev/disk/cloud/azure_resource-part1\t/mnt\tauto\tdefaults,nofail,x-systemd.requires=cloud-init.service,_netdev,comment=cloudconfig\t0\t2",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
});

it("shows the filesystems with -f: labels, UUIDs, and space as statvfs gives it (df's numbers)", async () => {
  expect(await run(node, "lsblk -f")).toEqual({
    out: [
      "NAME    FSTYPE FSVER LABEL           UUID                                 FSAVAIL FSUSE% MOUNTPOINTS",
      "sda                                                                                      ",
      "├─sda1  ext4   1.0   cloudimg-rootfs f3329033-d10f-49c3-a56b-9c8a2852eadf   96.4G    17% /var/lib/kubelet",
      "│                                                                                        /",
      "├─sda14                                                                                  ",
      "└─sda15 vfat   FAT32 UEFI            3C48-1F66                              98.3M     6% /boot/efi",
      "sdb                                                                                      ",
      "└─sdb1  ext4   1.0                   213a1d4e-71d0-4107-8dbf-ee837002a9ce   14.8G     0% /mnt",
      "sr0                                                                                      ",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "lsblk --fs /dev/sdb1")).toEqual({
    out: [
      "NAME FSTYPE FSVER LABEL UUID                                 FSAVAIL FSUSE% MOUNTPOINTS",
      "sdb1 ext4   1.0         213a1d4e-71d0-4107-8dbf-ee837002a9ce   14.8G     0% /mnt",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "lsblk -fz")).toEqual({
    out: "",
    err: "lsblk: invalid option -- 'z'\nTry 'lsblk --help' for more information.\n",
    code: 1,
  });
});
