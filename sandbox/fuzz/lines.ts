/**
 * Hostile command lines for the fuzz test (fast-check arbitraries): what a learner might type
 * by accident or on purpose. Random bytes and control characters, deep nesting, megabyte
 * arguments, unbalanced quotes, globs over the generated trees, redirections to odd paths,
 * pipes and lists, heredocs, runaway shapes, and the node's own commands with real and random
 * subcommands and flags. Tests and scripts/fuzz.ts only; nothing in the node imports this.
 */
import fc from "fast-check";
import { NODE_COMMANDS } from "../commands";
import { BUILTINS } from "../shell/bash-shell";

type Arb = fc.Arbitrary<string>;

const SUBCOMMANDS: Record<string, string[]> = {
  kubectl: [
    "get",
    "describe",
    "logs",
    "delete",
    "cordon",
    "uncordon",
    "drain",
    "apply",
    "run",
    "top",
    "version",
    "config",
    "api-resources",
    "label",
    "taint",
    "exec",
    "rollout",
    "scale",
    "edit",
  ],
  crictl: [
    "ps",
    "pods",
    "images",
    "inspect",
    "inspectp",
    "inspecti",
    "logs",
    "stop",
    "stopp",
    "rm",
    "rmp",
    "rmi",
    "pull",
    "info",
    "version",
    "stats",
    "exec",
    "runp",
  ],
  systemctl: [
    "status",
    "start",
    "stop",
    "restart",
    "reload",
    "enable",
    "disable",
    "mask",
    "unmask",
    "daemon-reload",
    "is-active",
    "is-enabled",
    "is-failed",
    "cat",
    "show",
    "kill",
    "list-units",
    "list-unit-files",
    "reset-failed",
  ],
  ctr: ["containers", "tasks", "images", "namespaces", "version", "-n", "--namespace"],
};

const WORDS = [
  "kubelet",
  "containerd",
  "node-problem-detector",
  "kubelet.service",
  "ssh",
  "nosuch",
  "pods",
  "pod",
  "nodes",
  "node",
  "svc",
  "ds",
  "deploy",
  "rs",
  "events",
  "lease",
  "endpointslices",
  "ns",
  "all",
  "kube-system",
  "default",
  "kube-proxy",
  "coredns",
  "k8s.io",
  "ls",
  "list",
  "aks-nodepool1-12345678-vmss000000",
  "1",
  "812",
  "4121",
  "0",
  "-1",
  "99999999999999999999",
  "1e309",
  "NaN",
  "",
  "*",
  "{}",
  "{.items[0]}",
  "{.status.conditions[*].type}",
  "mcr.microsoft.com/oss/kubernetes/pause:3.6",
  "nginx:latest",
];

const FLAGS = [
  "-A",
  "-a",
  "-q",
  "-f",
  "-w",
  "-o",
  "-n",
  "-l",
  "-u",
  "-k",
  "-p",
  "-s",
  "-h",
  "-9",
  "-TERM",
  "-HUP",
  "-e",
  "-r",
  "-x",
  "--help",
  "--version",
  "--all",
  "--follow",
  "--watch",
  "--no-pager",
  "--force",
  "--grace-period=0",
  "--since=10m",
  "--since",
  "--until=-1h",
  "--tail=5",
  "--tail",
  "-o=json",
  "--output=yaml",
  "-ojsonpath={.items[*].metadata.name}",
  "--sort-by=.lastTimestamp",
  "--show-labels",
  "--selector=k8s-app=kube-dns",
  "--namespace=kube-system",
  "--all-namespaces",
  "--digests",
  "--no-trunc",
  "--state=running",
  "--type=service",
  "--now",
  "-p ActiveState",
  "--property=MainPID",
  "--signal=KILL",
  "-b",
  "-b -1",
  "--",
  "-",
  "--=",
  "-ø",
];

const ODD_PATHS = [
  "/proc/1/mem",
  "/proc/sys/kernel/panic",
  "/proc/version",
  "/proc",
  "/proc/self/fd/0",
  "/dev/null",
  "/dev/full",
  "/dev/zero",
  "/dev/urandom",
  "/dev/stdout",
  "/dev/stderr",
  "/dev/tty",
  "/sys/fs/cgroup/kubepods.slice/memory.max",
  "/sys/fs/cgroup/cgroup.procs",
  "/",
  "/etc",
  "/etc/default/kubelet",
  "/etc/systemd/system/kubelet.service.d/10-x.conf",
  "/var/lib/kubelet/config.yaml",
  "/run/containerd/containerd.sock",
  "/var/log/pods",
  "''",
  '""',
  "/tmp/x",
  "/tmp/../../../../x",
  "/nonexistent/dir/file",
  "~/.bashrc",
  "$HOME",
  "/root/a b",
];

const COMMANDS = [...Object.keys(NODE_COMMANDS), ...BUILTINS, "cd", "export", "unset", "set", "exit", "eval", "exec"];

const pick = (xs: readonly string[]): Arb => fc.constantFrom(...xs);

/** Any character a keyboard, a paste or a cat of a binary could deliver. */
const anyChar: Arb = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\x7f", "\u00e9", "\u2028", "\ud83d\ude00", "\ud800", "\ufffd", "\u202e"),
  pick([..."$`'\"\\(){}[]|&;<>*?~!#%^=\n\t "]),
);

const randomBytes: Arb = fc.string({ unit: anyChar, maxLength: 80 });

const token: Arb = fc.oneof(
  { weight: 4, arbitrary: pick(WORDS) },
  { weight: 4, arbitrary: pick(FLAGS) },
  { weight: 2, arbitrary: pick(ODD_PATHS) },
  { weight: 1, arbitrary: fc.string({ unit: anyChar, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
);

/** A real command with a real subcommand (when it has them) and random flags and words. */
const realCommand: Arb = pick(COMMANDS).chain((name) =>
  fc
    .tuple(SUBCOMMANDS[name] ? pick(SUBCOMMANDS[name] as string[]) : fc.constant(""), fc.array(token, { maxLength: 6 }))
    .map(([sub, rest]) => [name, sub, ...rest].filter((w) => w !== "").join(" ")),
);

const nesting: Arb = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.boolean(), pick(["$( ", "((", "{ ", "`", '"$(', "${", "$(("]))
  .map(([depth, balanced, open]) => {
    const close: Record<string, string> = {
      "$( ": " )",
      "((": "))",
      "{ ": "; }",
      "`": "`",
      '"$(': ')"',
      "${": "}",
      "$((": "))",
    };
    return `${open.repeat(depth)}echo 1${balanced ? (close[open] as string).repeat(depth) : ""}`;
  });

const hugeArgument: Arb = fc
  .tuple(
    pick(["echo", "printf %s", "grep", "kubectl get pods", "cat", "ls", "systemctl status", "x="]),
    fc.integer({ min: 1, max: 1024 * 1024 }),
    pick(["A", "é", "*", "'", " "]),
  )
  .map(([cmd, n, c]) => `${cmd} ${c.repeat(n)}`);

const unbalancedQuotes: Arb = fc
  .tuple(realCommand, pick(["'", '"', "`", "$'", '$"', "\\"]), randomBytes)
  .map(([cmd, q, rest]) => `${cmd} ${q}${rest}`);

const globs: Arb = pick([
  "echo /*/*/*",
  "ls /proc/*/",
  "cat /proc/*/status | wc -l",
  "echo /sys/fs/cgroup/**",
  "ls -d /var/log/*/*/*",
  "echo /[a-z]*/[!x]*",
  "cat /proc/[0-9]*/cmdline | wc -c",
  "ls /**/kubelet*",
  "echo *.* .* ~/* ~nobody/*",
  "grep -l x /etc/*",
]);

const redirect: Arb = fc
  .tuple(realCommand, pick([">", ">>", "<", "2>", "&>", "2>&1 >", ">|", "<>", "<<<", "1>&-", ">&3"]), pick(ODD_PATHS))
  .map(([cmd, op, path]) => `${cmd} ${op} ${path}`);

const heredoc: Arb = fc
  .tuple(pick(["cat", "grep x", "kubectl apply -f -", "bash", "wc -c", "tee /tmp/h"]), fc.boolean(), randomBytes)
  .map(([cmd, terminated, body]) => `${cmd} <<EOF\n${body}\n${terminated ? "EOF" : ""}`);

/** Shapes that would run for ever in a real shell; here each must end with a clear error. */
const runaway: Arb = pick([
  "while true; do :; done",
  "until false; do :; done",
  "for ((;;)); do echo; done",
  "while :; do hostname; done",
  ":(){ :|:& };:",
  "f(){ f; }; f",
  "yes",
  "yes | head -2",
  "cat /dev/urandom",
  "cat /dev/zero | wc -c",
  "seq 1 100000000",
  "seq 1 100000000 | tail -1",
  "x=a; while :; do x=$x$x; done",
  "awk 'BEGIN{while(1){}}'",
  "echo | sed ':a;ba'",
  "echo {1..10000000}",
  "sleep 999999999",
  "sleep 8d",
  "sleep 86400",
  "journalctl -f",
  "journalctl -fu kubelet | grep x",
  "kubectl get pods -A -w",
  "crictl logs -f $(crictl ps -q | head -1)",
  "printf '%0100000000d' 1",
]);

const NODE_PATHS = [
  "/",
  "/etc",
  "/etc/systemd/system",
  "/etc/systemd/system/kubelet.service.d",
  "/etc/default/kubelet",
  "/etc/containerd/config.toml",
  "/etc/cni/net.d",
  "/etc/cni/net.d/10-azure.conflist",
  "/var/lib/kubelet",
  "/var/lib/kubelet/pods",
  "/var/log",
  "/var/log/pods",
  "/var/log/containers",
  "/run/containerd",
  "/run/containerd/containerd.sock",
  "/usr/local/bin/kubelet",
  "/usr/local/bin",
  "/lib/systemd/system",
  "/tmp",
  "/tmp/a",
  "/tmp/a/b",
  "/proc",
  "/proc/1",
  "/sys/fs/cgroup",
  "/dev",
  "/dev/null",
  "/root",
  ".",
  "..",
];

/** Commands that change the node: files moved into themselves, links in loops, killed PIDs. */
const destructive: Arb = fc.oneof(
  fc
    .tuple(
      pick([
        "rm -rf",
        "rm",
        "rmdir",
        "mv",
        "cp -r",
        "cp",
        "ln -s",
        "ln -sf",
        "chmod 000",
        "chmod -R 777",
        "touch",
        "mkdir -p",
      ]),
      pick(NODE_PATHS),
      pick([...NODE_PATHS, "/tmp/a/b/c", "/etc/x", "/tmp/loop"]),
    )
    .map(([op, a, b]) =>
      `${op} ${a} ${op.startsWith("rm") || op.startsWith("chmod") || op.startsWith("touch") || op.startsWith("mkdir") ? "" : b}`.trim(),
    ),
  fc
    .integer({ min: 1, max: 1200 })
    .chain((pid) => pick(["kill", "kill -9", "kill -STOP", "kill -HUP", "kill -0"]).map((k) => `${k} ${pid}`)),
  pick(["kubelet", "containerd", "node-problem-detector", "ssh"]).chain((unit) =>
    pick(["stop", "start", "restart", "kill", "mask", "unmask", "disable", "enable", "reset-failed"]).map(
      (verb) => `systemctl ${verb} ${unit}`,
    ),
  ),
  pick([
    "crictl rm -f $(crictl ps -aq)",
    "crictl stopp $(crictl pods -q)",
    "crictl rmp -f $(crictl pods -q | head -2)",
    "crictl rmi --prune",
    "crictl rmi $(crictl images -q | head -1)",
    "kubectl delete pod -n kube-system --all",
    "kubectl delete pod -A --all --grace-period=0 --force",
    "kubectl delete node aks-nodepool1-12345678-vmss000000",
    "kubectl cordon aks-nodepool1-12345678-vmss000000",
    "kubectl drain aks-nodepool1-12345678-vmss000000 --ignore-daemonsets",
    "ln -s /tmp/loop /tmp/loop; cat /tmp/loop",
    "ln -s /tmp/l2 /tmp/l1; ln -s /tmp/l1 /tmp/l2; ls /tmp/l1/x",
    "mv /tmp /tmp/inside",
    "cp -r /etc /etc/copy",
    "echo garbage > /etc/containerd/config.toml; systemctl restart containerd",
    "echo 'KUBELET_FLAGS=--bogus' > /etc/default/kubelet; systemctl restart kubelet",
    "printf '\\0\\xff' > /etc/cni/net.d/10-azure.conflist",
    "rm -rf /etc/cni/net.d/*",
    "rm /run/containerd/containerd.sock",
    "chmod 000 /usr/local/bin/kubelet; systemctl restart kubelet",
    "mkdir -p /var/log/pods/x && echo x > /var/log/pods/x/y",
    "dd if=/dev/zero of=/var/lib/big bs=1M count=100",
    "sleep 300",
    "sleep 1h",
  ]),
);

const line: Arb = fc.oneof(
  { weight: 3, arbitrary: destructive },
  { weight: 6, arbitrary: realCommand },
  { weight: 2, arbitrary: randomBytes },
  { weight: 1, arbitrary: nesting },
  { weight: 1, arbitrary: unbalancedQuotes },
  { weight: 1, arbitrary: globs },
  { weight: 2, arbitrary: redirect },
  { weight: 1, arbitrary: heredoc },
  { weight: 1, arbitrary: runaway },
);

/** A line, or a few joined by pipes and list operators. */
export const commandLine: Arb = fc.oneof(
  { weight: 50, arbitrary: line },
  { weight: 20, arbitrary: fc.array(realCommand, { minLength: 2, maxLength: 4 }).map((cs) => cs.join(" | ")) },
  {
    weight: 20,
    arbitrary: fc
      .array(fc.tuple(line, pick([";", "&&", "||", "&", "|", "\n"])), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([l, op]) => `${l} ${op}`).join(" ")),
  },
  { weight: 1, arbitrary: hugeArgument },
);
