/**
 * The plugins' state files, rewritten after every ADD and DEL as azure-vnet's store does
 * (store/json.go: the whole document, indented with tabs). Shapes follow network/manager.go (`Network` ->
 * ExternalInterfaces -> Networks -> Endpoints) and ipam/manager.go (`IPAM` -> AddressSpaces ->
 * Pools -> Addresses), trimmed to the fields a learner looks for. Go marshals net.IPMask and
 * net.HardwareAddr as base64 ([]byte), so masks read `//8AAA==`.
 */
import type { NodeFs } from "../node/fs";

export interface EndpointRecord {
  id: string;
  containerId: string;
  hostVeth: string;
  ip: string;
  netnsPath: string;
  podName: string;
  podNamespace: string;
  mac: string;
}

export interface StateContext {
  version: string;
  subnet: string;
  prefix: number;
  gateway: string;
  hostMac: string;
  now: number;
}

const base64 = (bytes: number[]) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const chars = [18, 12, 6, 0].map((s) => alphabet[(n >> s) & 63]);
    const keep = Math.min(4, bytes.length - i + 1);
    out += chars.slice(0, keep).join("") + "=".repeat(4 - keep);
  }
  return out;
};
const maskBytes = (prefix: number) =>
  [0, 1, 2, 3].map((i) => (0xff << (8 - Math.min(8, Math.max(0, prefix - i * 8)))) & 0xff);
const macBytes = (mac: string) => mac.split(":").map((x) => Number.parseInt(x, 16));
const goTime = (ms: number) => new Date(ms).toISOString().replace("Z", "000000Z");

export function writeVnetState(fs: NodeFs, ctx: StateContext, endpoints: EndpointRecord[]): void {
  const mask = base64(maskBytes(ctx.prefix));
  const doc = {
    Network: {
      Version: ctx.version,
      TimeStamp: goTime(ctx.now),
      ExternalInterfaces: {
        eth0: {
          Name: "eth0",
          Networks: {
            azure: {
              Id: "azure",
              Mode: "transparent",
              VlanId: 0,
              Subnets: [{ Family: 2, Prefix: { IP: ctx.subnet, Mask: mask }, Gateway: ctx.gateway, PrimaryIP: "" }],
              Endpoints: Object.fromEntries(
                endpoints.map((ep) => [
                  ep.id,
                  {
                    Id: ep.id,
                    IfName: "eth0",
                    HostIfName: ep.hostVeth,
                    MacAddress: base64(macBytes(ep.mac)),
                    IPAddresses: [{ IP: ep.ip, Mask: mask }],
                    Gateways: [ctx.gateway],
                    Routes: [{ Dst: { IP: "0.0.0.0", Mask: "AAAAAA==" }, Gw: "169.254.1.1" }],
                    VlanID: 0,
                    ContainerID: ep.containerId,
                    NetNs: ep.netnsPath,
                    PODName: ep.podName,
                    PODNameSpace: ep.podNamespace,
                  },
                ]),
              ),
              DNS: { Suffix: "", Servers: null, Options: null },
              EnableSnatOnHost: false,
              NetNs: "",
            },
          },
          Subnets: [`${ctx.subnet}/${ctx.prefix}`],
          BridgeName: "",
          MacAddress: base64(macBytes(ctx.hostMac)),
          IPv4Gateway: ctx.gateway,
          IPv6Gateway: "::",
        },
      },
    },
  };
  fs.writeFileSync("/var/run/azure-vnet.json", `${JSON.stringify(doc, null, "\t")}\n`, 0o644);
}

export function writeIpamState(fs: NodeFs, ctx: StateContext, pool: string[], leases: Map<string, string>): void {
  const poolId = `${ctx.subnet}/${ctx.prefix}`;
  const doc = {
    IPAM: {
      Version: ctx.version,
      TimeStamp: goTime(ctx.now),
      AddressSpaces: {
        local: {
          Id: "local",
          Scope: 0,
          Pools: {
            [poolId]: {
              Id: poolId,
              IfName: "eth0",
              Subnet: { IP: ctx.subnet, Mask: base64(maskBytes(ctx.prefix)) },
              Gateway: ctx.gateway,
              Addresses: Object.fromEntries(
                pool.map((ip) => [ip, { ID: leases.get(ip) ?? "", Addr: ip, InUse: leases.has(ip) }]),
              ),
              IsIPv6: false,
              Priority: 0,
              RefCount: 1,
            },
          },
        },
      },
    },
  };
  fs.writeFileSync("/var/run/azure-vnet-ipam.json", `${JSON.stringify(doc, null, "\t")}\n`, 0o644);
}
