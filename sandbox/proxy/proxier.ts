/**
 * syncProxyRules of kube-proxy v1.32's iptables proxier (pkg/proxy/iptables/proxier.go),
 * for ClusterIP and NodePort services with Cluster traffic policy: the iptables-restore
 * input it writes, in its own argument order (iptables-save puts them in canonical order).
 * A full sync writes every service's chains; a partial sync only those of services whose
 * Service or EndpointSlices changed, but always the top-level chains (KUBE-SERVICES,
 * KUBE-NODEPORTS, ...), which a chain line in the input flushes and refills. Chains no
 * longer in use are flushed and deleted (`-X`). Services are written in name order here
 * (kube-proxy walks a Go map, so a real node's order varies from sync to sync).
 */
import { endpointChain, externalChain, isServiceChain, serviceChain } from "./chain-names";
import { clusterEndpoints, type EndpointInfo, endpointString, type ServicePortInfo } from "./service-map";

export interface SyncInput {
  services: Map<string, ServicePortInfo>;
  endpoints: Map<string, EndpointInfo[]>;
  /** Services (`ns/name`) whose chains are rewritten; undefined for a full sync. */
  changed?: Set<string>;
  /** The nat table's chains now (from iptables-save), to find stale ones. */
  existingNatChains: string[];
  /** --detect-local-mode=InterfaceNamePrefix --pod-interface-name-prefix. */
  podInterfacePrefix: string;
  masqueradeMark: string;
  /** --iptables-localhost-nodeports (default true; nodePortAddresses is unset on AKS). */
  localhostNodePorts: boolean;
}

export interface SyncOutput {
  data: string;
  numServices: number;
  numEndpoints: number;
  numFilterChains: number;
  numFilterRules: number;
  numNATChains: number;
  numNATRules: number;
}

const chainLine = (name: string) => `:${name} - [0:0]`;

/** 1/n with %0.10f, as computeProbability formats it. */
export const probability = (n: number) => (1 / n).toFixed(10);

export function syncProxyRules(input: SyncInput): SyncOutput {
  const mark = input.masqueradeMark;
  const filterChains = [
    "KUBE-SERVICES",
    "KUBE-EXTERNAL-SERVICES",
    "KUBE-FORWARD",
    "KUBE-NODEPORTS",
    "KUBE-PROXY-FIREWALL",
  ].map(chainLine);
  const filterRules: string[] = [];
  const natChains = ["KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ"].map(chainLine);
  const natRules: string[] = [
    `-A KUBE-POSTROUTING -m mark ! --mark ${mark}/${mark} -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${mark}`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${mark}`,
  ];
  if (input.localhostNodePorts) {
    filterChains.push(chainLine("KUBE-FIREWALL"));
    filterRules.push(
      `-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP`,
    );
  }
  const active = new Set<string>();
  let totalEndpoints = 0;
  const ports = [...input.services.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key] of ports) totalEndpoints += input.endpoints.get(key)?.length ?? 0;

  for (const [key, svc] of ports) {
    const proto = svc.protocol;
    const endpoints = clusterEndpoints(input.endpoints.get(key) ?? []);
    const hasEndpoints = endpoints.length > 0;
    const svcChain = serviceChain(svc.name, proto);
    const extChain = externalChain(svc.name, proto);
    const usesExternal = hasEndpoints && svc.nodePort !== undefined;
    const dport = `-m ${proto} -p ${proto} -d ${svc.clusterIP} --dport ${svc.port}`;

    if (hasEndpoints) {
      natRules.push(`-A KUBE-SERVICES -m comment --comment "${svc.name} cluster IP" ${dport} -j ${svcChain}`);
    } else {
      filterRules.push(`-A KUBE-SERVICES -m comment --comment "${svc.name} has no endpoints" ${dport} -j REJECT`);
    }
    if (svc.nodePort !== undefined) {
      const nodePort = `-m ${proto} -p ${proto} --dport ${svc.nodePort}`;
      if (hasEndpoints) natRules.push(`-A KUBE-NODEPORTS -m comment --comment ${svc.name} ${nodePort} -j ${extChain}`);
      else
        filterRules.push(
          `-A KUBE-EXTERNAL-SERVICES -m comment --comment "${svc.name} has no endpoints" -m addrtype --dst-type LOCAL ${nodePort} -j REJECT`,
        );
    }

    // Chains of a service that did not change stay as they are (not even rewritten).
    const namespaced = svc.name.split(":")[0] as string;
    const write = input.changed === undefined || input.changed.has(namespaced);
    const chains: string[] = [];
    const rules: string[] = [];
    if (hasEndpoints) {
      rules.push(
        `-A ${svcChain} -m comment --comment "${svc.name} cluster IP" ${dport} ! -i ${input.podInterfacePrefix}+ -j KUBE-MARK-MASQ`,
      );
    }
    if (usesExternal) {
      chains.push(extChain);
      rules.push(
        `-A ${extChain} -m comment --comment "masquerade traffic for ${svc.name} external destinations" -j KUBE-MARK-MASQ`,
        `-A ${extChain} -j ${svcChain}`,
      );
    }
    if (hasEndpoints) {
      chains.push(svcChain);
      endpoints.forEach((ep, i) => {
        const statistic =
          i < endpoints.length - 1
            ? ` -m statistic --mode random --probability ${probability(endpoints.length - i)}`
            : "";
        rules.push(
          `-A ${svcChain} -m comment --comment "${svc.name} -> ${endpointString(ep)}"${statistic} -j ${endpointChain(svc.name, proto, endpointString(ep))}`,
        );
      });
      for (const ep of endpoints) {
        const sep = endpointChain(svc.name, proto, endpointString(ep));
        chains.push(sep);
        rules.push(
          `-A ${sep} -m comment --comment ${svc.name} -s ${ep.ip} -j KUBE-MARK-MASQ`,
          `-A ${sep} -m comment --comment ${svc.name} -m ${proto} -p ${proto} -j DNAT --to-destination ${endpointString(ep)}`,
        );
      }
    }
    for (const c of chains) active.add(c);
    if (write) {
      natChains.push(...chains.map(chainLine));
      natRules.push(...rules);
    }
  }

  // Chains nothing uses any more: a chain line flushes them, -X deletes them.
  for (const chain of input.existingNatChains) {
    if (!isServiceChain(chain) || active.has(chain)) continue;
    natChains.push(chainLine(chain));
    natRules.push(`-X ${chain}`);
  }
  natRules.push(
    `-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL${input.localhostNodePorts ? "" : " ! -d 127.0.0.0/8"} -j KUBE-NODEPORTS`,
  );
  filterRules.push(
    "-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP",
    `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark}/${mark} -j ACCEPT`,
    `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
  );
  const data = [
    "*filter",
    ...filterChains,
    ...filterRules,
    "COMMIT",
    "*nat",
    ...natChains,
    ...natRules,
    "COMMIT",
    "",
  ].join("\n");
  return {
    data,
    numServices: input.services.size,
    numEndpoints: totalEndpoints,
    numFilterChains: filterChains.length,
    numFilterRules: filterRules.length,
    numNATChains: natChains.length,
    numNATRules: natRules.length,
  };
}

/**
 * The jump rules a full sync ensures (iptablesJumpChains, then the kubelet's duplicates in
 * iptablesKubeletJumpChains), each prepended unless present: [table, chain, from, args].
 */
export const JUMP_CHAINS: [string, string, string, string[]][] = [
  [
    "filter",
    "KUBE-EXTERNAL-SERVICES",
    "INPUT",
    [
      "-m",
      "conntrack",
      "--ctstate",
      "NEW",
      "-m",
      "comment",
      "--comment",
      "kubernetes externally-visible service portals",
    ],
  ],
  [
    "filter",
    "KUBE-EXTERNAL-SERVICES",
    "FORWARD",
    [
      "-m",
      "conntrack",
      "--ctstate",
      "NEW",
      "-m",
      "comment",
      "--comment",
      "kubernetes externally-visible service portals",
    ],
  ],
  ["filter", "KUBE-NODEPORTS", "INPUT", ["-m", "comment", "--comment", "kubernetes health check service ports"]],
  [
    "filter",
    "KUBE-SERVICES",
    "FORWARD",
    ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes service portals"],
  ],
  [
    "filter",
    "KUBE-SERVICES",
    "OUTPUT",
    ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes service portals"],
  ],
  ["filter", "KUBE-FORWARD", "FORWARD", ["-m", "comment", "--comment", "kubernetes forwarding rules"]],
  [
    "filter",
    "KUBE-PROXY-FIREWALL",
    "INPUT",
    ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes load balancer firewall"],
  ],
  [
    "filter",
    "KUBE-PROXY-FIREWALL",
    "OUTPUT",
    ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes load balancer firewall"],
  ],
  [
    "filter",
    "KUBE-PROXY-FIREWALL",
    "FORWARD",
    ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes load balancer firewall"],
  ],
  ["nat", "KUBE-SERVICES", "OUTPUT", ["-m", "comment", "--comment", "kubernetes service portals"]],
  ["nat", "KUBE-SERVICES", "PREROUTING", ["-m", "comment", "--comment", "kubernetes service portals"]],
  ["nat", "KUBE-POSTROUTING", "POSTROUTING", ["-m", "comment", "--comment", "kubernetes postrouting rules"]],
  ["filter", "KUBE-FIREWALL", "INPUT", []],
  ["filter", "KUBE-FIREWALL", "OUTPUT", []],
];
