/**
 * Progress from before the IndexedDB store: the page kept three localStorage keys per lesson
 * (`inside-the-node:progress:<slug>` the exercises done, `:answers:<slug>` the answers,
 * `:attempt:<slug>` the attempt). They become schema-1 records once, and the keys are removed
 * after the records are safely in the database. Values are read as leniently as the old code
 * read them (a value it would have ignored is ignored).
 */
import type { LessonRecordV1 } from "./record";

const LEGACY_KEY = /^inside-the-node:(progress|answers|attempt):(.+)$/;

/** The subset of the Web Storage API this needs (tests pass a Map-backed one). */
export interface LegacyStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The legacy keys present, and one schema-1 record per lesson they mention. */
export function readLegacyProgress(storage: LegacyStorage): { records: LessonRecordV1[]; keys: string[] } {
  const keys: string[] = [];
  const bySlug = new Map<string, LessonRecordV1>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const match = key ? LEGACY_KEY.exec(key) : null;
    if (!key || !match) continue;
    keys.push(key);
    const [, kind, slug] = match as unknown as [string, string, string];
    const record = bySlug.get(slug) ?? { schema: 1, slug, done: [], answers: {}, attempt: 1 };
    bySlug.set(slug, record);
    const text = storage.getItem(key);
    if (kind === "progress") {
      const value = parseJson(text);
      if (Array.isArray(value)) record.done = value.filter((id): id is string => typeof id === "string");
    } else if (kind === "answers") {
      const value = parseJson(text);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        record.answers = Object.fromEntries(
          Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
        );
      }
    } else {
      const value = Number(text);
      if (Number.isSafeInteger(value) && value >= 1) record.attempt = value;
    }
  }
  return { records: [...bySlug.values()], keys };
}
