/**
 * Whether the learner wants the node's diagram shown, kept in localStorage for every lesson:
 * hiding it once hides it on the next page too.
 */

const KEY = "inside-the-node:diagram-shown";

export function loadDiagramShown(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== "false";
  } catch {
    return true; // storage blocked: the default, shown
  }
}

export function saveDiagramShown(shown: boolean): void {
  try {
    if (shown) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, "false");
  } catch {
    // storage blocked: the choice lasts as long as the page
  }
}
