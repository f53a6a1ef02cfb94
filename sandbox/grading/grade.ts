/**
 * Grade a check against the world's state. Reads only: never runs a command, never moves the
 * clock. Each failing result says, in the node's own words, what the state is now.
 */
import type { KubeObject, Node } from "../cluster/types";
import { canonicalUnitName } from "../node/systemd/manager";
import type { World } from "../world";
import type { Check, CheckResult } from "./schema";

function fieldAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function grade(world: World, check: Check): CheckResult {
  switch (check.kind) {
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
      const object = world.store.get<KubeObject>(check.resource, name, check.namespace);
      if (!object) return { pass: false, detail: `${check.resource} "${name}" not found` };
      const value = fieldAt(object, check.path);
      const shown = value === undefined ? "<none>" : typeof value === "object" ? JSON.stringify(value) : String(value);
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
      const results = check.checks.map((c) => grade(world, c));
      const failing = results.filter((r) => !r.pass);
      return {
        pass: failing.length === 0,
        detail: (failing.length ? failing : results).map((r) => r.detail).join("; "),
      };
    }
  }
}
