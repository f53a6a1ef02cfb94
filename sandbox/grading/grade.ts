/**
 * Grade a check against the world's state. Reads only: never runs a command, never moves the
 * clock. Each failing result says, in the node's own words, what the state is now.
 */
import { parseSelector, selectorMatches } from "../cluster/labels";
import type { KubeObject, Node, Pod } from "../cluster/types";
import { listRules } from "../node/net/iptables-list";
import { canonicalUnitName } from "../node/systemd/manager";
import type { World } from "../world";
import type {
  AnswerCheck,
  Check,
  CheckContext,
  CheckResult,
  ContainerCheck,
  IptablesCheck,
  PodsCheck,
  ProcessCheck,
} from "./schema";

function fieldAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const shownValue = (value: unknown) =>
  value === undefined ? "<none>" : typeof value === "object" ? JSON.stringify(value) : String(value);

export function grade(world: World, check: Check, context: CheckContext = {}): CheckResult {
  switch (check.kind) {
    case "pods":
      return gradePods(world, check);
    case "container":
      return gradeContainer(world, check);
    case "process":
      return gradeProcess(world, check);
    case "iptables":
      return gradeIptables(world, check);
    case "answer":
      return gradeAnswer(world, check, context.answer);
    case "unit": {
      const name = canonicalUnitName(check.unit);
      const rt = world.systemd.unit(name);
      const state = rt?.activeState ?? "inactive";
      const sub = rt?.subState ?? "dead";
      return {
        pass: state === check.active,
        detail: rt ? `${name} is ${state} (${sub})` : `${name} could not be found`,
      };
    }
    case "node-condition": {
      const node = world.store.get<Node>("nodes", world.hostname);
      const c = node?.status.conditions.find((x) => x.type === check.type);
      if (!c) return { pass: false, detail: `node ${world.hostname} has no ${check.type} condition` };
      return {
        pass: c.status === check.status,
        detail: `${check.type} is ${c.status}${c.reason ? ` (${c.reason}: ${c.message})` : ""}`,
      };
    }
    case "object-field": {
      const name = check.name ?? world.hostname;
      const object = world.store.get<KubeObject>(check.resource, name, namespaceOf(check.resource, check.namespace));
      if (!object) return { pass: false, detail: `${check.resource} "${name}" not found` };
      const shown = shownValue(fieldAt(object, check.path));
      return { pass: shown === check.equals, detail: `${check.path} of ${check.resource}/${name} is ${shown}` };
    }
    case "file": {
      const text = world.fs.tryReadFileSync(check.path);
      const shouldExist = check.exists ?? true;
      if (text === undefined) {
        return { pass: !shouldExist, detail: `${check.path} does not exist` };
      }
      if (!shouldExist) return { pass: false, detail: `${check.path} still exists` };
      if (check.contains !== undefined && !text.includes(check.contains)) {
        return { pass: false, detail: `${check.path} does not contain "${check.contains}"` };
      }
      if (check.notContains !== undefined && text.includes(check.notContains)) {
        return { pass: false, detail: `${check.path} still contains "${check.notContains}"` };
      }
      return { pass: true, detail: `${check.path} is as required` };
    }
    case "all": {
      const results = check.checks.map((c) => grade(world, c, context));
      const failing = results.filter((r) => !r.pass);
      return {
        pass: failing.length === 0,
        detail: (failing.length ? failing : results).map((r) => r.detail).join("; "),
      };
    }
  }
}

/** Nodes are not namespaced; everything else defaults to `default`, as kubectl does. */
const namespaceOf = (resource: string, namespace: string | undefined) =>
  resource === "nodes" ? undefined : (namespace ?? "default");

function podReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function gradePods(world: World, check: PodsCheck): CheckResult {
  const namespace = check.namespace ?? "default";
  const reqs = check.selector ? parseSelector(check.selector) : [];
  if (!reqs) return { pass: false, detail: `the selector "${check.selector}" cannot be parsed` };
  const pods = world.store
    .list<Pod>("pods", namespace)
    .filter((p) => selectorMatches(reqs, p.metadata.labels))
    .filter((p) =>
      !check.name
        ? true
        : check.name.endsWith("-")
          ? p.metadata.name.startsWith(check.name)
          : p.metadata.name === check.name,
    );
  const matching = pods.filter(
    (p) =>
      (check.phase === undefined || p.status.phase === check.phase) &&
      (check.ready === undefined || podReady(p) === check.ready) &&
      !p.metadata.deletionTimestamp,
  );
  const what = [check.phase, check.ready === undefined ? "" : check.ready ? "Ready" : "not Ready"]
    .filter(Boolean)
    .join(" and ");
  const which = check.name ?? (check.selector ? `pods matching ${check.selector}` : "pods");
  const detail = `${matching.length} of ${pods.length} ${which} in ${namespace} ${matching.length === 1 ? "is" : "are"} ${what || "present"}`;
  const pass = check.count !== undefined ? matching.length === check.count : matching.length >= (check.min ?? 1);
  return { pass, detail };
}

function gradeContainer(world: World, check: ContainerCheck): CheckResult {
  const newest = world.containerd
    .listContainers()
    .filter((c) => c.name === check.name)
    .sort((a, b) => b.attempt - a.attempt || b.createdAt - a.createdAt)[0];
  if (!newest) return { pass: check.state === "absent", detail: `there is no ${check.name} container` };
  const state =
    newest.state === "CONTAINER_RUNNING" ? "running" : newest.state === "CONTAINER_EXITED" ? "exited" : "created";
  const attemptOk = check.minAttempt === undefined || newest.attempt >= check.minAttempt;
  return {
    pass: state === check.state && attemptOk,
    detail: `container ${check.name} (attempt ${newest.attempt}) is ${state}`,
  };
}

function gradeProcess(world: World, check: ProcessCheck): CheckResult {
  const found = world.procs
    .all()
    .filter((p) => (p.argv[0] ?? "").split("/").pop() === check.command)
    .filter((p) => check.argContains === undefined || p.argv.join(" ").includes(check.argContains));
  const what = check.argContains === undefined ? check.command : `${check.command} with "${check.argContains}"`;
  return {
    pass: found.length > 0 === check.running,
    detail: found.length ? `${what} runs as PID ${found.map((p) => p.pid).join(", ")}` : `no ${what} process runs`,
  };
}

function gradeIptables(world: World, check: IptablesCheck): CheckResult {
  const prefix = check.chain.endsWith("*") ? check.chain.slice(0, -1) : undefined;
  const chains = world.netfilter
    .chains(check.table)
    .filter((c) => (prefix === undefined ? c.name === check.chain : c.name.startsWith(prefix)));
  const shouldExist = check.exists ?? true;
  if (chains.length === 0)
    return { pass: !shouldExist, detail: `the ${check.table} table has no chain ${check.chain}` };
  if (!shouldExist)
    return { pass: false, detail: `the ${check.table} table has ${chains.map((c) => c.name).join(", ")}` };
  if (check.ruleContains === undefined) return { pass: true, detail: `the ${check.table} table has ${check.chain}` };
  const rules = chains.flatMap((c) => listRules(world.netfilter, check.table, c.name).split("\n"));
  const hit = rules.find((r) => r.startsWith("-A ") && r.includes(check.ruleContains as string));
  return {
    pass: hit !== undefined,
    detail: hit ?? `no rule in ${check.table} ${check.chain} contains "${check.ruleContains}"`,
  };
}

/** The right answer now, read from the node's state, then any other spellings of it that pass too. */
function expectedAnswers(world: World, check: AnswerCheck): string[] | undefined {
  const source = check.expect;
  if ("fault" in source) return world.fault ? [world.fault.culprit, ...world.fault.aliases] : undefined;
  const one = expectedAnswer(world, source);
  return one === undefined ? undefined : [one];
}

function expectedAnswer(world: World, source: Exclude<AnswerCheck["expect"], { fault: string }>): string | undefined {
  if ("file" in source) {
    const text = world.fs.tryReadFileSync(source.file);
    return text === undefined ? undefined : new RegExp(source.pattern, "m").exec(text)?.[1];
  }
  if ("unit" in source) {
    const rt = world.systemd.unit(canonicalUnitName(source.unit));
    if (!rt) return undefined;
    if (source.property === "MainPID") return String(rt.mainPid ?? 0);
    if (source.property === "ActiveState") return rt.activeState;
    if (source.property === "SubState") return rt.subState;
    return rt.def?.fragmentPath;
  }
  const object = world.store.get<KubeObject>(
    source.resource,
    source.name ?? world.hostname,
    namespaceOf(source.resource, source.namespace),
  );
  const value = object === undefined ? undefined : fieldAt(object, source.path);
  return value === undefined ? undefined : shownValue(value);
}

function gradeAnswer(world: World, check: AnswerCheck, answer: string | undefined): CheckResult {
  const given = (answer ?? "").trim();
  if (!given) return { pass: false, detail: "no answer yet" };
  const expected = expectedAnswers(world, check);
  if (expected === undefined) return { pass: false, detail: "the node no longer has what the question asks about" };
  const fold = (text: string) => (check.ignoreCase ? text.toLowerCase() : text);
  const same = expected.some((e) => fold(e) === fold(given));
  return { pass: same, detail: same ? `"${given}" is right` : `"${given}" is not what the node says` };
}
