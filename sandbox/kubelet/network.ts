/**
 * The kubelet's own iptables rules (pkg/kubelet/kubelet_network_linux.go, v1.32, after the
 * IPTablesOwnershipCleanup): the KUBE-IPTABLES-HINT chain in mangle, which tells other
 * components the node uses iptables-nft, and the KUBE-FIREWALL chain in filter with the
 * rule that drops martian packets to 127.0.0.0/8 (issue 90259), jumped to first from INPUT
 * and OUTPUT. A canary chain (KUBE-KUBELET-CANARY) in mangle, nat and filter, checked every
 * minute, brings them back when someone deletes the chains.
 */
import type { SimClock } from "../clock";
import type { IptablesClient } from "../node/net/iptables-client";

export function syncIPTablesRules(ipt: IptablesClient): void {
  ipt.ensureChain("mangle", "KUBE-IPTABLES-HINT");
  ipt.ensureChain("filter", "KUBE-FIREWALL");
  ipt.ensureRule("-I", "filter", "OUTPUT", ["-j", "KUBE-FIREWALL"]);
  ipt.ensureRule("-I", "filter", "INPUT", ["-j", "KUBE-FIREWALL"]);
  ipt.ensureRule("-A", "filter", "KUBE-FIREWALL", [
    "-m",
    "comment",
    "--comment",
    "block incoming localnet connections",
    "--dst",
    "127.0.0.0/8",
    "!",
    "--src",
    "127.0.0.0/8",
    "-m",
    "conntrack",
    "!",
    "--ctstate",
    "RELATED,ESTABLISHED,DNAT",
    "-j",
    "DROP",
  ]);
}

/** initNetworkUtil: the rules, then the canary watch; returns the watch's stop(). */
export function initNetworkUtil(ipt: IptablesClient, clock: SimClock, logInit: (protocol: string) => void): () => void {
  syncIPTablesRules(ipt);
  // ip6tables gets the hint chain too; the emulated node keeps no IPv6 tables, only the log line.
  logInit("IPv4");
  logInit("IPv6");
  return ipt.monitor(clock, "KUBE-KUBELET-CANARY", ["mangle", "nat", "filter"], () => syncIPTablesRules(ipt), 60_000);
}
