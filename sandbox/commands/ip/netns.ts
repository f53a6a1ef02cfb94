/**
 * `ip netns` (ip/ipnetns.c): list the bind-mounted namespaces under /var/run/netns with the
 * id the current namespace knows each by, run a command inside one (`exec`), and the helpers
 * `pids` / `identify` that tie a pod's processes to its namespace. `add`/`delete` make and
 * remove a namespace as ip does (a file under /var/run/netns plus the namespace itself).
 */
import { netnsOfPid as runtimeNetnsOfPid } from "../../runtime/netns-of";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail, ok } from "../types";
import { listNetns } from "./print";

const NETNS_DIR = "/var/run/netns";
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

/** The named namespace a process's network namespace is, or undefined for the host's. */
export function netnsOfPid(world: World, pid: number): string | undefined {
  return runtimeNetnsOfPid(world.containerd, pid);
}

/** Processes whose network namespace is `name` (the pod's pause and its containers). */
function pidsIn(world: World, name: string): number[] {
  return world.procs
    .all()
    .map((p) => p.pid)
    .filter((pid) => netnsOfPid(world, pid) === name)
    .sort((a, b) => a - b);
}

export async function ipNetns(
  args: string[],
  io: CommandIo,
  world: World,
  current: string | undefined,
): Promise<ExecResult> {
  const verb = args[0] ?? "list";
  const name = args[1];
  const here = world.net.namespace(current);
  if (!here) return fail(`Cannot open network namespace "${current}": No such file or directory\n`);
  if (matches(verb, "list") || verb === "ls" || verb === "show") {
    const entries = world.fs.isDirectorySync(NETNS_DIR) ? world.fs.readdirSync(NETNS_DIR) : [];
    return ok(listNetns(world.net, here, entries));
  }
  if (matches(verb, "exec")) {
    if (name === undefined) return fail("No netns name specified\n");
    if (args.length < 3) return fail("No command specified\n");
    if (!world.fs.existsSync(`${NETNS_DIR}/${name}`) || !world.net.namespace(name)) {
      return fail(`Cannot open network namespace "${name}": No such file or directory\n`);
    }
    if (!io.execIn) return fail("setting the network namespace failed: Operation not permitted\n");
    return io.execIn(args.slice(2), name);
  }
  if (matches(verb, "pids")) {
    if (name === undefined) return fail("No netns name specified\n");
    if (!world.net.namespace(name)) return fail(`Cannot open network namespace "${name}": No such file or directory\n`);
    return ok(
      pidsIn(world, name)
        .map((pid) => `${pid}\n`)
        .join(""),
    );
  }
  if (matches(verb, "identify")) {
    const pid = name === undefined ? undefined : Number(name);
    const ns = pid === undefined ? current : netnsOfPid(world, pid);
    if (pid !== undefined && !world.fs.existsSync(`/proc/${pid}`))
      return fail(`Cannot open network namespace: No such file or directory\n`);
    return ok(ns === undefined ? "" : `${ns}\n`);
  }
  if (matches(verb, "add")) {
    if (name === undefined) return fail("No netns name specified\n");
    if (world.fs.existsSync(`${NETNS_DIR}/${name}`)) {
      return fail(`Cannot create namespace file "${NETNS_DIR}/${name}": File exists\n`);
    }
    world.net.createNamespace(name);
    world.fs.writeFileSync(`${NETNS_DIR}/${name}`, "", 0);
    return ok();
  }
  if (matches(verb, "delete")) {
    if (name === undefined) return fail("No netns name specified\n");
    if (!world.fs.existsSync(`${NETNS_DIR}/${name}`)) {
      return fail(`Cannot remove namespace file "${NETNS_DIR}/${name}": No such file or directory\n`);
    }
    world.net.deleteNamespace(name);
    world.fs.rmSync(`${NETNS_DIR}/${name}`, { force: true });
    return ok();
  }
  return fail(`Command "${verb}" is unknown, try "ip netns help".\n`, 255);
}
