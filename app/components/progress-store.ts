/**
 * Which exercises of a lesson are done, and the learner's answers to its questions, kept in
 * localStorage so progress survives a reload.
 */

const key = (slug: string) => `inside-the-node:progress:${slug}`;

export function loadDone(slug: string): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(key(slug)) ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return []; // storage blocked (private mode, file://) or a hand-edited value: start afresh
  }
}

export function saveDone(slug: string, ids: readonly string[]): void {
  try {
    if (ids.length === 0) globalThis.localStorage?.removeItem(key(slug));
    else globalThis.localStorage?.setItem(key(slug), JSON.stringify(ids));
  } catch {
    // storage full or blocked: progress then lasts as long as the page
  }
}

const attemptKey = (slug: string) => `inside-the-node:attempt:${slug}`;

/**
 * The learner's attempt at a lesson, from 1: the node's seed, so a lesson whose scenario picks
 * its fault by the seed (`random-fault`) gives a new fault per attempt and the same one on reload.
 */
export function loadAttempt(slug: string): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(attemptKey(slug)) ?? "1");
    return Number.isSafeInteger(value) && value >= 1 ? value : 1;
  } catch {
    return 1;
  }
}

export function saveAttempt(slug: string, attempt: number): void {
  try {
    if (attempt <= 1) globalThis.localStorage?.removeItem(attemptKey(slug));
    else globalThis.localStorage?.setItem(attemptKey(slug), String(attempt));
  } catch {
    // storage full or blocked: the attempt then lasts as long as the page
  }
}

const answersKey = (slug: string) => `inside-the-node:answers:${slug}`;

/** The learner's answers to a lesson's questions, by exercise id. */
export function loadAnswers(slug: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(answersKey(slug)) ?? "{}");
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}

export function saveAnswers(slug: string, answers: Record<string, string>): void {
  try {
    if (Object.keys(answers).length === 0) globalThis.localStorage?.removeItem(answersKey(slug));
    else globalThis.localStorage?.setItem(answersKey(slug), JSON.stringify(answers));
  } catch {
    // storage full or blocked: answers then last as long as the page
  }
}
