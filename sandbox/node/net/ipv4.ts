/**
 * IPv4 addresses and prefixes as iptables takes them (`10.0.0.1`, `10.0.0.0/8`,
 * `10.0.0.0/255.0.0.0`): parsed to a 32-bit network and prefix length, masked, and printed
 * back as iptables-save does (`10.0.0.1/32`).
 */
export interface Cidr {
  /** Network address as an unsigned 32-bit number (already masked). */
  addr: number;
  prefix: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export const formatIpv4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");

const maskOf = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** `a.b.c.d[/len|/mask]`, or the one name every node resolves; undefined if neither. */
export function parseCidr(text: string): Cidr | undefined {
  const [host, mask] = text.split("/", 2) as [string, string | undefined];
  const addr = host === "localhost" ? parseIpv4("127.0.0.1") : parseIpv4(host);
  if (addr === undefined) return undefined;
  let prefix = 32;
  if (mask !== undefined) {
    if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) prefix = Number(mask);
    else {
      const m = parseIpv4(mask);
      if (m === undefined) return undefined;
      const bits = m.toString(2).padStart(32, "0");
      if (!/^1*0*$/.test(bits)) return undefined;
      prefix = bits.indexOf("0") === -1 ? 32 : bits.indexOf("0");
    }
  }
  return { addr: (addr & maskOf(prefix)) >>> 0, prefix };
}

export const formatCidr = (c: Cidr) => `${formatIpv4(c.addr)}/${c.prefix}`;

export function cidrContains(c: Cidr, ip: string): boolean {
  const n = parseIpv4(ip);
  return n !== undefined && (n & maskOf(c.prefix)) >>> 0 === c.addr;
}
