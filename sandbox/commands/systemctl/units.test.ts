/**
 * systemctl's listing and property verbs: list-units (with --all, --state, --no-legend),
 * list-unit-files, show -p/--value, kill and reset-failed, as systemd 249 prints them.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const LEGEND = [
  "",
  "LOAD   = Reflects whether the unit definition was properly loaded.",
  "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.",
  "SUB    = The low-level unit activation state, values depend on unit type.",
];

it("lists units and unit files in systemd 249's tables", async () => {
  const node = freshNode();
  expect(await run(node, "systemctl list-units --type=service")).toEqual({
    out: [
      "  UNIT                          LOAD   ACTIVE SUB     DESCRIPTION",
      "  chrony.service                loaded active running chrony, an NTP client/server",
      "  containerd.service            loaded active running containerd container runtime",
      "  cron.service                  loaded active running Regular background program processing daemon",
      "  dbus.service                  loaded active running D-Bus System Message Bus",
      "  irqbalance.service            loaded active running irqbalance daemon",
      "  kubelet.service               loaded active running Kubelet",
      "  multipathd.service            loaded active running Device-Mapper Multipath Device Controller",
      "  networkd-dispatcher.service   loaded active running Dispatcher daemon for systemd-networkd",
      "  node-problem-detector.service loaded active running Node problem detector",
      "  polkit.service                loaded active running Authorization Manager",
      "  rsyslog.service               loaded active running System Logging Service",
      "  ssh.service                   loaded active running OpenBSD Secure Shell server",
      "  systemd-journald.service      loaded active running Journal Service",
      "  systemd-logind.service        loaded active running User Login Management",
      "  systemd-networkd.service      loaded active running Network Configuration",
      "  systemd-resolved.service      loaded active running Network Name Resolution",
      "  systemd-udevd.service         loaded active running Rule-based Manager for Device Events and Files",
      "  walinuxagent.service          loaded active running Azure Linux Agent",
      ...LEGEND,
      "18 loaded units listed. Pass --all to see loaded but inactive units, too.",
      "To show all installed unit files use 'systemctl list-unit-files'.",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect((await run(node, "systemctl list-units --state=failed")).out).toBe(
    [
      "  UNIT LOAD ACTIVE SUB DESCRIPTION",
      "0 loaded units listed. Pass --all to see loaded but inactive units, too.",
      "To show all installed unit files use 'systemctl list-unit-files'.",
      "",
    ].join("\n"),
  );
  await run(node, "systemctl stop kubelet");
  expect((await run(node, "systemctl list-units --all --no-legend")).out).toBe(
    [
      "  aks-log-collector.service      loaded inactive dead    AKS Log Collector",
      "  aks-log-collector.slice        loaded inactive dead    AKS Log Collector Slice",
      "  aks-log-collector.timer        loaded active   waiting AKS Log Collector Timer",
      "  chrony.service                 loaded active   running chrony, an NTP client/server",
      "  containerd.service             loaded active   running containerd container runtime",
      "  cron.service                   loaded active   running Regular background program processing daemon",
      "  dbus.service                   loaded active   running D-Bus System Message Bus",
      "  dpkg-db-backup.service         loaded inactive dead    Daily dpkg database backup service",
      "  dpkg-db-backup.timer           loaded active   waiting Daily dpkg database backup timer",
      "  e2scrub_all.service            loaded inactive dead    Online ext4 Metadata Check for All Filesystems",
      "  e2scrub_all.timer              loaded active   waiting Periodic ext4 Online Metadata Check for All Filesystems",
      "  fstrim.service                 loaded inactive dead    Discard unused blocks on filesystems from /etc/fstab",
      "  fstrim.timer                   loaded active   waiting Discard unused blocks once a week",
      "  irqbalance.service             loaded active   running irqbalance daemon",
      "  kubelet.service                loaded inactive dead    Kubelet",
      "  logrotate.service              loaded inactive dead    Rotate log files",
      "  logrotate.timer                loaded active   waiting Daily rotation of log files",
      "  man-db.service                 loaded inactive dead    Daily man-db regeneration",
      "  man-db.timer                   loaded active   waiting Daily man-db regeneration",
      "  multipathd.service             loaded active   running Device-Mapper Multipath Device Controller",
      "  networkd-dispatcher.service    loaded active   running Dispatcher daemon for systemd-networkd",
      "  node-problem-detector.service  loaded active   running Node problem detector",
      "  polkit.service                 loaded active   running Authorization Manager",
      "  rsyslog.service                loaded active   running System Logging Service",
      "  snapshot-update.service        loaded inactive dead    Snapshot Update Service",
      "  snapshot-update.timer          loaded active   waiting Runs snapshot update script periodically",
      "  ssh.service                    loaded active   running OpenBSD Secure Shell server",
      "  systemd-journald.service       loaded active   running Journal Service",
      "  systemd-logind.service         loaded active   running User Login Management",
      "  systemd-networkd.service       loaded active   running Network Configuration",
      "  systemd-resolved.service       loaded active   running Network Name Resolution",
      "  systemd-tmpfiles-clean.service loaded inactive dead    Cleanup of Temporary Directories",
      "  systemd-tmpfiles-clean.timer   loaded active   waiting Daily Cleanup of Temporary Directories",
      "  systemd-udevd.service          loaded active   running Rule-based Manager for Device Events and Files",
      "  walinuxagent.service           loaded active   running Azure Linux Agent",
      "",
    ].join("\n"),
  );
  expect((await run(node, "systemctl list-unit-files")).out).toBe(
    [
      "UNIT FILE                      STATE   VENDOR PRESET",
      "aks-log-collector.service      static  -",
      "aks-log-collector.slice        static  -",
      "aks-log-collector.timer        enabled enabled",
      "chrony.service                 enabled enabled",
      "containerd.service             enabled enabled",
      "cron.service                   enabled enabled",
      "dbus.service                   static  -",
      "dpkg-db-backup.service         static  -",
      "dpkg-db-backup.timer           enabled enabled",
      "e2scrub_all.service            static  -",
      "e2scrub_all.timer              enabled enabled",
      "fstrim.service                 static  -",
      "fstrim.timer                   enabled enabled",
      "irqbalance.service             enabled enabled",
      "kubelet.service                enabled enabled",
      "logrotate.service              static  -",
      "logrotate.timer                enabled enabled",
      "man-db.service                 static  -",
      "man-db.timer                   enabled enabled",
      "multipathd.service             enabled enabled",
      "networkd-dispatcher.service    enabled enabled",
      "node-problem-detector.service  enabled enabled",
      "polkit.service                 static  -",
      "rsyslog.service                enabled enabled",
      "snapshot-update.service        static  -",
      "snapshot-update.timer          enabled enabled",
      "ssh.service                    enabled enabled",
      "systemd-journald.service       static  -",
      "systemd-logind.service         static  -",
      "systemd-networkd.service       enabled enabled",
      "systemd-resolved.service       enabled enabled",
      "systemd-tmpfiles-clean.service static  -",
      "systemd-tmpfiles-clean.timer   static  -",
      "systemd-udevd.service          static  -",
      "walinuxagent.service           enabled enabled",
      "",
      "35 unit files listed.",
      "",
    ].join("\n"),
  );
  expect(await run(node, "systemctl list-units --bogus")).toEqual({
    out: "",
    err: "systemctl: unrecognized option '--bogus'\n",
    code: 1,
  });
});

it("shows properties, one per line or values only; an unknown unit is not-found and inactive", async () => {
  const node = freshNode();
  expect((await run(node, "systemctl show -p MainPID,NRestarts -p ActiveState,SubState kubelet")).out).toBe(
    "MainPID=824\nNRestarts=0\nActiveState=active\nSubState=running\n",
  );
  expect((await run(node, "systemctl show --value -p FragmentPath containerd")).out).toBe(
    "/lib/systemd/system/containerd.service\n",
  );
  expect((await run(node, "systemctl show -p RestartUSec,WatchdogUSec,Restart kubelet")).out).toBe(
    "Restart=always\nRestartUSec=2s\nWatchdogUSec=1min\n",
  );
  expect(await run(node, "systemctl show -p LoadState,ActiveState nosuch")).toEqual({
    out: "LoadState=not-found\nActiveState=inactive\n",
    err: "",
    code: 0,
  });
});

it("kills a unit's processes; Restart= brings the kubelet back and reset-failed clears its counter", async () => {
  const node = freshNode();
  expect(await run(node, "systemctl kill kubelet")).toEqual({ out: "", err: "", code: 0 });
  expect((await run(node, "systemctl show -p ActiveState,SubState,ExecMainCode,ExecMainStatus kubelet")).out).toBe(
    "ExecMainCode=2\nExecMainStatus=15\nActiveState=activating\nSubState=auto-restart\n",
  );
  expect((await run(node, "journalctl -u kubelet -q -n 2 -o cat")).out).toBe(
    "kubelet.service: Main process exited, code=killed, status=15/TERM\nkubelet.service: Failed with result 'signal'.\n",
  );
  expect((await run(node, "sleep 2; systemctl show -p NRestarts,SubState --value kubelet")).out).toBe("1\nrunning\n");
  await run(node, "systemctl reset-failed kubelet");
  expect((await run(node, "systemctl show -p NRestarts --value kubelet")).out).toBe("0\n");
  expect(await run(node, "systemctl kill nosuch")).toEqual({
    out: "",
    err: "Failed to kill unit nosuch.service: Unit nosuch.service not loaded.\n",
    code: 1,
  });
  expect(await run(node, "systemctl kill -s BOGUS kubelet")).toEqual({
    out: "",
    err: "Failed to parse signal string BOGUS.\n",
    code: 1,
  });
});

it("masks a unit so that it refuses to start, and unmasks it", async () => {
  const node = freshNode();
  // kubelet.service is a file in /etc/systemd/system itself: nothing can be linked over it.
  expect(await run(node, "systemctl mask kubelet")).toEqual({
    out: "",
    err: "Failed to mask unit: File /etc/systemd/system/kubelet.service already exists.\n",
    code: 1,
  });
  expect(await run(node, "systemctl mask containerd")).toEqual({
    out: "",
    err: "Created symlink /etc/systemd/system/containerd.service → /dev/null.\n",
    code: 0,
  });
  // Masking does not stop it; it keeps running until stopped, and then cannot start.
  expect((await run(node, "systemctl status containerd | sed -n 2,3p")).out).toBe(
    "     Loaded: masked (Reason: Unit containerd.service is masked.)\n     Active: active (running) since Thu 2025-10-30 14:02:15 UTC; 2h 3min ago\n",
  );
  await run(node, "systemctl stop containerd");
  expect(await run(node, "systemctl start containerd")).toEqual({
    out: "",
    err: "Failed to start containerd.service: Unit containerd.service is masked.\n",
    code: 1,
  });
  expect(await run(node, "systemctl is-enabled containerd")).toEqual({ out: "masked\n", err: "", code: 1 });
  expect((await run(node, "systemctl show -p LoadState,UnitFileState containerd")).out).toBe(
    "LoadState=masked\nUnitFileState=masked\n",
  );
  expect(await run(node, "systemctl unmask containerd")).toEqual({
    out: "",
    err: "Removed /etc/systemd/system/containerd.service.\n",
    code: 0,
  });
  expect(await run(node, "systemctl start containerd; systemctl is-active containerd")).toEqual({
    out: "active\n",
    err: "",
    code: 0,
  });
});

it("prints the manager's overview and the cgroup tree for status without a unit", async () => {
  const node = freshNode();
  expect((await run(node, "systemctl status | head -7")).out).toBe(
    [
      "● aks-nodepool1-12345678-vmss000000",
      "    State: running",
      "     Jobs: 0 queued",
      "   Failed: 0 units",
      "    Since: Thu 2025-10-30 14:02:11 UTC; 2h 3min ago",
      "   CGroup: /",
      "           ├─kubepods.slice",
      "",
    ].join("\n"),
  );
  expect(
    (
      await run(
        node,
        "systemctl status | grep -A1 -E '─(kubelet|node-problem-detector).service' | cut -c1-60 # cut counts bytes, as GNU cut does",
      )
    ).out,
  ).toBe(
    [
      "             ├─kubelet.service",
      "             │ └─824 /usr/local/bin/kubelet --enable-server ",
      "--",
      "             ├─node-problem-detector.service",
      "             │ └─876 /usr/local/bin/node-problem-detector --",
      "",
    ].join("\n"),
  );
  // A unit's helpers sit in its cgroup beside the main process (the agent's extension handler).
  expect((await run(node, "systemctl status | tail -3")).out).toBe(
    [
      "             └─walinuxagent.service",
      "               ├─701 /usr/bin/python3 -u /usr/sbin/waagent -daemon",
      "               └─702 /usr/bin/python3 -u bin/WALinuxAgent-2.14.0.1-py3.12.egg -run-exthandlers",
      "",
    ].join("\n"),
  );
  // A failed unit makes the system degraded.
  await run(node, "systemctl mask containerd; systemctl kill -s KILL containerd; sleep 6");
  expect((await run(node, "systemctl status | sed -n 2,4p")).out).toBe(
    "    State: degraded\n     Jobs: 0 queued\n   Failed: 1 units\n",
  );
});
