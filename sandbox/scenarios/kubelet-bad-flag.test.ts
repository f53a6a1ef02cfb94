/**
 * kubelet-bad-flag: the kubelet's own error in the journal, systemd cycling it every 2 s, a
 * NotReady node; the real fix (correct /etc/default/kubelet) and the next restart succeeds.
 */
import { expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { HOST, run } from "../test-helpers";

it("cycles a kubelet that rejects an unknown flag, until the flag is fixed", async () => {
  const node = createSandbox({ scenario: "kubelet-bad-flag" });
  expect((await run(node, "kubectl get nodes | tail -1")).out).toBe(`${HOST}   NotReady   <none>   123m   v1.32.7\n`);
  expect((await run(node, "systemctl status kubelet | grep -E '^ +(Active|Main PID):'")).out).toBe(
    [
      "     Active: activating (auto-restart) (Result: exit-code) since Thu 2025-10-30 16:05:59 UTC; 1s ago",
      "   Main PID: 2743 (code=exited, status=1/FAILURE)",
      "",
    ].join("\n"),
  );
  expect((await run(node, "journalctl -u kubelet -n 4 -q")).out).toBe(
    [
      `Oct 30 16:05:59 ${HOST} systemd[1]: Started Kubelet.`,
      `Oct 30 16:05:59 ${HOST} kubelet[2743]: E1030 16:05:59.107113    2743 run.go:72] "command failed" err="failed to parse kubelet flag: unknown flag: --maxpods"`,
      `Oct 30 16:05:59 ${HOST} systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE`,
      `Oct 30 16:05:59 ${HOST} systemd[1]: kubelet.service: Failed with result 'exit-code'.`,
      "",
    ].join("\n"),
  );
  // Every 2 s, since the restart six minutes ago; never the start limit (each cycle takes a little over 2 s on a real node).
  expect((await run(node, "sleep 2; journalctl -u kubelet -q -o cat | grep -c 'unknown flag: --maxpods'")).out).toBe(
    "186\n",
  );
  expect((await run(node, "grep -o -- '--max-*pods=[0-9]*' /etc/default/kubelet")).out).toBe("--maxpods=30\n");

  // node-problem-detector: the unit is down, and systemd has started it far more than 5 times in 20 min.
  const npd = `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type | test("Kubelet")) | "\\(.type) \\(.status) \\(.reason): \\(.message)"'`;
  expect((await run(node, npd)).out).toBe(
    [
      "KubeletProblem True KubeletIsDown: kubelet is not functioning properly",
      "FrequentKubeletRestart True FrequentKubeletRestart: Found 149 matching logs, which meets the threshold of 5",
      "",
    ].join("\n"),
  );

  // The fix: correct the file; systemd's next restart reads EnvironmentFile= again.
  await run(node, "sed -i 's/--maxpods=/--max-pods=/' /etc/default/kubelet");
  expect((await run(node, "sleep 2; systemctl is-active kubelet")).out).toBe("active\n");
  expect((await run(node, "kubectl get nodes | tail -1")).out).toBe(`${HOST}   Ready    <none>   123m   v1.32.7\n`);
  expect((await run(node, `sleep 10; ${npd}`)).out.split("\n")[0]).toBe(
    "KubeletProblem False KubeletIsUp: kubelet service is up",
  );
});

it("reports a bad value and a stray word with the kubelet's own errors", async () => {
  const node = createSandbox({ scenario: "healthy" });
  await run(node, "sed -i 's/--max-pods=30/--max-pods=3O/' /etc/default/kubelet; systemctl restart kubelet");
  expect((await run(node, "journalctl -u kubelet -q -o cat | grep 'command failed'")).out).toBe(
    'E1030 16:06:00.417113     903 run.go:72] "command failed" err="failed to parse kubelet flag: invalid argument \\"3O\\" for \\"--max-pods\\" flag: strconv.ParseInt: parsing \\"3O\\": invalid syntax"\n',
  );
  await run(node, "sed -i 's/--max-pods=3O/--max-pods 30 extra/' /etc/default/kubelet; sleep 2");
  expect((await run(node, "journalctl -u kubelet -q -n 3 -o cat | grep 'command failed'")).out).toBe(
    'E1030 16:06:02.417113     913 run.go:72] "command failed" err="unknown command extra"\n',
  );
});
