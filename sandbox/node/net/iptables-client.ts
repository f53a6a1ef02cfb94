/**
 * What Kubernetes components call to program iptables (k8s.io/kubernetes pkg/util/iptables,
 * the `utiliptables.Interface`): EnsureChain, EnsureRule (an `-C` check, then `-I`/`-A`),
 * RestoreAll (iptables-restore --noflush), SaveInto, and Monitor, the canary-chain watch
 * that notices someone flushing the tables. The kubelet, kube-proxy and ip-masq-agent use
 * it; it runs the same command code a learner's `iptables` does.
 */
import type { SimClock } from "../../clock";
import type { Netfilter } from "./iptables";
import { executeIptables } from "./iptables-cli";
import { IptablesError } from "./iptables-errors";
import { saveTables } from "./iptables-list";
import { restoreTables } from "./iptables-restore";

export type RulePosition = "-I" | "-A";

export class IptablesClient {
  constructor(
    private readonly nf: Netfilter,
    private readonly now: () => number,
  ) {}

  /** Create the chain unless it exists; true if it already existed. */
  ensureChain(table: string, chain: string): boolean {
    if (this.nf.hasChain(table, chain)) return true;
    this.nf.newChain(table, chain);
    return false;
  }

  /** Add the rule at the top (-I) or bottom (-A) unless an identical rule is there. */
  ensureRule(position: RulePosition, table: string, chain: string, args: string[]): boolean {
    try {
      executeIptables(this.nf, ["-t", table, "-C", chain, ...args]);
      return true;
    } catch (e) {
      if (!(e instanceof IptablesError) || e.kind !== "operation") throw e;
    }
    executeIptables(this.nf, ["-t", table, position, chain, ...args]);
    return false;
  }

  /** Changes whenever anything changes the tables (Netfilter.generation). */
  generation(): number {
    return this.nf.generation;
  }

  /** The table's chains in iptables-save's order (the `:CHAIN` lines of SaveInto). */
  chainNames(table: string): string[] {
    return this.nf.chains(table).map((c) => c.name);
  }

  chainExists(table: string, chain: string): boolean {
    return this.nf.hasChain(table, chain);
  }

  /** iptables-restore --noflush --counters; throws with the program's stderr on failure. */
  restoreAll(data: string): void {
    const r = restoreTables(this.nf, data, { noflush: true, counters: true });
    if (r.exitCode !== 0) throw new Error(`exit status ${r.exitCode}: ${r.stderr.trim()}`);
  }

  /** iptables-save -t TABLE. */
  saveInto(table: string): string {
    return saveTables(this.nf, this.now(), { table });
  }

  /**
   * Monitor: make sure the canary chain exists in every table, then every `intervalMs`
   * check the first table's; once it is gone (and the others with it) call `reload` and
   * start over. A flush (-F) keeps chains, so only a deleted canary (-X) is noticed.
   * Returns stop(); the canaries stay when it stops, as kube-proxy's never-closed stopCh
   * leaves them.
   */
  monitor(clock: SimClock, canary: string, tables: string[], reload: () => void, intervalMs: number): () => void {
    const ensure = () => {
      for (const t of tables) this.ensureChain(t, canary);
    };
    ensure();
    const timer = clock.setInterval(() => {
      if (this.nf.hasChain(tables[0] as string, canary)) return;
      reload();
      ensure();
    }, intervalMs);
    return () => clock.clearTimer(timer);
  }
}
