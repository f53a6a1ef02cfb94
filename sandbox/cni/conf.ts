/**
 * How containerd 1.7's CRI plugin loads the CNI network config (go-cni opts.go
 * loadFromConfDir with max 1, over libcni's ConfFiles/ConfListFromFile). containerd reloads it
 * on every fsnotify event in the conf dir (pkg/cri/server/cni_conf_syncer.go), so reading the
 * directory at the moment of use gives the same answer as the syncer's last load.
 */
import type { NodeFs } from "../node/fs";
import { goJsonSyntaxError } from "./go-json";

export const CNI_NOT_INITIALIZED = "cni plugin not initialized";

export type CniLoadStatus =
  | { ok: true; path: string; text: string; name: string; cniVersion: string; plugins: { type: string }[] }
  | { ok: false; error: string };

/** go-cni's ErrLoad wrapping: `cni config load failed: <why>: failed to load cni config`. */
const loadFailed = (why: string) => `cni config load failed: ${why}: failed to load cni config`;

export function loadCniConfig(fs: NodeFs, confDir: string): CniLoadStatus {
  const name = confFiles(fs, confDir)[0];
  if (!name) return { ok: false, error: loadFailed(`no network config found in ${confDir}: ${CNI_NOT_INITIALIZED}`) };
  const path = `${confDir}/${name}`;
  const text = fs.readFileSync(path);
  // Asked on every node status update and pod sync; the file rarely changes, and checking it
  // against Go's JSON syntax was the costliest part of a simulated hour.
  if (lastParse?.path === path && lastParse.text === text) return lastParse.status;
  const status = parseCniConfig(path, name, text);
  lastParse = { path, text, status };
  return status;
}

/**
 * libcni ConfFiles: .conf, .conflist and .json, sorted by name; go-cni takes the first. The
 * listing is kept until the directory's entries change (NodeFs.directoryVersion): the
 * kubelet asks for the runtime's status every 10 s and the PLEG more often.
 */
function confFiles(fs: NodeFs, confDir: string): string[] {
  if (!fs.isDirectorySync(confDir)) return [];
  const version = fs.directoryVersion(confDir);
  const cached = listings.get(fs);
  if (cached?.version === version) return cached.names;
  const names = fs
    .readdirSync(confDir)
    .filter((f) => /\.(conf|conflist|json)$/.test(f) && !fs.isDirectorySync(`${confDir}/${f}`))
    .sort();
  listings.set(fs, { version, names });
  return names;
}

const listings = new WeakMap<NodeFs, { version: string; names: string[] }>();

/** The last file parsed and what came of it (a status holds no mutable state). */
let lastParse: { path: string; text: string; status: CniLoadStatus } | undefined;

function parseCniConfig(path: string, name: string, text: string): CniLoadStatus {
  const isList = name.endsWith(".conflist");
  const what = isList ? "configuration list" : "configuration";
  const fileError = (why: string) =>
    loadFailed(`failed to load CNI config${isList ? " list" : ""} file ${path}: error parsing ${what}: ${why}`);
  const syntax = goJsonSyntaxError(text);
  if (syntax) return { ok: false, error: fileError(syntax) };
  const doc = JSON.parse(text) as Record<string, unknown>;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { ok: false, error: fileError("json: cannot unmarshal into Go value of type map[string]interface {}") };
  }
  if (typeof doc.name !== "string") return { ok: false, error: fileError("no name") };
  const plugins = isList ? doc.plugins : [doc];
  if (!Array.isArray(plugins)) return { ok: false, error: fileError("no 'plugins' key") };
  if (plugins.length === 0) {
    return {
      ok: false,
      error: loadFailed(`CNI config list in config file ${path} has no networks, skipping: invalid cni config`),
    };
  }
  return {
    ok: true,
    path,
    text,
    name: doc.name,
    cniVersion: typeof doc.cniVersion === "string" ? doc.cniVersion : "",
    plugins: plugins as { type: string }[],
  };
}
