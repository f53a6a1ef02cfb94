/**
 * kube-proxy v1.32 in iptables mode, the program inside the kube-proxy DaemonSet's
 * container (containerd runs it while the container runs). It watches Services and
 * EndpointSlices like its informers do and programs the host's tables through
 * iptables-restore (proxier.ts); the jump rules from the built-in chains are ensured on a
 * full sync only. A full sync happens at start, when its canary chain
 * (KUBE-PROXY-CANARY, checked every --iptables-sync-period, 30 s) has been deleted, and an
 * hour after the last full sync (proxyutil.FullSyncPeriod); changes in between get
 * partial syncs, at most one a second (--iptables-min-sync-period). So a table flushed by
 * hand stays broken until that hour is up or the pod restarts. Logs are klog lines on
 * stderr (`--v=3`); healthz on :10256, metrics on :10249.
 */
import type { SimClock } from "../clock";
import type { ObjectStore } from "../cluster/store";
import type { EndpointSlice, Service } from "../cluster/types";
import { type KV, klogLine, klogPrintf } from "../kubelet/klog";
import type { IptablesClient } from "../node/net/iptables-client";
import type { HttpResponse, Listeners } from "../node/net/listeners";
import { httpDate } from "../node/net/listeners";
import type { ContainerProgram } from "../runtime/types";
import { sha256Hex } from "../util/sha256";
import { JUMP_CHAINS, type SyncOutput, syncProxyRules } from "./proxier";
import { type EndpointInfo, endpointsMap, type ServicePortInfo, serviceMap } from "./service-map";

const SYNC_PERIOD_MS = 30_000;
const MIN_SYNC_PERIOD_MS = 1_000;
const FULL_SYNC_PERIOD_MS = 3_600_000;
const MASQUERADE_MARK = "0x4000";
const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

export interface KubeProxyDeps {
  clock: SimClock;
  store: ObjectStore;
  iptables: IptablesClient;
  listeners: Listeners;
  nodeIP: string;
}

/** Flags kube-proxy acts on, from the container's command line. */
function flagValue(argv: string[], name: string): string | undefined {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

/** Go's time.Duration String for a sync: `38.846187ms`. */
const goMillis = (us: number) => `${(us / 1000).toFixed(6).replace(/\.?0+$/, "")}ms`;

/** Go's time.Time String as healthz prints it: `2025-10-30 16:05:58.401223 +0000 UTC m=+7376.296711`. */
function goTime(ms: number, startedMs: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, "");
  const mono = ((ms - startedMs) / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ""} +0000 UTC m=+${mono}`;
}

export class KubeProxy {
  /** What the last sync wrote, for metrics and the page. */
  lastSync?: SyncOutput & { at: number; full: boolean };

  constructor(private readonly deps: KubeProxyDeps) {}

  readonly program: ContainerProgram = (ctx) => {
    const { clock, store, iptables, listeners, nodeIP } = this.deps;
    const started = clock.now();
    let lastUsec = 0;
    const stamp = () => (lastUsec = Math.max(clock.now() * 1000 + 211, lastUsec + 37 + ((lastUsec * 13) % 97)));
    const log = (source: string, msg: string, kv?: KV, sev: "I" | "E" = "I") =>
      ctx.log(klogLine(sev, stamp(), 1, source, msg, kv));
    const logf = (source: string, text: string) => ctx.log(klogPrintf("I", stamp(), 1, source, text));
    const prefix = flagValue(ctx.argv, "pod-interface-name-prefix") ?? "";

    log("server_linux.go:66", "Using iptables proxy");
    ctx.log(klogPrintf("I", stamp(), 1, "server.go:698", `"Successfully retrieved node IP(s)" IPs=["${nodeIP}"]`));
    log(
      "server.go:245",
      "Kube-proxy configuration may be incomplete or incorrect",
      {
        err: "nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`",
      },
      "E",
    );
    log("server_linux.go:170", "Using iptables Proxier");
    log(
      "proxier.go:254",
      "Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses",
      { ipFamily: "IPv4" },
    );
    log("proxier.go:269", "Using iptables mark for masquerade", { ipFamily: "IPv4", mark: "0x00004000" });
    log("proxier.go:304", "Iptables sync params", {
      ipFamily: "IPv4",
      minSyncPeriod: "1s",
      syncPeriod: "30s",
      burstSyncs: 2,
    });
    log("proxier.go:315", "Iptables supports --random-fully", { ipFamily: "IPv4" });
    log("server.go:483", "Version info", { version: "v1.32.7" });
    log("server.go:485", "Golang settings", { GOGC: "", GOMAXPROCS: "", GOTRACEBACK: "" });

    let needFullSync = true;
    let lastFullSync = Number.NEGATIVE_INFINITY;
    let lastSyncAt = Number.NEGATIVE_INFINITY;
    let synced = new Map<string, string>();
    let syncedPorts = new Set<string>();
    let pending: number | undefined;
    let syncCount = 0;

    /** Per service (`ns/name`), what kube-proxy's change trackers compare. */
    const signatures = (services: Map<string, ServicePortInfo>, eps: Map<string, EndpointInfo[]>) => {
      const out = new Map<string, string>();
      for (const [key, svc] of services) {
        const ns = svc.name.split(":")[0] as string;
        out.set(ns, (out.get(ns) ?? "") + JSON.stringify([svc, eps.get(key) ?? []]));
      }
      return out;
    };

    const sync = () => {
      pending = undefined;
      const t0 = clock.now();
      const full = needFullSync || t0 - lastFullSync > FULL_SYNC_PERIOD_MS;
      const services = serviceMap(store.list<Service>("services"));
      const eps = endpointsMap(store.list<EndpointSlice>("endpointslices"));
      const now = signatures(services, eps);
      const changed = new Set<string>();
      for (const [name, sig] of now) if (synced.get(name) !== sig) changed.add(name);
      for (const name of synced.keys()) if (!now.has(name)) changed.add(name);
      // The change trackers' V(1) lines, as the new state is merged in (serviceport.go).
      for (const [key, svc] of services) {
        if (syncedPorts.has(key)) continue;
        const servicePort = `${svc.clusterIP}:${svc.port}/${svc.protocol.toUpperCase()}`;
        log("servicechangetracker.go:140", "Adding new service port", { portName: svc.name, servicePort });
      }
      for (const key of syncedPorts) {
        if (!services.has(key))
          log("servicechangetracker.go:155", "Removing service port", { portName: key.replace(/\/[a-z]+$/, "") });
      }
      log("proxier.go:805", "Syncing iptables rules", { ipFamily: "IPv4", fullSync: full });
      if (full) {
        for (const [table, chain, from, args] of JUMP_CHAINS) {
          iptables.ensureChain(table, chain);
          iptables.ensureRule("-I", table, from, [...args, "-j", chain]);
        }
      }
      const existing = iptables.chainNames("nat");
      const out = syncProxyRules({
        services,
        endpoints: eps,
        changed: full ? undefined : changed,
        existingNatChains: existing,
        podInterfacePrefix: prefix,
        masqueradeMark: MASQUERADE_MARK,
        localhostNodePorts: true,
      });
      log("proxier.go:1494", "Reloading service iptables data", {
        ipFamily: "IPv4",
        numServices: out.numServices,
        numEndpoints: out.numEndpoints,
        numFilterChains: out.numFilterChains,
        numFilterRules: out.numFilterRules,
        numNATChains: out.numNATChains,
        numNATRules: out.numNATRules,
      });
      try {
        iptables.restoreAll(out.data);
      } catch (e) {
        log(
          "proxier.go:1511",
          "Failed to execute iptables-restore",
          { ipFamily: "IPv4", err: (e as Error).message },
          "E",
        );
        log("proxier.go:818", "Sync failed", { ipFamily: "IPv4", retryingTime: "30s" });
        needFullSync = true;
        pending = clock.setTimeout(sync, SYNC_PERIOD_MS);
        return;
      }
      synced = now;
      syncedPorts = new Set(services.keys());
      needFullSync = false;
      if (full) lastFullSync = t0;
      lastSyncAt = t0;
      this.lastSync = { ...out, at: t0, full };
      // A sync takes tens of milliseconds on a node this size; the figure is derived, not timed.
      const us =
        18_000 +
        out.numNATRules * 350 +
        (Number.parseInt(sha256Hex(`kube-proxy-sync:${syncCount++}`).slice(0, 4), 16) % 9000);
      log("proxier.go:799", "SyncProxyRules complete", { ipFamily: "IPv4", elapsed: goMillis(us) });
      logf("bounded_frequency_runner.go:296", "sync-runner: ran, next possible in 1s, periodic in 1h0m0s");
    };

    /** BoundedFrequencyRunner.Run: now, or once a second has passed since the last run. */
    const requestSync = () => {
      if (pending !== undefined) return;
      pending = clock.setTimeout(sync, Math.max(0, lastSyncAt + MIN_SYNC_PERIOD_MS - clock.now()));
    };

    const stopMonitor = iptables.monitor(
      clock,
      "KUBE-PROXY-CANARY",
      ["mangle", "nat", "filter"],
      () => {
        log("iptables.go:622", "IPTables canary deleted", { table: "mangle", chain: "KUBE-PROXY-CANARY" });
        log("iptables.go:651", "Reloading after iptables flush");
        needFullSync = true;
        clock.clearTimer(pending);
        sync();
      },
      SYNC_PERIOD_MS,
    );

    for (const name of ["service config", "endpoint slice config", "node config"]) {
      log("config.go:199", `Starting ${name.replace(/ config$/, "")} config controller`);
      log("shared_informer.go:313", "Waiting for caches to sync", { name });
    }
    for (const name of ["node config", "service config", "endpoint slice config"]) {
      log("shared_informer.go:320", "Caches are synced", { name });
    }
    // OnServiceSynced / OnEndpointSlicesSynced: the first (full) sync, unconditionally.
    sync();

    /** One Service's signature as `signatures` computes it over everything (undefined: not proxied). */
    const signatureOf = (ns: string, name: string) => {
      const svc = store.get<Service>("services", name, ns);
      if (!svc) return undefined;
      const slices = store
        .list<EndpointSlice>("endpointslices", ns)
        .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name);
      return signatures(serviceMap([svc]), endpointsMap(slices)).get(`${ns}/${name}`);
    };
    // The change trackers: an event matters when its Service's signature differs from the
    // last sync's. Only that Service is looked at (comparing all of them on every event made
    // creating N Services cost N² work); while a sync is pending there is nothing to decide.
    const unwatch = store.watch((e) => {
      if (e.resource !== "services" && e.resource !== "endpointslices") return;
      if (pending !== undefined) return;
      const ns = e.object.metadata.namespace ?? "default";
      const name = e.resource === "services" ? e.object.metadata.name : e.object.metadata.labels?.[SERVICE_NAME_LABEL];
      if (name === undefined) return;
      if (signatureOf(ns, name) !== synced.get(`${ns}/${name}`)) requestSync();
    });
    const periodic = clock.setInterval(requestSync, FULL_SYNC_PERIOD_MS);
    // server.go serveHealthz / serveMetrics: wait.Until(5 s) retries a bind that fails (the
    // old pod of a force-deleted DaemonSet pod may still hold the port for a moment).
    const serve = (port: number, handle: (path: string) => HttpResponse, what: string) => {
      let close: (() => void) | undefined;
      let retry: number | undefined;
      const bind = () => {
        try {
          close = listeners.listen({
            host: "0.0.0.0",
            port,
            tls: false,
            owner: "kube-proxy",
            handle: (r) => handle(r.path),
          });
          clock.clearTimer(retry);
        } catch (e) {
          log("server.go:235", `${what} server failed`, { err: (e as Error).message }, "E");
        }
      };
      bind();
      if (!close) retry = clock.setInterval(() => close ?? bind(), 5_000);
      return () => {
        clock.clearTimer(retry);
        close?.();
      };
    };
    const closers = [
      serve(10256, (path) => this.healthz(path, started), "Healthz"),
      serve(10249, (path) => this.metrics(path), "Metrics"),
    ];
    return {
      stop: () => {
        unwatch();
        stopMonitor();
        clock.clearTimer(pending);
        clock.clearTimer(periodic);
        for (const close of closers) close();
        this.lastSync = undefined;
      },
    };
  };

  /** pkg/proxy/healthcheck/proxier_health.go: JSON with the last sync and the current time. */
  private healthz(path: string, started: number): HttpResponse {
    const now = this.deps.clock.now();
    if (path !== "/healthz" && path !== "/livez") return text404(now);
    const last = this.lastSync?.at ?? started;
    const body = `{"lastUpdated": "${goTime(last, started)}","currentTime": "${goTime(now, started)}", "nodeEligible": true}`;
    return {
      status: 200,
      headers: [
        ["Content-Type", "application/json"],
        ["X-Content-Type-Options", "nosniff"],
        ["Date", httpDate(now)],
        ["Content-Length", String(body.length)],
      ],
      body,
    };
  }

  /** A few of kube-proxy's Prometheus series (the real page also carries go_*, process_*, rest_client_*). */
  private metrics(path: string): HttpResponse {
    const now = this.deps.clock.now();
    if (path !== "/metrics") return text404(now);
    const s = this.lastSync;
    const lines = [
      "# HELP kubeproxy_sync_proxy_rules_iptables_total [ALPHA] Total number of iptables rules owned by kube-proxy",
      "# TYPE kubeproxy_sync_proxy_rules_iptables_total gauge",
      `kubeproxy_sync_proxy_rules_iptables_total{ip_family="IPv4",table="filter"} ${s?.numFilterRules ?? 0}`,
      `kubeproxy_sync_proxy_rules_iptables_total{ip_family="IPv4",table="nat"} ${s?.numNATRules ?? 0}`,
      "# HELP kubeproxy_sync_proxy_rules_last_timestamp_seconds [ALPHA] The last time proxy rules were successfully synced",
      "# TYPE kubeproxy_sync_proxy_rules_last_timestamp_seconds gauge",
      `kubeproxy_sync_proxy_rules_last_timestamp_seconds{ip_family="IPv4"} ${goFloat((s?.at ?? 0) / 1000)}`,
    ];
    const body = `${lines.join("\n")}\n`;
    return {
      status: 200,
      headers: [
        ["Content-Type", "text/plain; version=0.0.4; charset=utf-8"],
        ["Date", httpDate(now)],
        ["Content-Length", String(body.length)],
      ],
      body,
    };
  }
}

/** Prometheus' text format writes floats with Go's %g: `1.7618398e+09`. */
const goFloat = (n: number) => {
  if (n === 0) return "0";
  const [mant, exp] = n.toExponential().split("e") as [string, string];
  const e = Number(exp);
  return `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
};

const text404 = (now: number): HttpResponse => ({
  status: 404,
  headers: [
    ["Content-Type", "text/plain; charset=utf-8"],
    ["X-Content-Type-Options", "nosniff"],
    ["Date", httpDate(now)],
    ["Content-Length", "19"],
  ],
  body: "404 page not found\n",
});
