/**
 * The engine half of `npm run bench`: createSandbox() per scenario, per-command latency
 * over a corpus of command lines from the lessons, and the Services growth figures
 * (bench-services.ts), in Node (tsx). BENCH_HISTORY=0 runs the corpus without the node's
 * history, BENCH_SERVICES=0 skips the growth figures. Prints one JSON object
 * for scripts/bench.mjs to merge; run on its own with `npx tsx scripts/bench-engine.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createSandbox, scenarioNames } from "../sandbox/index";
import { LINEAR_FACTOR_LIMIT, servicesGrowth } from "./bench-services";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

/** Command lines the lessons use: every <Cmd> and every solution line, plus a fixed tour. */
function corpus(): string[] {
  const lines = new Set<string>();
  for (const file of readdirSync("content").filter((f) => f.endsWith(".mdx"))) {
    const text = readFileSync(`content/${file}`, "utf8");
    for (const m of text.matchAll(/<Cmd>([\s\S]*?)<\/Cmd>/g)) lines.add((m[1] ?? "").trim());
    for (const m of text.matchAll(/^ {6}- (.+)$/gm))
      if (/^(systemctl|sed|sleep|kubectl|crictl)/.test(m[1] ?? "")) lines.add(m[1] as string);
  }
  const tour = [
    "hostname",
    "uname -a",
    "date",
    "whoami",
    "cat /etc/os-release",
    "cat /etc/default/kubelet",
    "cat /etc/crictl.yaml",
    "cat /etc/containerd/config.toml",
    "cat /etc/cni/net.d/10-azure.conflist",
    "systemctl status kubelet",
    "systemctl status containerd",
    "systemctl is-active kubelet",
    "systemctl is-enabled kubelet",
    "systemctl cat kubelet",
    "systemctl list-units",
    "journalctl -u kubelet -n 20",
    "journalctl -u containerd -n 50",
    "journalctl -k",
    "crictl ps",
    "crictl ps -a",
    "crictl pods",
    "crictl images",
    "crictl ps -q | wc -l",
    "kubectl get nodes",
    "kubectl get nodes -o wide",
    "kubectl get pods -A",
    "kubectl get pods -A -o wide",
    "kubectl get pods -n kube-system",
    "kubectl get node -o json | jq '.items[0].status.conditions'",
    "kubectl get lease -n kube-node-lease",
    "kubectl get events -A",
    "kubectl get node -o yaml",
    "ls -la /etc/kubernetes",
    "ls /opt/cni/bin",
    "ls -l /var/log/containers",
    "ps -ef",
    "ps aux | grep kubelet",
    "grep max-pods /etc/default/kubelet",
    "grep -c FLAG <(journalctl -u kubelet)",
    "journalctl -u kubelet | grep ': E[0-9]' | tail -5",
    "cat /proc/version",
    "ls /var/log/pods | head",
    "find /etc/systemd/system -name '*.conf'",
    "wc -l /etc/default/kubelet",
    "head -3 /etc/os-release",
    "tail -2 /etc/hosts",
    "echo $HOSTNAME",
    "cd /etc && ls && cd -",
    "cat /etc/hostname | tr a-z A-Z",
    "for u in kubelet containerd; do systemctl is-active $u; done",
    "kubectl get pods -A | awk '{print $4}' | sort | uniq -c",
    "crictl images | sort -k4 -h | tail -3",
    "nosuchcommand",
    "systemctl list-units --type=service",
    "systemctl show -p ActiveState,SubState,MainPID kubelet",
    "systemctl status",
    "journalctl -u kubelet --since '10 min ago'",
    "journalctl -p err -n 20",
    "journalctl -o json -n 3 -u containerd",
    "crictl inspect $(crictl ps -q --name kube-proxy)",
    "crictl inspectp $(crictl pods -q --name coredns | head -1)",
    "crictl logs --tail 5 $(crictl ps -q --name kube-proxy)",
    "crictl info",
    "crictl version",
    "crictl stats",
    "crictl images --digests",
    "ctr -n k8s.io containers ls",
    "ctr -n k8s.io tasks ls",
    "kubectl describe node",
    "kubectl describe pod -n kube-system $(kubectl get pods -n kube-system -o name | grep coredns | head -1 | cut -d/ -f2)",
    "kubectl get ds,deploy,rs -n kube-system",
    "kubectl get svc -A",
    "kubectl get endpointslices -A",
    "kubectl get pods -A --show-labels",
    "kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide",
    "kubectl logs -n kube-system $(kubectl get pods -n kube-system -o name | grep kube-proxy | cut -d/ -f2) --tail 3",
    "pstree -p | head -20",
    "top -bn1 | head -15",
    "free -h",
    "df -h",
    "mount | grep overlay | head -3",
    "lsblk",
    "uptime",
    "dmesg | tail -5",
    "cat /proc/loadavg",
    "cat /proc/meminfo | head -5",
    "ls /sys/fs/cgroup/kubepods.slice",
    "cat /sys/fs/cgroup/kubepods.slice/memory.max",
    "curl -s http://127.0.0.1:10248/healthz",
    "curl -sk https://localhost:10250/pods",
    "ps -eo pid,comm,rss --sort=-rss | head -5",
    "ls -la /var/lib/kubelet/pods | head",
    "grep -r sandbox_image /etc/containerd",
    "systemctl is-active containerd kubelet node-problem-detector",
    "kubectl get node -o jsonpath='{.status.conditions}' 2>&1 | head -2",
    "kubectl get events -A --sort-by=.lastTimestamp | tail -5",
  ];
  for (const t of tour) lines.add(t);
  return [...lines];
}

async function main() {
  // The first sandbox of a process also pays for compiling the engine's code (the JIT is cold):
  // what one page load pays once, reported on its own. Then one uncounted round over every
  // scenario (they share the boot's code, which the JIT needs a dozen boots to settle on), and
  // RUNS counted rounds, round-robin so that collector pauses and JIT tiering fall on every
  // scenario alike rather than on whichever is measured first.
  const first = performance.now();
  createSandbox({ scenario: "healthy" });
  const createSandboxFirst = performance.now() - first;
  for (const scenario of scenarioNames) createSandbox({ scenario });
  const samples = new Map<string, number[]>(scenarioNames.map((s) => [s, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const scenario of scenarioNames) {
      const t = performance.now();
      createSandbox({ scenario });
      samples.get(scenario)?.push(performance.now() - t);
    }
  }
  const create: Record<string, ReturnType<typeof stats>> = {};
  for (const [scenario, runs] of samples) create[scenario] = stats(runs);
  const lines = corpus();
  const latencies: number[] = [];
  const slowest: [number, string][] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const node = createSandbox();
  // As in the page, the node keeps its history (undo): each command's state fingerprint and,
  // when the command changed the node, a commit are part of its latency.
  if (process.env.BENCH_HISTORY !== "0") await node.history();
  // Three passes over the corpus; side effects (the max-pods edit) are part of the work.
  for (let pass = 0; pass < 3; pass++) {
    for (const line of lines) {
      if (line.startsWith("sleep")) continue;
      const t = performance.now();
      await node.exec(line);
      latencies.push(performance.now() - t);
      slowest.push([performance.now() - t, `pass ${pass + 1}: ${line}`]);
    }
  }
  // BENCH_SLOWEST=N: the N slowest lines on stderr (what the p99 is made of).
  for (const [ms, line] of slowest.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.BENCH_SLOWEST ?? 0)))
    console.error(`${ms.toFixed(1).padStart(8)} ms  ${line}`);
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const t = performance.now();
  node.clock.advance(3_600_000);
  const hourMs = performance.now() - t;
  const services = process.env.BENCH_SERVICES === "0" ? undefined : await servicesGrowth(Math.max(RUNS, 9));
  console.log(
    JSON.stringify({
      createSandboxFirst,
      createSandbox: create,
      corpusLines: lines.length,
      command: stats(latencies),
      sandboxHeapMB: Math.round(((heapAfter - heapBefore) / 1048576) * 10) / 10,
      simulatedHourMs: Math.round(hourMs),
      services,
      servicesGrowthLimit: LINEAR_FACTOR_LIMIT,
    }),
  );
}

await main();
