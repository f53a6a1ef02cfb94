/**
 * Check kinds: what an exercise can ask of the node's state. Data, validated by zod, so a
 * lesson's frontmatter is checked at build time and the page can grade without trusting it.
 * Each kind names a piece of state a learner can see on a real node (a unit's ActiveState,
 * a node condition, a field of an API object, a file's contents), never keystrokes.
 */
import { z } from "zod";

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
    resource: z.enum(["nodes", "pods", "leases"]).describe("Resource kind, plural as kubectl spells it."),
    namespace: z.string().optional().describe("Namespace for namespaced resources (pods, leases)."),
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
export interface AllOfCheck {
  kind: "all";
  checks: Check[];
}
export type Check = UnitCheck | NodeConditionCheck | ObjectFieldCheck | FileCheck | AllOfCheck;

export const checkSchema: z.ZodType<Check> = z.union([
  unitCheck,
  nodeConditionCheck,
  objectFieldCheck,
  fileCheck,
  allOfCheck,
]);

/** What a check says: pass or not, and in the node's own words why. */
export interface CheckResult {
  pass: boolean;
  detail: string;
}
