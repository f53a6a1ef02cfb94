/**
 * Where the built site lives and from what, read from the environment by next.config.mjs,
 * scripts/csp.ts, scripts/serve.mjs and the base-path Playwright config, so they agree:
 *
 *   BASE_PATH=/inside-the-node   the site under a sub-path (a GitHub project page); default: the root
 *   OUT_DIR=out-base             where `npm run build` writes the static site; default: out
 *   CONTENT_DIR=tests/fixtures/lessons   where the lessons come from; default: content
 */

/** `/inside-the-node` from `inside-the-node/`, `/a/b` from `/a/b`; "" for the root. Throws on anything else. */
export function basePathFrom(value = process.env.BASE_PATH ?? "") {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "";
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(
      `BASE_PATH=${JSON.stringify(value)} cannot be a URL path prefix — use path segments of letters, digits, '.', '_', '~' or '-', e.g. BASE_PATH=/inside-the-node`,
    );
  }
  return `/${trimmed}`;
}

export function outDirFrom(value = process.env.OUT_DIR ?? "") {
  return value.trim() || "out";
}

export function contentDirFrom(value = process.env.CONTENT_DIR ?? "") {
  return value.trim().replace(/\/+$/, "") || "content";
}
