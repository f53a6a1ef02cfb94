/** Which exercises of a lesson are done, kept in localStorage so progress survives a reload. */

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
