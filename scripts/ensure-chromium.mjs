/**
 * Finds the Chromium the Playwright suite drives, and installs one when there is none.
 *
 * Looks at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, then a browser that
 * `npx playwright install chromium` put in its cache. When none is there: as root on Debian it
 * installs Debian's `chromium` with apt-get (running `apt-get update` only if the install fails
 * without it, as it does on a fresh image); elsewhere it tries `npx playwright install chromium`
 * (which needs the internet). If that cannot work either, it stops and says what to run.
 *
 * `node scripts/ensure-chromium.mjs` prints the path and exits 0, or explains and exits 1.
 * `ensureChromium()` returns the path for scripts/test.mjs, which hands it to Playwright as
 * CHROMIUM_PATH.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const PREFIX = "ensure-chromium:";

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The Chromium build Playwright downloads, if it has been downloaded. */
async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return isExecutableFile(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Chromium to use, or undefined when there is none. A CHROMIUM_PATH that points nowhere is
 * an error, not something to silently replace.
 */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (isExecutableFile(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(
      `${PREFIX} CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file.\n` +
        `Point it at a Chromium binary, or unset it to use ${SYSTEM_PATHS[0]}.`,
    );
  }
  return SYSTEM_PATHS.find(isExecutableFile) ?? (await playwrightChromium());
}

function run(command, args, env = process.env) {
  console.log(`${PREFIX} $ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

const isRootOnDebian = () => process.getuid?.() === 0 && existsSync("/etc/debian_version") && hasCommand("apt-get");

/** Debian's chromium; `apt-get update` only when the package lists are missing or stale. */
function installWithApt() {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => run("apt-get", ["install", "-y", "chromium"], env);
  if (install()) return true;
  console.log(`${PREFIX} install failed; updating the package lists and trying again`);
  return run("apt-get", ["update"], env) && install();
}

function whatToRun() {
  if (existsSync("/etc/debian_version")) {
    const sudo = process.getuid?.() === 0 ? "" : "sudo ";
    return `  ${sudo}apt-get update && ${sudo}apt-get install -y chromium`;
  }
  return "  npx playwright install chromium     (needs the internet)";
}

function describeBinary(path) {
  // Debian's wrapper script prints a harmless "[: ...: unexpected operator" on stderr: drop it.
  const result = spawnSync(path, ["--version"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    timeout: 15_000,
  });
  const version = result.stdout?.trim();
  return version ? `${path} (${version})` : path;
}

/** Returns the path of a usable Chromium, installing one if needed; throws with advice if it cannot. */
export async function ensureChromium() {
  let path = await findChromium();
  if (!path) {
    console.log(`${PREFIX} no Chromium at ${SYSTEM_PATHS.join(", ")} or in Playwright's cache; installing one`);
    const installed = isRootOnDebian()
      ? installWithApt()
      : run("npx", ["--no-install", "playwright", "install", "chromium"]);
    path = installed ? await findChromium() : undefined;
  }
  if (!path) {
    throw new Error(
      `${PREFIX} no Chromium found, and installing one did not work. Install it, then run npm test again:\n` +
        `${whatToRun()}\n` +
        "or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
  console.log(`${PREFIX} using ${describeBinary(path)}`);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
