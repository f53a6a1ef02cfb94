/**
 * Running a command inside a container (CRI Exec/ExecSync, containerd 1.7
 * pkg/cri/server/container_execsync.go): the process joins the container's namespaces, so it
 * sees the container's view, never the host's: its environment (image PATH, HOSTNAME, the
 * kubelet's variables), its hostname, and only the files the runtime and the kubelet put
 * there (/etc/hostname, /etc/hosts, /etc/resolv.conf, the CRI mounts such as the
 * service-account token). The userland is a small, data-driven command set; a distroless image
 * has none, and runc's exec fails as it really does.
 */
import type { NodeFs } from "../node/fs";
import type { ContainerRecord, DnsConfig, ImageBehaviour, PodSandbox } from "./types";

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** runc could not start the process: containerd's `failed to start exec` error. */
export class ExecStartError extends Error {}

/** The OCI process env: the image's PATH, HOSTNAME (containerd adds it), then the CRI envs. */
export function processEnv(c: ContainerRecord, sandbox: PodSandbox | undefined, nodeHostname: string): string[] {
  return [
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    `HOSTNAME=${containerHostname(sandbox, nodeHostname)}`,
    ...c.env,
  ];
}

const containerHostname = (sandbox: PodSandbox | undefined, node: string) =>
  sandbox?.hostNetwork ? node : (sandbox?.name ?? "");

/** containerd's sandbox resolv.conf (pkg/cri/server/sandbox_run.go parseDNSOptions). */
function resolvConf(dns: DnsConfig): string {
  let out = "";
  if (dns.searches.length) out += `search ${dns.searches.join(" ")}\n`;
  if (dns.servers.length) out += `nameserver ${dns.servers.join("\nnameserver ")}\n`;
  if (dns.options.length) out += `options ${dns.options.join(" ")}\n`;
  return out;
}

const ROOTFS: Record<string, string[]> = {
  busybox: ["bin", "dev", "etc", "home", "lib", "lib64", "proc", "root", "sys", "tmp", "usr", "var"],
  debian: "bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var".split(" "),
};

/** What one exec sees: files by container path (read through to the host file behind each mount). */
class ContainerView {
  private readonly files = new Map<string, () => string | undefined>();
  private readonly dirs = new Map<string, () => string[]>();

  constructor(
    fs: NodeFs,
    readonly c: ContainerRecord,
    readonly sandbox: PodSandbox | undefined,
    readonly nodeHostname: string,
    readonly userland: "busybox" | "debian",
    /** The container's own process (PID 1 inside). */
    readonly mainArgv: string[],
  ) {
    const hostname = containerHostname(sandbox, nodeHostname);
    this.files.set("/etc/hostname", () => `${hostname}\n`);
    this.files.set("/etc/resolv.conf", () =>
      sandbox?.dns ? resolvConf(sandbox.dns) : (fs.tryReadFileSync("/etc/resolv.conf") ?? ""),
    );
    // Host-network pods get a copy of the node's /etc/hosts from containerd.
    this.files.set("/etc/hosts", () => fs.tryReadFileSync("/etc/hosts"));
    for (const m of c.mounts) {
      if (fs.isDirectorySync(m.hostPath)) {
        this.dirs.set(m.containerPath, () => fs.readdirSync(m.hostPath).sort());
        for (const name of fs.readdirSync(m.hostPath)) {
          this.files.set(`${m.containerPath}/${name}`, () => fs.tryReadFileSync(`${m.hostPath}/${name}`));
        }
      } else this.files.set(m.containerPath, () => fs.tryReadFileSync(m.hostPath));
    }
    this.dirs.set("/", () => ROOTFS[userland] ?? []);
  }

  env(): string[] {
    return processEnv(this.c, this.sandbox, this.nodeHostname);
  }

  read(path: string): string | undefined {
    return this.files.get(normalize(path))?.();
  }

  list(path: string): string[] | undefined {
    const p = normalize(path);
    const listed = this.dirs.get(p)?.();
    if (listed) return listed;
    // Directories that only hold mounted files (/etc, /var/run/secrets/...).
    const prefix = p === "/" ? "/" : `${p}/`;
    const names = new Set<string>();
    for (const f of [...this.files.keys(), ...this.dirs.keys()]) {
      if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split("/")[0] as string);
    }
    return names.size ? [...names].sort() : undefined;
  }
}

const normalize = (p: string) => `/${p.split("/").filter(Boolean).join("/")}`;

type Run = (args: string[], view: ContainerView, stdin: string) => ExecOutput;
const ok = (stdout = ""): ExecOutput => ({ stdout, stderr: "", exitCode: 0 });

/** The in-container tools, by name: small on purpose (cat, ls, env, hostname, ps, ...). */
const TOOLS: Record<string, Run> = {
  cat: (args, view) => {
    let stdout = "";
    let stderr = "";
    for (const a of args) {
      const text = view.read(a);
      if (text === undefined) stderr += `cat: ${a}: ${view.list(a) ? "Is a directory" : "No such file or directory"}\n`;
      else stdout += text;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
  ls: (args, view) => {
    const paths = args.filter((a) => !a.startsWith("-"));
    let stdout = "";
    let stderr = "";
    for (const p of paths.length ? paths : ["/"]) {
      const names = view.list(p);
      if (names) stdout += `${paths.length > 1 ? `${p}:\n` : ""}${names.map((n) => `${n}\n`).join("")}`;
      else if (view.read(p) !== undefined) stdout += `${p}\n`;
      else
        stderr +=
          view.userland === "busybox"
            ? `ls: ${p}: No such file or directory\n`
            : `ls: cannot access '${p}': No such file or directory\n`;
    }
    return { stdout, stderr, exitCode: stderr ? (view.userland === "busybox" ? 1 : 2) : 0 };
  },
  env: (_args, view) =>
    ok(
      view
        .env()
        .map((e) => `${e}\n`)
        .join(""),
    ),
  printenv: (args, view) => {
    const env = view.env();
    if (!args.length) return ok(env.map((e) => `${e}\n`).join(""));
    const hits = args.map((a) => env.find((e) => e.startsWith(`${a}=`))?.slice(a.length + 1));
    return {
      stdout: hits
        .filter((h) => h !== undefined)
        .map((h) => `${h}\n`)
        .join(""),
      stderr: "",
      exitCode: hits.every((h) => h !== undefined) ? 0 : 1,
    };
  },
  hostname: (_args, view) => ok(`${containerHostname(view.sandbox, view.nodeHostname)}\n`),
  echo: (args) => ok(`${args.join(" ")}\n`),
  true: () => ok(),
  false: () => ({ stdout: "", stderr: "", exitCode: 1 }),
  id: () => ok("uid=0(root) gid=0(root) groups=0(root)\n"),
  ps: (_args, view) => {
    // PID 1 is the container's own process; the exec'd ps comes a few PIDs later.
    const comm = (view.mainArgv[0] ?? view.c.name).split("/").pop() ?? view.c.name;
    const cmdline = view.mainArgv.join(" ");
    if (view.userland === "busybox") {
      return ok(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${cmdline}\n    7 root      0:00 ps\n`);
    }
    return ok(
      `    PID TTY          TIME CMD\n      1 ?        00:00:00 ${comm.slice(0, 15)}\n      7 ?        00:00:00 ps\n`,
    );
  },
};

/** `sh -c SCRIPT` or a script on stdin: `;`, `&&` and `||` between simple commands, `exit N`. */
function shell(script: string, view: ContainerView): ExecOutput {
  const out: ExecOutput = { stdout: "", stderr: "", exitCode: 0 };
  const tokens = script.split(/(\|\||&&|;|\n)/);
  let skip = false;
  for (let i = 0; i < tokens.length; i++) {
    const part = (tokens[i] as string).trim();
    if (part === "&&" || part === "||" || part === ";" || part === "") {
      skip = (part === "&&" && out.exitCode !== 0) || (part === "||" && out.exitCode === 0);
      continue;
    }
    if (skip) continue;
    const words = [...part.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
    const [name, ...args] = words as [string, ...string[]];
    if (name === "exit") {
      out.exitCode = Number(args[0] ?? out.exitCode) & 255;
      return out;
    }
    const tool = TOOLS[name.split("/").pop() ?? name];
    if (!tool) {
      out.stderr += view.userland === "busybox" ? `sh: ${name}: not found\n` : `sh: 1: ${name}: not found\n`;
      out.exitCode = 127;
      continue;
    }
    const r = tool(args, view, "");
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    out.exitCode = r.exitCode;
  }
  return out;
}

/** Run argv in the container; throws ExecStartError when runc cannot start it. */
export function runInContainer(
  fs: NodeFs,
  c: ContainerRecord,
  sandbox: PodSandbox | undefined,
  nodeHostname: string,
  behaviour: ImageBehaviour,
  argv: string[],
  mainArgv: string[],
  stdin = "",
): ExecOutput {
  const [path = "", ...args] = argv;
  const userland = behaviour.userland ?? "debian";
  const name = path.split("/").pop() ?? path;
  const known = userland !== "distroless" && (name === "sh" || name === "bash" || TOOLS[name] !== undefined);
  if (!known || (name === "bash" && userland === "busybox")) {
    // runc 1.2 libcontainer: a bare name is looked up in PATH, a path is stat'ed.
    throw new ExecStartError(
      path.includes("/")
        ? `exec: "${path}": stat ${path}: no such file or directory`
        : `exec: "${path}": executable file not found in $PATH`,
    );
  }
  const view = new ContainerView(fs, c, sandbox, nodeHostname, userland, mainArgv);
  if (name === "sh" || name === "bash") {
    const c = args.indexOf("-c");
    return shell(c >= 0 ? (args[c + 1] ?? "") : stdin, view);
  }
  return (TOOLS[name] as Run)(args, view, stdin);
}
