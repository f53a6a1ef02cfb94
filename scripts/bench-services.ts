/**
 * How the engine's cost grows with the node's work (issue 9): a node at --max-pods=110 with
 * 10, 100 and 1,000 Services, each selecting the three pods of one Deployment (so each has
 * three endpoints, and kube-proxy writes a KUBE-SVC chain, three KUBE-SEP chains and ten nat
 * rules per Service, as real kube-proxy does). The cluster is built the way kubectl builds
 * it: `kubectl create deployment` in the node's shell, then Services created through the API
 * server as `kubectl create service clusterip` creates them. At each size it times
 * `iptables-save`, a curl through one ClusterIP, one kube-proxy sync (a partial one: one
 * Service changed, as a `kubectl edit` makes it) and one controller pass, and reports the
 * median and p95. Growth is "no worse than linear" when the time at 1,000 Services is at
 * most 12 times the time at 100 (10x the work, plus 20 % for noise).
 */
import { defaultedService } from "../sandbox/cluster/service-defaults";
import type { Service } from "../sandbox/cluster/types";
import { createSandbox, type Sandbox } from "../sandbox/index";
import { worldOf } from "../sandbox/sandbox";

export const SERVICE_COUNTS = [10, 100, 1000] as const;
/** Allowed ratio of the time at 1,000 Services to the time at 100: linear (10x) plus noise. */
export const LINEAR_FACTOR_LIMIT = 12;

type Stat = { median: number; p95: number; n: number };
export type GrowthFigure = "iptables-save" | "curl ClusterIP" | "kube-proxy sync" | "controller sync";
export interface GrowthResult {
  /** Per figure, per Service count. */
  figures: Record<GrowthFigure, Record<number, Stat>>;
  /** Per figure: median at 1,000 / median at 100. */
  growth: Record<GrowthFigure, number>;
  /** nat rules kube-proxy wrote at each size (the work that grows). */
  natRules: Record<number, number>;
}

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

async function time(samples: number[], fn: () => unknown | Promise<unknown>): Promise<void> {
  const t = performance.now();
  await fn();
  samples.push(performance.now() - t);
}

/** The node with `count` Services (svc-0 ... svc-N) in front of deployment `web` (3 nginx pods). */
export async function nodeWith(count: number): Promise<Sandbox> {
  const node = createSandbox();
  await node.exec("sed -i 's/--max-pods=30/--max-pods=110/' /etc/default/kubelet && systemctl restart kubelet");
  await node.exec("kubectl create deployment web --image=nginx --replicas=3 --port=80");
  node.clock.advance(60_000);
  const world = worldOf(node);
  for (let i = 0; i < count; i++) {
    const name = `svc-${i}`;
    world.controlPlane.api.create<Service>(
      "services",
      defaultedService(
        { name, namespace: "default", uid: "", creationTimestamp: "", labels: { app: name } },
        {
          type: "ClusterIP",
          ports: [{ name: "80-80", protocol: "TCP", port: 80, targetPort: 80 }],
          selector: { app: "web" },
        },
      ),
    );
  }
  // The controllers write the EndpointSlices, kube-proxy syncs (at most once a second).
  node.clock.advance(5_000);
  return node;
}

export async function servicesGrowth(runs: number): Promise<GrowthResult> {
  const figures = {
    "iptables-save": {},
    "curl ClusterIP": {},
    "kube-proxy sync": {},
    "controller sync": {},
  } as GrowthResult["figures"];
  const natRules: Record<number, number> = {};
  for (const count of SERVICE_COUNTS) {
    const node = await nodeWith(count);
    const world = worldOf(node);
    const probe = world.store.get<Service>("services", `svc-${Math.floor(count / 2)}`, "default");
    const ip = probe?.spec.clusterIP;
    const check = await node.exec(`curl -s -o /dev/null -w '%{http_code}' http://${ip}/`);
    if (check.stdout !== "200") throw new Error(`bench: curl through ${ip} answered ${check.stdout}${check.stderr}`);
    natRules[count] = world.kubeProxy.lastSync?.numNATRules ?? 0;
    const save: number[] = [];
    const curl: number[] = [];
    const proxy: number[] = [];
    const controllers: number[] = [];
    // kube-proxy's sync runs from the clock (its BoundedFrequencyRunner); the bench times
    // that callback, which the program schedules by its name, `sync`.
    const schedule = world.clock.setTimeout.bind(world.clock);
    world.clock.setTimeout = (fn, delayMs) => schedule(fn.name === "sync" ? () => void time(proxy, fn) : fn, delayMs);
    for (let i = 0; i < runs; i++) {
      await time(save, () => node.exec("iptables-save"));
      await time(curl, () => node.exec(`curl -s http://${ip}/`));
      // One Service changed (its port renamed, as `kubectl edit svc` would): the watch wakes
      // kube-proxy, whose partial sync rewrites that Service's chains and drops the old ones.
      const svc = world.store.get<Service>("services", `svc-${i % count}`, "default") as Service;
      svc.spec.ports = [{ ...(svc.spec.ports[0] as Service["spec"]["ports"][number]), name: `p${i}` }];
      world.store.put("services", svc);
      node.clock.advance(2_000);
      await time(controllers, () => world.controlPlane.syncAll());
    }
    world.clock.setTimeout = schedule;
    if (proxy.length !== runs) throw new Error(`bench: ${proxy.length} kube-proxy syncs for ${runs} changes`);
    figures["iptables-save"][count] = stat(save);
    figures["curl ClusterIP"][count] = stat(curl);
    figures["kube-proxy sync"][count] = stat(proxy);
    figures["controller sync"][count] = stat(controllers);
  }
  const growth = Object.fromEntries(
    Object.entries(figures).map(([name, byCount]) => [
      name,
      Math.round(((byCount[1000]?.median ?? 0) / (byCount[100]?.median ?? 1)) * 10) / 10,
    ]),
  ) as GrowthResult["growth"];
  return { figures, growth, natRules };
}
