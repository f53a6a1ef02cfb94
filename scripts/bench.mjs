#!/usr/bin/env node
/**
 * npm run bench [-- --check]: how fast the course is, measured, never asserted by unit tests.
 * Engine (Node, scripts/bench-engine.ts): createSandbox() per scenario, command latency over the
 * lessons' command corpus (with the node's history kept, as in the page), heap held by a
 * sandbox, one simulated hour, and how iptables-save, a curl through a ClusterIP, a kube-proxy
 * sync and a controller pass grow with 10, 100 and 1,000 Services (scripts/bench-services.ts;
 * --check fails when 1,000 cost more than 12 times 100). Page (the built site in
 * headless Chromium, cold context each run): lesson text painted, prompt accepting input, node
 * ready, gzipped JS loaded before the prompt. Writes bench/results.json; --check compares with
 * the budgets of issue 9 and exits 1 when one is missed.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium-launch.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PORT = 3124;
const BUDGETS = {
  "page.textPainted.median": 500,
  "page.promptAcceptsInput.median": 1000,
  "page.jsBeforePromptKB": 250,
  "engine.command.p99": 16,
  "engine.createSandbox.healthy.median": 50,
};

const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), n: s.length };
};

/**
 * The engine is measured as the page runs it: bundled JavaScript, its rarely used commands in
 * chunks loaded on first use. Run through tsx instead, each of those first uses would also pay
 * for transforming TypeScript in tsx's loader thread (~5-25 ms a command), which no learner does.
 */
async function buildEngine() {
  const { build } = await import("esbuild");
  await build({
    entryPoints: ["scripts/bench-engine.ts"],
    outdir: ".bench/engine",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    // just-bash's optional zstd codec is not installed (nor loaded by any command here).
    external: ["@mongodb-js/zstd"],
    // CommonJS packages inside the ESM bundle ask for `require`.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
}

async function engine() {
  await buildEngine();
  const out = execFileSync(process.execPath, ["--expose-gc", ".bench/engine/bench-engine.js"], {
    encoding: "utf8",
    env: { ...process.env, BENCH_RUNS: String(RUNS) },
  });
  return JSON.parse(out.trim().split("\n").at(-1));
}

/**
 * What one cold page load fetched, from the page's Resource Timing: every .js file whose request
 * started before `cutoff` (ms since navigation), gzipped here from out/ (scripts/serve.mjs sends
 * files uncompressed), plus the inline scripts of the HTML (Next's bootstrap and RSC payload).
 */
function jsRequestedBefore(resources, inline, cutoff) {
  const files = resources
    .filter((r) => r.startTime <= cutoff && new URL(r.name).pathname.endsWith(".js"))
    .map((r) => {
      const path = new URL(r.name).pathname;
      return { path, gzip: gzipSync(readFileSync(`out${path}`)).length };
    });
  files.push({ path: "(inline scripts in the HTML)", gzip: gzipSync(inline).length });
  return { files, total: files.reduce((n, f) => n + f.gzip, 0) };
}

/**
 * The figures, per cold run (a new browser context: empty cache, no service worker):
 * - textPainted: first-contentful-paint (the lesson's static HTML).
 * - promptAcceptsInput: xterm's textarea exists in the terminal region (the static HTML's prompt
 *   takes keys even before, boot-typeahead.tsx, but the mark stays xterm's). xterm creates it in
 *   `open()`, and node-terminal.tsx subscribes to its input in the same task, after writing the
 *   real prompt: from then on a key is kept (and run once the engine is up) and echoed at once.
 *   The first run proves it: it types `hostname` + Enter as soon as the mark is set and expects
 *   the echo before the node is ready and the node's answer after.
 * - nodeReady: the engine has loaded and the node has booted (data-engine="ready").
 * - jsBeforePromptKB: gzip bytes of every script requested before promptAcceptsInput, and of
 *   the inline scripts (the largest of the runs; the engine chunk must not be among them).
 */
async function page() {
  if (!existsSync("out/lessons/kubelet.html")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: "ignore",
  });
  await new Promise((r) => setTimeout(r, 700));
  const browser = await chromium.launch(chromiumLaunchOptions());
  const painted = [];
  const accepts = [];
  const ready = [];
  let js = { files: [], total: 0 };
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const p = await context.newPage();
      await p.addInitScript(() => {
        const marks = {};
        window.__marks = marks;
        // Marks are taken when the DOM changes, not at the next poll: the main thread is busy then.
        new MutationObserver(() => {
          const region = document.querySelector('[aria-label="Node terminal"]');
          if (!marks.accepts && region?.querySelector("textarea.xterm-helper-textarea")) {
            marks.accepts = performance.now();
            marks.engineAtPrompt = region.getAttribute("data-engine");
          }
          if (!marks.ready && region?.getAttribute("data-engine") === "ready") marks.ready = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await p.goto(`http://localhost:${PORT}/lessons/kubelet`);
      const region = p.locator('[aria-label="Node terminal"]');
      if (i === 0) await typeAtThePrompt(p, region);
      await region.and(p.locator('[data-engine="ready"]')).waitFor({ timeout: 30_000 });
      const m = await p.evaluate(() => ({
        ...window.__marks,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
        resources: performance.getEntriesByType("resource").map((r) => ({ name: r.name, startTime: r.startTime })),
        inline: [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent).join("\n"),
      }));
      if (m.engineAtPrompt === "ready")
        throw new Error("bench: the node was ready before the prompt; nothing measured");
      painted.push(m.fcp);
      accepts.push(m.accepts);
      ready.push(m.ready);
      const run = jsRequestedBefore(m.resources, m.inline, m.accepts);
      if (run.total > js.total) js = run;
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return {
    textPainted: stats(painted),
    promptAcceptsInput: stats(accepts),
    nodeReady: stats(ready),
    jsBeforePromptKB: Math.round(js.total / 1024),
    jsBeforePrompt: js.files,
  };
}

/** Type a command the moment the prompt takes input: it must show at once and run once the node is up. */
async function typeAtThePrompt(p, region) {
  const xterm = region.locator("textarea.xterm-helper-textarea");
  await xterm.waitFor({ state: "attached" });
  await xterm.focus();
  await p.keyboard.type("hostname");
  await p.keyboard.press("Enter");
  const rows = region.locator(".xterm-rows");
  await rows.getByText("hostname").first().waitFor({ timeout: 5_000 });
  const engine = await region.getAttribute("data-engine");
  await region.and(p.locator('[data-engine="ready"]')).waitFor({ timeout: 30_000 });
  await rows.getByText(/^\s*aks-nodepool1-12345678-vmss000000\s*$/).waitFor({ timeout: 5_000 });
  console.error(`bench: typed at the prompt: echoed while the node was ${engine}, answered once ready`);
}

/** A value by its dotted path; the growth figures' names carry spaces but no dots. */
const get = (obj, path) => {
  const growth = /^engine\.services\.growth\.(.+)$/.exec(path);
  if (growth) return obj.engine.services?.growth?.[growth[1]];
  return path.split(".").reduce((o, k) => o?.[k], obj);
};
const fmt = (v) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  engine: await engine(),
  page: await page(),
};
mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ["page: navigation → lesson text painted (ms)", results.page.textPainted],
  ["page: navigation → prompt accepts input (ms)", results.page.promptAcceptsInput],
  ["page: navigation → node ready (ms)", results.page.nodeReady],
  ["engine: first createSandbox, fresh process (ms)", { median: results.engine.createSandboxFirst, p95: "" }],
  ...Object.entries(results.engine.createSandbox).map(([s, v]) => [`engine: createSandbox(${s}) (ms)`, v]),
  [`engine: command over ${results.engine.corpusLines}-line corpus ×3 (ms)`, results.engine.command],
];
console.log("figure                                              median      p95");
for (const [name, v] of rows)
  console.log(
    `${name.padEnd(50)}${fmt(v.median).padStart(8)}${fmt(v.p95).padStart(9)}${v.p99 !== undefined ? `   p99 ${fmt(v.p99)}` : ""}`,
  );
console.log(`page: JS (gzip) loaded before the prompt            ${results.page.jsBeforePromptKB} kB`);
for (const file of results.page.jsBeforePrompt)
  console.log(`  ${file.path.padEnd(56)}${(file.gzip / 1024).toFixed(1).padStart(7)} kB`);
console.log(`engine: heap held by one sandbox after the corpus   ${results.engine.sandboxHeapMB} MB`);
console.log(`engine: one simulated hour of the healthy node      ${results.engine.simulatedHourMs} ms`);
const services = results.engine.services;
if (services) {
  console.log("growth with Services (--max-pods=110, 3 endpoints each)   median      p95");
  for (const [figure, byCount] of Object.entries(services.figures)) {
    for (const [count, v] of Object.entries(byCount))
      console.log(
        `  ${`${figure}, ${count} Services (ms)`.padEnd(48)}${fmt(v.median).padStart(8)}${fmt(v.p95).padStart(9)}`,
      );
    console.log(`  ${`${figure}: 1,000 vs 100 Services`.padEnd(48)}${`×${fmt(services.growth[figure])}`.padStart(8)}`);
  }
  console.log(
    `  (kube-proxy's nat rules: ${Object.entries(services.natRules)
      .map(([n, r]) => `${r} at ${n}`)
      .join(", ")})`,
  );
}
console.log("wrote bench/results.json");

if (process.argv.includes("--check")) {
  const budgets = { ...BUDGETS };
  // No worse than linear: the time at 1,000 Services at most LINEAR_FACTOR_LIMIT (12) times the
  // time at 100 (ten times the Services, plus noise), for each growth figure.
  for (const figure of Object.keys(results.engine.services?.growth ?? {}))
    budgets[`engine.services.growth.${figure}`] = results.engine.servicesGrowthLimit;
  const missed = Object.entries(budgets).filter(([path, budget]) => !(get(results, path) <= budget));
  for (const [path, budget] of missed) console.log(`over budget: ${path} = ${fmt(get(results, path))} > ${budget}`);
  process.exit(missed.length ? 1 : 0);
}
