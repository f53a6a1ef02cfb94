import { expect, it } from "vitest";
import { sha256Hex } from "../util/sha256";
import { endpointChain, serviceChain, servicePortName } from "./chain-names";
import { probability } from "./proxier";

it("hashes chain names as kube-proxy does (node-facts.md §4 and the real well-known services)", () => {
  const web = servicePortName("default", "web", "");
  expect(serviceChain(web, "tcp")).toBe("KUBE-SVC-LOLE4ISW44XBNF3G");
  expect(endpointChain(web, "tcp", "10.244.0.12:8080")).toBe("KUBE-SEP-MZGQ3F6ZS44FOLMW");
  expect(endpointChain(web, "tcp", "10.244.1.7:8080")).toBe("KUBE-SEP-DKWNLF34UGBVYALX");
  // The chains every cluster has: kubernetes:https, kube-dns:dns and dns-tcp.
  expect(serviceChain(servicePortName("default", "kubernetes", "https"), "tcp")).toBe("KUBE-SVC-NPX46M4PTMTKRN6Y");
  expect(serviceChain(servicePortName("kube-system", "kube-dns", "dns"), "udp")).toBe("KUBE-SVC-TCOU7JCQXEZGVUNU");
  expect(serviceChain(servicePortName("kube-system", "kube-dns", "dns-tcp"), "tcp")).toBe("KUBE-SVC-ERIFXISQEP7F7OF4");
});

it("writes probabilities with %0.10f", () => {
  expect([2, 3, 4].map(probability)).toEqual(["0.5000000000", "0.3333333333", "0.2500000000"]);
});

/**
 * The same names computed here, from the rule in proxier.go (servicePortChainName,
 * portProtoHash): RFC 4648 base32 of sha256(servicePortName + protocol), first 16 chars.
 */
function independent(prefix: string, input: string): string {
  const bytes = (sha256Hex(input).match(/../g) ?? []).map((h) => Number.parseInt(h, 16));
  const bits = bytes.map((b) => b.toString(2).padStart(8, "0")).join("");
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let out = "";
  for (let i = 0; i + 5 <= bits.length && out.length < 16; i += 5)
    out += alphabet[Number.parseInt(bits.slice(i, i + 5), 2)];
  return `${prefix}${out}`;
}

it("matches an independent computation for a set of services and endpoints", () => {
  const set = [
    ["default", "web", "", "tcp", "10.224.0.14:80"],
    ["default", "api", "http", "tcp", "10.224.0.15:8080"],
    ["shop", "cart", "grpc", "tcp", "10.224.0.16:9090"],
    ["kube-system", "kube-dns", "dns", "udp", "10.224.0.7:53"],
  ] as const;
  for (const [ns, name, port, proto, ep] of set) {
    const spn = servicePortName(ns, name, port);
    const key = `${ns}/${name}${port ? `:${port}` : ""}`;
    expect(serviceChain(spn, proto)).toBe(independent("KUBE-SVC-", `${key}${proto}`));
    expect(endpointChain(spn, proto, ep)).toBe(independent("KUBE-SEP-", `${key}${proto}${ep}`));
  }
});
