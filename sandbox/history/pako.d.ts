/**
 * The one function of pako 1.x (isomorphic-git's own zlib) the history uses; pako ships no
 * types. A CommonJS module: imported as its default export, which Node's ESM loader and the
 * bundlers both give.
 */
declare module "pako" {
  const pako: { deflate(data: Uint8Array, options?: { level?: number }): Uint8Array };
  export default pako;
}
