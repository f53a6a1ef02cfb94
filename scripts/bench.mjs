#!/usr/bin/env node
/**
 * npm run bench [-- --check]: how fast the course is, measured, never asserted by unit tests.
 * Engine (Node, scripts/bench-engine.ts): createSandbox() per scenario, command latency over the
 * lessons' command corpus, heap held by a sandbox, one simulated hour. Page (the built site in
 * headless Chromium, cold context each run): lesson text painted, prompt accepting input, node
 * ready, gzipped JS loaded before the prompt. Writes bench/results.json; --check compares with
 * the budgets of issue 9 and exits 1 when one is missed.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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

function engine() {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench-engine.ts"], {
    encoding: "utf8",
    env: { ...process.env, BENCH_RUNS: String(RUNS) },
  });
  return JSON.parse(out.trim().split("\n").at(-1));
}

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
  let jsBytes = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const p = await context.newPage();
      const scripts = [];
      p.on("response", async (res) => {
        if (res.url().endsWith(".js"))
          scripts.push({ at: Date.now(), body: await res.body().catch(() => Buffer.alloc(0)) });
      });
      await p.addInitScript(() => {
        const marks = {};
        window.__marks = marks;
        new MutationObserver(() => {
          const region = document.querySelector('[aria-label="Node terminal"]');
          if (!marks.accepts && region?.querySelector("textarea")) marks.accepts = performance.now();
          if (!marks.ready && region?.getAttribute("data-engine") === "ready") marks.ready = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      const started = Date.now();
      await p.goto(`http://localhost:${PORT}/lessons/kubelet`);
      await p.locator('[aria-label="Node terminal"][data-engine="ready"]').waitFor({ timeout: 30_000 });
      const m = await p.evaluate(() => ({
        ...window.__marks,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      }));
      painted.push(m.fcp);
      accepts.push(m.accepts);
      ready.push(m.ready);
      if (i === 0) {
        const cutoff = started + m.accepts;
        jsBytes = scripts.filter((s) => s.at <= cutoff + 50).reduce((n, s) => n + gzipSync(s.body).length, 0);
      }
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
    jsBeforePromptKB: Math.round(jsBytes / 1024),
  };
}

const get = (obj, path) => path.split(".").reduce((o, k) => o?.[k], obj);
const fmt = (v) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  engine: engine(),
  page: await page(),
};
mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ["page: navigation → lesson text painted (ms)", results.page.textPainted],
  ["page: navigation → prompt accepts input (ms)", results.page.promptAcceptsInput],
  ["page: navigation → node ready (ms)", results.page.nodeReady],
  ...Object.entries(results.engine.createSandbox).map(([s, v]) => [`engine: createSandbox(${s}) (ms)`, v]),
  [`engine: command over ${results.engine.corpusLines}-line corpus ×3 (ms)`, results.engine.command],
];
console.log("figure                                              median      p95");
for (const [name, v] of rows)
  console.log(
    `${name.padEnd(50)}${fmt(v.median).padStart(8)}${fmt(v.p95).padStart(9)}${v.p99 !== undefined ? `   p99 ${fmt(v.p99)}` : ""}`,
  );
console.log(`page: JS (gzip) loaded before the prompt            ${results.page.jsBeforePromptKB} kB`);
console.log(`engine: heap held by one sandbox after the corpus   ${results.engine.sandboxHeapMB} MB`);
console.log(`engine: one simulated hour of the healthy node      ${results.engine.simulatedHourMs} ms`);
console.log("wrote bench/results.json");

if (process.argv.includes("--check")) {
  const missed = Object.entries(BUDGETS).filter(([path, budget]) => !(get(results, path) <= budget));
  for (const [path, budget] of missed) console.log(`over budget: ${path} = ${fmt(get(results, path))} > ${budget}`);
  process.exit(missed.length ? 1 : 0);
}
