/**
 * The Azure Linux Agent (walinuxagent.service). The daemon (`waagent -daemon`, the package's
 * 2.2.46) finds the newest agent it has downloaded and runs it as a child from
 * /var/lib/waagent/WALinuxAgent-<version>: `python3 -u bin/WALinuxAgent-<version>-py3.12.egg
 * -run-exthandlers` with that directory as its working directory (azurelinuxagent/ga/
 * update.py, get_agent_cmd; the child's argv[0] is sys.executable). Both log to stdout, so
 * the journal shows them as `python3`, in the agent's own format `<UTC time> INFO <thread>
 * <prefix> <message>`. The auto-updated version is unconfirmed for this image.
 */
import { rfc3339Nano } from "../../util/time-format";
import type { ProgramContext, RunningProgram } from "../systemd/programs";
import type { OsDeps } from "./deps";

const PACKAGE_VERSION = "2.2.46";
export const GOAL_STATE_AGENT = "2.14.0.1";
const EXTHANDLER_ARGV = [
  "/usr/bin/python3",
  "-u",
  `bin/WALinuxAgent-${GOAL_STATE_AGENT}-py3.12.egg`,
  "-run-exthandlers",
];
/** The daemon hands over to the extension handler once it has picked the agent to run. */
const HANDOVER_MS = 780;

export function startWaagent(ctx: ProgramContext, deps: OsDeps): RunningProgram {
  const line = (thread: string, message: string) =>
    `${rfc3339Nano(deps.clock.now() * 1000).slice(0, 26)}Z INFO ${thread} ${message}`;
  for (const message of [
    `Azure Linux Agent Version: ${PACKAGE_VERSION}`,
    "OS: ubuntu 22.04",
    "Python: 3.10.12",
    "Run daemon",
  ])
    ctx.log(line("Daemon", `Daemon ${message}`));
  const handover = deps.clock.setTimeout(() => {
    ctx.log(line("Daemon", `Daemon Determined Agent WALinuxAgent-${GOAL_STATE_AGENT} to be the latest agent`));
    const pid = ctx.spawnChild(EXTHANDLER_ARGV);
    for (const message of [
      `Azure Linux Agent (Goal State Agent version ${GOAL_STATE_AGENT})`,
      "OS: ubuntu 22.04",
      "Python: 3.10.12",
      "CGroups Status: The cgroup filesystem is ready to use",
    ])
      deps.journal.append({
        unit: ctx.unit,
        identifier: "python3",
        pid,
        message: line("ExtHandler", `ExtHandler ${message}`),
      });
  }, HANDOVER_MS);
  return {
    // The child lives in the unit's cgroup: systemd's stop ends it with the daemon.
    stop: () => deps.clock.clearTimer(handover),
    tasks: 1,
    memoryBytes: 24_896 * 1024,
    cpuShare: 0.0004,
  };
}
