/**
 * /opt/azure/containers/kubelet.sh, the kubelet unit's first ExecStartPre (AgentBaker
 * parts/linux/cloud-init/artifacts/kubelet.sh). The part that touches the node's tables:
 * pods may not reach the WireServer (168.63.129.16) over TCP 80 or 32526, the host-side
 * agent ports, so FORWARD drops them; the host still can (its packets take OUTPUT). The
 * script inserts both rules on every run without checking, so each kubelet start adds two
 * more: a real quirk of AKS nodes.
 */
import type { Netfilter } from "../../node/net/iptables";
import { runIptables } from "../../node/net/iptables-cli";
import type { Program } from "../../node/systemd/programs";

export function kubeletSh(nf: Netfilter): Program {
  return () => {
    for (const port of ["80", "32526"]) {
      const r = runIptables(nf, ["-I", "FORWARD", "-d", "168.63.129.16", "-p", "tcp", "--dport", port, "-j", "DROP"]);
      if (r.exitCode !== 0) return r.exitCode;
    }
    return 0;
  };
}
