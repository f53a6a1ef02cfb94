#!/usr/bin/env node
/**
 * Serve the static export (out/) on http://localhost:3000 (PORT overrides), with no
 * dependencies: `next start` refuses `output: 'export'`. Routes map the way a static host
 * maps them: `/x` -> x.html (or the file x itself), `/x/` -> x/index.html, else out/404.html.
 *
 * A build made with BASE_PATH is served under it, as a project page is: with the same
 * BASE_PATH (and OUT_DIR if it went elsewhere), `/inside-the-node/x` -> out/x.html and
 * `/inside-the-node` -> out/index.html; paths outside the prefix are 404.
 *
 *   BASE_PATH=/inside-the-node OUT_DIR=out-base PORT=3001 node scripts/serve.mjs
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { basePathFrom, outDirFrom } from "../lib/site-paths.mjs";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)), outDirFrom());
const port = Number(process.env.PORT ?? 3000);
const basePath = basePathFrom();

/** The path below the base path, or null for a path outside it. */
function withinBase(pathname) {
  if (!basePath) return pathname;
  if (pathname === basePath) return "/";
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file for a URL path, or null. Never leaves out/. */
async function resolve(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = path.normalize(decoded).replace(/^([/\\])+/, "");
  const base = path.join(root, relative);
  if (base !== root && !base.startsWith(root + path.sep)) return null;
  const candidates = decoded.endsWith("/") ? [path.join(base, "index.html")] : [base, `${base}.html`];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\/>/;

/**
 * A page's Content-Security-Policy as a header: the one `npm run build` wrote into its <meta>
 * (scripts/csp.ts, with the hashes of that page's inline scripts), plus what only a header can
 * say: no framing. Pages of a build without the policy get `default-src 'self'` alone.
 */
async function policyOf(file) {
  const meta = (await readFile(file, "utf8")).match(CSP_META)?.[1] ?? "default-src 'self'";
  return `${meta}; frame-ancestors 'none'`;
}

async function send(request, response, status, file) {
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  // Hashed build assets never change; pages must be re-checked so a rebuild shows up.
  const immutable = file.startsWith(path.join(root, "_next", "static") + path.sep);
  response.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...(file.endsWith(".html") ? { "Content-Security-Policy": await policyOf(file) } : {}),
  });
  if (request.method === "HEAD") return response.end();
  createReadStream(file).pipe(response);
}

const server = createServer(async (request, response) => {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const { pathname: requested } = new URL(request.url ?? "/", "http://localhost");
  const pathname = withinBase(requested);
  const file = pathname === null ? null : await resolve(pathname);
  if (file) return send(request, response, 200, file);
  // `/x/` without x/index.html but with x.html: send the browser to `/x`, as static hosts do.
  if (pathname && pathname.length > 1 && pathname.endsWith("/") && (await resolve(pathname.slice(0, -1)))) {
    response.writeHead(308, { Location: `${basePath}${pathname.slice(0, -1)}` }).end();
    return;
  }
  const notFound = path.join(root, "404.html");
  if (await isFile(notFound)) return send(request, response, 404, notFound);
  response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 Not Found\n");
});

if (!(await isFile(path.join(root, "index.html")))) {
  const build = basePath ? `BASE_PATH=${basePath} OUT_DIR=${outDirFrom()} npm run build` : "npm run build";
  console.error(`No build in ${path.relative(process.cwd(), root) || root}/: run \`${build}\` first.`);
  process.exit(1);
}

server.on("error", (error) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is in use: set PORT to another port.`
      : `Server error: ${error.message}`,
  );
  process.exit(1);
});

server.listen(port, () => {
  console.log(`Serving the course on http://localhost:${port}${basePath}/`);
});
