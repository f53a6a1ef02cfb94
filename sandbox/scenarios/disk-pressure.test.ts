import { expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { HOST, run } from "../test-helpers";

const diskPressure = (field: string) =>
  `kubectl get nodes -o json | jq -r '.items[0].status.conditions[] | select(.type=="DiskPressure") | ${field}'`;
const taints = "kubectl get nodes -o json | jq -c '.items[0].spec.taints'";

it("shows a full root filesystem, DiskPressure, the taint, the events and an evicted pod", async () => {
  const node = createSandbox({ scenario: "disk-pressure" });
  expect(await run(node, "df -h / /var/log/app/debug.log")).toEqual({
    out: "Filesystem      Size  Used Avail Use% Mounted on\n/dev/root       124G  117G  1.3G  99% /\n/dev/root       124G  117G  1.3G  99% /\n",
    err: "",
    code: 0,
  });
  expect((await run(node, "ls -l /var/log/app")).out).toBe(
    "total 99614720\n-rw-r--r-- 1 root root 102005473280 Oct 30 15:45 debug.log\n",
  );
  expect((await run(node, diskPressure('.status + " " + .reason + ": " + .message'))).out).toBe(
    "True KubeletHasDiskPressure: kubelet has disk pressure\n",
  );
  expect((await run(node, taints)).out).toBe('[{"effect":"NoSchedule","key":"node.kubernetes.io/disk-pressure"}]\n');
  // The available figure moves with every file the node's history writes; the threshold does not.
  expect(
    (await run(node, "kubectl get pod web -o json | jq -r '.status.reason + \": \" + .status.message'")).out,
  ).toMatch(
    /^Evicted: The node was low on resource: ephemeral-storage\. Threshold quantity: 13300339507, available: 1[0-2]\d{6}Ki\. Container web was using 48Ki, request is 0, has larger consumption of ephemeral-storage\. \n$/,
  );
  expect((await run(node, "kubectl get pod web")).out).toBe(
    "NAME   READY   STATUS   RESTARTS   AGE\nweb    0/1     Error    0          95m\n",
  );
  expect((await run(node, "kubectl get pod web -o json | jq -r .status.phase")).out).toBe("Failed\n");
  const events = (await run(node, "kubectl get events -A")).out;
  expect(events).toContain(
    `Normal    NodeHasDiskPressure    node/${HOST}   Node ${HOST} status is now: NodeHasDiskPressure`,
  );
  expect(events).toContain(`Warning   EvictionThresholdMet   node/${HOST}   Attempting to reclaim ephemeral-storage`);
  expect((await run(node, "journalctl -u kubelet | grep -m4 'Eviction manager' | cut -d' ' -f6-")).out).toBe(
    [
      'I1030 15:39:03.287113     824 eviction_manager.go:369] "Eviction manager: attempting to reclaim" resourceName="ephemeral-storage"',
      'I1030 15:39:03.287159     824 eviction_manager.go:380] "Eviction manager: must evict pod(s) to reclaim" resourceName="ephemeral-storage"',
      (await run(node, "journalctl -u kubelet | grep -m1 'pods ranked' | cut -d' ' -f6-")).out.trimEnd(),
      'I1030 15:39:03.287282     824 eviction_manager.go:636] "Eviction manager: pod is evicted successfully" pod="default/web"',
      "",
    ].join("\n"),
  );
  expect((await run(node, "journalctl -u kubelet | grep -m1 -o '\"Eviction manager: pods ranked.*'")).out).toMatch(
    /^"Eviction manager: pods ranked for eviction" pods=\["default\/web","kube-system\/[^"]+"(,"kube-system\/[^"]+")+\]\n$/,
  );
});

it("clears DiskPressure five minutes after the log is deleted", async () => {
  const node = createSandbox({ scenario: "disk-pressure" });
  await run(node, "rm /var/log/app/debug.log");
  expect((await run(node, "df -h / | tail -1")).out).toBe("/dev/root       124G   22G   97G  19% /\n");
  await run(node, "sleep 60");
  expect((await run(node, diskPressure(".status"))).out).toBe("True\n");
  await run(node, "sleep 250");
  expect((await run(node, diskPressure('.status + " " + .reason + ": " + .message'))).out).toBe(
    "False KubeletHasNoDiskPressure: kubelet has no disk pressure\n",
  );
  expect((await run(node, taints)).out).toBe("null\n");
  expect((await run(node, "kubectl get events | grep NodeHasNoDiskPressure")).out).toMatch(
    new RegExp(
      `^\\d+s +Normal +NodeHasNoDiskPressure +node/${HOST} +Node ${HOST} status is now: NodeHasNoDiskPressure\\n$`,
    ),
  );
});
