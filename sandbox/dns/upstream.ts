/**
 * The DNS servers beyond CoreDNS that the node talks to.
 *
 * Azure DNS (168.63.129.16, the platform resolver every VNet gets from DHCP) answers the VNet's
 * internal zone (`<vm>.<id>.xx.internal.cloudapp.net`) and recurses for everything else. This
 * sandbox has no internet, so a name outside the internal zone cannot be resolved: Azure DNS
 * answers SERVFAIL for it, consistently, rather than inventing addresses for public names
 * (mcr.microsoft.com and the like). CoreDNS's `forward` passes that SERVFAIL on. What needs no
 * internet is still known: a bare label and the names under the special-use TLDs the root
 * zone will never delegate (RFC 6761/6762: `local`, `localhost`, `test`, `invalid`, and
 * ICANN's `internal`) are NXDOMAIN (the root zone's SOA that comes with it is left out).
 *
 * systemd-resolved 249 (the node's 127.0.0.53 stub) synthesizes the local host name,
 * `localhost` and `_gateway` (resolved-dns-synthesize.c), never sends `.local` names to unicast
 * DNS (dns_scope_good_domain), which leaves no scope for them and the stub answers SERVFAIL,
 * and forwards the rest to its uplink, Azure DNS, over the node's network.
 */
import { AZURE_DNS } from "../scenarios/node/identity";
import { fqdn, type Question, type ResourceRecord, type Response } from "./message";

export { AZURE_DNS };

export interface NodeNaming {
  hostname: string;
  nodeIp: string;
  gateway: string;
  /** The VNet's DNS suffix DHCP hands out: `<id>.xx.internal.cloudapp.net`. */
  dnsSuffix: string;
}

const UNDELEGATED = ["local", "localhost", "test", "invalid", "internal", "example"];

const answer = (q: Question, records: ResourceRecord[], rcode: Response["rcode"] = "NOERROR"): Response => ({
  rcode,
  aa: false,
  ra: true,
  answer: records.filter((r) => q.type === "ANY" || r.type === q.type),
  authority: [],
  compress: true,
});

/** Azure's recursive resolver: the internal zone, SERVFAIL for the rest (no internet here). */
export function azureDns(naming: NodeNaming, q: Question): Response {
  const zone = fqdn(naming.dnsSuffix);
  if (q.name === `${naming.hostname}.${zone}`) {
    return answer(q, [{ name: q.name, ttl: 3600, type: "A", data: naming.nodeIp }]);
  }
  if (q.name.endsWith(".internal.cloudapp.net.")) return answer(q, [], "NXDOMAIN");
  const labels = q.name.split(".").filter(Boolean);
  const tld = labels.at(-1) ?? "";
  if (labels.length <= 1 || UNDELEGATED.includes(tld)) return answer(q, [], "NXDOMAIN");
  return answer(q, [], "SERVFAIL");
}

/**
 * The stub's answer: synthesized names, SERVFAIL for `.local`, or what the uplink said
 * (`uplink` is undefined when the query to it got no answer: resolved then fails the
 * transaction with SERVFAIL too).
 */
export function resolvedStub(naming: NodeNaming, q: Question, uplink: () => Response | undefined): Response {
  const local = (data: string): Response => answer(q, [{ name: q.name, ttl: 0, type: "A", data }]);
  if (q.name === fqdn(naming.hostname)) return local(naming.nodeIp);
  if (q.name === "localhost." || q.name.endsWith(".localhost.")) return local("127.0.0.1");
  if (q.name === "_gateway.") return local(naming.gateway);
  if (q.name === "local." || q.name.endsWith(".local.")) return answer(q, [], "SERVFAIL");
  return uplink() ?? answer(q, [], "SERVFAIL");
}
