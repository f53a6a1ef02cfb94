/**
 * azure-ip-masq-agent (Azure/ip-masq-agent-v2, cmd/ip-masq-agent-v2): the program in the
 * azure-ip-masq-agent DaemonSet's container. Every --resync-interval (60 s) it ensures the
 * IP-MASQ-AGENT chain in nat, a POSTROUTING jump to it for non-LOCAL destinations, and
 * rewrites the chain through iptables-restore: RETURN for the non-masquerade CIDRs, then
 * MASQUERADE for everything else. AKS's reconciled config for Azure CNI node-subnet names
 * the VNet (10.224.0.0/12) and sets masqLinkLocal, so no 169.254.0.0/16 rule (the config
 * values are unconfirmed by source; the rules' texts are the agent's).
 */
import type { SimClock } from "../clock";
import type { IptablesClient } from "../node/net/iptables-client";
import type { ContainerProgram } from "../runtime/types";

const RESYNC_MS = 60_000;
const CHAIN = "IP-MASQ-AGENT";

export interface MasqConfig {
  nonMasqueradeCIDRs: string[];
  masqLinkLocal: boolean;
}

export const AKS_MASQ_CONFIG: MasqConfig = { nonMasqueradeCIDRs: ["10.224.0.0/12"], masqLinkLocal: true };

/** syncMasqRules: the restore input for the chain. */
export function masqRules(config: MasqConfig): string {
  const nonMasq = (cidr: string) =>
    `-A ${CHAIN} -m comment --comment "ip-masq-agent: local traffic is not subject to MASQUERADE" -d ${cidr} -j RETURN`;
  return [
    "*nat",
    `:${CHAIN} - [0:0]`,
    ...(config.masqLinkLocal ? [] : [nonMasq("169.254.0.0/16")]),
    ...config.nonMasqueradeCIDRs.map(nonMasq),
    `-A ${CHAIN} -m comment --comment "ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE`,
    "COMMIT",
    "",
  ].join("\n");
}

export function ipMasqAgent(clock: SimClock, ipt: IptablesClient, config = AKS_MASQ_CONFIG): ContainerProgram {
  return () => {
    // The tables as this agent's last pass left them: a pass over unchanged tables rewrites
    // the same rules with the same (zero) counters, so it is skipped, not simulated.
    let syncedAt: number | undefined;
    const sync = () => {
      if (syncedAt === ipt.generation()) return;
      ipt.ensureChain("nat", CHAIN);
      ipt.ensureRule("-A", "nat", "POSTROUTING", [
        "-m",
        "comment",
        "--comment",
        `ip-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom ${CHAIN} chain`,
        "-m",
        "addrtype",
        "!",
        "--dst-type",
        "LOCAL",
        "-j",
        CHAIN,
      ]);
      ipt.restoreAll(masqRules(config));
      syncedAt = ipt.generation();
    };
    sync();
    const timer = clock.setInterval(sync, RESYNC_MS);
    return { stop: () => clock.clearTimer(timer) };
  };
}
