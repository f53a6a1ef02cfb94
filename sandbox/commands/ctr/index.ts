/**
 * ctr 1.7.28, containerd's own client (containerd cmd/ctr): `-n k8s.io containers ls`,
 * `images ls`, `tasks ls`. It talks to containerd's API directly, under the CRI's namespace
 * k8s.io, where pod sandboxes (pause) and containers are both containers. Tables use
 * text/tabwriter with minwidth 4, tabwidth 8, padding 4 for containers and tasks, and
 * minwidth 1, padding 1 for images; every row ends in a tab, so the last column is padded too.
 */
import { splitRef } from "../../runtime/reference";
import { tabwrite } from "../../util/table";
import type { World } from "../../world";
import { type Command, type ExecResult, fail, ok } from "../types";

const SOCKET = "/run/containerd/containerd.sock";

const USAGE = `NAME:
   ctr - 
        __
  _____/ /______
 / ___/ __/ ___/
/ /__/ /_/ /
\\___/\\__/_/

containerd CLI


USAGE:
   ctr [global options] command [command options] [arguments...]

VERSION:
   1.7.28

DESCRIPTION:
   
ctr is an unsupported debug and administrative client for interacting
with the containerd daemon. Because it is unsupported, the commands,
options, and operations are not guaranteed to be backward compatible or
stable from release to release of the containerd project.

COMMANDS:
   plugins, plugin            Provides information about containerd plugins
   version                    Print the client and server versions
   containers, c, container   Manage containers
   content                    Manage content
   events, event              Display containerd events
   images, image, i           Manage images
   leases                     Manage leases
   namespaces, namespace, ns  Manage namespaces
   pprof                      Provide golang pprof outputs for containerd
   run                        Run a container
   snapshots, snapshot        Manage snapshots
   tasks, t, task             Manage tasks
   install                    Install a new package
   oci                        OCI tools
   sandboxes, sandbox, sb, s  Manage sandboxes
   info                       Print the server info
   shim                       Interact with a shim directly
   help, h                    Shows a list of commands or help for one command

GLOBAL OPTIONS:
   --debug                      Enable debug output in logs (default: false)
   --address value, -a value    Address for containerd's GRPC server (default: "/run/containerd/containerd.sock") [$CONTAINERD_ADDRESS]
   --timeout value              Total timeout for ctr commands (default: 0s)
   --connect-timeout value      Timeout for connecting to containerd (default: 0s)
   --namespace value, -n value  Namespace to use with commands (default: "default") [$CONTAINERD_NAMESPACE]
   --help, -h                   show help
   --version, -v                print the version
`;

const wide = { minWidth: 4, padding: 4 };

/** Each row ends in a tab: an empty last cell makes the one before it a padded column. */
const table = (rows: string[][], opts = wide) =>
  tabwrite(
    rows.map((r) => [...r, ""]),
    opts,
  );

/** Human sizes of containerd's pkg/progress.Bytes: binary units, one decimal. */
function progressBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

function containersLs(world: World, ns: string, quiet: boolean): ExecResult {
  const { containerd } = world;
  const pause = containerd.config?.sandboxImage ?? "";
  const rows =
    ns === "k8s.io"
      ? [
          ...[...containerd.sandboxes.values()].map((s) => [s.id, pause, "io.containerd.runc.v2"]),
          ...[...containerd.containers.values()].map((c) => [c.id, c.image, "io.containerd.runc.v2"]),
        ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string))
      : [];
  if (quiet) return ok(rows.map((r) => `${r[0]}\n`).join(""));
  return ok(table([["CONTAINER", "IMAGE", "RUNTIME"], ...rows]));
}

function tasksLs(world: World, ns: string, quiet: boolean): ExecResult {
  const { containerd } = world;
  // The CRI deletes a container's task once it has exited; running ones remain.
  const rows =
    ns === "k8s.io"
      ? [
          ...[...containerd.sandboxes.values()]
            .filter((s) => s.state === "SANDBOX_READY")
            .map((s) => [s.id, String(s.pid), "RUNNING"]),
          ...[...containerd.containers.values()]
            .filter((c) => c.state === "CONTAINER_RUNNING")
            .map((c) => [c.id, String(c.pid ?? 0), "RUNNING"]),
        ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string))
      : [];
  if (quiet) return ok(rows.map((r) => `${r[0]}\n`).join(""));
  return ok(table([["TASK", "PID", "STATUS"], ...rows]));
}

function imagesLs(world: World, ns: string, quiet: boolean): ExecResult {
  // The CRI keeps three references per image: the tag, the repo digest and the image ID.
  const rows: string[][] = [];
  if (ns === "k8s.io") {
    for (const image of world.containerd.images.values()) {
      const digest = image.digest.slice(image.digest.indexOf("@") + 1);
      const { repo } = splitRef(image.ref);
      for (const ref of [image.ref, `${repo}@${digest}`, `sha256:${image.id}`]) {
        rows.push([
          ref,
          "application/vnd.docker.distribution.manifest.list.v2+json",
          digest,
          progressBytes(image.sizeBytes),
          "linux/amd64,linux/arm64",
          "io.cri-containerd.image=managed",
        ]);
      }
    }
  }
  rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
  if (quiet) return ok(rows.map((r) => `${r[0]}\n`).join(""));
  return ok(table([["REF", "TYPE", "DIGEST", "SIZE", "PLATFORMS", "LABELS"], ...rows], { minWidth: 1, padding: 1 }));
}

export const ctr: Command = (args, io, world) => {
  let ns = io.env.CONTAINERD_NAMESPACE || "default";
  let address = io.env.CONTAINERD_ADDRESS || SOCKET;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if ((a === "-n" || a === "--namespace" || a === "-a" || a === "--address") && args[i + 1] === undefined) {
      return fail(
        `Incorrect Usage: flag needs an argument: ${a.replace(/^--/, "-")}\n\nctr: flag needs an argument: ${a.replace(/^--/, "-")}\n`,
      );
    }
    if (a === "-n" || a === "--namespace") ns = args[++i] ?? "";
    else if (a.startsWith("--namespace=")) ns = a.slice(12);
    else if (a === "-a" || a === "--address") address = args[++i] ?? "";
    else rest.push(a);
  }
  const [group, verb, ...opts] = rest;
  if (!group || group === "help" || group === "h" || group === "--help" || group === "-h") return ok(USAGE);
  if (group === "--version" || group === "-v") return ok("ctr github.com/containerd/containerd v1.7.28\n");
  const groups: Record<string, string> = {
    containers: "containers",
    container: "containers",
    c: "containers",
    images: "images",
    image: "images",
    i: "images",
    tasks: "tasks",
    task: "tasks",
    t: "tasks",
  };
  const which = groups[group];
  if (!which) return fail(`ctr: No help topic for '${group}'\n`);
  if (verb !== "ls" && verb !== "list") {
    return fail(`ctr: ${verb ? `No help topic for '${verb}'` : "a subcommand is required"}\n`);
  }
  const unknown = opts.find((o) => o.startsWith("-") && o !== "-q" && o !== "--quiet");
  if (unknown)
    return fail(
      `Incorrect Usage: flag provided but not defined: ${unknown.replace(/^--?/, "-")}\n\nctr: flag provided but not defined: ${unknown.replace(/^--?/, "-")}\n`,
    );
  const quiet = opts.includes("-q") || opts.includes("--quiet");
  // ctr dials containerd's gRPC socket directly and waits for it (connect timeout), then gives up.
  try {
    world.containerd.dial(`unix://${address}`);
  } catch {
    return fail(
      `ctr: failed to dial "${address}": connection error: desc = "transport: error while dialing: dial unix://${address}: timeout": context deadline exceeded\n`,
    );
  }
  if (which === "containers") return containersLs(world, ns, quiet);
  if (which === "tasks") return tasksLs(world, ns, quiet);
  return imagesLs(world, ns, quiet);
};
