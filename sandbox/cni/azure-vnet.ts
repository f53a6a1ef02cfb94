/**
 * Azure CNI (azure-vnet, transparent mode) as containerd's CRI plugin drives it: the config
 * is the first *.conflist in /etc/cni/net.d; ADD gives the pod an address from the IPs the
 * node subnet pre-allocated to this node and a host-side veth `azv<11 hex>`; DEL returns it.
 * Knows nothing of the kubelet (DESIGN.md: cni/ is called, it does not call up).
 */
import type { NodeFs } from "../node/fs";
import { sha256Hex } from "../util/sha256";

export const CNI_NOT_INITIALIZED = "cni plugin not initialized";

export interface CniAttachment {
  ip: string;
  hostVeth: string;
  netns: string;
}

export class AzureVnetCni {
  /** Pod IP -> sandbox ID. */
  private readonly leases = new Map<string, string>();

  constructor(
    private readonly fs: NodeFs,
    /** Addresses Azure pre-allocated to this node's NIC for pods (node subnet mode). */
    private readonly pool: string[],
    private readonly confDir = "/etc/cni/net.d",
  ) {}

  /** The network config the runtime would load, or undefined ("no network config found"). */
  loadConfig(): { path: string; text: string } | undefined {
    if (!this.fs.isDirectorySync(this.confDir)) return undefined;
    const name = this.fs.readdirSync(this.confDir).find((f) => f.endsWith(".conflist") || f.endsWith(".conf"));
    if (!name) return undefined;
    const path = `${this.confDir}/${name}`;
    return { path, text: this.fs.readFileSync(path) };
  }

  networkReady(): boolean {
    return this.loadConfig() !== undefined;
  }

  add(sandboxId: string): CniAttachment {
    if (!this.networkReady()) throw new Error(CNI_NOT_INITIALIZED);
    const ip = this.pool.find((candidate) => !this.leases.has(candidate));
    if (!ip) throw new Error('plugin type="azure-vnet" failed (add): No available addresses');
    this.leases.set(ip, sandboxId);
    const h = sha256Hex(`netns:${sandboxId}`);
    return {
      ip,
      hostVeth: `azv${h.slice(0, 11)}`,
      netns: `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    };
  }

  del(sandboxId: string): void {
    for (const [ip, owner] of this.leases) if (owner === sandboxId) this.leases.delete(ip);
  }
}
