/**
 * crictl 1.32.0 (kubernetes-cri-tools): dials the CRI endpoint from /etc/crictl.yaml and
 * prints containerd's state in the tables of cmd/crictl/container.go, sandbox.go and
 * image.go (tabwriter minwidth 20, padding 3; newest first; IDs cut to 13 characters).
 */
import { CriDialError } from "../../runtime/cri";
import { CRICTL_TABWRITER, tabwrite } from "../../util/table";
import { goUnitsHumanDuration } from "../../util/time-format";
import type { World } from "../../world";
import { type Command, type ExecResult, fail, ok } from "../types";
import { humanSize, truncatedId } from "./format";

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

const CONTAINER_STATE: Record<string, string> = {
  CONTAINER_CREATED: "Created",
  CONTAINER_RUNNING: "Running",
  CONTAINER_EXITED: "Exited",
  CONTAINER_UNKNOWN: "Unknown",
};

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

VERSION:
   v1.32.0

COMMANDS:
   images, image, img  List images
   pods                List pods
   ps                  List containers
   help, h             Shows a list of commands or help for one command
`;

export const crictl: Command = (args, _io, world) => {
  const rest = args.filter(
    (a, i) =>
      !(a === "-r" || a === "--runtime-endpoint" || args[i - 1] === "-r" || args[i - 1] === "--runtime-endpoint"),
  );
  const sub = rest[0];
  if (!sub || sub === "help" || sub === "h" || sub === "--help" || sub === "-h") return ok(USAGE);
  if (sub === "--version" || sub === "-v") return ok("crictl version v1.32.0\n");
  const opts = rest.slice(1);
  const all = opts.includes("-a") || opts.includes("--all");
  const quiet = opts.includes("-q") || opts.includes("--quiet");
  const known = new Set(["-a", "--all", "-q", "--quiet", "--no-trunc"]);
  const unknown = opts.find((o) => o.startsWith("-") && !known.has(o));
  if (!["ps", "pods", "images", "image", "img"].includes(sub)) {
    return fail(`No help topic for '${sub}'\n`);
  }
  if (unknown)
    return fail(`Incorrect Usage: flag provided but not defined: ${unknown.replace(/^--?/, "-")}\n\n${USAGE}`);

  const { endpoint, warning } = endpointOf(world, args);
  try {
    world.containerd.dial(endpoint);
  } catch (e) {
    if (!(e instanceof CriDialError)) throw e;
    const r = fata(`validate service connection: ${e.message}`);
    return { ...r, stderr: warning + r.stderr };
  }
  const now = world.clock.now();
  const noTrunc = opts.includes("--no-trunc");
  const id = (s: string) => (noTrunc ? s : truncatedId(s));
  let out: string;
  if (sub === "ps") {
    const sandboxes = world.containerd.sandboxes;
    const containers = world.containerd.listContainers().filter((c) => all || c.state === "CONTAINER_RUNNING");
    out = quiet
      ? containers.map((c) => `${c.id}\n`).join("")
      : tabwrite(
          [
            ["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"],
            ...containers.map((c) => {
              const sb = sandboxes.get(c.sandboxId);
              return [
                id(c.id),
                id(c.imageId),
                `${goUnitsHumanDuration(now - c.createdAt)} ago`,
                CONTAINER_STATE[c.state] ?? "Unknown",
                c.name,
                String(c.attempt),
                id(c.sandboxId),
                sb?.name ?? "",
                sb?.namespace ?? "",
              ];
            }),
          ],
          CRICTL_TABWRITER,
        );
  } else if (sub === "pods") {
    const pods = world.containerd.listPodSandboxes();
    out = quiet
      ? pods.map((p) => `${p.id}\n`).join("")
      : tabwrite(
          [
            ["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"],
            ...pods.map((p) => [
              id(p.id),
              `${goUnitsHumanDuration(now - p.createdAt)} ago`,
              p.state === "SANDBOX_READY" ? "Ready" : "NotReady",
              p.name,
              p.namespace,
              String(p.attempt),
              "(default)",
            ]),
          ],
          CRICTL_TABWRITER,
        );
  } else {
    const images = [...world.containerd.images.values()].sort((a, b) => a.ref.localeCompare(b.ref));
    out = quiet
      ? images.map((i) => `sha256:${i.id}\n`).join("")
      : tabwrite(
          [
            ["IMAGE", "TAG", "IMAGE ID", "SIZE"],
            ...images.map((i) => {
              const at = i.ref.lastIndexOf(":");
              return [i.ref.slice(0, at), i.ref.slice(at + 1), id(i.id), humanSize(i.sizeBytes)];
            }),
          ],
          CRICTL_TABWRITER,
        );
  }
  return { stdout: out, stderr: warning, exitCode: 0 };
};
