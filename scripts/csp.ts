/**
 * The course's Content-Security-Policy, written into the static export after `next build`
 * (`npm run build` runs `tsx scripts/csp.ts`). A static host sends no headers we control, so the
 * policy travels in each page as `<meta http-equiv="Content-Security-Policy">`;
 * scripts/serve.mjs also sends it as a header. docs/security.md explains each directive.
 *
 * Next's static pages carry inline scripts (the Turbopack chunk list and the RSC payload,
 * `self.__next_f.push(...)`) that differ per page and per build. Rather than 'unsafe-inline',
 * each page's policy lists the SHA-256 of exactly its inline scripts, computed here from the
 * bytes the browser will hash: the raw text between `<script>` and `</script>`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { outDirFrom } from "../lib/site-paths.mjs";

/** An inline script: a <script> without src. Its text ends at the first `</script` (HTML's rule). */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script/gi;
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\/>/;
const CHARSET_META = /<meta charSet="utf-8"\/>/i;

/** The policy for a page whose inline scripts are `scripts`. */
export function policyFor(scripts: readonly string[]): string {
  const hashes = [
    ...new Set(scripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`)),
  ];
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trimEnd(),
    // xterm's DOM renderer writes its theme and cell sizes into <style> elements it creates.
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The page with its policy as the first element after <meta charset> (a policy covers only what follows it). */
export function withPolicy(html: string): string {
  const bare = html.replace(CSP_META, "");
  const scripts = [...bare.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(scripts)}"/>`;
  const charset = bare.match(CHARSET_META);
  if (!charset || charset.index === undefined) throw new Error('no <meta charSet="utf-8"/> to put the policy after');
  const at = charset.index + charset[0].length;
  return `${bare.slice(0, at)}${meta}${bare.slice(at)}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith(".html") ? [file] : [];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outDir = outDirFrom();
  const files = htmlFiles(outDir);
  for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, "utf8")));
  console.log(`csp: wrote the Content-Security-Policy into ${files.length} page(s) of ${outDir}/`);
}
