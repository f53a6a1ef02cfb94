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
      "  containerd.service            loaded active running containerd container runtime",
      "  kubelet.service               loaded active running Kubelet",
      "  node-problem-detector.service loaded active running Node problem detector",
      ...LEGEND,
      "3 loaded units listed. Pass --all to see loaded but inactive units, too.",
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
      "  containerd.service            loaded active   running containerd container runtime",
      "  kubelet.service               loaded inactive dead    Kubelet",
      "  node-problem-detector.service loaded active   running Node problem detector",
      "",
    ].join("\n"),
  );
  expect((await run(node, "systemctl list-unit-files")).out).toBe(
    [
      "UNIT FILE                     STATE   VENDOR PRESET",
      "containerd.service            enabled enabled",
      "kubelet.service               enabled enabled",
      "node-problem-detector.service enabled enabled",
      "",
      "3 unit files listed.",
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
      "             └─node-problem-detector.service",
      "               └─876 /usr/local/bin/node-problem-detector --",
      "",
    ].join("\n"),
  );
  // A failed unit makes the system degraded.
  await run(node, "systemctl mask containerd; systemctl kill -s KILL containerd; sleep 6");
  expect((await run(node, "systemctl status | sed -n 2,4p")).out).toBe(
    "    State: degraded\n     Jobs: 0 queued\n   Failed: 1 units\n",
  );
});
