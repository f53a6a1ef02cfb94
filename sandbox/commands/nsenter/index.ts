/**
 * `nsenter` (util-linux 2.37.2) for the network namespace: `nsenter -t PID -n CMD...` runs CMD
 * in the namespace of PID's process (a pod's pause or container process: the pod's; anything
 * else: the host's), `--net=/var/run/netns/NAME` in a named one. Other namespace flags are
 * accepted; only the network one changes what the command sees here. Without a command the
 * real tool starts $SHELL, which a one-line-at-a-time terminal cannot hold, so it says so.
 */
import { netnsOfPid } from "../ip/netns";
import { type Command, fail } from "../types";

const TRY = "Try 'nsenter --help' for more information.\n";

export const nsenter: Command = async (args, io, world) => {
  let target: number | undefined;
  let net: boolean | string = false;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-")) break;
    const [opt, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s) as [string, string?]) : [arg, undefined];
    if (opt === "-t" || opt === "--target") {
      const v = inline ?? args[++i];
      if (v === undefined) return fail(`nsenter: option requires an argument -- 't'\n${TRY}`);
      if (!/^\d+$/.test(v)) return fail(`nsenter: failed to parse pid: '${v}'\n`);
      target = Number(v);
    } else if (/^-t\d+$/.test(opt)) target = Number(opt.slice(2));
    else if (opt === "--net" || opt === "-n") net = inline ?? true;
    else if (/^--net=/.test(arg)) net = arg.slice(6);
    else if (/^-[muipUCTa]+n?[muipUCTa]*$/.test(opt) || /^--(mount|uts|ipc|pid|user|cgroup|time|all)$/.test(opt)) {
      if (opt.includes("n") || opt === "--all" || opt.includes("a")) net = net || true;
    } else return fail(`nsenter: unrecognized option '${arg}'\n${TRY}`);
  }
  const argv = args.slice(i);
  let netns = io.netns;
  if (typeof net === "string") {
    const name = net.replace(/^\/(var\/)?run\/netns\//, "");
    if (!world.fs.existsSync(net) || !world.net.namespace(name)) {
      return fail(`nsenter: cannot open ${net}: No such file or directory\n`);
    }
    netns = name;
  } else if (net) {
    if (target === undefined) return fail("nsenter: neither filename nor target pid supplied for ns/net\n");
    if (!world.fs.existsSync(`/proc/${target}`))
      return fail(`nsenter: cannot open /proc/${target}/ns/net: No such file or directory\n`);
    netns = netnsOfPid(world, target);
  } else if (target !== undefined && !world.fs.existsSync(`/proc/${target}`)) {
    return fail(`nsenter: cannot open /proc/${target}/ns/net: No such file or directory\n`);
  }
  if (argv.length === 0) {
    return fail(
      "nsenter: no command given: this terminal runs one line at a time, so name one (nsenter -t PID -n ip addr)\n",
    );
  }
  if (!io.execIn) return fail("nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted\n");
  return io.execIn(argv, netns);
};
