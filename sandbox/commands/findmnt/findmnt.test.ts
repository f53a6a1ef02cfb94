/**
 * findmnt (util-linux 2.37.2) over the node's mount table: the tree, a mount point, a type
 * filter (the tree kept, each match under its nearest printed ancestor), chosen columns,
 * libmount's /dev/root -> /dev/sda1 and the bind mount's [fsroot], and the errors.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("prints one mount point, and the root's real device where df says /dev/root", async () => {
  expect(await run(node, "findmnt /")).toEqual({
    out: "TARGET SOURCE    FSTYPE OPTIONS\n/      /dev/sda1 ext4   rw,relatime,discard\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "findmnt -n -o SOURCE /")).toEqual({ out: "/dev/sda1\n", err: "", code: 0 });
  expect(await run(node, "cd /tmp && findmnt ../mnt")).toEqual({
    out: "TARGET SOURCE    FSTYPE OPTIONS\n/mnt   /dev/sdb1 ext4   rw,relatime\n",
    err: "",
    code: 0,
  });
});

it("keeps the tree under -t, with the kubelet's bind mount showing the directory it binds", async () => {
  expect(await run(node, "findmnt -t ext4,vfat")).toEqual({
    out: [
      "TARGET             SOURCE                      FSTYPE OPTIONS",
      "/                  /dev/sda1                   ext4   rw,relatime,discard",
      "├─/boot/efi        /dev/sda15                  vfat   rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro",
      "├─/mnt             /dev/sdb1                   ext4   rw,relatime",
      "└─/var/lib/kubelet /dev/sda1[/var/lib/kubelet] ext4   rw,relatime,discard",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  // / is not printed, so /proc and /sys become roots of their own.
  expect((await run(node, "findmnt -t proc,autofs,sysfs,cgroup2")).out).toBe(
    [
      "TARGET                     SOURCE    FSTYPE  OPTIONS",
      "/proc                      proc      proc    rw,nosuid,nodev,noexec,relatime",
      "└─/proc/sys/fs/binfmt_misc systemd-1 autofs  rw,relatime,fd=29,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=15870",
      "/sys                       sysfs     sysfs   rw,nosuid,nodev,noexec,relatime",
      "└─/sys/fs/cgroup           cgroup2   cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot",
      "",
    ].join("\n"),
  );
});

it("draws the whole tree from /, the host's mounts first", async () => {
  const { out } = await run(node, "findmnt -o TARGET,FSTYPE | head -22 | sed 's/ *$//'");
  expect(out).toBe(
    [
      "TARGET                                                                                                                           FSTYPE",
      "/                                                                                                                                ext4",
      "├─/dev                                                                                                                           devtmpfs",
      "│ ├─/dev/shm                                                                                                                     tmpfs",
      "│ ├─/dev/pts                                                                                                                     devpts",
      "│ ├─/dev/hugepages                                                                                                               hugetlbfs",
      "│ └─/dev/mqueue                                                                                                                  mqueue",
      "├─/proc                                                                                                                          proc",
      "│ └─/proc/sys/fs/binfmt_misc                                                                                                     autofs",
      "├─/sys                                                                                                                           sysfs",
      "│ ├─/sys/kernel/security                                                                                                         securityfs",
      "│ ├─/sys/fs/cgroup                                                                                                               cgroup2",
      "│ ├─/sys/fs/pstore                                                                                                               pstore",
      "│ ├─/sys/firmware/efi/efivars                                                                                                    efivarfs",
      "│ ├─/sys/fs/bpf                                                                                                                  bpf",
      "│ ├─/sys/kernel/debug                                                                                                            debugfs",
      "│ ├─/sys/kernel/tracing                                                                                                          tracefs",
      "│ ├─/sys/fs/fuse/connections                                                                                                     fusectl",
      "│ └─/sys/kernel/config                                                                                                           configfs",
      "├─/run                                                                                                                           tmpfs",
      "│ ├─/run/lock                                                                                                                    tmpfs",
      "│ ├─/run/netns/cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301                                                                          nsfs",
      "",
    ].join("\n"),
  );
  expect((await run(node, "findmnt -o TARGET,SOURCE | grep -c nsfs")).out).toBe(
    (await run(node, "ls /run/netns | wc -l")).out,
  );
});

it("lists with -l, sizes like df's, and -S/-T lookups", async () => {
  expect(await run(node, "findmnt -lno TARGET,SOURCE,FSROOT -t ext4")).toEqual({
    out: [
      "/                /dev/sda1                   /",
      "/mnt             /dev/sdb1                   /",
      "/var/lib/kubelet /dev/sda1[/var/lib/kubelet] /var/lib/kubelet",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "findmnt -S /dev/sdb1 -o SOURCE,TARGET,SIZE,USED,AVAIL,USE%")).toEqual({
    out: "SOURCE    TARGET  SIZE USED AVAIL USE%\n/dev/sdb1 /mnt   15.6G  28K 14.8G   0%\n",
    err: "",
    code: 0,
  });
  expect((await run(node, "findmnt -lnv -o SOURCE /var/lib/kubelet")).out).toBe("/dev/sda1\n");
  // -T: the file system a path lives on.
  expect((await run(node, "findmnt -T /var/log/syslog -o TARGET,SOURCE")).out).toBe(
    "TARGET SOURCE\n/      /dev/sda1\n",
  );
});

it("prints nothing and fails when nothing matches; refuses what 2.37 does not know", async () => {
  expect(await run(node, "findmnt /var/log")).toEqual({ out: "", err: "", code: 1 });
  expect(await run(node, "findmnt -t xfs")).toEqual({ out: "", err: "", code: 1 });
  expect(await run(node, "findmnt --real")).toEqual({
    out: "",
    err: "findmnt: unrecognized option '--real'\nTry 'findmnt --help' for more information.\n",
    code: 1,
  });
  expect(await run(node, "findmnt -o SOURCE,FOO")).toEqual({ out: "", err: "findmnt: unknown column: FOO\n", code: 1 });
  expect(await run(node, "findmnt -o")).toEqual({
    out: "",
    err: "findmnt: option requires an argument -- 'o'\nTry 'findmnt --help' for more information.\n",
    code: 1,
  });
});
