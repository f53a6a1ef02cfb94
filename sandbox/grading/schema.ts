/**
 * Check kinds: what an exercise can ask of the node's state. Data, validated by zod, so a
 * lesson's frontmatter is checked at build time and the page can grade without trusting it.
 * Each kind names a piece of state a learner can see on a real node (a unit's ActiveState,
 * a node condition, a field of an API object, a file's contents), never keystrokes.
 */
import { z } from "zod";

/** The kinds in the control plane's store, plural as kubectl spells them. */
const RESOURCES = [
  "nodes",
  "pods",
  "leases",
  "services",
  "endpointslices",
  "deployments",
  "replicasets",
  "daemonsets",
  "poddisruptionbudgets",
  "events",
] as const;

export const unitCheck = z
  .object({
    kind: z.literal("unit").describe("Judge a systemd unit's state, as `systemctl is-active` reports it."),
    unit: z.string().min(1).describe("Unit name, e.g. `kubelet.service` (the `.service` suffix may be left off)."),
    active: z
      .enum(["active", "inactive", "activating", "deactivating", "failed"])
      .describe("The ActiveState the unit must be in."),
  })
  .strict();

export const nodeConditionCheck = z
  .object({
    kind: z.literal("node-condition").describe("Judge a condition of this node as the control plane stores it."),
    type: z.string().min(1).describe("Condition type: `Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure`, ..."),
    status: z.enum(["True", "False", "Unknown"]).describe("The condition status that passes."),
  })
  .strict();

export const objectFieldCheck = z
  .object({
    kind: z.literal("object-field").describe("Judge one field of an API object in the control plane's store."),
    resource: z.enum(RESOURCES).describe("Resource kind, plural as kubectl spells it."),
    namespace: z.string().optional().describe("Namespace for namespaced resources (default `default`)."),
    name: z.string().min(1).optional().describe("Object name; for nodes it defaults to this node."),
    path: z
      .string()
      .regex(/^[A-Za-z0-9_.\-/]+$/)
      .describe("Dotted path into the object, e.g. `status.capacity.pods`."),
    equals: z.string().describe("The value (as kubectl would print it) that passes."),
  })
  .strict();

export const fileCheck = z
  .object({
    kind: z.literal("file").describe("Judge a file on the node's filesystem."),
    path: z.string().startsWith("/").describe("Absolute path on the node."),
    exists: z.boolean().optional().describe("Whether the file must exist (default true)."),
    contains: z.string().optional().describe("Text the file must contain."),
    notContains: z.string().optional().describe("Text the file must not contain."),
  })
  .strict();

export const podsCheck = z
  .object({
    kind: z.literal("pods").describe("Judge the pods the control plane has, as `kubectl get pods` shows them."),
    namespace: z.string().optional().describe("Namespace of the pods (default `default`)."),
    selector: z
      .string()
      .optional()
      .describe("Label selector as kubectl takes it, e.g. `app=web`; all pods if left out."),
    name: z.string().optional().describe("One pod by name, or a name prefix ending in `-` (a Deployment's pods)."),
    phase: z
      .enum(["Pending", "Running", "Succeeded", "Failed"])
      .optional()
      .describe("The phase the counted pods must be in."),
    ready: z.boolean().optional().describe("Whether the counted pods must be Ready (all containers ready)."),
    count: z.number().int().min(0).optional().describe("Exactly this many pods must match (with phase/ready)."),
    min: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("At least this many pods must match (default 1 unless count is set)."),
  })
  .strict();

export const containerCheck = z
  .object({
    kind: z.literal("container").describe("Judge a container as containerd sees it (`crictl ps -a`)."),
    name: z.string().min(1).describe("Container name, as `crictl ps --name` matches it, e.g. `kube-proxy`."),
    state: z
      .enum(["running", "exited", "absent"])
      .describe("Its newest attempt is running, has exited, or there is none."),
    minAttempt: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Its newest ATTEMPT must be at least this (it was restarted this many times)."),
  })
  .strict();

export const processCheck = z
  .object({
    kind: z.literal("process").describe("Judge the node's process table, as `ps -ef` shows it."),
    command: z.string().min(1).describe("The program's name (the last part of argv[0]), e.g. `kubelet`."),
    running: z.boolean().describe("Whether such a process must exist."),
    argContains: z.string().optional().describe("Text its command line must contain, e.g. `--max-pods=50`."),
  })
  .strict();

export const iptablesCheck = z
  .object({
    kind: z.literal("iptables").describe("Judge the node's netfilter rules, as `iptables -t TABLE -S` prints them."),
    table: z.enum(["filter", "nat", "mangle", "raw"]).describe("The table."),
    chain: z
      .string()
      .min(1)
      .describe("The chain, e.g. `KUBE-SERVICES`; `KUBE-SVC-*` matches any chain with that prefix."),
    exists: z.boolean().optional().describe("Whether the chain must exist (default true)."),
    ruleContains: z
      .string()
      .optional()
      .describe("Text one of its rules must contain, as `-S` prints the rule (e.g. `--dport 80 -j DROP`)."),
  })
  .strict();

/** Where an answer's right value is read from: the node's state, at the moment it is checked. */
const answerSource = z.union([
  z
    .object({
      file: z.string().startsWith("/").describe("A file on the node."),
      pattern: z
        .string()
        .min(1)
        .describe('A regular expression whose first group is the answer, e.g. `sandbox_image = "([^"]+)"`.'),
    })
    .strict(),
  z
    .object({
      resource: z.enum(RESOURCES).describe("Resource kind, plural as kubectl spells it."),
      namespace: z.string().optional().describe("Namespace (default `default`)."),
      name: z.string().optional().describe("Object name; for nodes it defaults to this node."),
      path: z
        .string()
        .regex(/^[A-Za-z0-9_.\-/]+$/)
        .describe("Dotted path into the object, e.g. `status.nodeInfo.kubeletVersion`."),
    })
    .strict(),
  z
    .object({
      unit: z.string().min(1).describe("A systemd unit, e.g. `kubelet.service`."),
      property: z
        .enum(["MainPID", "ActiveState", "SubState", "FragmentPath"])
        .describe("The property, as `systemctl show -p` names it."),
    })
    .strict(),
  z
    .object({
      fault: z
        .literal("culprit")
        .describe(
          "What the scenario broke on this node (scenario `random-fault`): a unit (`kubelet.service`, " +
            "`containerd.service`) or a file (`/etc/default/kubelet`, `/etc/containerd/config.toml`, " +
            "`/etc/cni/net.d/10-azure.conflist`). Also accepted: the unit without `.service` and the file's " +
            "bare name where it is unambiguous (`10-azure.conflist`, `config.toml`).",
        ),
    })
    .strict(),
]);

export const answerCheck = z
  .object({
    kind: z
      .literal("answer")
      .describe("Ask a question the learner answers in a field; the answer is compared with the node's state."),
    question: z.string().trim().min(1).describe("The question, e.g. `Which pause image does containerd use?`."),
    expect: answerSource.describe("Where the right answer is read from when the answer is checked."),
    ignoreCase: z.boolean().optional().describe("Compare without regard to case (default false)."),
  })
  .strict();

export const allOfCheck: z.ZodType<AllOfCheck> = z.lazy(() =>
  z
    .object({
      kind: z.literal("all").describe("Pass when every listed check passes."),
      checks: z.array(checkSchema).min(1).describe("The checks that must all pass."),
    })
    .strict(),
);

export type UnitCheck = z.infer<typeof unitCheck>;
export type NodeConditionCheck = z.infer<typeof nodeConditionCheck>;
export type ObjectFieldCheck = z.infer<typeof objectFieldCheck>;
export type FileCheck = z.infer<typeof fileCheck>;
export type PodsCheck = z.infer<typeof podsCheck>;
export type ContainerCheck = z.infer<typeof containerCheck>;
export type ProcessCheck = z.infer<typeof processCheck>;
export type IptablesCheck = z.infer<typeof iptablesCheck>;
export type AnswerCheck = z.infer<typeof answerCheck>;
export interface AllOfCheck {
  kind: "all";
  checks: Check[];
}
export type Check =
  | UnitCheck
  | NodeConditionCheck
  | ObjectFieldCheck
  | FileCheck
  | PodsCheck
  | ContainerCheck
  | ProcessCheck
  | IptablesCheck
  | AnswerCheck
  | AllOfCheck;

export const checkSchema: z.ZodType<Check> = z.union([
  unitCheck,
  nodeConditionCheck,
  objectFieldCheck,
  fileCheck,
  podsCheck,
  containerCheck,
  processCheck,
  iptablesCheck,
  answerCheck,
  allOfCheck,
]);

/** What the learner has typed for an exercise's question, if it asks one. */
export interface CheckContext {
  answer?: string;
}

/** What a check says: pass or not, and in the node's own words why. */
export interface CheckResult {
  pass: boolean;
  detail: string;
}
