/**
 * Azure CNI (azure-vnet, transparent mode, with azure-vnet-ipam) as containerd's CRI plugin
 * drives it. ADD, after containerd made the pod's network namespace, does what
 * network/transparent_endpointclient_linux.go does: a veth pair `azv<11 hex>`/`azv<11 hex>2`
 * (the name from sha1("<namespace>.<pod>"), the host end's MAC aa:aa:aa:aa:aa:aa), a /32
 * route to the pod through the host end, the other end moved into the pod as eth0 with the
 * pod IP/16, the kernel's subnet route replaced by `169.254.1.1 dev eth0 scope link` and
 * `default via 169.254.1.1`, and the gateway's neighbour entry pointing at the host end's MAC.
 * DEL takes the route down and returns the IP; the veth goes when containerd deletes the
 * namespace. Both write the plugins' logs and state files. Knows nothing of the kubelet.
 */
import type { NodeFs } from "../node/fs";
import { ipv4ToNumber, type Link, linkLocalFromMac, type NetworkStack } from "../node/net/stack";
import { sha1Hex } from "../util/sha1";
import { sha256Hex } from "../util/sha256";
import { CNI_NOT_INITIALIZED, type CniLoadStatus, loadCniConfig } from "./conf";
import { type EndpointRecord, type StateContext, writeIpamState, writeVnetState } from "./state";
import { pluginPid, runLogger } from "./zap-log";

export { CNI_NOT_INITIALIZED, type CniLoadStatus } from "./conf";

/** azure-vnet's release on this node image (unconfirmed: the AKS release notes name v1.6.x). */
export const AZURE_CNI_VERSION = "v1.6.21";
const VNET_LOG = "/var/log/azure-vnet.log";
const IPAM_LOG = "/var/log/azure-vnet-ipam.log";
const HOST_VETH_MAC = "aa:aa:aa:aa:aa:aa";
const VIRTUAL_GW = "169.254.1.1";

/** What containerd passes: CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME and the K8S_* CNI_ARGS. */
export interface CniArgs {
  containerId: string;
  netnsPath: string;
  podName: string;
  podNamespace: string;
  podUid: string;
}

export interface CniAttachment {
  ip: string;
  hostVeth: string;
}

/** The node subnet the pool belongs to. */
export interface NodeSubnet {
  subnet: string;
  prefix: number;
  gateway: string;
  hostMac: string;
}

export class AzureVnetCni {
  /** Pod IP -> the endpoint holding it. */
  private readonly leases = new Map<string, string>();
  private readonly endpoints = new Map<string, EndpointRecord>();

  constructor(
    private readonly fs: NodeFs,
    private readonly net: NetworkStack,
    /** Addresses Azure pre-allocated to this node's NIC for pods (node subnet mode). */
    private readonly pool: string[],
    private readonly subnet: NodeSubnet,
    private readonly now: () => number,
    private readonly confDir = "/etc/cni/net.d",
  ) {}

  /** What the CRI plugin's last (re)load of the conf dir gave. */
  loadStatus(): CniLoadStatus {
    return loadCniConfig(this.fs, this.confDir);
  }

  /** The network config the runtime loaded, or undefined when loading failed. */
  loadConfig(): { path: string; text: string } | undefined {
    const status = this.loadStatus();
    return status.ok ? { path: status.path, text: status.text } : undefined;
  }

  networkReady(): boolean {
    return this.loadStatus().ok;
  }

  /** Endpoints by the container they were made for (what azure-vnet.json lists). */
  endpointOf(containerId: string): EndpointRecord | undefined {
    return this.endpoints.get(endpointId(containerId));
  }

  /**
   * CNI ADD. Throws `cni plugin not initialized` when no config is loaded (go-cni refuses
   * before running any plugin) and `plugin type="azure-vnet" failed (add): ...` when the
   * plugin itself fails, as libcni words it.
   */
  add(args: CniArgs): CniAttachment {
    const status = this.loadStatus();
    if (!status.ok) throw new Error(CNI_NOT_INITIALIZED);
    // libcni injects name and cniVersion into the plugin's config; Go marshals map keys sorted.
    const stdinData = JSON.stringify(
      sortKeys({ ...status.plugins[0], cniVersion: status.cniVersion, name: status.name }),
    );
    const log = runLogger(this.fs, VNET_LOG, this.now, pluginPid(`add:${args.containerId}`));
    const cniArgs = `K8S_POD_UID=${args.podUid};IgnoreUnknown=1;K8S_POD_NAMESPACE=${args.podNamespace};K8S_POD_NAME=${args.podName};K8S_POD_INFRA_CONTAINER_ID=${args.containerId}`;
    log("Plugin Info", { name: "azure-vnet", version: AZURE_CNI_VERSION, component: "cni-net" });
    log("Plugin started", { component: "cni-net" });
    log("[cni-net] Processing ADD command", {
      containerId: args.containerId,
      netNS: args.netnsPath,
      ifName: "eth0",
      args: cniArgs,
      path: "/opt/cni/bin",
      stdinData,
    });
    const ip = this.allocate(args, cniArgs);
    if (!ip) {
      const why = "Failed to allocate pool: Failed to delegate: Failed to allocate address: No available addresses";
      log("[cni-net] ADD command completed for", { pod: args.podName, IPs: null, err: why }, "error");
      throw new Error(`plugin type="azure-vnet" failed (add): ${why}`);
    }
    const id = endpointId(args.containerId);
    log("[cni-net] Found network with subnet", { network: "azure", subnet: this.subnetText() });
    log("[cni-net] Creating endpoint", { endpointID: id });
    const key = `${args.podNamespace}.${args.podName}`;
    const hostVeth = `azv${sha1Hex(key).slice(0, 11)}`;
    log("Generate veth name based on the key provided", { key });
    const podMac = randomMac(args.containerId);
    this.plumb(hostVeth, podMac, ip, args.netnsPath, log);
    const record: EndpointRecord = {
      id,
      containerId: args.containerId,
      hostVeth,
      ip,
      netnsPath: args.netnsPath,
      podName: args.podName,
      podNamespace: args.podNamespace,
      mac: podMac,
    };
    this.endpoints.set(id, record);
    this.saveState();
    log(
      `CNI ADD succeeded : IP:[{Version:4 Interface:<nil> Address:{IP:${ip} Mask:${hexMask(this.subnet.prefix)}} Gateway:${this.subnet.gateway}}], VlanID: 0, podname ${args.podName}, namespace ${args.podNamespace} numendpoints:${this.endpoints.size}`,
      { component: "cni-net" },
    );
    log("[cni-net] ADD command completed for", { pod: args.podName, IPs: `[${ip}/${this.subnet.prefix}]`, err: null });
    return { ip, hostVeth };
  }

  /** CNI DEL: the host route goes and the IP returns to the pool; a second DEL finds nothing. */
  del(args: CniArgs): void {
    const id = endpointId(args.containerId);
    const log = runLogger(this.fs, VNET_LOG, this.now, pluginPid(`del:${args.containerId}`));
    log("Plugin Info", { name: "azure-vnet", version: AZURE_CNI_VERSION, component: "cni-net" });
    log("[cni-net] Processing DEL command", {
      containerId: args.containerId,
      netNS: args.netnsPath,
      ifName: "eth0",
      args: `K8S_POD_UID=${args.podUid};IgnoreUnknown=1;K8S_POD_NAMESPACE=${args.podNamespace};K8S_POD_NAME=${args.podName};K8S_POD_INFRA_CONTAINER_ID=${args.containerId}`,
      path: "/opt/cni/bin",
    });
    const ep = this.endpoints.get(id);
    if (ep) {
      log("[cni-net] Deleting endpoint", { endpointID: id });
      log("Deleting route for the", { ip: `${ep.ip}/32` });
      const host = this.net.host;
      const link = host.link(ep.hostVeth);
      if (link) host.deleteRoute(ep.ip, link.ifindex);
      this.endpoints.delete(id);
      this.release(ep, args);
      this.saveState();
    } else {
      log("Failed to query endpoint", { endpoint: id, error: "Endpoint not found" }, "error");
    }
    log("[cni-net] DEL command completed for", { pod: args.podName, err: null });
  }

  /** The transparent endpoint client's plumbing, host side then pod side. */
  private plumb(hostVeth: string, podMac: string, ip: string, netnsPath: string, log: ReturnType<typeof runLogger>) {
    const { net } = this;
    const host = net.host;
    const stale = host.link(hostVeth);
    if (stale) {
      log("Deleting old host veth", { hostVethName: hostVeth });
      removeVeth(stale, host);
    }
    const { link, peer } = net.addVethPair(host, hostVeth, `${hostVeth}2`, HOST_VETH_MAC, podMac, 1500);
    host.addresses.push({
      ifindex: link.ifindex,
      family: 6,
      local: linkLocalFromMac(HOST_VETH_MAC),
      prefix: 64,
      scope: "link",
    });
    log("Adding route for the", { ip: `${ip}/32` });
    host.addRoute({ dst: ip, ifindex: link.ifindex, scope: "link" });
    // The host talks to the pod (probes, the API server's exec/logs via the kubelet).
    host.neighbours.push({ dst: ip, ifindex: link.ifindex, lladdr: podMac, confirmed: this.now() });
    const podNs = net.namespace(netnsPath.split("/").pop());
    if (!podNs) return;
    log("Setting link netns", { containerVethName: peer.name, NetNsPath: netnsPath });
    net.moveLink(peer, host, podNs);
    const eth0 = podNs.link(peer.name) as Link;
    eth0.name = "eth0";
    podNs.addresses.push(
      { ifindex: eth0.ifindex, family: 4, local: ip, prefix: this.subnet.prefix, scope: "global" },
      { ifindex: eth0.ifindex, family: 6, local: linkLocalFromMac(podMac), prefix: 64, scope: "link" },
    );
    podNs.addRoute({ dst: "default", via: VIRTUAL_GW, ifindex: eth0.ifindex });
    podNs.addRoute({ dst: VIRTUAL_GW, ifindex: eth0.ifindex, scope: "link" });
    log("Adding static arp for IP address and MAC in Container namespace", {
      address: `${VIRTUAL_GW}/32`,
      hostVethMac: HOST_VETH_MAC,
    });
    podNs.neighbours.push({ dst: VIRTUAL_GW, ifindex: eth0.ifindex, lladdr: HOST_VETH_MAC, confirmed: this.now() });
  }

  /** azure-vnet-ipam's ADD, run by azure-vnet as a delegate (its own process and log). */
  private allocate(args: CniArgs, cniArgs: string): string | undefined {
    const log = runLogger(this.fs, IPAM_LOG, this.now, pluginPid(`ipam-add:${args.containerId}`));
    log("Plugin Info", { name: "azure-vnet-ipam", version: AZURE_CNI_VERSION, component: "cni-ipam" });
    log("[cni-ipam] Processing ADD command", {
      containerId: args.containerId,
      netNS: args.netnsPath,
      ifName: "eth0",
      args: cniArgs,
      path: "/opt/cni/bin",
    });
    const ip = this.pool.find((candidate) => !this.leases.has(candidate));
    if (!ip) {
      log("[cni-ipam] Failed to allocate address", { error: "No available addresses" }, "error");
      return undefined;
    }
    this.leases.set(ip, endpointId(args.containerId));
    log("[cni-ipam] Allocated address", { poolID: this.subnetText(), address: `${ip}/${this.subnet.prefix}` });
    log("[cni-ipam] ADD command completed", {
      result: `IP:[{Version:4 Interface:<nil> Address:{IP:${ip} Mask:${hexMask(this.subnet.prefix)}} Gateway:${this.subnet.gateway}}]`,
      err: null,
    });
    return ip;
  }

  private release(ep: EndpointRecord, args: CniArgs): void {
    const log = runLogger(this.fs, IPAM_LOG, this.now, pluginPid(`ipam-del:${args.containerId}`));
    log("Plugin Info", { name: "azure-vnet-ipam", version: AZURE_CNI_VERSION, component: "cni-ipam" });
    log("[cni-ipam] Processing DEL command", {
      containerId: args.containerId,
      netNS: args.netnsPath,
      ifName: "eth0",
      path: "/opt/cni/bin",
    });
    this.leases.delete(ep.ip);
    log("[cni-ipam] Released address", { poolID: this.subnetText(), address: ep.ip });
    log("[cni-ipam] DEL command completed", { err: null });
  }

  private subnetText(): string {
    return `${this.subnet.subnet}/${this.subnet.prefix}`;
  }

  private saveState(): void {
    const ctx: StateContext = { ...this.subnet, version: AZURE_CNI_VERSION, now: this.now() };
    const byIp = [...this.endpoints.values()].sort((a, b) => ipv4ToNumber(a.ip) - ipv4ToNumber(b.ip));
    writeVnetState(this.fs, ctx, byIp);
    writeIpamState(this.fs, ctx, this.pool, this.leases);
  }
}

/** network/endpoint_linux.go ConstructEndpointID: the container ID's first 8 chars + "-eth0". */
export const endpointId = (containerId: string) => `${containerId.slice(0, 8)}-eth0`;

/** Go's %v of a /n mask: 8 hex digits (`ffff0000`). */
const hexMask = (prefix: number) =>
  (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0).toString(16).padStart(8, "0");

/** The kernel's random MAC for a new veth end (eth_random_addr: locally administered, unicast). */
function randomMac(seed: string): string {
  const h = sha256Hex(`veth-mac:${seed}`);
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => Number.parseInt(h.slice(i * 2, i * 2 + 2), 16));
  bytes[0] = ((bytes[0] ?? 0) & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

function removeVeth(link: Link, ns: { removeLink(l: Link): void }): void {
  if (link.peer) link.peer.ns.removeLink(link.peer.link);
  ns.removeLink(link);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
