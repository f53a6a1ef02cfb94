/**
 * The node's one filesystem. Components (systemd reading unit files, the kubelet reading
 * /etc/default/kubelet, containerd writing container logs) use the synchronous methods, so
 * the simulation stays synchronous and deterministic; the shell uses the async facade, which
 * has the shape of just-bash's IFileSystem (structurally, so this file imports nothing).
 * mtimes come from the simulated clock. Error texts follow Node's fs, which the shell's
 * commands turn into `No such file or directory` and the like.
 */
export type FileData = string | Uint8Array;

interface FileNode {
  type: "file";
  content: FileData;
  mode: number;
  mtime: number;
  /** Apparent size when the model holds only the head of a file (a 95 GB runaway log). */
  size?: number;
}
interface DirNode {
  type: "directory";
  mode: number;
  mtime: number;
}
interface LinkNode {
  type: "symlink";
  target: string;
  mode: number;
  mtime: number;
}
type FsNode = FileNode | DirNode | LinkNode;

/**
 * A filesystem the kernel makes up on read (/proc, /sys): names and contents come from live
 * state each time they are asked for, so they are always current. A path the tree does not
 * know falls through to the stored files (so /proc/version can stay a plain file).
 */
export interface GeneratedTree {
  /** Entries of the directory at `rel` ("" is the mount point itself), or undefined if not a directory. */
  list(rel: string): string[] | undefined;
  /** Contents of the file at `rel`, or undefined if there is none. */
  read(rel: string): FileData | undefined;
  /**
   * A write(2) to the file at `rel` (/proc/sys): the tree takes it, or returns the errno it
   * refuses it with. Trees without it keep the old behaviour (the write lands in a stored file).
   */
  write?(rel: string, text: string): string | undefined;
  /** Permission bits of the file at `rel` (0444 when not given). */
  mode?(rel: string): number;
}

/** A character device: what is written to it goes to its driver, not into a file (/dev/kmsg). */
export interface CharDevice {
  write(text: string): void;
}

/** A stored file's bytes (or a symlink's target) and its permission bits. */
export interface StoredEntry {
  type: "file" | "symlink";
  mode: number;
  data: FileData;
}

export interface NodeStat {
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  mode: number;
  size: number;
  mtime: Date;
}

/**
 * File-type bits for a Unix socket. A file written with `S_IFSOCK | 0o660` as its mode is a
 * socket in `statSync().mode` (so `ls -l` shows `srw-rw----`); otherwise it behaves as an
 * empty regular file (isFile stays true), and chmod keeps the bits.
 */
export const S_IFSOCK = 0o140000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const BEYOND_ASCII = /[\u0080-\uffff]/;

/** Every character ASCII: the text's length is its UTF-8 length, and it is its own byte string. */
export function isAscii(text: string): boolean {
  return !BEYOND_ASCII.test(text);
}

/** Each text file's UTF-8 length, with the text it was measured on (see NodeFs.sizeOf). */
const byteLengths = new WeakMap<FileNode, { content: string; bytes: number }>();

/** UTF-8 length of a JS string, as TextEncoder would encode it (lone surrogates as U+FFFD, 3 bytes), without encoding it. */
export function utf8Length(text: string): number {
  // ASCII (most of what the node writes) is a byte a character; the regex scans natively.
  if (isAscii(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** A path with an empty, `.` or `..` component, or a trailing slash: one normalizePath must rewrite. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

export function normalizePath(path: string): string {
  // Most paths the node's components use are canonical already; they are asked thousands of
  // times per simulated hour, and splitting each one was a tenth of a boot.
  if (path.charCodeAt(0) === 47 && !NOT_NORMAL.test(path)) return path;
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

const parentOf = (p: string) => {
  if (p === "/") return "/";
  const normal = normalizePath(p);
  const slash = normal.lastIndexOf("/");
  return slash <= 0 ? "/" : normal.slice(0, slash);
};
const fsError = (code: string, text: string, op: string, path: string) =>
  Object.assign(new Error(`${code}: ${text}, ${op} '${path}'`), { code });
const enoent = (op: string, path: string) => fsError("ENOENT", "no such file or directory", op, path);
/** strerror's words for what a generated tree may refuse a write with. */
const ERRNO_TEXT: Record<string, string> = { EINVAL: "invalid argument", EACCES: "permission denied" };

/**
 * The path -> node map, with each directory's entry names kept beside it: the kubelet and
 * containerd list directories on every sync, and scanning every path for each listing made
 * readdir the hottest function of a simulated day.
 */
class IndexedTree extends Map<string, FsNode> {
  private readonly children = new Map<string, Set<string>>();
  /** Per directory, bumped when an entry is added or removed (what a cached listing keys on). */
  private readonly versions = new Map<string, number>();
  private epoch = 0;

  private bump(dir: string): void {
    this.versions.set(dir, (this.versions.get(dir) ?? 0) + 1);
  }

  /** Changes whenever the directory's entries change (or the whole tree is replaced). */
  version(dir: string): string {
    return `${this.epoch}.${this.versions.get(dir) ?? 0}`;
  }

  private static split(path: string): [string, string] {
    const at = path.lastIndexOf("/");
    return [at === 0 ? "/" : path.slice(0, at), path.slice(at + 1)];
  }

  override set(path: string, node: FsNode): this {
    if (path !== "/" && !super.has(path)) {
      const [dir, name] = IndexedTree.split(path);
      let names = this.children.get(dir);
      if (!names) {
        names = new Set();
        this.children.set(dir, names);
      }
      names.add(name);
      this.bump(dir);
    }
    return super.set(path, node);
  }

  override delete(path: string): boolean {
    if (super.has(path)) {
      const [dir, name] = IndexedTree.split(path);
      this.children.get(dir)?.delete(name);
      this.bump(dir);
    }
    return super.delete(path);
  }

  override clear(): void {
    this.children.clear();
    this.versions.clear();
    this.epoch++;
    super.clear();
  }

  childrenOf(dir: string): Iterable<string> {
    return this.children.get(dir) ?? [];
  }
}

export class NodeFs {
  private readonly nodes = new IndexedTree();
  private readonly generated = new Map<string, GeneratedTree>();
  private readonly devices = new Map<string, CharDevice>();
  /** Bumped on every write, so watchers (the page, the grader) can tell something changed. */
  generation = 0;

  constructor(private readonly now: () => number) {
    this.nodes.set("/", { type: "directory", mode: 0o755, mtime: now() });
  }

  // ---- synchronous API for the node's components ----

  /**
   * Canonical paths already worked out, by `followLast` and path. Only symlinks change how a
   * path resolves, so the cache is dropped whenever one may have appeared, gone or moved
   * (symlink, rm, mv, cp, import); every fs call resolves, and components call thousands per
   * simulated hour.
   */
  private readonly resolved = [new Map<string, string>(), new Map<string, string>()];

  private forgetResolutions(): void {
    for (const cache of this.resolved) cache.clear();
  }

  /** Follow symlinks in every component; returns the canonical path (which may not exist). */
  resolve(path: string, followLast = true, depth = 0): string {
    const cache = this.resolved[followLast ? 1 : 0] as Map<string, string>;
    const known = cache.get(path);
    if (known !== undefined) return known;
    const result = this.resolveUncached(path, followLast, depth);
    if (cache.size > 20_000) cache.clear();
    cache.set(path, result);
    return result;
  }

  private resolveUncached(path: string, followLast: boolean, depth: number): string {
    if (depth > 40) throw fsError("ELOOP", "too many symbolic links encountered", "stat", path);
    // The parent's canonical path (cached: most new paths are under a known directory), then
    // the last component, followed if it is a link and `followLast` asks.
    const normal = normalizePath(path);
    if (normal === "/") return "/";
    const slash = normal.lastIndexOf("/");
    const parent = slash === 0 ? "/" : normal.slice(0, slash);
    const dir = (this.resolved[1] as Map<string, string>).get(parent) ?? this.walk(parent, depth);
    const next = dir === "/" ? `/${normal.slice(1)}` : `${dir}${normal.slice(slash)}`;
    const node = this.nodes.get(next);
    if (node?.type === "symlink" && followLast) {
      const target = node.target.startsWith("/") ? node.target : `${dir}/${node.target}`;
      return this.resolve(target, true, depth + 1);
    }
    return next;
  }

  /**
   * A directory path (canonical form) resolved component by component, each prefix's result
   * kept: a loop, not a recursion, so a path of a hundred thousand components is no deeper a
   * call than one of three.
   */
  private walk(normal: string, depth: number): string {
    const followed = this.resolved[1] as Map<string, string>;
    let current = "/";
    let prefix = "";
    for (const part of normal.split("/")) {
      if (!part) continue;
      prefix += `/${part}`;
      const known = followed.get(prefix);
      if (known !== undefined) {
        current = known;
        continue;
      }
      const next = current === "/" ? `/${part}` : `${current}/${part}`;
      const node = this.nodes.get(next);
      current =
        node?.type === "symlink"
          ? this.resolve(node.target.startsWith("/") ? node.target : `${current}/${node.target}`, true, depth + 1)
          : next;
      if (followed.size > 20_000) followed.clear();
      followed.set(prefix, current);
    }
    return current;
  }

  private get(path: string, followLast = true): FsNode | undefined {
    const resolved = this.resolve(path, followLast);
    return this.generatedNode(resolved) ?? this.nodes.get(resolved);
  }

  /** Create a character device node at `path`: writes go to `device`, reads see an empty file. */
  mountDevice(path: string, device: CharDevice, mode = 0o644): void {
    const at = normalizePath(path);
    this.writeFileSync(at, "", mode);
    this.devices.set(at, device);
  }

  /** Mount a generated tree at `at` (e.g. `/proc`); reads below it ask the tree. */
  mountGenerated(at: string, tree: GeneratedTree): void {
    const path = normalizePath(at);
    this.generated.set(path, tree);
    const slash = path.indexOf("/", 1);
    this.generatedTops.add(slash < 0 ? path : path.slice(0, slash));
  }

  /** The first component of each generated tree's mount point (`/proc`, `/sys`; `/` for a mount on /). */
  private readonly generatedTops = new Set<string>();

  /** The tree mounted deepest above `resolved` (/proc/sys inside /proc), and the path in it. */
  private generatedAt(resolved: string): [GeneratedTree, string] | undefined {
    // Kernel filesystems are mounted under a few top directories (/proc, /sys): a path under
    // any other is not in one, and most paths asked for are (/var, /etc, /run).
    const slash = resolved.indexOf("/", 1);
    const top = slash < 0 ? resolved : resolved.slice(0, slash);
    if (!this.generatedTops.has(top) && !this.generatedTops.has("/")) return undefined;
    let best: [GeneratedTree, string] | undefined;
    let depth = -1;
    for (const [at, tree] of this.generated) {
      if (at.length <= depth) continue;
      if (resolved === at) best = [tree, ""];
      else if (resolved.startsWith(`${at}/`)) best = [tree, resolved.slice(at.length + 1)];
      else continue;
      depth = at.length;
    }
    return best;
  }

  /**
   * Whether `path` (absolute, not followed) is a kernel filesystem's (a generated tree's mount
   * point or below it: /proc, /sys/fs/cgroup): no link or stored file can be made there.
   */
  inKernelFs(path: string): boolean {
    return this.generatedAt(this.resolve(parentOf(normalizePath(path))))
      ? true
      : this.generated.has(this.resolve(normalizePath(path), false));
  }

  /**
   * mkdir of a kernel filesystem's file (/proc, /sys/fs/cgroup): it exists (EEXIST). A stored
   * directory there would hide the tree's file of the same name: the fuzz test found
   * `mkdir .../memory.max` turning later writes into an internal EISDIR. (Other paths stay
   * allowed: just-bash lays out /proc/self/fd with mkdir when a shell starts.)
   */
  private refuseKernelMkdir(resolved: string, path: string): void {
    if (!this.generatedAt(resolved)) return;
    if (this.generatedNode(resolved)?.type === "file") throw fsError("EEXIST", "file already exists", "mkdir", path);
  }

  /** A write into a generated tree that takes writes; false when the path is not in one. */
  private writeGenerated(resolved: string, path: string, content: FileData): boolean {
    const hit = this.generatedAt(resolved);
    if (!hit?.[0].write) return false;
    const error = hit[0].write(hit[1], typeof content === "string" ? content : decoder.decode(content));
    if (error === "ENOENT") throw enoent("open", path);
    if (error) throw fsError(error, ERRNO_TEXT[error] ?? "invalid argument", "write", path);
    this.generation++;
    return true;
  }

  private generatedNode(resolved: string): FsNode | undefined {
    const hit = this.generatedAt(resolved);
    if (!hit) return undefined;
    const [tree, rel] = hit;
    if (tree.list(rel) !== undefined) return { type: "directory", mode: 0o555, mtime: this.now() };
    const content = tree.read(rel);
    // Like the kernel's, generated files stat with size 0; reading them yields their contents.
    const mode = tree.mode?.(rel) ?? 0o444;
    return content === undefined ? undefined : { type: "file", content, mode, mtime: this.now(), size: 0 };
  }

  /** Give a file an apparent size beyond the bytes held (a huge log of which the model keeps the head). */
  setApparentSize(path: string, bytes: number): void {
    const node = this.get(path);
    if (node?.type !== "file") throw enoent("open", path);
    node.size = bytes;
    this.generation++;
  }

  /**
   * Bytes and inodes the stored files below `under` take, skipping subtrees in `except`
   * (other filesystems mounted there): what `df` and the kubelet's nodefs stats add up.
   */
  usage(under: string, except: string[] = []): { bytes: number; inodes: number } {
    // The kubelet asks every 10 s; the tree only changes when generation moves.
    const key = `${this.generation}:${under}:${except.join(",")}`;
    const cached = this.usageCache.get(key);
    if (cached) return cached;
    if (this.usageCache.size > 16) this.usageCache.clear();
    const result = this.computeUsage(under, except);
    this.usageCache.set(key, result);
    return result;
  }

  private readonly usageCache = new Map<string, { bytes: number; inodes: number }>();

  private computeUsage(under: string, except: string[]): { bytes: number; inodes: number } {
    const prefix = under === "/" ? "/" : `${under}/`;
    const skipped = except.map((e) => `${e}/`);
    let bytes = 0;
    let inodes = 0;
    for (const [key, node] of this.nodes) {
      if (key !== under && !key.startsWith(prefix)) continue;
      if (except.includes(key) || skipped.some((e) => key.startsWith(e))) continue;
      inodes++;
      if (node.type === "file") bytes += Math.ceil(this.sizeOf(node) / 4096) * 4096;
      else if (node.type === "directory") bytes += 4096;
    }
    return { bytes, inodes };
  }

  private sizeOf(node: FileNode): number {
    if (node.size !== undefined) return node.size;
    if (typeof node.content !== "string") return node.content.length;
    // Disk usage adds up every file every 10 s (the kubelet's nodefs signal): each text's
    // UTF-8 length is kept with the node it was measured on, and appends extend it.
    const known = byteLengths.get(node);
    if (known?.content === node.content) return known.bytes;
    const bytes = utf8Length(node.content);
    byteLengths.set(node, { content: node.content, bytes });
    return bytes;
  }

  existsSync(path: string): boolean {
    try {
      return this.get(path) !== undefined;
    } catch {
      return false;
    }
  }

  isDirectorySync(path: string): boolean {
    return this.get(path)?.type === "directory";
  }

  readFileSync(path: string): string {
    const node = this.get(path);
    if (!node) throw enoent("open", path);
    if (node.type !== "file") throw fsError("EISDIR", "illegal operation on a directory", "read", path);
    return typeof node.content === "string" ? node.content : decoder.decode(node.content);
  }

  /** Read a file or return undefined when it is missing: most component reads tolerate absence. */
  tryReadFileSync(path: string): string | undefined {
    try {
      return this.readFileSync(path);
    } catch {
      return undefined;
    }
  }

  writeFileSync(path: string, content: FileData, mode?: number): void {
    const resolved = this.resolve(path);
    const device = this.devices.get(resolved);
    if (device) {
      device.write(typeof content === "string" ? content : decoder.decode(content));
      return;
    }
    if (this.writeGenerated(resolved, path, content)) return;
    const existing = this.nodes.get(resolved);
    if (existing?.type === "directory") throw fsError("EISDIR", "illegal operation on a directory", "open", path);
    this.mkdirSync(parentOf(resolved));
    this.nodes.set(resolved, {
      type: "file",
      content,
      mode: mode ?? (existing?.type === "file" ? existing.mode : 0o644),
      mtime: this.now(),
    });
    this.generation++;
  }

  appendFileSync(path: string, content: string): void {
    const device = this.devices.get(this.resolve(path));
    if (device) {
      device.write(content);
      return;
    }
    if (this.writeGenerated(this.resolve(path), path, content)) return;
    const existing = this.get(path);
    if (existing?.type === "file") {
      const prev = typeof existing.content === "string" ? existing.content : decoder.decode(existing.content);
      const added = utf8Length(content);
      if (existing.size !== undefined) existing.size += added;
      const known = byteLengths.get(existing);
      existing.content = prev + content;
      if (known?.content === prev) byteLengths.set(existing, { content: existing.content, bytes: known.bytes + added });
      existing.mtime = this.now();
      this.generation++;
    } else {
      this.writeFileSync(path, content);
    }
  }

  /**
   * mkdir -p. just-bash also calls it, Node-style, with an options object (`{ recursive: true }`)
   * when it lays out /dev and /proc/self/fd: that is not a mode.
   */
  mkdirSync(path: string, modeOrOptions: number | { mode?: number } = 0o755): void {
    const mode = typeof modeOrOptions === "number" ? modeOrOptions : (modeOrOptions?.mode ?? 0o755);
    const resolved = this.resolve(path);
    if (this.nodes.get(resolved)?.type === "directory") return;
    if (this.nodes.has(resolved)) throw fsError("EEXIST", "file already exists", "mkdir", path);
    this.refuseKernelMkdir(resolved, path);
    this.mkdirSync(parentOf(resolved));
    this.nodes.set(resolved, { type: "directory", mode, mtime: this.now() });
    this.generation++;
  }

  symlinkSync(target: string, linkPath: string): void {
    const at = this.resolve(parentOf(normalizePath(linkPath)));
    const full = normalizePath(`${at}/${normalizePath(linkPath).split("/").pop()}`);
    if (this.nodes.has(full)) throw fsError("EEXIST", "file already exists", "symlink", linkPath);
    // The kernel's own filesystems take no links (and a link must never hide a mount point).
    if (this.inKernelFs(full)) throw fsError("EPERM", "operation not permitted", "symlink", linkPath);
    this.mkdirSync(at);
    this.nodes.set(full, { type: "symlink", target, mode: 0o777, mtime: this.now() });
    this.forgetResolutionsThrough(full);
    this.generation++;
  }

  /**
   * A new link at `path` (where nothing was) changes only how paths through it resolve: those
   * whose canonical form began with it. containerd links a log per container, and dropping
   * every resolution each time cost a boot ~1,400 fresh resolutions.
   */
  private forgetResolutionsThrough(path: string): void {
    const below = `${path}/`;
    for (const cache of this.resolved)
      cache.forEach((value, key) => {
        if (value === path || value.startsWith(below)) cache.delete(key);
      });
  }

  /**
   * A token that changes when the entries of the directory at `path` change (not their
   * contents): for components that cache what they derive from a listing (systemd's unit files).
   */
  directoryVersion(path: string): string {
    const resolved = this.resolve(path);
    return `${resolved}:${this.nodes.version(resolved)}`;
  }

  readdirSync(path: string): string[] {
    const resolved = this.resolve(path);
    const node = this.get(resolved);
    if (!node) throw enoent("scandir", path);
    if (node.type !== "directory") throw fsError("ENOTDIR", "not a directory", "scandir", path);
    const prefix = resolved === "/" ? "/" : `${resolved}/`;
    const hit = this.generatedAt(resolved);
    const names: string[] = hit ? [...(hit[0].list(hit[1]) ?? [])] : [];
    // A generated tree's mount point shows in its parent even with no stored directory there.
    for (const at of this.generated.keys()) {
      if (at !== resolved && at.startsWith(prefix) && !at.slice(prefix.length).includes("/")) {
        names.push(at.slice(prefix.length));
      }
    }
    for (const name of this.nodes.childrenOf(resolved)) names.push(name);
    return [...new Set(names)].sort();
  }

  /** rm -rf semantics when recursive; removing a missing path is an error unless force. */
  rmSync(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const resolved = this.resolve(path, false);
    const node = this.nodes.get(resolved);
    if (!node) {
      if (options.force) return;
      throw enoent("rm", path);
    }
    if (node.type === "directory") {
      const prefix = resolved === "/" ? "/" : `${resolved}/`;
      const children = [...this.nodes.keys()].filter((k) => k !== resolved && k.startsWith(prefix));
      if (children.length > 0 && !options.recursive) throw fsError("ENOTEMPTY", "directory not empty", "rm", path);
      for (const child of children) this.nodes.delete(child);
    }
    // rmdir("/") fails with EBUSY on Linux: whatever was asked, the root stays.
    if (resolved !== "/") this.nodes.delete(resolved);
    // Resolution follows symlinks only: removing a plain file cannot change how any path
    // resolves (containerd and the kubelet remove files every few simulated seconds).
    if (node.type !== "file") this.forgetResolutions();
    this.generation++;
  }

  statSync(path: string, followLast = true): NodeStat {
    const node = this.get(path, followLast);
    if (!node) throw enoent(followLast ? "stat" : "lstat", path);
    const size = node.type === "file" ? this.sizeOf(node) : node.type === "symlink" ? node.target.length : 4096;
    return {
      isFile: node.type === "file",
      isDirectory: node.type === "directory",
      isSymbolicLink: node.type === "symlink",
      mode: node.mode | (node.type === "directory" ? 0o040000 : node.type === "symlink" ? 0o120000 : 0o100000),
      size,
      mtime: new Date(node.mtime),
    };
  }

  chmodSync(path: string, mode: number): void {
    const node = this.get(path);
    if (!node) throw enoent("chmod", path);
    node.mode = (node.mode & S_IFSOCK) | (mode & 0o7777);
    this.generation++;
  }

  /**
   * Every stored (not generated) file and symlink, without copying: the history layer reads
   * them after each command to see whether the learner changed a file.
   */
  forEachStored(visit: (path: string, entry: StoredEntry) => void): void {
    // A callback, not a generator: it runs on most commands, and a generator's tuple per entry
    // was a good part of a command's garbage.
    this.nodes.forEach((node, path) => {
      if (node.type === "file") visit(path, { type: "file", mode: node.mode, data: node.content });
      else if (node.type === "symlink") visit(path, { type: "symlink", mode: node.mode, data: node.target });
    });
  }

  /** Every path, for snapshots and for `find`. */
  allPaths(): string[] {
    return [...this.nodes.keys()].sort();
  }

  /** A deep copy of the tree: snapshots and restores are whole-state, as in learnGitBranching. */
  exportTree(): Map<string, FsNode> {
    return new Map([...this.nodes].map(([k, v]) => [k, { ...v }]));
  }

  importTree(tree: Map<string, FsNode>): void {
    this.nodes.clear();
    this.forgetResolutions();
    for (const [k, v] of tree) this.nodes.set(k, { ...v });
    this.generation++;
  }

  // ---- async facade with the shape of just-bash's IFileSystem ----

  async readFile(path: string): Promise<string> {
    return this.readFileSync(path);
  }
  async readFileBuffer(path: string): Promise<Uint8Array> {
    const node = this.get(path);
    if (!node) throw enoent("open", path);
    if (node.type !== "file") throw fsError("EISDIR", "illegal operation on a directory", "read", path);
    return typeof node.content === "string" ? encoder.encode(node.content) : node.content;
  }
  async writeFile(path: string, content: FileData): Promise<void> {
    this.writeFileSync(path, content);
  }
  async appendFile(path: string, content: FileData): Promise<void> {
    this.appendFileSync(path, typeof content === "string" ? content : decoder.decode(content));
  }
  async exists(path: string): Promise<boolean> {
    return this.existsSync(path);
  }
  async stat(path: string): Promise<NodeStat> {
    return this.statSync(path);
  }
  async lstat(path: string): Promise<NodeStat> {
    return this.statSync(path, false);
  }
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    const resolved = this.resolve(path);
    if (this.nodes.has(resolved)) {
      if (options?.recursive && this.nodes.get(resolved)?.type === "directory") return;
      throw fsError("EEXIST", "file already exists", "mkdir", path);
    }
    this.refuseKernelMkdir(resolved, path);
    if (!options?.recursive && !this.isDirectorySync(parentOf(resolved))) throw enoent("mkdir", path);
    this.mkdirSync(resolved);
  }
  async readdir(path: string): Promise<string[]> {
    return this.readdirSync(path);
  }
  async readdirWithFileTypes(path: string) {
    const dir = this.resolve(path);
    return this.readdirSync(path).map((name) => {
      const node = this.get(normalizePath(`${dir}/${name}`), false);
      return {
        name,
        isFile: node?.type === "file",
        isDirectory: node?.type === "directory",
        isSymbolicLink: node?.type === "symlink",
      };
    });
  }
  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    this.rmSync(path, options);
  }
  async cp(src: string, dest: string, options?: { recursive?: boolean }): Promise<void> {
    const from = this.resolve(src);
    const node = this.nodes.get(from);
    if (!node) throw enoent("cp", src);
    const to = this.resolve(dest);
    if (node.type === "directory") {
      if (!options?.recursive) throw fsError("EISDIR", "illegal operation on a directory", "cp", src);
      for (const key of this.allPaths()) {
        if (key === from || key.startsWith(`${from}/`)) {
          const copy = { ...(this.nodes.get(key) as FsNode), mtime: this.now() };
          this.mkdirSync(parentOf(to + key.slice(from.length)));
          this.nodes.set(to + key.slice(from.length), copy);
        }
      }
      this.forgetResolutions();
      this.generation++;
    } else if (node.type === "file") {
      this.writeFileSync(to, node.content, node.mode);
    }
  }
  async mv(src: string, dest: string): Promise<void> {
    const from = this.resolve(src, false);
    if (!this.nodes.has(from)) throw enoent("mv", src);
    const to = this.resolve(dest, false);
    this.mkdirSync(parentOf(to));
    for (const key of this.allPaths()) {
      if (key === from || key.startsWith(`${from}/`)) {
        const node = this.nodes.get(key) as FsNode;
        this.nodes.delete(key);
        this.nodes.set(to + key.slice(from.length), node);
      }
    }
    this.forgetResolutions();
    this.generation++;
  }
  resolvePath(base: string, path: string): string {
    return path.startsWith("/") ? normalizePath(path) : normalizePath(`${base}/${path}`);
  }
  getAllPaths(): string[] {
    return this.allPaths();
  }
  async chmod(path: string, mode: number): Promise<void> {
    this.chmodSync(path, mode);
  }
  async symlink(target: string, linkPath: string): Promise<void> {
    this.symlinkSync(target, linkPath);
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    const node = this.get(existingPath);
    if (node?.type !== "file") throw enoent("link", existingPath);
    this.writeFileSync(newPath, node.content, node.mode);
  }
  async readlink(path: string): Promise<string> {
    const node = this.nodes.get(this.resolve(path, false));
    if (!node) throw enoent("readlink", path);
    if (node.type !== "symlink") throw fsError("EINVAL", "invalid argument", "readlink", path);
    return node.target;
  }
  async realpath(path: string): Promise<string> {
    const resolved = this.resolve(path);
    if (!this.nodes.has(resolved)) throw enoent("realpath", path);
    return resolved;
  }
  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    const node = this.get(path);
    if (!node) throw enoent("utimes", path);
    node.mtime = mtime.getTime();
    this.generation++;
  }
}
