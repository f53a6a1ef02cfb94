/**
 * The sub-path the site is built for (`BASE_PATH=/inside-the-node npm run build`), "" at the
 * root. Next prefixes what it renders itself (next/link, scripts, icons, worker URLs); a URL the
 * page builds by hand (an <img> from Markdown, a fetch of a file in public/) goes through
 * withBasePath. next.config.mjs inlines NEXT_PUBLIC_BASE_PATH at build time.
 */
export const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";

/** `/diagrams/x.svg` -> `/inside-the-node/diagrams/x.svg`; other URLs (`https:`, `#x`, relative) as they are. */
export function withBasePath(url: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? `${basePath}${url}` : url;
}
