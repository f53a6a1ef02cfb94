/**
 * /sbin/iptables as systemd runs it from a unit (containerd's
 * `ExecStartPost=/sbin/iptables -P FORWARD ACCEPT`, the kubelet's
 * `ExecStartPre=-/sbin/iptables -t nat --numeric --list`): the same command a learner
 * types, its output going where a unit's stdout goes, the journal.
 */
import type { Program } from "../systemd/programs";
import type { Netfilter } from "./iptables";
import { runIptables } from "./iptables-cli";

export function iptablesProgram(nf: Netfilter): Program {
  return (ctx) => {
    const r = runIptables(nf, ctx.argv.slice(1));
    for (const line of `${r.stdout}${r.stderr}`.split("\n").slice(0, -1)) ctx.log(line);
    return r.exitCode;
  };
}
