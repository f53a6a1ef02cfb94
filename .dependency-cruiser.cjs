/**
 * Dependency rules for "Inside the Node": dependencies point down the stack, as they do on a
 * real node (docs: /work/shared/DESIGN.md, "The sandbox mirrors the node").
 *
 * `npm run deps` cruises app lib sandbox scripts tests with this file; the rules are proved
 * to bite by tests/architecture/boundaries.test.ts, which runs them over small fixture trees.
 * Paths are relative to the repo root; an npm package resolves to `node_modules/<name>/...`
 * (or stays the bare name when it is not installed), which both patterns below cover.
 */

/** An npm package by name, installed (resolved into node_modules) or not (left unresolved). */
const npmPackage = (namePattern) => `(^|/)node_modules/(${namePattern})/|^(${namePattern})(/|$)`;

/**
 * dependency-cruiser's swc parser reads every file as TypeScript *without* JSX (its parse options
 * leave `tsx` off), so a .tsx component fails with "Expected '>', got ...". Turn `tsx` on for .tsx
 * files. Patched here, where both `npm run deps` and tests/architecture load the rules, on the one
 * @swc/core instance dependency-cruiser imports too.
 */
function parseTsxAsTsx() {
  const swc = require("@swc/core");
  if (swc.parseFileSync.tsxAware) return;
  const parseFileSync = swc.parseFileSync;
  const tsxAware = (file, options) =>
    parseFileSync(file, String(file).endsWith(".tsx") && options ? { ...options, tsx: true } : options);
  tsxAware.tsxAware = true;
  swc.parseFileSync = tsxAware;
}
parseTsxAsTsx();

/** The sandbox's layers, each a folder named after the node component it emulates. */
const above = (layers) => `^sandbox/(${layers.join("|")})/`;

module.exports = {
  forbidden: [
    {
      name: "sandbox-not-to-site",
      comment:
        "The emulated node runs unchanged in the page, the CLI and the tests, so it may not depend on the site " +
        "(app/, lib/), the course (content/) or the tooling (scripts/, tests/). Pass what it needs in through its API.",
      severity: "error",
      from: { path: "^sandbox/" },
      to: { path: "^(app|lib|content|scripts|tests)/|^[^/]+\\.[cm]?[jt]sx?$" },
    },
    {
      name: "sandbox-not-to-ui",
      comment:
        "No React, Next or xterm inside the sandbox: the UI renders the node, the node does not know it is " +
        "rendered (the same split xterm.js draws between src/common and src/browser).",
      severity: "error",
      from: { path: "^sandbox/" },
      to: { path: npmPackage("react|react-dom|next|@xterm/[^/]+") },
    },
    {
      name: "sandbox-not-to-node-core",
      comment:
        "The sandbox also runs in the browser, where fs, path, child_process ... do not exist. Its filesystem is " +
        "the virtual one in sandbox/node/; a Node-only helper belongs in scripts/ or tests/. One exception: " +
        "sandbox/history/buffer.ts imports `buffer`, which bundlers resolve to the npm package of that name " +
        "(the same API, for isomorphic-git) and Node to its own module.",
      severity: "error",
      from: { path: "^sandbox/", pathNot: "^sandbox/history/buffer\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "just-bash-behind-shell",
      comment:
        "just-bash (beta) is an implementation detail: only sandbox/shell/ (the interpreter) and sandbox/node/fs*.ts " +
        "(the filesystem adapter) see it, so it can be pinned, patched or swapped in one place. Everything else " +
        "uses the sandbox's own shell and fs modules.",
      severity: "error",
      from: { pathNot: "^sandbox/(shell/|node/fs[^/]*\\.ts$)" },
      to: { path: npmPackage("just-bash") },
    },
    {
      name: "site-through-sandbox-index",
      comment:
        "app/ and lib/ use the sandbox only through its public API, sandbox/index.ts, the contract the page, the " +
        "CLI and outside checks share. Reaching into internals would freeze them; export what you need from index.ts.",
      severity: "error",
      from: { path: "^(app|lib)/" },
      to: { path: "^sandbox/", pathNot: "^sandbox/index\\.ts$" },
    },
    {
      name: "node-not-to-upper-layers",
      comment:
        "sandbox/node/ is the host (fs, systemd, net). On a real node the host knows nothing of the kubelet, " +
        "containerd, CNI, kube-proxy, the agents or the control plane: they run on it. Keep it that way here; " +
        "an upper layer reacts to host state, the host never calls up.",
      severity: "error",
      from: { path: "^sandbox/node/" },
      to: {
        path: `${above([
          "kubelet",
          "runtime",
          "cni",
          "proxy",
          "cluster",
          "agents",
          "commands",
          "shell",
          "grading",
          "scenarios",
        ])}|^sandbox/(index|sandbox)\\.ts$`,
      },
    },
    {
      name: "runtime-cni-not-to-kubelet",
      comment:
        "containerd and the CNI plugin know nothing of the kubelet: the kubelet calls them (CRI, CNI ADD/DEL), " +
        "never the other way round.",
      severity: "error",
      from: { path: "^sandbox/(runtime|cni)/" },
      to: { path: above(["kubelet"]) },
    },
    {
      name: "cluster-not-to-node-side",
      comment:
        "The control plane never reaches into the node: the kubelet and kube-proxy watch the API objects and " +
        "write status back. A NotReady node must come from a missing heartbeat, not from a direct call.",
      severity: "error",
      from: { path: "^sandbox/cluster/" },
      to: { path: above(["node", "runtime", "kubelet"]) },
    },
    {
      name: "grading-not-to-commands",
      comment:
        "Checks judge state and never run commands: grading a shell command's output would grade keystrokes, " +
        "and running one would change the node being graded.",
      severity: "error",
      from: { path: "^sandbox/grading/" },
      to: { path: above(["commands", "shell"]) },
    },
    {
      name: "no-circular",
      comment:
        "A cycle usually means two components should talk through state (or one should own the other). " +
        "Warn only: a type-level cycle can be harmless while a component is being written.",
      severity: "warn",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Fixture trees break the rules on purpose; the boundaries test cruises them on its own.
    exclude: { path: "^tests/fixtures/" },
    // Do not walk into packages, but still report which package a file imports.
    doNotFollow: { path: "(^|/)node_modules/" },
    // Count `import type` too: a type-only import of app/ from the sandbox is still a wrong-way dependency.
    tsPreCompilationDeps: true,
    // TypeScript 7 ships no JS compiler API (and dependency-cruiser accepts only typescript <7), so swc parses
    // the TypeScript sources, type-only imports included.
    parser: "swc",
    // `@/*` -> repo root, as the app and the tests use it.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      mainFields: ["module", "main", "types", "typings"],
    },
    moduleSystems: ["es6", "cjs"],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
