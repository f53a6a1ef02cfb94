/**
 * crictl 1.32.0 (kubernetes-cri-tools): dials the CRI endpoint from /etc/crictl.yaml and
 * runs one subcommand against containerd (cri-tools cmd/crictl/*.go): tables with
 * tabwriter minwidth 20, padding 3, newest first, IDs cut to 13 characters; JSON as
 * protojson indented by two; failures as logrus prints a fatal error, `FATA[0000] ...`.
 */
import { CriDialError } from "../../runtime/cri";
import type { World } from "../../world";
import { type Command, type CommandIo, type ExecResult, fail, ok } from "../types";
import { CrictlError, inspect, logs, PS_FLAGS, ps, rm, stats, stop } from "./containers";
import { attach, exec } from "./exec";
import { type FlagSpec, type Parsed, parseFlags } from "./flags";
import { IMAGES_FLAGS, images, inspecti, pull, rmi } from "./images";
import { info, version } from "./info";
import { inspectp, PODS_FLAGS, pods, rmp, stopp } from "./sandboxes";

const DEFAULT_ENDPOINTS =
  "[unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]";

/** crictl's logrus text formatter on a terminal: `FATA[0000] message`, exit 1. */
function fata(message: string): ExecResult {
  return fail(`FATA[0000] ${message}\n`);
}

function endpointOf(world: World, args: string[]): { endpoint: string; warning: string } {
  const flag = args.findIndex((a) => a === "-r" || a === "--runtime-endpoint");
  if (flag >= 0 && args[flag + 1]) return { endpoint: args[flag + 1] as string, warning: "" };
  const config = world.fs.tryReadFileSync("/etc/crictl.yaml");
  const match = config && /^runtime-endpoint:\s*(\S+)/m.exec(config);
  if (match?.[1]) return { endpoint: match[1], warning: "" };
  return {
    endpoint: "unix:///run/containerd/containerd.sock",
    warning: `WARN[0000] runtime connect using default endpoints: ${DEFAULT_ENDPOINTS}. As the default settings are now deprecated, you should set the endpoint instead.\n`,
  };
}

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

VERSION:
   v1.32.0

COMMANDS:
   attach              Attach to a running container
   create              Create a new container
   exec                Run a command in a running container
   version             Display runtime version information
   images, image, img  List images
   inspect             Display the status of one or more containers
   inspecti            Return the status of one or more images
   imagefsinfo         Return image filesystem info
   inspectp            Display the status of one or more pods
   logs                Fetch the logs of a container
   port-forward        Forward local port to a pod
   ps                  List containers
   pull                Pull an image from a registry
   run                 Run a new container inside a sandbox
   runp                Run a new pod
   rm                  Remove one or more containers
   rmi                 Remove one or more images
   rmp                 Remove one or more pods
   pods                List pods
   start               Start one or more created containers
   info                Display information of the container runtime
   stop                Stop one or more running containers
   stopp               Stop one or more running pods
   update              Update one or more running containers
   config              Get, set and list crictl configuration options
   stats               List container(s) resource usage statistics
   statsp              List pod statistics. Stats represent a structured API that will fulfill the Kubelet's /stats/summary endpoint.
   metricdescs         List metric descriptors. Returns information about the metrics available through the CRI.
   metricsp            List pod metrics. Metrics are unstructured key/value pairs gathered by CRI meant to replace cAdvisor's /metrics/cadvisor endpoint.
   checkpoint          Checkpoint one or more running containers
   runtime-config      Retrieve the container runtime configuration
   events, event       Stream the events of containers
   update-runtime-config  Update the runtime configuration
   completion          Output shell completion code
   help, h             Shows a list of commands or help for one command

GLOBAL OPTIONS:
   --config value, -c value            Location of the client config file. If not specified and the default does not exist, the program's directory is searched as well (default: "/etc/crictl.yaml") [$CRI_CONFIG_FILE]
   --debug, -D                         Enable debug mode (default: false)
   --enable-tracing                    Enable OpenTelemetry tracing. (default: false)
   --image-endpoint value, -i value    Endpoint of CRI image manager service (default: uses 'runtime-endpoint' setting) [$IMAGE_SERVICE_ENDPOINT]
   --runtime-endpoint value, -r value  Endpoint of CRI container runtime service (default: uses in order the first successful one of [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]). Default is now deprecated and the endpoint should be set instead. [$CONTAINER_RUNTIME_ENDPOINT]
   --timeout value, -t value           Timeout of connecting to the server in seconds (e.g. 2s, 20s.). 0 or less is set to default (default: 2s)
   --help, -h                          show help
   --version, -v                       print the version
`;

interface Sub {
  flags: FlagSpec[];
  run: (p: Parsed, world: World, io: CommandIo) => ExecResult | Promise<ExecResult>;
}

const OUTPUT: FlagSpec = { long: "output", short: "o", value: true };

const SUBCOMMANDS: Record<string, Sub> = {
  ps: { flags: PS_FLAGS, run: ps },
  pods: { flags: PODS_FLAGS, run: pods },
  images: { flags: IMAGES_FLAGS, run: images },
  inspect: { flags: [OUTPUT, { long: "quiet", short: "q" }, { long: "template", value: true }], run: inspect },
  inspecti: { flags: [OUTPUT, { long: "quiet", short: "q" }, { long: "template", value: true }], run: inspecti },
  inspectp: { flags: [OUTPUT, { long: "quiet", short: "q" }, { long: "template", value: true }], run: inspectp },
  logs: {
    flags: [
      { long: "follow", short: "f" },
      { long: "previous", short: "p" },
      { long: "timestamps", short: "t" },
      { long: "tail", value: true, int: true },
      { long: "since", value: true },
      { long: "limit-bytes", value: true, int: true },
      { long: "stream", value: true },
      { long: "reopen", short: "r" },
    ],
    run: logs,
  },
  stop: { flags: [{ long: "timeout", short: "t", value: true, int: true }], run: stop },
  rm: {
    flags: [
      { long: "force", short: "f" },
      { long: "all", short: "a" },
    ],
    run: rm,
  },
  stopp: { flags: [], run: stopp },
  rmp: {
    flags: [
      { long: "force", short: "f" },
      { long: "all", short: "a" },
    ],
    run: rmp,
  },
  pull: {
    flags: [
      { long: "creds", value: true },
      { long: "auth", value: true },
      { long: "username", short: "u", value: true },
      { long: "pod-config", value: true },
    ],
    run: pull,
  },
  rmi: {
    flags: [
      { long: "all", short: "a" },
      { long: "prune", short: "q" },
    ],
    run: rmi,
  },
  stats: {
    flags: [
      { long: "all", short: "a" },
      { long: "id", value: true },
      { long: "pod", short: "p", value: true },
      OUTPUT,
      { long: "seconds", short: "s", value: true },
    ],
    run: stats,
  },
  info: { flags: [OUTPUT, { long: "quiet", short: "q" }], run: (p, w) => info(w, p) },
  version: { flags: [], run: (_p, w) => version(w) },
  exec: { flags: [], run: () => ({ stdout: "", stderr: "", exitCode: 0 }) },
  attach: { flags: [], run: () => ({ stdout: "", stderr: "", exitCode: 0 }) },
};
const ALIASES: Record<string, string> = { image: "images", img: "images" };

export const crictl: Command = async (args, io, world) => {
  const rest = args.filter(
    (a, i) =>
      !(a === "-r" || a === "--runtime-endpoint" || args[i - 1] === "-r" || args[i - 1] === "--runtime-endpoint"),
  );
  const first = rest[0];
  if (!first || first === "help" || first === "h" || first === "--help" || first === "-h") return ok(USAGE);
  if (first === "--version" || first === "-v") return ok("crictl version v1.32.0\n");
  const name = ALIASES[first] ?? first;
  const sub = SUBCOMMANDS[name];
  if (!sub) return fail(`No help topic for '${first}'\n`);
  // exec and attach parse their own flags: exec's stop at the container ID.
  const streaming = name === "exec" ? exec : name === "attach" ? attach : undefined;
  const parsed = streaming ? { flags: new Map(), args: rest.slice(1) } : parseFlags(rest.slice(1), sub.flags);
  if ("error" in parsed) return fail(`Incorrect Usage: ${parsed.error}\n\n${USAGE}`);

  const { endpoint, warning } = endpointOf(world, args);
  try {
    world.containerd.dial(endpoint);
  } catch (e) {
    if (!(e instanceof CriDialError)) throw e;
    const r = fata(`validate service connection: ${e.message}`);
    return { ...r, stderr: warning + r.stderr };
  }
  let result: ExecResult;
  try {
    result = await (streaming ? streaming(parsed.args, world, io) : sub.run(parsed, world, io));
  } catch (e) {
    if (!(e instanceof CrictlError)) throw e;
    result = fata(e.message);
  }
  return { ...result, stderr: warning + result.stderr };
};
