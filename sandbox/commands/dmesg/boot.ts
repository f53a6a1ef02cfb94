/**
 * The kernel's boot messages on this VM (a Gen2 Hyper-V guest, Standard_D2as_v4, booting
 * 5.15.0-1096-azure without an initramfs), a representative selection at plausible offsets
 * from boot (seconds); the journal's kernel entries (the version line, OOM kills, ...) are
 * interleaved by time. Priorities are the kernel's (6 info, 5 notice, 4 warning).
 */
export const BOOT_MESSAGES: [number, number, string][] = [
  [
    0.0,
    5,
    "Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-1096-azure root=PARTUUID=4b0e9e4d-0b0a-4c2e-9d5e-1f3a7c2b8e61 ro console=tty1 console=ttyS0 earlyprintk=ttyS0 panic=-1",
  ],
  [0.0, 6, "KERNEL supported cpus:"],
  [0.0, 6, "  Intel GenuineIntel"],
  [0.0, 6, "  AMD AuthenticAMD"],
  [0.0, 6, "DMI: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS Hyper-V UEFI Release v4.1 08/23/2024"],
  [0.0, 6, "Hypervisor detected: Microsoft Hyper-V"],
  [0.0, 6, "Hyper-V: privilege flags low 0x2e7f, high 0x3b8030, hints 0xa0e24, misc 0xe0bed7b2"],
  [0.0, 6, "Hyper-V: Host Build 10.0.26100.1-0-0.0"],
  [0.0, 6, "tsc: Marking TSC unstable due to running on Hyper-V"],
  [
    0.012845,
    6,
    "Memory: 8067104K/8388152K available (16393K kernel code, 4325K rwdata, 10332K rodata, 3004K init, 6164K bss, 320788K reserved, 0K cma-reserved)",
  ],
  [0.052114, 6, "smp: Brought up 1 node, 2 CPUs"],
  [0.389262, 6, "hv_vmbus: Vmbus version:5.3"],
  [0.402741, 6, "hv_vmbus: registering driver hv_netvsc"],
  [0.41253, 6, "hv_vmbus: registering driver hv_storvsc"],
  [0.418113, 6, "scsi host0: storvsc_host_t"],
  [0.431987, 5, "scsi 0:0:0:0: Direct-Access     Msft     Virtual Disk     1.0  PQ: 0 ANSI: 5"],
  [0.43652, 5, "sd 0:0:0:0: [sda] 268435456 512-byte logical blocks: (137 GB/128 GiB)"],
  [0.436527, 5, "sd 0:0:0:0: [sda] 4096-byte physical blocks"],
  [0.441901, 6, " sda: sda1 sda14 sda15"],
  [0.442655, 5, "sd 0:0:0:0: [sda] Attached SCSI disk"],
  [0.450133, 5, "scsi 1:0:1:0: Direct-Access     Msft     Virtual Disk     1.0  PQ: 0 ANSI: 5"],
  [0.453219, 5, "sd 1:0:1:0: [sdb] 33554432 512-byte logical blocks: (17.2 GB/16.0 GiB)"],
  [0.459876, 6, " sdb: sdb1"],
  [0.460411, 5, "sd 1:0:1:0: [sdb] Attached SCSI disk"],
  [0.911052, 6, "EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none."],
  [0.911788, 6, "VFS: Mounted root (ext4 filesystem) readonly on device 8:1."],
  [0.913402, 6, "devtmpfs: mounted"],
  [1.204877, 6, "systemd[1]: Inserted module 'autofs4'"],
  [
    1.322045,
    6,
    "systemd[1]: systemd 249.11-0ubuntu3.16 running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS -OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified)",
  ],
  [1.322101, 6, "systemd[1]: Detected virtualization microsoft."],
  [1.32211, 6, "systemd[1]: Detected architecture x86-64."],
  [1.60135, 6, "EXT4-fs (sda1): re-mounted. Opts: discard. Quota mode: none."],
  [2.158447, 6, "hv_netvsc 6045bd7e-1a2b-6045-bd7e-1a2b6045bd7e eth0: VF slot 1 added"],
  [2.309115, 6, "EXT4-fs (sdb1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none."],
  [3.512004, 6, "IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready"],
  [
    4.201453,
    6,
    "bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts to load br_netfilter if you need this.",
  ],
  [4.20911, 6, "Bridge firewalling registered"],
  [4.356821, 6, "Initializing XFRM netlink socket"],
];
