/**
 * `dig` (bind9-dnsutils 9.18 on Ubuntu 22.04): one query, printed whole. The server is
 * `@ADDR` or the first nameserver of the resolv.conf the command sees (the host's points at
 * systemd-resolved's 127.0.0.53, which cannot answer cluster.local names; CoreDNS is
 * 10.0.0.10). No search list unless `+search`. Exit status (dighost.c): 0 for any answer,
 * NXDOMAIN included; 9 when no server replied; 1 for a bad command line; 10 for an unusable
 * server argument.
 */
import {
  fqdn,
  isIPv4,
  type Question,
  RECORD_TYPES,
  type RecordType,
  responseSize,
  reverseName,
} from "../../dns/message";
import { attemptError, parseResolvConf, searchNames } from "../../dns/resolver";
import type { World } from "../../world";
import { type Command, type CommandIo, type ExecResult, fail } from "../types";
import { digWhen, messageText, type Shown } from "./format";

export const DIG_VERSION = "9.18.30-0ubuntu0.22.04.2-Ubuntu";

const USAGE = `Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
`;

interface DigArgs {
  server?: string;
  name?: string;
  type: RecordType;
  short: boolean;
  search: boolean;
  tcp: boolean;
  tries: number;
  timeoutS: number;
  port: number;
  cmd: boolean;
  shown: Shown;
}

const ALL_SECTIONS = ["comments", "question", "answer", "authority", "additional", "stats"] as const;

/** `+[no]keyword[=value]`, matched by unique prefix as dig's plus_option does for the common ones. */
function plusOption(opt: string, a: DigArgs): string | undefined {
  const no = opt.startsWith("no");
  const [word = "", value] = (no ? opt.slice(2) : opt).split("=");
  const is = (full: string, min = 2) => word.length >= Math.min(min, full.length) && full.startsWith(word);
  if (is("short", 2)) a.short = !no;
  else if (is("search", 3)) a.search = !no;
  else if (is("tcp", 2) || is("vc", 2)) a.tcp = !no;
  else if (is("cmd", 2)) a.cmd = !no;
  else if (is("all", 2)) {
    // +[no]all sets every display flag, the greeting's +cmd included.
    for (const s of ALL_SECTIONS) a.shown[s] = !no;
    a.cmd = !no;
  } else if ((ALL_SECTIONS as readonly string[]).some((s) => is(s, 3))) {
    const s = ALL_SECTIONS.find((x) => is(x, 3)) as (typeof ALL_SECTIONS)[number];
    a.shown[s] = !no;
  } else if (is("tries", 2) || is("retry", 3) || is("timeout", 3) || is("time", 3)) {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) return `Invalid option: +${opt}\n`;
    if (is("tries", 2)) a.tries = Math.max(1, n);
    else if (is("retry", 3)) a.tries = n + 1;
    else a.timeoutS = Math.max(1, n);
  } else if (["recurse", "cookie", "edns", "stats", "identify", "ttlid", "class"].some((k) => is(k, 3))) {
    // Accepted; the output here does not change with them.
  } else return `Invalid option: +${opt}\n`;
  return undefined;
}

function parseArgs(args: string[]): DigArgs | ExecResult {
  const a: DigArgs = {
    type: "A",
    short: false,
    search: false,
    tcp: false,
    tries: 3,
    timeoutS: 5,
    port: 53,
    cmd: true,
    shown: { comments: true, question: true, answer: true, authority: true, additional: true, stats: true },
  };
  let typeSet = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = () => args[++i];
    if (arg.startsWith("@")) a.server = arg.slice(1);
    else if (arg.startsWith("+")) {
      const err = plusOption(arg.slice(1), a);
      if (err) return fail(err + USAGE, 1);
    } else if (arg === "-t" || arg === "-q" || arg === "-p" || arg === "-x" || arg === "-c") {
      const v = next();
      if (v === undefined) return fail(`dig: option requires an argument -- '${arg.slice(1)}'\n${USAGE}`, 1);
      if (arg === "-t") {
        const t = v.toUpperCase() as RecordType;
        if (!RECORD_TYPES.includes(t)) return fail(`dig: '${v}' is not a valid type\n`, 1);
        a.type = t;
        typeSet = true;
      } else if (arg === "-q") a.name = v;
      else if (arg === "-p") a.port = Number(v);
      else if (arg === "-x") {
        if (!isIPv4(v)) return fail(`dig: '${v}' is not a legal IPv4 address\n`, 1);
        a.name = reverseName(v);
        a.type = "PTR";
        typeSet = true;
      } else if (v.toUpperCase() !== "IN") return fail(`dig: '${v}' is not a valid class\n`, 1);
    } else if (arg === "-h") return { stdout: USAGE.split("\n\n")[0] as string, stderr: "", exitCode: 0 };
    else if (arg === "-v") return { stdout: "", stderr: `DiG ${DIG_VERSION}\n`, exitCode: 0 };
    else if (arg.startsWith("-") && arg.length > 1) {
      return fail(`Invalid option: ${arg}\n${USAGE}`, 1);
    } else if (!typeSet && a.name !== undefined && RECORD_TYPES.includes(arg.toUpperCase() as RecordType)) {
      a.type = arg.toUpperCase() as RecordType;
      typeSet = true;
    } else if (a.name !== undefined && arg.toUpperCase() === "IN") {
      // The class; only IN is served here.
    } else a.name = arg;
  }
  return a;
}

/** The resolv.conf a command sees: the host's (a pod's namespace under nsenter -n keeps the host's files). */
export function hostResolvConf(world: World) {
  return parseResolvConf(world.fs.tryReadFileSync("/etc/resolv.conf") ?? "");
}

export const dig: Command = (args, io: CommandIo, world) => {
  const parsed = parseArgs(args);
  if ("exitCode" in parsed) return parsed;
  const a = parsed;
  const conf = hostResolvConf(world);
  if (a.server !== undefined && !isIPv4(a.server)) {
    return fail(`dig: couldn't get address for '${a.server}': not found\n`, 10);
  }
  // No usable nameserver in resolv.conf: dig asks the local host (dighost.c setup_system).
  const server = a.server ?? conf.nameservers[0] ?? "127.0.0.1";
  const name = a.name ?? ".";
  const names = a.search && a.name !== undefined ? searchNames(name, conf) : [fqdn(name)];

  let out = "";
  if (a.cmd && !a.short) {
    out += `\n; <<>> DiG ${DIG_VERSION} <<>>${args.map((x) => ` ${x}`).join("")}\n`;
    if (a.server !== undefined) out += "; (1 server found)\n";
    out += `;; global options:${a.short ? " +short" : ""} +cmd\n`;
  }
  const header = out;
  const opts = { server, port: a.port, tries: a.tries, timeoutS: a.timeoutS, tcp: a.tcp, netns: io.netns };
  for (const [i, qname] of names.entries()) {
    const q: Question = { name: qname, type: a.type };
    const { id, cookie } = world.dns.nextIds();
    const x = world.dns.exchange(q, opts);
    if (x.kind === "failed") {
      const errors = x.attempts.map((why) => attemptError(why, server, a.port, qname)).join("");
      // dig prints its greeting lazily, with the first message; a lookup that got none prints it
      // before the final error (dig.c printgreeting/dighost_error).
      return { stdout: `${errors}${a.short ? "" : header};; no servers could be reached\n`, stderr: "", exitCode: 9 };
    }
    const r = x.response;
    if (r.rcode === "NXDOMAIN" && i < names.length - 1) continue;
    if (a.short) return { stdout: r.answer.map((rr) => `${rr.data}\n`).join(""), stderr: "", exitCode: 0 };
    out += messageText(q, r, a.shown, { id, ednsUdp: x.ednsUdp, cookie: x.cookieEchoed ? cookie : undefined });
    if (a.shown.stats) {
      const size = responseSizeFor(q, x);
      out += `;; Query time: ${x.queryMs} msec\n`;
      out += `;; SERVER: ${server}#${a.port}(${server}) (${a.tcp ? "TCP" : "UDP"})\n`;
      out += `;; WHEN: ${digWhen(world.clock.now())}\n`;
      out += `;; MSG SIZE  rcvd: ${size}\n\n`;
    }
    break;
  }
  return { stdout: out, stderr: "", exitCode: 0 };
};

function responseSizeFor(q: Question, x: Extract<ReturnType<World["dns"]["exchange"]>, { kind: "answer" }>): number {
  return responseSize(q, x.response, { cookieBytes: x.cookieEchoed ? 8 : 0 });
}
