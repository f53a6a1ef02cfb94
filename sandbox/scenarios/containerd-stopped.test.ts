/**
 * containerd-stopped: the symptoms a learner sees with the real commands, the real fix
 * (`systemctl start containerd`), and a healthy node afterwards.
 */
import { expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { HOST, run } from "../test-helpers";

const CRI_DIAL =
  'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"';

it("runs the kubelet but reports the runtime down until containerd is started again", async () => {
  const node = createSandbox({ scenario: "containerd-stopped" });
  expect(await run(node, "systemctl is-active containerd kubelet")).toEqual({
    out: "inactive\nactive\n",
    err: "",
    code: 3,
  });
  expect(await run(node, "kubectl get nodes")).toEqual({
    out: `NAME                                STATUS     ROLES    AGE    VERSION\n${HOST}   NotReady   <none>   123m   v1.32.7\n`,
    err: "",
    code: 0,
  });
  const ready = `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type == "Ready") | "\\(.status) \\(.reason) \\(.message)"'`;
  // Three minutes after its last good relist the PLEG is unhealthy too (pleg/generic.go
  // Healthy), and the runtime errors print as one aggregate.
  expect((await run(node, ready)).out).toBe(
    "False KubeletNotReady [container runtime is down, PLEG is not healthy: pleg was last seen active 8m14.637s ago; threshold is 3m0s]\n",
  );
  expect(await run(node, "crictl ps")).toEqual({
    out: "",
    err: `FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": ${CRI_DIAL}\n`,
    code: 1,
  });
  expect((await run(node, "journalctl -u kubelet -n 2 -o cat")).out).toBe(
    `E1030 16:05:53.287113     824 remote_runtime.go:633] "Status from runtime service failed" err=${JSON.stringify(CRI_DIAL)}
E1030 16:05:55.950113     824 kubelet.go:2373] "Skipping pod synchronization" err="[container runtime is down, PLEG is not healthy: pleg was last seen active 8m17.3s ago; threshold is 3m0s]"
`,
  );
  // The sync loop backs off 100 ms, doubling to 5 s, while the runtime is down; the PLEG
  // joins the errors once its last relist (15:57:38.637) is three minutes old.
  const skipping = "journalctl -u kubelet -o cat | grep 'Skipping pod' | cut -c 7-21";
  expect((await run(node, `${skipping} | head -8`)).out).toBe(
    [
      "15:57:39.650113",
      "15:57:39.750113",
      "15:57:39.950113",
      "15:57:40.350113",
      "15:57:41.150113",
      "15:57:42.750113",
      "15:57:45.950113",
      "15:57:50.950113",
      "",
    ].join("\n"),
  );
  expect((await run(node, "journalctl -u kubelet -o cat | grep -m1 'PLEG is not healthy'")).out).toBe(
    'E1030 16:00:40.950113     824 kubelet.go:2373] "Skipping pod synchronization" err="[container runtime is down, PLEG is not healthy: pleg was last seen active 3m2.3s ago; threshold is 3m0s]"\n',
  );
  expect((await run(node, "journalctl -u containerd -n 3 -q")).out).toBe(
    [
      `Oct 30 15:57:38 ${HOST} systemd[1]: containerd.service: Deactivated successfully.`,
      `Oct 30 15:57:38 ${HOST} systemd[1]: Stopped containerd container runtime.`,
      `Oct 30 15:57:38 ${HOST} systemd[1]: containerd.service: Consumed 1min 23.078s CPU time.`,
      "",
    ].join("\n"),
  );

  // node-problem-detector's health check sees the unit down and says so, with an event.
  const npd = `kubectl get node -o json | jq -r '.items[0].status.conditions[] | select(.type == "ContainerRuntimeProblem") | "\\(.status) \\(.reason) \\(.message)"'`;
  expect((await run(node, npd)).out).toBe(
    "True ContainerRuntimeIsDown container runtime is not functioning properly\n",
  );
  expect((await run(node, "kubectl get events | grep ContainerRuntimeIsDown")).out).toBe(
    `8m22s       Warning   ContainerRuntimeIsDown   node/${HOST}   container runtime is not functioning properly\n`,
  );

  // The fix: start containerd; the kubelet's next status update (every 10 s) finds it.
  expect(await run(node, "systemctl start containerd")).toEqual({ out: "", err: "", code: 0 });
  expect((await run(node, "sleep 10; kubectl get nodes | tail -1")).out).toBe(
    `${HOST}   Ready    <none>   123m   v1.32.7\n`,
  );
  expect((await run(node, ready)).out).toBe("True KubeletReady kubelet is posting ready status\n");
  expect((await run(node, "journalctl -u kubelet --since -9s -o cat | grep -c 'Skipping pod'")).out).toBe("0\n");
  expect((await run(node, "crictl ps -q | wc -l")).out).toBe("23\n");
  expect((await run(node, npd)).out).toBe("False ContainerRuntimeIsUp container runtime service is up\n");
});
