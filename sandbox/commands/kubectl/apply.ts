/**
 * kubectl apply -f FILE (client-side apply, staging/src/k8s.io/kubectl/pkg/cmd/apply) for
 * the kinds a node lesson applies: Pod, Deployment, Service, PodDisruptionBudget, one or more per file. The
 * manifest is kept in the kubectl.kubernetes.io/last-applied-configuration annotation; the
 * same manifest again is `unchanged`, a changed one is patched in (`configured`) within what
 * the API server lets change (a pod's images, a Deployment's template, replicas and strategy,
 * a PodDisruptionBudget's spec).
 */
import { parseAllDocuments } from "yaml";
import { defaultedService } from "../../cluster/service-defaults";
import type {
  Deployment,
  KubeObject,
  Pod,
  PodDisruptionBudget,
  Resource,
  Service,
  ServicePort,
} from "../../cluster/types";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";
import { sortKeys } from "./get";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

type Manifest = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
};

const KINDS: Record<string, { resource: Resource; qualified: string; apiVersion: string }> = {
  Pod: { resource: "pods", qualified: "pod", apiVersion: "v1" },
  Service: { resource: "services", qualified: "service", apiVersion: "v1" },
  Deployment: { resource: "deployments", qualified: "deployment.apps", apiVersion: "apps/v1" },
  PodDisruptionBudget: {
    resource: "poddisruptionbudgets",
    qualified: "poddisruptionbudget.policy",
    apiVersion: "policy/v1",
  },
};

export function apply(argv: string[], io: CommandIo, world: World): ExecResult {
  const parsed = parseFlags("apply", argv, [{ long: ["filename"], short: "f", type: "string" }]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const file = str(parsed.flags.filename);
  if (!file) {
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples\n");
  }
  // `-f -` reads the manifest from stdin (a pipe or a here-document), as kubectl does.
  let text: string;
  if (file === "-") text = io.stdin;
  else {
    const path = file.startsWith("/") ? file : `${io.cwd.replace(/\/$/, "")}/${file}`;
    if (!world.fs.existsSync(path)) return fail(`error: the path "${file}" does not exist\n`);
    text = world.fs.readFileSync(path);
  }
  const docs = parseAllDocuments(text);
  /** How kubectl names where the manifest came from in its errors. */
  const source = file === "-" ? "STDIN" : file;
  let stdout = "";
  let stderr = "";
  for (const doc of docs) {
    if (doc.errors.length) {
      return fail(
        `${stderr}error: error parsing ${source}: error converting YAML to JSON: yaml: ${doc.errors[0]?.message.split("\n")[0]}\n`,
        1,
        stdout,
      );
    }
    const m = doc.toJS() as Manifest | null;
    if (!m) continue;
    const kind = KINDS[m.kind ?? ""];
    if (!m.kind || !m.apiVersion) {
      stderr += `error: error validating "${source}": error validating data: [${!m.apiVersion ? "apiVersion not set" : ""}${!m.apiVersion && !m.kind ? ", " : ""}${!m.kind ? "kind not set" : ""}]; if you choose to ignore these errors, turn validation off with --validate=false\n`;
      continue;
    }
    if (!kind || kind.apiVersion !== m.apiVersion) {
      stderr += `error: resource mapping not found for name: "${m.metadata?.name ?? ""}" namespace: "${m.metadata?.namespace ?? ""}" from "${source}": no matches for kind "${m.kind}" in version "${m.apiVersion}"\nensure CRDs are installed first\n`;
      continue;
    }
    const name = m.metadata?.name;
    if (!name) {
      stderr += `error: error when retrieving current configuration of:\nResource: "${kind.resource}", GroupVersionKind: "${m.apiVersion}, Kind=${m.kind}"\nName: "", Namespace: "default"\nfrom server for: "${source}": resource name may not be empty\n`;
      continue;
    }
    const namespace = m.metadata?.namespace ?? str(parsed.flags.namespace) ?? "default";
    const lastApplied = `${JSON.stringify(sortKeys(m))}\n`;
    const existing = world.store.get(kind.resource, name, namespace);
    if (!existing) {
      const object = build(m, namespace);
      object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: lastApplied };
      world.controlPlane.api.create(kind.resource, object);
      stdout += `${kind.qualified}/${name} created\n`;
      continue;
    }
    if (existing.metadata.annotations?.[LAST_APPLIED] === lastApplied) {
      stdout += `${kind.qualified}/${name} unchanged\n`;
      continue;
    }
    const error = update(existing, build(m, namespace));
    if (error) {
      stderr += `Error from server (Invalid): error when applying patch:\n${error}\n`;
      continue;
    }
    existing.metadata.annotations = { ...existing.metadata.annotations, [LAST_APPLIED]: lastApplied };
    if (existing.kind === "Deployment" || existing.kind === "PodDisruptionBudget") {
      world.controlPlane.api.updateSpec(kind.resource, existing);
    } else world.store.put(kind.resource, existing);
    stdout += `${kind.qualified}/${name} configured\n`;
  }
  world.clock.settle();
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** The object the manifest describes, with what the API server defaults before admission. */
function build(m: Manifest, namespace: string): KubeObject {
  const metadata = { ...(m.metadata ?? {}), name: m.metadata?.name ?? "", namespace, uid: "", creationTimestamp: "" };
  const spec = structuredCloneJson(m.spec ?? {});
  if (m.kind === "Pod") {
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata,
      spec: spec as unknown as Pod["spec"],
      status: { phase: "Pending" },
    };
  }
  if (m.kind === "Service") {
    const s = spec as unknown as Partial<Service["spec"]>;
    const ports = (s.ports ?? []).map(
      (p: Partial<ServicePort>): ServicePort => ({
        ...p,
        protocol: p.protocol ?? "TCP",
        port: p.port ?? 0,
        targetPort: p.targetPort ?? p.port ?? 0,
      }),
    );
    return defaultedService(metadata, { type: s.type, clusterIP: s.clusterIP, ports, selector: s.selector });
  }
  if (m.kind === "PodDisruptionBudget") {
    const p = spec as PodDisruptionBudget["spec"];
    return {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata,
      spec: p,
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    };
  }
  const d = spec as unknown as Partial<Deployment["spec"]>;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata,
    spec: {
      replicas: d.replicas ?? 1,
      selector: d.selector ?? {},
      template: d.template ?? { metadata: { labels: {} }, spec: { containers: [] } },
      ...(d.strategy ? { strategy: d.strategy } : {}),
      ...(d.minReadySeconds !== undefined ? { minReadySeconds: d.minReadySeconds } : {}),
      ...(d.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: d.revisionHistoryLimit } : {}),
    },
    status: {},
  } as Deployment;
}

/** Apply a changed manifest onto the stored object; returns the API server's refusal, if any. */
function update(existing: KubeObject, wanted: KubeObject): string | undefined {
  if (existing.kind === "Pod" && wanted.kind === "Pod") {
    const names = (cs: Pod["spec"]["containers"] | undefined) => (cs ?? []).map((c) => c.name).join(",");
    const sameShape =
      names(existing.spec.containers) === names(wanted.spec.containers) &&
      names(existing.spec.initContainers) === names(wanted.spec.initContainers);
    if (!sameShape) {
      return `The Pod "${existing.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`;
    }
    // Only images may change: spec.containers[*].image and spec.initContainers[*].image.
    existing.spec.containers.forEach((c, i) => {
      c.image = wanted.spec.containers[i]?.image ?? c.image;
    });
    existing.spec.initContainers?.forEach((c, i) => {
      c.image = wanted.spec.initContainers?.[i]?.image ?? c.image;
    });
  } else if (existing.kind === "Deployment" && wanted.kind === "Deployment") {
    if (JSON.stringify(existing.spec.selector) !== JSON.stringify(wanted.spec.selector)) {
      return `The Deployment "${existing.metadata.name}" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{...}}: field is immutable`;
    }
    existing.spec.replicas = wanted.spec.replicas;
    existing.spec.template = wanted.spec.template;
    if (wanted.spec.strategy) existing.spec.strategy = wanted.spec.strategy;
  } else if (existing.kind === "PodDisruptionBudget" && wanted.kind === "PodDisruptionBudget") {
    existing.spec = wanted.spec;
  } else if (existing.kind === "Service" && wanted.kind === "Service") {
    // The allocated node ports stay with their ports (the API server keeps them on update).
    const kept = (p: ServicePort) =>
      existing.spec.ports.find((e) => e.port === p.port && e.protocol === p.protocol)?.nodePort;
    existing.spec.ports = wanted.spec.ports.map((p) => ({
      ...p,
      ...((p.nodePort ?? kept(p)) ? { nodePort: p.nodePort ?? kept(p) } : {}),
    }));
    existing.spec.type = wanted.spec.type;
    if (wanted.spec.selector) existing.spec.selector = wanted.spec.selector;
    else delete existing.spec.selector;
  }
  if (wanted.metadata.labels) existing.metadata.labels = wanted.metadata.labels;
  return undefined;
}

const structuredCloneJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
