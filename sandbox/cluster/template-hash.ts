/** The pod-template-hash label kube-controller-manager puts on ReplicaSets and their pods. */
import type { PodTemplate } from "./types";

/**
 * controller.ComputeHash: FNV-32a over the template, written with rand.SafeEncodeString, whose
 * alphabet maps each decimal digit to one of "bcdf456789" (hence hashes like 789465848c).
 * Upstream hashes a spew dump of the Go struct; this hashes the JSON, so the values differ
 * from a real cluster's but change exactly when the template does.
 */
export function podTemplateHash(template: PodTemplate): string {
  // Templates are replaced, not edited in place, when a workload changes: hash each once.
  let hash = hashes.get(template);
  if (hash === undefined) {
    hash = computeHash(template);
    hashes.set(template, hash);
  }
  return hash;
}

const hashes = new WeakMap<PodTemplate, string>();

function computeHash(template: PodTemplate): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(template)) {
    h ^= ch.charCodeAt(0) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  return [...String(h)].map((d) => alphabet[d.charCodeAt(0) % alphabet.length]).join("");
}
