/** The one function of pako 1.x (isomorphic-git's own zlib) the history uses; pako ships no types. */
declare module "pako" {
  export function deflate(data: Uint8Array, options?: { level?: number }): Uint8Array;
}
