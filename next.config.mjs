import { fileURLToPath } from "node:url";
import createMDX from "@next/mdx";
import { basePathFrom, contentDirFrom, outDirFrom } from "./lib/site-paths.mjs";

// `BASE_PATH=/inside-the-node npm run build`: the site under a sub-path; OUT_DIR and CONTENT_DIR
// build another folder of lessons elsewhere (the fixture build: npm run build:base).
const basePath = basePathFrom();
const outDir = outDirFrom();

const withMDX = createMDX({
  options: {
    // Turbopack hands loader options to worker threads, so plugins are named as strings
    // (functions fail with "does not have serializable options").
    remarkPlugins: ["remark-gfm", "remark-frontmatter", ["remark-mdx-frontmatter", { name: "frontmatter" }]],
    rehypePlugins: [
      // Heading ids and `export const sections` (the table of contents and the search index). The
      // loader resolves a name from the MDX file's folder, so a local plugin goes by absolute path.
      fileURLToPath(new URL("./lib/mdx/rehype-sections.mjs", import.meta.url)),
      // ```bash blocks get a run button (<RunnableCode>), before shiki highlights what they wrap.
      fileURLToPath(new URL("./lib/mdx/rehype-runnable.mjs", import.meta.url)),
      // Code blocks highlighted at build time: the page gets coloured spans and no highlighter.
      // Both themes' colours go into CSS variables (--shiki-light, --shiki-dark); globals.css picks
      // one by the page's theme. Only the grammars lessons use are loaded; others fall back to text.
      [
        "@shikijs/rehype",
        {
          themes: { light: "github-light-default", dark: "github-dark-default" },
          defaultColor: false,
          langs: ["shellscript", "shellsession", "json", "yaml", "toml", "ini", "diff", "go", "log"],
          defaultLanguage: "text",
          fallbackLanguage: "text",
        },
      ],
    ],
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The course is static files: `next build` writes out/, served by scripts/serve.mjs or any static host.
  output: "export",
  // Next prefixes its links, scripts, styles, icons and workers' URLs with these; the page reads
  // NEXT_PUBLIC_BASE_PATH for what it builds by hand (app/base-path.ts).
  ...(basePath ? { basePath, assetPrefix: basePath } : {}),
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  // With `output: "export"`, a distDir other than .next is where the static site goes.
  ...(outDir !== "out" ? { distDir: outDir } : {}),
  images: { unoptimized: true },
  pageExtensions: ["ts", "tsx", "md", "mdx"],
  reactStrictMode: true,
  poweredByHeader: false,
  // The lesson pages import the sandbox at build time (the frontmatter schema checks scenario
  // names against it). Let Node load just-bash from node_modules there instead of bundling its
  // Node build, whose optional dynamic imports (@mongodb-js/zstd, ...) are not installed.
  serverExternalPackages: ["just-bash"],
  turbopack: {
    // In the browser, Next polyfills just-bash's `node:zlib` with browserify-zlib, whose `util`
    // and `assert` polyfills probe `Function(...)` at load: the CSP (docs/security.md) reports
    // that. These shims give browserify-zlib the little it uses (app/engine/*-shim.ts).
    resolveAlias: {
      util: { browser: "./app/engine/util-shim.ts" },
      assert: { browser: "./app/engine/assert-shim.ts" },
      // The lesson page imports `@lessons/<slug>.mdx`: content/, or CONTENT_DIR for a fixture build.
      "@lessons/*": `./${contentDirFrom()}/*`,
    },
  },
};

export default withMDX(nextConfig);
