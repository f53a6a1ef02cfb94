/**
 * Deterministic identifiers. A real node draws these from randomness; the emulator derives
 * them from a seed and a name so the same scenario always shows the same IDs (tests and
 * lesson text can rely on them) while different seeds give different nodes.
 */
import { sha256Hex } from "./sha256";

export class IdSource {
  private counter = 0;
  constructor(private readonly seed: number) {}

  /** 64 hex chars, like a containerd container/sandbox ID or an image digest. */
  hex64(label: string): string {
    return sha256Hex(`${this.seed}:${label}:${this.counter++}`);
  }

  /** An RFC 4122 version-4-shaped UUID, like a pod UID. */
  uuid(label: string): string {
    const h = this.hex64(label);
    const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * The suffix Kubernetes appends to generated names: utilrand.String(5) draws from
   * "bcdfghjklmnpqrstvwxz2456789" (apimachinery pkg/util/rand), no vowels, no 0/1/3.
   */
  nameSuffix(label: string, length = 5): string {
    const alphabet = "bcdfghjklmnpqrstvwxz2456789";
    const h = this.hex64(label);
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Number.parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
    return out;
  }

  /** The pod-template-hash of a ReplicaSet: 8-10 chars of the same alphabet. */
  templateHash(label: string): string {
    return this.nameSuffix(`rs:${label}`, 10);
  }
}
