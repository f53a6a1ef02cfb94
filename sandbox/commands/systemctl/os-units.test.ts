/**
 * The Ubuntu and AKS units beside containerd and the kubelet (scenarios/node/os-units.ts,
 * aks-units.ts): their status with the processes in their cgroups, the timers with systemd
 * 249's list-timers table, and a timer elapsing on the simulated clock and starting its
 * oneshot service, which journals, exits and leaves its PID used.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const text = (...lines: string[]) => lines.join("\n");

it("shows the Azure agent's daemon and its extension handler in one cgroup", async () => {
  const node = freshNode();
  expect(await run(node, "systemctl status walinuxagent")).toEqual({
    out: text(
      "● walinuxagent.service - Azure Linux Agent",
      "     Loaded: loaded (/lib/systemd/system/walinuxagent.service; enabled; vendor preset: enabled)",
      "     Active: active (running) since Thu 2025-10-30 14:02:14 UTC; 2h 3min ago",
      "   Main PID: 701 (python3)",
      "      Tasks: 11 (limit: 9389)",
      "     Memory: 30.3M",
      "        CPU: 2.97s",
      "     CGroup: /system.slice/walinuxagent.service",
      "             ├─701 /usr/bin/python3 -u /usr/sbin/waagent -daemon",
      "             └─702 /usr/bin/python3 -u bin/WALinuxAgent-2.14.0.1-py3.12.egg -run-exthandlers",
      "",
      "Oct 30 14:02:14 aks-nodepool1-12345678-vmss000000 systemd[1]: Started Azure Linux Agent.",
      "Oct 30 14:02:14 aks-nodepool1-12345678-vmss000000 python3[701]: 2025-10-30T14:02:14.467000Z INFO Daemon Daemon Azure Linux Agent Version: 2.2.46",
      "Oct 30 14:02:14 aks-nodepool1-12345678-vmss000000 python3[701]: 2025-10-30T14:02:14.467000Z INFO Daemon Daemon OS: ubuntu 22.04",
      "Oct 30 14:02:14 aks-nodepool1-12345678-vmss000000 python3[701]: 2025-10-30T14:02:14.467000Z INFO Daemon Daemon Python: 3.10.12",
      "Oct 30 14:02:14 aks-nodepool1-12345678-vmss000000 python3[701]: 2025-10-30T14:02:14.467000Z INFO Daemon Daemon Run daemon",
      "Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 python3[701]: 2025-10-30T14:02:15.247000Z INFO Daemon Daemon Determined Agent WALinuxAgent-2.14.0.1 to be the latest agent",
      "Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 python3[702]: 2025-10-30T14:02:15.247000Z INFO ExtHandler ExtHandler Azure Linux Agent (Goal State Agent version 2.14.0.1)",
      "Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 python3[702]: 2025-10-30T14:02:15.247000Z INFO ExtHandler ExtHandler OS: ubuntu 22.04",
      "Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 python3[702]: 2025-10-30T14:02:15.247000Z INFO ExtHandler ExtHandler Python: 3.10.12",
      "Oct 30 14:02:15 aks-nodepool1-12345678-vmss000000 python3[702]: 2025-10-30T14:02:15.247000Z INFO ExtHandler ExtHandler CGroups Status: The cgroup filesystem is ready to use",
      "",
    ),
    err: "",
    code: 0,
  });
});

it("shows resolved with its docs, its sd_notify status and its boot lines", async () => {
  const node = freshNode();
  expect((await run(node, "systemctl status systemd-resolved")).out).toBe(
    text(
      "● systemd-resolved.service - Network Name Resolution",
      "     Loaded: loaded (/lib/systemd/system/systemd-resolved.service; enabled; vendor preset: enabled)",
      "     Active: active (running) since Thu 2025-10-30 14:02:13 UTC; 2h 3min ago",
      "       Docs: man:systemd-resolved.service(8)",
      "             man:org.freedesktop.resolve1(5)",
      "             https://www.freedesktop.org/wiki/Software/systemd/writing-network-configuration-managers",
      "             https://www.freedesktop.org/wiki/Software/systemd/writing-resolver-clients",
      "   Main PID: 404 (systemd-resolve)",
      '     Status: "Processing requests..."',
      "      Tasks: 1 (limit: 9389)",
      "     Memory: 12.7M",
      "        CPU: 1.485s",
      "     CGroup: /system.slice/systemd-resolved.service",
      "             └─404 /lib/systemd/systemd-resolved",
      "",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting Network Name Resolution...",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd-resolved[404]: Positive Trust Anchors:",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd-resolved[404]: . IN DS 20326 8 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd-resolved[404]: Negative trust anchors: home.arpa 10.in-addr.arpa 16.172.in-addr.arpa 17.172.in-addr.arpa 18.172.in-addr.arpa 19.172.in-addr.arpa 20.172.in-addr.arpa 21.172.in-addr.arpa 22.172.in-addr.arpa 23.172.in-addr.arpa 24.172.in-addr.arpa 25.172.in-addr.arpa 26.172.in-addr.arpa 27.172.in-addr.arpa 28.172.in-addr.arpa 29.172.in-addr.arpa 30.172.in-addr.arpa 31.172.in-addr.arpa 168.192.in-addr.arpa d.f.ip6.arpa corp home internal intranet lan local private test",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd-resolved[404]: Using system hostname 'aks-nodepool1-12345678-vmss000000'.",
      "Oct 30 14:02:13 aks-nodepool1-12345678-vmss000000 systemd[1]: Started Network Name Resolution.",
      "",
    ),
  );
});

it("lists the timers in order of their next elapse, with systemd 249's header and footer", async () => {
  const node = freshNode();
  expect((await run(node, "systemctl list-timers")).out).toBe(
    text(
      "NEXT                        LEFT        LAST                        PASSED       UNIT                         ACTIVATES",
      "Thu 2025-10-30 16:12:11 UTC 6min left   Thu 2025-10-30 16:02:11 UTC 3min 49s ago snapshot-update.timer        snapshot-update.service",
      "Thu 2025-10-30 16:12:13 UTC 6min left   Thu 2025-10-30 15:12:13 UTC 53min ago    aks-log-collector.timer      aks-log-collector.service",
      "Thu 2025-10-30 17:02:40 UTC 56min left  Thu 2025-10-30 16:00:11 UTC 5min ago     logrotate.timer              logrotate.service",
      "Fri 2025-10-31 00:00:00 UTC 7h left     n/a                         n/a          dpkg-db-backup.timer         dpkg-db-backup.service",
      "Fri 2025-10-31 10:53:24 UTC 18h left    n/a                         n/a          man-db.timer                 man-db.service",
      "Fri 2025-10-31 14:17:11 UTC 22h left    Thu 2025-10-30 14:17:11 UTC 1h 48min ago systemd-tmpfiles-clean.timer systemd-tmpfiles-clean.service",
      "Sun 2025-11-02 03:10:44 UTC 2 days left n/a                         n/a          e2scrub_all.timer            e2scrub_all.service",
      "Mon 2025-11-03 00:15:16 UTC 3 days left n/a                         n/a          fstrim.timer                 fstrim.service",
      "",
      "8 timers listed.",
      "Pass --all to see loaded but inactive timers, too.",
      "",
    ),
  );
  // A timer and the oneshot it triggers point at each other.
  expect((await run(node, "systemctl status snapshot-update.timer snapshot-update")).out).toBe(
    text(
      "● snapshot-update.timer - Runs snapshot update script periodically",
      "     Loaded: loaded (/etc/systemd/system/snapshot-update.timer; enabled; vendor preset: enabled)",
      "     Active: active (waiting) since Thu 2025-10-30 14:02:53 UTC; 2h 3min ago",
      "    Trigger: Thu 2025-10-30 16:12:11 UTC; 6min left",
      "   Triggers: ○ snapshot-update.service",
      "",
      "Oct 30 14:02:53 aks-nodepool1-12345678-vmss000000 systemd[1]: Started Runs snapshot update script periodically.",
      "",
      "○ snapshot-update.service - Snapshot Update Service",
      "     Loaded: loaded (/etc/systemd/system/snapshot-update.service; static)",
      "     Active: inactive (dead) since Thu 2025-10-30 16:02:11 UTC; 3min 49s ago",
      "TriggeredBy: ● snapshot-update.timer",
      "    Process: 893 ExecStart=/opt/azure/containers/ubuntu-snapshot-update.sh (code=exited, status=0/SUCCESS)",
      "   Main PID: 893 (code=exited, status=0/SUCCESS)",
      "        CPU: 212ms",
      "",
      "Oct 30 15:52:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting Snapshot Update Service...",
      "Oct 30 15:52:11 aks-nodepool1-12345678-vmss000000 ubuntu-snapshot-update.sh[891]: golden timestamp is not set, skip live patching",
      "Oct 30 15:52:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Deactivated successfully.",
      "Oct 30 15:52:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Finished Snapshot Update Service.",
      "Oct 30 15:52:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Consumed 212ms CPU time.",
      "Oct 30 16:02:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting Snapshot Update Service...",
      "Oct 30 16:02:11 aks-nodepool1-12345678-vmss000000 ubuntu-snapshot-update.sh[893]: golden timestamp is not set, skip live patching",
      "Oct 30 16:02:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Deactivated successfully.",
      "Oct 30 16:02:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Finished Snapshot Update Service.",
      "Oct 30 16:02:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Consumed 212ms CPU time.",
      "",
    ),
  );
});

it("fires timers as the clock passes them: the oneshot journals, finishes and uses a PID", async () => {
  const node = freshNode();
  expect(
    (
      await run(
        node,
        "sleep 400; journalctl -q -u snapshot-update -u aks-log-collector --since '2025-10-30 16:12:00'; systemctl list-timers | head -4",
      )
    ).out,
  ).toBe(
    text(
      "Oct 30 16:12:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting Snapshot Update Service...",
      "Oct 30 16:12:11 aks-nodepool1-12345678-vmss000000 ubuntu-snapshot-update.sh[894]: golden timestamp is not set, skip live patching",
      "Oct 30 16:12:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Deactivated successfully.",
      "Oct 30 16:12:11 aks-nodepool1-12345678-vmss000000 systemd[1]: Finished Snapshot Update Service.",
      "Oct 30 16:12:11 aks-nodepool1-12345678-vmss000000 systemd[1]: snapshot-update.service: Consumed 212ms CPU time.",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting AKS Log Collector...",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Created temporary directory: /tmp/tmp.a636cf9dc9",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Collecting system information...",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Adding log files to zip archive...",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Log bundle size: 1.9M\taks_logs.zip",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Uploading log bundle: Uploading logs via Wireserver...",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: (retry=0) Successfully uploaded logs",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Cleaning up /tmp/tmp.a636cf9dc9...",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 aks-log-collector.sh[895]: Log collection finished.",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 systemd[1]: aks-log-collector.service: Deactivated successfully.",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 systemd[1]: Finished AKS Log Collector.",
      "Oct 30 16:12:13 aks-nodepool1-12345678-vmss000000 systemd[1]: aks-log-collector.service: Consumed 3.146s CPU time.",
      "NEXT                        LEFT        LAST                        PASSED       UNIT                         ACTIVATES",
      "Thu 2025-10-30 16:22:11 UTC 9min left   Thu 2025-10-30 16:12:11 UTC 29s ago      snapshot-update.timer        snapshot-update.service",
      "Thu 2025-10-30 17:02:40 UTC 50min left  Thu 2025-10-30 16:00:11 UTC 12min ago    logrotate.timer              logrotate.service",
      "Thu 2025-10-30 17:12:13 UTC 59min left  Thu 2025-10-30 16:12:13 UTC 26s ago      aks-log-collector.timer      aks-log-collector.service",
      "",
    ),
  );
  expect(await run(node, "systemctl is-active snapshot-update aks-log-collector.timer")).toEqual({
    out: "inactive\nactive\n",
    err: "",
    code: 3,
  });
});

it("answers on the daemons' ports as they do: sshd's banner is no HTTP, resolved's stub waits", async () => {
  const node = freshNode();
  expect(await run(node, "curl 127.0.0.1:22")).toEqual({
    out: "",
    err: "curl: (1) Received HTTP/0.9 when not allowed\n",
    code: 1,
  });
  expect(await run(node, "curl http://127.0.0.53:53/")).toEqual({
    out: "",
    err: "curl: (52) Empty reply from server\n",
    code: 52,
  });
  expect(await run(node, "systemctl stop ssh; curl -s 127.0.0.1:22; echo $?")).toEqual({
    out: "7\n",
    err: "",
    code: 0,
  });
});

it("says static for a unit file without [Install], and is-enabled exits 0 for it", async () => {
  const node = freshNode();
  expect(await run(node, "systemctl is-enabled systemd-journald ssh snapshot-update")).toEqual({
    out: "static\nenabled\nstatic\n",
    err: "",
    code: 0,
  });
});
