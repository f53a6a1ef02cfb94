/**
 * Opening and saving a node file in the page's editor pane (`vi FILE`, a lesson's "open in
 * editor" link). The sandbox decides what can be opened and written, as the node would: a
 * directory cannot be edited, /proc and /sys open read-only, a file in a missing directory
 * opens empty and fails to save. The page only shows the request and sends the text back.
 */
import { type NodeFs, normalizePath } from "../node/fs";

export interface EditorRequest {
  /** Absolute, normalised path. */
  path: string;
  content: string;
  /** Monaco language id from the file's name. */
  language: string;
  /** The file does not exist yet: saving creates it. */
  isNew: boolean;
  /** Kernel-generated files (/proc, /sys) can be read but not written from an editor. */
  readOnly: boolean;
}

/**
 * The language to highlight a file with. Monaco has no TOML; its INI grammar reads
 * containerd's `config.toml` well enough (sections, keys, strings). /etc/default files are
 * shell variable assignments read by systemd's EnvironmentFile=.
 */
export function languageOf(path: string): string {
  const name = path.split("/").pop() ?? "";
  if (/\.ya?ml$/.test(name) || name === "kubeconfig") return "yaml";
  if (/\.(json|conflist)$/.test(name)) return "json";
  if (/\.(toml|ini|service|socket|timer|target|mount|slice|scope|conf)$/.test(name)) return "ini";
  if (/\.(sh|bash)$/.test(name) || path.startsWith("/etc/default/") || name === ".bashrc" || name === ".profile") {
    return "shell";
  }
  return "plaintext";
}

const KERNEL_FS = ["/proc", "/sys"];
const isKernelFile = (path: string) => KERNEL_FS.some((root) => path === root || path.startsWith(`${root}/`));

export function openInEditor(fs: NodeFs, cwd: string, file: string): EditorRequest | { error: string } {
  const path = normalizePath(file.startsWith("/") ? file : `${cwd}/${file}`);
  if (fs.isDirectorySync(path)) return { error: `"${path}" is a directory` };
  const exists = fs.existsSync(path);
  return {
    path,
    content: exists ? fs.readFileSync(path) : "",
    language: languageOf(path),
    isNew: !exists,
    readOnly: isKernelFile(path),
  };
}

/** Write the editor's text to the node; the error reads as vim's when the write cannot happen. */
export function saveFromEditor(fs: NodeFs, path: string, content: string): { error?: string } {
  const at = normalizePath(path);
  const dir = normalizePath(`${at}/..`);
  if (isKernelFile(at) || !fs.isDirectorySync(dir) || fs.isDirectorySync(at)) {
    return { error: `"${at}" E212: Can't open file for writing` };
  }
  fs.writeFileSync(at, content);
  return {};
}
