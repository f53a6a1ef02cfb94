/**
 * kubectl logs POD [-c CONTAINER] [--tail N] [-p]: the API server proxies the request to the
 * kubelet's /containerLogs endpoint on port 10250, and the kubelet reads the container's log
 * file under /var/log/pods (CRI format: `<RFC3339Nano> <stream> <P|F> <text>`) and returns
 * the text. With the kubelet down the proxy's dial fails and kubectl shows that error.
 * Without -c, the first container is used, with kubectl's "Defaulted container" note when
 * there are more (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go).
 */
import { parseSelector, selectorMatches } from "../../cluster/labels";
import type { Node, Pod } from "../../cluster/types";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";

export function logs(argv: string[], world: World, io?: CommandIo): ExecResult | Promise<ExecResult> {
  const parsed = parseFlags("logs", argv, [
    { long: ["container"], short: "c", type: "string" },
    { long: ["tail"], type: "int" },
    { long: ["previous"], short: "p", type: "bool" },
    { long: ["follow"], short: "f", type: "bool" },
    { long: ["timestamps"], type: "bool" },
    { long: ["selector"], short: "l", type: "string" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const namespace = str(flags.namespace) ?? "default";
  const selector = str(flags.selector);
  if (selector !== undefined) return logsBySelector(argv, args, selector, namespace, world);
  const target = args[0]?.replace(/^(pods?|po)\//, "");
  if (!target) {
    return fail(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  }
  const pod = world.store.get<Pod>("pods", target, namespace);
  if (!pod) return fail(`Error from server (NotFound): pods "${target}" not found\n`);
  let stderr = "";
  let container = str(flags.container) ?? args[1];
  if (!container) {
    container = pod.spec.containers[0]?.name ?? "";
    if (pod.spec.containers.length > 1) {
      stderr += `Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(", ")}\n`;
    }
  }
  // Init containers have logs too (the kubelet's /containerLogs serves any container of the pod).
  const every = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  if (!every.some((c) => c.name === container)) {
    return fail(`${stderr}error: container ${container} is not valid for pod ${pod.metadata.name}\n`);
  }
  if (!pod.spec.nodeName) return { stdout: "", stderr, exitCode: 0 };
  const node = world.store.get<Node>("nodes", pod.spec.nodeName);
  const ip = node?.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
  // The kubelet answers only while it runs (its flags are set for the life of the process).
  if (!world.kubelet.flags) {
    return fail(
      `${stderr}Error from server: Get "https://${ip}:10250/containerLogs/${namespace}/${pod.metadata.name}/${container}": dial tcp ${ip}:10250: connect: connection refused\n`,
    );
  }
  const status = [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])].find(
    (s) => s.name === container,
  );
  // kubelet_pods.go validateContainerLogStatus: a waiting container whose last attempt ended
  // (CrashLoopBackOff) serves that attempt's log; one that never ran has none.
  if (status?.state.waiting && !status.lastState?.terminated) {
    return fail(
      `${stderr}Error from server (BadRequest): container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${status.state.waiting.reason === "ContainerCreating" ? "ContainerCreating" : status.state.waiting.reason}\n`,
    );
  }
  const dir = `/var/log/pods/${namespace}_${pod.metadata.name}_${pod.metadata.uid}/${container}`;
  const files = world.fs.existsSync(dir)
    ? world.fs
        .readdirSync(dir)
        .filter((f) => /^\d+\.log$/.test(f))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
    : [];
  const wanted = flags.previous ? files.at(-2) : files.at(-1);
  if (!wanted) {
    if (flags.previous) {
      return fail(
        `${stderr}Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.metadata.name}" not found\n`,
      );
    }
    return { stdout: "", stderr, exitCode: 0 };
  }
  const text = (line: string) => {
    const m = /^(\S+) (stdout|stderr) ([PF]) (.*)$/.exec(line);
    if (!m) return "";
    return `${flags.timestamps ? `${m[1]} ${m[4]}` : m[4]}${m[3] === "F" ? "\n" : ""}`;
  };
  let out = "";
  for (const line of world.fs.readFileSync(`${dir}/${wanted}`).split("\n")) out += text(line);
  const tail = flags.tail === undefined ? -1 : Number(flags.tail);
  if (tail >= 0) {
    const lines = out.split("\n").slice(0, -1);
    out = tail === 0 ? "" : `${lines.slice(-tail).join("\n")}\n`;
    if (lines.length === 0) out = "";
  }
  if (!flags.follow || flags.previous || !io) return { stdout: out, stderr, exitCode: 0 };
  return follow(world, io, status?.containerID?.replace(/^containerd:\/\//, ""), out, stderr, text);
}

/**
 * logs -l SELECTOR (logs.go): every matching pod's default container, one after another, each
 * with --tail defaulting to 10 (instead of all lines) as kubectl does when a selector is given.
 * Following several streams at once is not modelled: -f prints what there is and returns.
 */
function logsBySelector(argv: string[], args: string[], selector: string, namespace: string, world: World): ExecResult {
  if (args.length) return fail("error: only one of -l or a pod name may be given\n");
  const reqs = parseSelector(selector);
  if (!reqs) return fail(`error: unable to parse requirement: found '${selector}', expected: identifier\n`);
  const pods = world.store.list<Pod>("pods", namespace).filter((p) => selectorMatches(reqs, p.metadata.labels));
  if (!pods.length) return { stdout: "", stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  // The other flags as given, minus the selector and -f.
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "-l" || a === "--selector") i++;
    else if (!a.startsWith("-l") && !a.startsWith("--selector=") && a !== "-f" && a !== "--follow") rest.push(a);
  }
  if (!rest.some((a) => a === "--tail" || a.startsWith("--tail="))) rest.push("--tail=10");
  let stdout = "";
  let stderr = "";
  for (const pod of pods) {
    const r = logs([...rest, pod.metadata.name], world) as ExecResult;
    stdout += r.stdout;
    stderr += r.stderr;
  }
  return { stdout, stderr, exitCode: 0 };
}

/**
 * logs -f: what the file holds, then each line as the container writes it, until the
 * container exits (kubectl returns 0) or Ctrl-C (130).
 */
function follow(
  world: World,
  io: CommandIo,
  id: string | undefined,
  out: string,
  stderr: string,
  text: (line: string) => string,
): Promise<ExecResult> | ExecResult {
  const signal = io.signal;
  io.write(out);
  if (!signal || signal.aborted || !id) return { stdout: "", stderr, exitCode: signal?.aborted ? 130 : 0 };
  io.follow();
  return new Promise<ExecResult>((resolve) => {
    const stopLogs = world.containerd.onContainerLog((rec, line) => {
      if (rec.id === id) io.write(text(line));
    });
    const stopExit = world.containerd.onContainerExit((rec) => {
      if (rec.id === id) finish(0);
    });
    function finish(code: number) {
      stopLogs();
      stopExit();
      resolve({ stdout: "", stderr, exitCode: code });
    }
    signal.addEventListener("abort", () => finish(130), { once: true });
  });
}
