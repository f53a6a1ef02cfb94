/**
 * The character devices that never run dry: /dev/zero, /dev/random and /dev/urandom. A read
 * of the real ones returns as much as is asked for, for ever (`cat /dev/urandom` runs until
 * Ctrl-C). Commands here read whole files, so each read yields a little more than the
 * terminal keeps from one line (shell/limits.ts): `head -c 16 /dev/urandom | od -x` works,
 * `cat /dev/zero` ends with the shell's truncation notice. The random bytes are a fixed
 * xorshift stream (deterministic, like everything on this node), read from an offset that
 * moves with the simulated clock so two reads at different times differ.
 */
import type { FileData, GeneratedTree } from "./fs";

/** One byte more than a line may print, so printing a whole device trips the output cap. */
const DEVICE_READ_BYTES = 1024 * 1024 + 1;
const OFFSETS = 4096;

let pool: Uint8Array | undefined;

function randomPool(): Uint8Array {
  if (pool) return pool;
  pool = new Uint8Array(DEVICE_READ_BYTES + OFFSETS);
  let x = 0x9e3779b9;
  for (let i = 0; i < pool.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pool[i] = x & 0xff;
  }
  return pool;
}

/**
 * One device as a generated file, to be mounted at its path (`/dev/zero`): it lists in /dev
 * beside the stored entries (null, fd, stdin, ...) and reads fresh each time, a copy, so no
 * reader can change what the next one gets.
 */
export function deviceFile(kind: "zero" | "random", now: () => number): GeneratedTree {
  const read = (rel: string): FileData | undefined => {
    if (rel !== "") return undefined;
    if (kind === "zero") return new Uint8Array(DEVICE_READ_BYTES);
    const at = Math.abs(Math.floor(now())) % OFFSETS;
    return randomPool().slice(at, at + DEVICE_READ_BYTES);
  };
  return { list: () => undefined, read };
}
