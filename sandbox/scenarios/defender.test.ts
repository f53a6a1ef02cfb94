/**
 * Defender for Containers' pods, and their privileges seen the real ways: the pod spec's
 * securityContext, the OCI spec containerd built from it, and the kernel's capability mask.
 */
import { expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { HOST, run } from "../test-helpers";

it("runs the collector with SYS_ADMIN, SYS_RESOURCE and SYS_PTRACE on top of containerd's defaults", async () => {
  const node = createSandbox({ scenario: "defender" });
  expect((await run(node, "kubectl get pods -n kube-system -l app=microsoft-defender -o wide")).out).toBe(
    `NAME                                                 READY   STATUS    RESTARTS   AGE   IP            NODE                                NOMINATED NODE   READINESS GATES
microsoft-defender-collector-ds-dpbbt                2/2     Running   0          40m   10.224.0.4    ${HOST}   <none>           <none>
microsoft-defender-collector-misc-76cfd86df6-5zmmj   1/1     Running   0          40m   10.224.0.14   ${HOST}   <none>           <none>
microsoft-defender-publisher-ds-vjh8n                1/1     Running   0          40m   10.224.0.15   ${HOST}   <none>           <none>
`,
  );
  expect(
    (
      await run(
        node,
        "kubectl get pod -n kube-system microsoft-defender-collector-ds-dpbbt -o json | jq -c '.spec.containers[1].securityContext'",
      )
    ).out,
  ).toBe('{"capabilities":{"add":["SYS_ADMIN","SYS_RESOURCE","SYS_PTRACE"]}}\n');
  const inspect = "crictl inspect $(crictl ps --name low-level -q)";
  expect((await run(node, `${inspect} | jq -c .info.runtimeSpec.process.capabilities.effective`)).out).toBe(
    '["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE","CAP_SYS_ADMIN","CAP_SYS_RESOURCE","CAP_SYS_PTRACE"]\n',
  );
  // 0xa80425fb (containerd's defaults) | SYS_ADMIN (21) | SYS_RESOURCE (24) | SYS_PTRACE (19).
  expect((await run(node, `grep CapEff /proc/$(${inspect} | jq .info.pid)/status`)).out).toBe(
    "CapEff:\t00000000a92c25fb\n",
  );
  // A privileged container (ama-logs) holds every capability and runs without an AppArmor profile.
  const ama =
    "crictl inspect $(crictl ps --name '^ama-logs$' --pod $(crictl pods --name '^ama-logs-[a-z0-9]{5}$' -q) -q)";
  expect((await run(node, `grep CapEff /proc/$(${ama} | jq .info.pid)/status`)).out).toBe(
    "CapEff:\t000001ffffffffff\n",
  );
  expect(
    (
      await run(
        node,
        `${ama} | jq -c '[.info.config.linux.security_context.privileged, .info.runtimeSpec.process.apparmorProfile]'`,
      )
    ).out,
  ).toBe("[true,null]\n");

  // The collector's low-level-init init container ran to completion before the collectors.
  expect((await run(node, "crictl ps -a --name low-level")).out).toBe(
    `CONTAINER           IMAGE               CREATED             STATE               NAME                                     ATTEMPT             POD ID              POD                                     NAMESPACE
8de285e8b2b4a       0ca5a71c3b614       40 minutes ago      Running             microsoft-defender-low-level-collector   0                   2a73673cabe75       microsoft-defender-collector-ds-dpbbt   kube-system
1618aab3cbb3e       fe11e0d9b8b14       40 minutes ago      Exited              low-level-init                           0                   2a73673cabe75       microsoft-defender-collector-ds-dpbbt   kube-system
`,
  );
  expect(
    (
      await run(
        node,
        "kubectl describe pod -n kube-system microsoft-defender-collector-ds-dpbbt | sed -n '/^Init Containers:/,/^    Ready:/p' | grep -v ID:",
      )
    ).out,
  ).toBe(`Init Containers:
  low-level-init:
    Image:          mcr.microsoft.com/azuredefender/stable/low-level-init:1.3.81
    Port:           <none>
    Host Port:      <none>
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Thu, 30 Oct 2025 15:25:51 +0000
      Finished:     Thu, 30 Oct 2025 15:25:54 +0000
    Ready:          True
`);
});
