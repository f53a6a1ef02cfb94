/**
 * What the browser keeps of one lesson, as a versioned record, and how an older record becomes
 * the current one. Every record read from storage or from an imported file goes through
 * `readLessonRecord`: it checks the shape with zod (zod/mini: no code generation, so the page's
 * Content-Security-Policy holds, and a few kB), runs the migrations in order, and otherwise
 * says in a few words why the record cannot be used, for the learner's notice.
 *
 * Versions (a record's `schema`):
 *   1  the progress of the localStorage era as a record: exercises done, answers, attempt;
 *   2  adds the node (its snapshot: a replay log), where in it the current exercise started,
 *      and the terminal's history.
 * A new version adds a schema here and a migration from the one before; records of every older
 * version keep loading. A record of a newer version than this page knows, or one that is not a
 * lesson record at all, cannot be read and the lesson starts afresh (with a notice).
 */
import * as z from "zod/mini";

export const SCHEMA_VERSION = 2;

/** Lines of terminal history kept per lesson (bash's HISTSIZE is 500 too). */
export const HISTORY_LIMIT = 500;

const exerciseIds = z.array(z.string());
const answers = z.record(z.string(), z.string());
const attempt = z.int().check(z.minimum(1));

/** The sandbox's SandboxSnapshot (sandbox/sandbox.ts): the steps a replay runs, in order. */
const step = z.union([
  z.strictObject({ exec: z.string() }),
  z.strictObject({ advance: z.number().check(z.nonnegative()), whileRunning: z.optional(z.literal(true)) }),
  z.strictObject({ interrupt: z.literal(true), beforeStart: z.optional(z.literal(true)) }),
  z.strictObject({ save: z.string(), content: z.string() }),
]);

export const nodeSnapshot = z.object({ scenario: z.string(), seed: z.int(), steps: z.array(step) });

const version1 = z.object({ schema: z.literal(1), slug: z.string(), done: exerciseIds, answers, attempt });

const version2 = z.object({
  schema: z.literal(2),
  slug: z.string(),
  done: exerciseIds,
  answers,
  attempt,
  /** The node as the learner left it; null for the lesson's start state. */
  node: z.nullable(nodeSnapshot),
  /** The current exercise and how many of the node's steps came before its start (the node's history opens there). */
  exercise: z.nullable(z.object({ id: z.string(), steps: z.int().check(z.nonnegative()) })),
  /** Terminal history, oldest first, at most HISTORY_LIMIT lines. */
  history: z.array(z.string()).check(z.maxLength(HISTORY_LIMIT)),
});

export type LessonRecordV1 = z.infer<typeof version1>;
export type LessonRecord = z.infer<typeof version2>;
export type NodeSnapshot = z.infer<typeof nodeSnapshot>;

/** Each version's shape and the step to the next; the last entry is the current version. */
const VERSIONS: Record<number, { shape: z.ZodMiniType; up?: (record: never) => unknown }> = {
  1: {
    shape: version1,
    up: (record: LessonRecordV1): LessonRecord => ({ ...record, schema: 2, node: null, exercise: null, history: [] }),
  },
  2: { shape: version2 },
};

export type ReadResult = { ok: true; record: LessonRecord; migratedFrom?: number } | { ok: false; reason: string };

/** What a value is, in the words of the notices ("a string", "an array", "null"). */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "nothing";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  array: "an array",
  object: "an object",
  record: "an object",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "a boolean",
};

/**
 * The first problem zod found, as `field: what is wrong` (zod/mini carries no message texts, so
 * the few kinds these schemas raise are worded here).
 */
function firstIssue(error: z.core.$ZodError, input: unknown): string {
  const issue = error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.map(String).join(".");
  const at = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
  let what: string;
  if (issue.code === "invalid_type")
    what = `should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(at)}`;
  else if (issue.code === "too_small") what = `must be at least ${issue.minimum}`;
  else if (issue.code === "too_big") what = `must have at most ${issue.maximum} items`;
  else if (issue.code === "invalid_value") what = `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
  else if (issue.code === "invalid_union") what = "is not a step a node replays";
  else if (issue.code === "unrecognized_keys") what = `has unknown fields ${issue.keys.join(", ")}`;
  else what = "is not valid";
  return `${path || "the record"} ${what}`;
}

/** A stored (or imported) lesson record, brought to the current version, or why it cannot be. */
export function readLessonRecord(raw: unknown): ReadResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("schema" in raw)) {
    return { ok: false, reason: "it is not a lesson record of this course" };
  }
  const version = raw.schema;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: "it is not a lesson record of this course" };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `it was saved by a newer version of the course (schema ${version}; this page reads up to ${SCHEMA_VERSION})`,
    };
  }
  let record: unknown = raw;
  for (let v = version; v <= SCHEMA_VERSION; v++) {
    const step = VERSIONS[v] as (typeof VERSIONS)[number];
    const parsed = step.shape.safeParse(record);
    if (!parsed.success) return { ok: false, reason: `it is damaged (${firstIssue(parsed.error, record)})` };
    record = step.up ? step.up(parsed.data as never) : parsed.data;
  }
  const current = record as LessonRecord;
  return version === SCHEMA_VERSION
    ? { ok: true, record: current }
    : { ok: true, record: current, migratedFrom: version };
}

/** A lesson as on a first visit. */
export function freshRecord(slug: string, attemptNumber = 1): LessonRecord {
  return {
    schema: SCHEMA_VERSION,
    slug,
    done: [],
    answers: {},
    attempt: attemptNumber,
    node: null,
    exercise: null,
    history: [],
  };
}

/** The notice a learner sees when a lesson's saved record could not be used. */
export const resetNotice = (reason: string) => `Saved progress could not be read and was reset: ${reason}`;
