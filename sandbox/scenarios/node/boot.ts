/**
 * The order a real Ubuntu 22.04 AKS node boots its units in, with the PID each one's first
 * process got. systemd starts the early daemons in the first seconds (journald and udevd in
 * sysinit, networkd and resolved before network.target, then basic.target's services, ssh
 * and the Azure agent); the PIDs between them went to kernel threads and short-lived helpers
 * (udev workers, generators), which the model does not hold, so the process table continues
 * at each recorded PID. The timers start with timers.target. containerd (PID 813, after its
 * ExecStartPre's 812) and everything after it keep the PIDs the table hands out.
 */
export interface BootStep {
  /** Milliseconds after the kernel started. */
  at: number;
  unit: string;
  /** Where the process table continues for this unit's first process. */
  pid?: number;
}

export const EARLY_BOOT: BootStep[] = [
  { at: 620, unit: "systemd-journald.service", pid: 168 },
  // multipathd's ExecStartPre (modprobe) takes 206.
  { at: 950, unit: "multipathd.service", pid: 206 },
  { at: 1_010, unit: "systemd-udevd.service", pid: 219 },
  { at: 1_760, unit: "systemd-networkd.service", pid: 402 },
  { at: 1_980, unit: "systemd-resolved.service", pid: 404 },
  { at: 2_310, unit: "cron.service", pid: 551 },
  { at: 2_311, unit: "dbus.service", pid: 552 },
  { at: 2_312, unit: "irqbalance.service", pid: 555 },
  { at: 2_313, unit: "networkd-dispatcher.service", pid: 556 },
  { at: 2_314, unit: "polkit.service", pid: 558 },
  { at: 2_315, unit: "rsyslog.service", pid: 559 },
  { at: 2_316, unit: "systemd-logind.service", pid: 562 },
  // chronyd forks (Type=forking): the daemon and its helper, then chrony-helper runs as ExecStartPost.
  { at: 2_390, unit: "chrony.service", pid: 583 },
  { at: 2_402, unit: "systemd-tmpfiles-clean.timer" },
  { at: 2_402, unit: "logrotate.timer" },
  { at: 2_402, unit: "fstrim.timer" },
  { at: 2_402, unit: "man-db.timer" },
  { at: 2_402, unit: "dpkg-db-backup.timer" },
  { at: 2_402, unit: "e2scrub_all.timer" },
  { at: 2_402, unit: "aks-log-collector.timer" },
  // sshd -t (ExecStartPre) takes 687; the listener is 688.
  { at: 2_900, unit: "ssh.service", pid: 687 },
  { at: 3_050, unit: "walinuxagent.service", pid: 701 },
];

/** containerd's ExecStartPre takes this PID, containerd the next. */
export const CONTAINERD_FIRST_PID = 812;
