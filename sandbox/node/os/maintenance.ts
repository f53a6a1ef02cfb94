/**
 * The scripts AKS's timers start (oneshot services): what they print to the journal on a
 * healthy node, and the CPU time they use, for systemd's `Consumed ... CPU time.` line.
 *
 * aks-log-collector.sh (AgentBaker parts/linux/cloud-init/artifacts): its `echo` lines and
 * aks-log-collector-send.py's; zip's `adding: ...` line per collected file (some forty) is
 * left out. ubuntu-snapshot-update.sh (artifacts/ubuntu): a node without the
 * `kubernetes.azure.com/live-patching-golden-timestamp` annotation stops at once.
 */
import { sha256Hex } from "../../util/sha256";
import type { ProgramRegistry } from "../systemd/programs";

export function registerMaintenanceScripts(programs: ProgramRegistry, now: () => number): void {
  programs.register("/opt/azure/containers/aks-log-collector.sh", (ctx) => {
    // mktemp -d: /tmp/tmp. and ten random characters.
    const workdir = `/tmp/tmp.${sha256Hex(`aks-log-collector@${now()}`).slice(0, 10)}`;
    for (const line of [
      `Created temporary directory: ${workdir}`,
      "Collecting system information...",
      "Adding log files to zip archive...",
      "Log bundle size: 1.9M\taks_logs.zip",
      "Uploading log bundle: Uploading logs via Wireserver...",
      "(retry=0) Successfully uploaded logs",
      `Cleaning up ${workdir}...`,
      "Log collection finished.",
    ])
      ctx.log(line);
    ctx.consumedCpu(3_146);
    return 0;
  });
  programs.register("/opt/azure/containers/ubuntu-snapshot-update.sh", (ctx) => {
    ctx.log("golden timestamp is not set, skip live patching");
    ctx.consumedCpu(212);
    return 0;
  });
}
