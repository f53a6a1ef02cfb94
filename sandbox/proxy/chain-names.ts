/**
 * kube-proxy's chain names (pkg/proxy/iptables/proxier.go portProtoHash and
 * servicePortEndpointChainName): the first 16 characters of the standard base32 encoding
 * of sha256(`ns/svc[:port]` + lower-case protocol [+ `ip:port`]), after a prefix. Chains
 * stay under iptables' 28 characters and the same service always gets the same name.
 */
import { sha256Bytes } from "../util/sha256";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (Go's base32.StdEncoding), padding omitted: only a prefix is used. */
function base32(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Names by their input: kube-proxy names every chain of every Service on each sync, and a
 * SHA-256 each time was a third of a sync's cost with a thousand Services.
 */
const hashes = new Map<string, string>();

function hash16(text: string): string {
  let h = hashes.get(text);
  if (h === undefined) {
    h = base32(sha256Bytes(text)).slice(0, 16);
    if (hashes.size >= 50_000) hashes.clear();
    hashes.set(text, h);
  }
  return h;
}

/** `default/web` for an unnamed port, `kube-system/kube-dns:dns` for a named one (ServicePortName.String). */
export const servicePortName = (namespace: string, name: string, port: string) =>
  port ? `${namespace}/${name}:${port}` : `${namespace}/${name}`;

export const serviceChain = (portName: string, protocol: string) => `KUBE-SVC-${hash16(portName + protocol)}`;
export const externalChain = (portName: string, protocol: string) => `KUBE-EXT-${hash16(portName + protocol)}`;
export const localChain = (portName: string, protocol: string) => `KUBE-SVL-${hash16(portName + protocol)}`;
export const endpointChain = (portName: string, protocol: string, endpoint: string) =>
  `KUBE-SEP-${hash16(portName + protocol + endpoint)}`;

const SERVICE_CHAIN_PREFIXES = ["KUBE-SVC-", "KUBE-SVL-", "KUBE-SEP-", "KUBE-FW-", "KUBE-EXT-"];
/** isServiceChainName: the chains kube-proxy deletes once nothing uses them. */
export const isServiceChain = (name: string) => SERVICE_CHAIN_PREFIXES.some((p) => name.startsWith(p));
