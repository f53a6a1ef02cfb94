import { expect, it } from "vitest";
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
