/**
 * What must hold of a node whatever was typed at it: the fuzz test checks these after every
 * line. Each check reads state only and names what broke, so a failure says where to look.
 *
 * - fs: the root is a directory, every entry's parent is a directory, symlinks have targets,
 *   files hold text or bytes, modes and mtimes are numbers.
 * - processes: PIDs are unique positive integers below the next PID to hand out.
 * - systemd: a unit with a main PID has that process alive in the table and in its cgroup; an
 *   active running service has a main PID.
 * - containerd: a running container and a ready sandbox have a live process; exited ones have
 *   none; every container belongs to a known sandbox.
 * - the API objects: each survives JSON (as etcd would store it), has a name and a numeric
 *   resourceVersion no newer than the store's.
 * - the journal: timestamps strictly increase and none is in the clock's future.
 * - the clock: a finite time, not before boot.
 */
import type { World } from "../world";

export function checkInvariants(world: World): string[] {
  return [
    ...checkFs(world),
    ...checkProcesses(world),
    ...checkUnits(world),
    ...checkRuntime(world),
    ...checkStore(world),
    ...checkJournal(world),
    ...checkClock(world),
  ];
}

function checkFs(world: World): string[] {
  const problems: string[] = [];
  const tree = world.fs.exportTree();
  if (tree.get("/")?.type !== "directory") problems.push("fs: / is not a directory");
  for (const [path, node] of tree) {
    if (path !== "/") {
      if (!path.startsWith("/") || path.endsWith("/") || path.includes("//"))
        problems.push(`fs: malformed path ${JSON.stringify(path)}`);
      const parent = path.slice(0, path.lastIndexOf("/")) || "/";
      if (tree.get(parent)?.type !== "directory") problems.push(`fs: parent of ${path} is not a directory`);
    }
    if (!Number.isFinite(node.mode) || !Number.isFinite(node.mtime)) problems.push(`fs: ${path} has a bad mode/mtime`);
    if (node.type === "symlink" && typeof node.target !== "string") problems.push(`fs: ${path} has no link target`);
    if (node.type === "file" && typeof node.content !== "string" && !(node.content instanceof Uint8Array))
      problems.push(`fs: ${path} holds neither text nor bytes`);
  }
  return problems;
}

function checkProcesses(world: World): string[] {
  const problems: string[] = [];
  const { nextPid, procs } = world.procs.export();
  const seen = new Set<number>();
  for (const p of procs) {
    if (!Number.isInteger(p.pid) || p.pid <= 1 || p.pid >= nextPid) problems.push(`procs: bad PID ${p.pid}`);
    if (seen.has(p.pid)) problems.push(`procs: PID ${p.pid} twice`);
    seen.add(p.pid);
    if (!Array.isArray(p.argv) || p.argv.length === 0) problems.push(`procs: PID ${p.pid} has no argv`);
  }
  return problems;
}

function checkUnits(world: World): string[] {
  const problems: string[] = [];
  for (const unit of world.systemd.loadedUnits()) {
    if (unit.mainPid !== undefined) {
      const proc = world.procs.get(unit.mainPid);
      if (!proc) problems.push(`systemd: ${unit.name} main PID ${unit.mainPid} is not running`);
      else if (!proc.cgroup.startsWith(`/system.slice/${unit.name}`))
        problems.push(`systemd: ${unit.name} main PID ${unit.mainPid} lives in ${proc.cgroup}`);
    }
    if (unit.activeState === "active" && unit.subState === "running" && unit.mainPid === undefined)
      problems.push(`systemd: ${unit.name} is active (running) without a main PID`);
  }
  return problems;
}

function checkRuntime(world: World): string[] {
  const problems: string[] = [];
  const { containerd, procs } = world;
  for (const s of containerd.listPodSandboxes()) {
    if (s.state === "SANDBOX_READY" && !procs.get(s.pid))
      problems.push(`containerd: ready sandbox ${s.id.slice(0, 13)} has no pause process ${s.pid}`);
  }
  for (const c of containerd.listContainers()) {
    const id = c.id.slice(0, 13);
    if (!containerd.sandboxes.has(c.sandboxId)) problems.push(`containerd: container ${id} has no sandbox`);
    if (c.state === "CONTAINER_RUNNING" && (c.pid === undefined || !procs.get(c.pid)))
      problems.push(`containerd: running container ${id} (${c.name}) has no live process`);
    if (c.state === "CONTAINER_EXITED" && c.pid !== undefined && procs.get(c.pid))
      problems.push(`containerd: exited container ${id} (${c.name}) still has process ${c.pid}`);
  }
  return problems;
}

/**
 * Objects already found to survive JSON, by resource/name and resourceVersion: every write
 * gives a new resourceVersion, so only what changed since the last check is serialised again.
 */
const serialised = new WeakMap<World, Map<string, string>>();

function checkStore(world: World): string[] {
  const problems: string[] = [];
  const { store } = world;
  let seen = serialised.get(world);
  if (!seen) {
    seen = new Map();
    serialised.set(world, seen);
  }
  for (const resource of store.resources()) {
    for (const o of store.list(resource)) {
      const name = o.metadata?.name;
      if (typeof name !== "string" || name === "") problems.push(`store: a ${resource} object has no name`);
      const rv = o.metadata?.resourceVersion;
      if (!Number.isInteger(Number(rv)) || Number(rv) > store.revision())
        problems.push(`store: ${resource}/${String(name)} has resourceVersion ${String(rv)}`);
      const key = `${resource}/${o.metadata?.namespace ?? ""}/${String(name)}`;
      if (seen.get(key) === rv) continue;
      try {
        JSON.parse(JSON.stringify(o));
        seen.set(key, rv ?? "");
      } catch (e) {
        problems.push(`store: ${key} does not survive JSON: ${(e as Error).message}`);
      }
    }
  }
  return problems;
}

function checkJournal(world: World): string[] {
  const problems: string[] = [];
  let last = -Infinity;
  const horizon = (world.clock.now() + 1_000) * 1000;
  for (const e of world.journal.query()) {
    if (!Number.isFinite(e.usec) || e.usec <= last) {
      problems.push(`journal: entry at ${e.usec} does not follow ${last} (${e.identifier}: ${e.message.slice(0, 60)})`);
      break;
    }
    if (e.usec > horizon) {
      problems.push(`journal: entry at ${e.usec} is in the future (${e.identifier}: ${e.message.slice(0, 60)})`);
      break;
    }
    last = e.usec;
  }
  return problems;
}

function checkClock(world: World): string[] {
  const now = world.clock.now();
  return Number.isFinite(now) && now >= world.bootTime ? [] : [`clock: now is ${now}`];
}
