/**
 * `npm test`: every check the project has, cheapest first, stopping at the first failure.
 *
 *   lint -> type check -> dependency rules -> unit tests -> content checks -> build
 *   -> Chromium (installed when missing) -> Playwright -> fixture build under a base path
 *   -> Playwright against it (playwright.base.config.ts)
 *
 * Each step prints a banner and its duration; a failure names the command to repeat it, and
 * `npm test` exits with that step's status. A table of timings closes the run.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./ensure-chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** @type {{ name: string, command?: string[], run?: () => Promise<number> }[]} */
const steps = [
  { name: "lint", command: ["npx", "biome", "check", "."] },
  { name: "type check", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "dependency rules", command: ["npm", "run", "--silent", "deps"] },
  { name: "unit tests", command: ["npx", "vitest", "run"] },
  { name: "content checks", command: ["npm", "run", "--silent", "check:content"] },
  { name: "build", command: ["npm", "run", "--silent", "build"] },
  { name: "chromium", run: chromiumStep },
  { name: "playwright", command: ["npx", "playwright", "test"] },
  { name: "base-path build", command: ["npm", "run", "--silent", "build:base"] },
  { name: "playwright (base path)", command: ["npx", "playwright", "test", "-c", "playwright.base.config.ts"] },
];

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Playwright launches the Chromium found (or installed) here; the config reads CHROMIUM_PATH. */
async function chromiumStep() {
  try {
    env.CHROMIUM_PATH = await ensureChromium();
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

let current;
function runCommand([command, ...args]) {
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    current.on("error", (error) => {
      console.error(`test: cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    current.on("close", (code, signal) => {
      current = undefined;
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

// Ctrl-C reaches the running step through the terminal; wait for it, then stop with 130.
let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
  if (!current) process.exit(130);
});

/** @type {{ name: string, ms: number, result: string }[]} */
const timings = [];
const started = performance.now();
let failure;

for (const [index, step] of steps.entries()) {
  const shown = step.command ? step.command.join(" ") : "scripts/ensure-chromium.mjs";
  console.log(`\n${bold(`━━━ [${index + 1}/${steps.length}] ${step.name} ━━━ ${shown}`)}\n`);
  const stepStarted = performance.now();
  const status = step.command ? await runCommand(step.command) : await step.run();
  const ms = performance.now() - stepStarted;
  if (status === 0 && !interrupted) {
    timings.push({ name: step.name, ms, result: "ok" });
    console.log(`\n${bold(`✔ ${step.name}`)} (${seconds(ms)})`);
    continue;
  }
  timings.push({ name: step.name, ms, result: `FAILED (exit ${status})` });
  failure = { step, status: interrupted ? 130 : status };
  console.log(`\n${bold(`✘ ${step.name} failed`)} with exit ${status} after ${seconds(ms)}; repeat it with: ${shown}`);
  break;
}

const width = Math.max(...steps.map((step) => step.name.length), "total".length) + 2;
console.log(`\n${bold("npm test summary")}`);
for (const step of steps) {
  const timing = timings.find((entry) => entry.name === step.name);
  const time = timing ? seconds(timing.ms).padStart(9) : "".padStart(9);
  console.log(`  ${step.name.padEnd(width)}${time}   ${timing ? timing.result : "not run"}`);
}
console.log(`  ${"total".padEnd(width)}${seconds(performance.now() - started).padStart(9)}`);

if (failure) {
  console.log(`\nnpm test: ${failure.step.name} failed; ${steps.length - timings.length} step(s) not run.`);
  process.exit(failure.status);
}
console.log(`\nnpm test: all ${steps.length} steps passed.`);
