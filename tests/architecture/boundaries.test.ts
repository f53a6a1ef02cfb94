/**
 * Proves the architecture rules bite: the rule set in .dependency-cruiser.cjs (the one `npm run deps`
 * uses) runs over small fixture trees under tests/fixtures/boundaries/, where `good/` keeps every
 * boundary and `bad/` breaks each one once, in a file named for what it does. A rule that stopped
 * matching (a typo in a path, a parser that no longer sees TypeScript) turns this test red.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IForbiddenRuleType, type IRuleSetType } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(root, "tests/fixtures");
const config: IRuleSetType = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs"));
const tsConfigFile = join(root, "tsconfig.json");

/** Cruise one fixture tree with the project's rules and options, paths relative to the tree. */
async function violationsIn(tree: string): Promise<string[]> {
  const baseDir = join(fixtures, "boundaries", tree);
  // `exclude` keeps fixtures out of the real run; here the fixture *is* the run.
  const { exclude: _exclude, ...options } = config.options ?? {};
  const folders = ["app", "lib", "sandbox", "scripts"].filter((folder) => existsSync(join(baseDir, folder)));
  const result = await cruise(
    folders,
    {
      ...options,
      baseDir,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      tsConfig: { fileName: tsConfigFile },
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const { summary } = result.output as ICruiseResult;
  expect(summary.totalCruised).toBeGreaterThan(10);
  return summary.violations.map((violation) => `${violation.from}  ${violation.rule.name}`).sort();
}

describe("dependency rules (.dependency-cruiser.cjs)", () => {
  it("pass a tree that keeps every boundary", async () => {
    expect(await violationsIn("good")).toEqual([]);
  });

  it("report each wrong-way import, and only those, under the rule that forbids it", async () => {
    expect(await violationsIn("bad")).toEqual(
      [
        // the sandbox is pure: no site, no UI, no Node, even for types
        "sandbox/imports-app-type.ts  sandbox-not-to-site",
        "sandbox/imports-react.ts  sandbox-not-to-ui",
        "sandbox/imports-xterm-type.ts  sandbox-not-to-ui",
        "sandbox/imports-node-fs.ts  sandbox-not-to-node-core",
        "sandbox/imports-path.ts  sandbox-not-to-node-core",
        // just-bash stays behind sandbox/shell and sandbox/node/fs*.ts
        "sandbox/commands/imports-just-bash.ts  just-bash-behind-shell",
        // the site goes through sandbox/index.ts: also from .tsx, for types, and via tsconfig.json's @/ alias
        "app/lesson.ts  site-through-sandbox-index",
        "app/terminal.tsx  site-through-sandbox-index",
        "lib/engine.ts  site-through-sandbox-index",
        // layers inside the sandbox point down the stack
        "sandbox/node/disk.ts  node-not-to-upper-layers",
        "sandbox/runtime/containerd.ts  runtime-cni-not-to-kubelet",
        "sandbox/cni/azure-vnet.ts  runtime-cni-not-to-kubelet",
        "sandbox/cluster/store.ts  cluster-not-to-node-side",
        "sandbox/grading/checks.ts  grading-not-to-commands",
        // a cycle is reported (as a warning) once
        "sandbox/proxy/chains.ts  no-circular",
      ].sort(),
    );
  });

  it("say why, for every rule, and each rule is proved by a fixture above", () => {
    const rules: IForbiddenRuleType[] = config.forbidden ?? [];
    for (const rule of rules) expect(rule.comment, rule.name).toMatch(/\w{3,}.*\w{3,}/);
    expect(rules.map((rule) => rule.name).sort()).toEqual([
      "cluster-not-to-node-side",
      "grading-not-to-commands",
      "just-bash-behind-shell",
      "no-circular",
      "node-not-to-upper-layers",
      "runtime-cni-not-to-kubelet",
      "sandbox-not-to-node-core",
      "sandbox-not-to-site",
      "sandbox-not-to-ui",
      "site-through-sandbox-index",
    ]);
  });
});

describe("sandbox compiler options (sandbox/tsconfig.json)", () => {
  it("refuse the DOM and Node's globals, and nothing else", () => {
    const tsc = join(root, "node_modules/.bin/tsc");
    const run = spawnSync(tsc, ["-p", join(fixtures, "sandbox-no-dom/tsconfig.json"), "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
    });
    const errors = run.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => line.replace(/\(\d+,\d+\)/, "").replace(/\.\s.*$/, "."));
    expect(errors).toEqual([
      "tests/fixtures/sandbox-no-dom/uses-document.ts: error TS2584: Cannot find name 'document'.",
      "tests/fixtures/sandbox-no-dom/uses-process.ts: error TS2591: Cannot find name 'process'.",
    ]);
    expect(run.status).not.toBe(0);
  });
});
