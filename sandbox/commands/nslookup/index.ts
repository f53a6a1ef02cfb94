/**
 * `nslookup` (bind9-dnsutils 9.18, bin/dig/nslookup.c) in its non-interactive form:
 * `nslookup [-option...] NAME [SERVER]`. It uses the search list and ndots of the resolv.conf
 * it sees (on the host: systemd-resolved's stub, search = the VNet suffix, ndots 1; in a pod:
 * CoreDNS, `<ns>.svc.cluster.local ...`, ndots 5), prints the server it asked, then the first
 * name that resolved, or `** server can't find NAME: RCODE` for the last one tried. A/AAAA by
 * default (the AAAA answer adds lines only when there are AAAA records); exit 1 on failure.
 * Printed names drop the trailing dot (dns_name_format).
 */
import {
  fqdn,
  isIPv4,
  type Question,
  RECORD_TYPES,
  type RecordType,
  type ResourceRecord,
  reverseName,
} from "../../dns/message";
import { attemptError, searchNames } from "../../dns/resolver";
import { hostResolvConf } from "../dig";
import { type Command, fail, ok } from "../types";

const bare = (name: string) => (name === "." ? "." : name.replace(/\.$/, ""));

export const nslookup: Command = (args, io, world) => {
  let type: RecordType | undefined;
  let port = 53;
  let timeoutS = 5;
  let tries = 3;
  const words: string[] = [];
  for (const arg of args) {
    if (!arg.startsWith("-") || arg === "-") {
      words.push(arg);
      continue;
    }
    const [key = "", value = ""] = arg.slice(1).split("=");
    if (["type", "querytype", "query", "q", "ty"].includes(key)) {
      const t = value.toUpperCase() as RecordType;
      if (!RECORD_TYPES.includes(t)) return fail(`unknown query type: ${value}\n`);
      type = t;
    } else if (key === "port") port = Number(value);
    else if (key === "timeout") timeoutS = Math.max(1, Number(value) || 1);
    else if (key === "retry") tries = Math.max(1, Number(value) || 1);
    else if (!["debug", "nodebug", "search", "nosearch", "vc", "novc", "recurse", "norecurse"].includes(key)) {
      return fail(`*** Invalid option: ${arg.slice(1)}\n`);
    }
  }
  const [target, serverArg] = words;
  // Interactive mode reads commands from the terminal; with nothing to read it just ends.
  if (target === undefined) return ok("> ");
  const conf = hostResolvConf(world);
  if (serverArg !== undefined && !isIPv4(serverArg)) {
    return fail(`nslookup: couldn't get address for '${serverArg}': not found\n`);
  }
  const server = serverArg ?? conf.nameservers[0] ?? "127.0.0.1";
  const reverse = isIPv4(target);
  const names = reverse ? [reverseName(target)] : target.endsWith(".") ? [fqdn(target)] : searchNames(target, conf);
  const qtype: RecordType = type ?? (reverse ? "PTR" : "A");
  const opts = { server, port, tries, timeoutS, tcp: false, netns: io.netns };
  const banner = `Server:\t\t${server}\nAddress:\t${server}#${port}\n\n`;

  // When every name fails, the error shown is the name as typed (tried first or last).
  const asTyped = fqdn(reverse ? reverseName(target) : target);
  for (const [i, name] of names.entries()) {
    const q: Question = { name, type: qtype };
    world.dns.nextIds();
    const x = world.dns.exchange(q, opts);
    if (x.kind === "failed") {
      const errors = x.attempts.map((why) => attemptError(why, server, port, name)).join("");
      return { stdout: `${errors};; no servers could be reached\n\n`, stderr: "", exitCode: 1 };
    }
    const r = x.response;
    if (r.rcode === "NXDOMAIN" && i < names.length - 1) continue;
    if (r.rcode !== "NOERROR") {
      const shown = r.rcode === "NXDOMAIN" ? asTyped : name;
      return { stdout: `${banner}** server can't find ${bare(shown)}: ${r.rcode}\n\n`, stderr: "", exitCode: 1 };
    }
    let out = banner + (r.aa ? "" : "Non-authoritative answer:\n");
    out += answerLines(r.answer);
    if (type === undefined && !reverse) {
      // The default lookup asks AAAA too and prints what it finds (the cluster has no IPv6).
      world.dns.nextIds();
      const six = world.dns.exchange({ name, type: "AAAA" }, opts);
      if (six.kind === "answer") out += answerLines(six.response.answer);
    }
    if (r.answer.length === 0 && !reverse) out += `*** Can't find ${bare(name)}: No answer\n`;
    return ok(`${out}\n`);
  }
  return ok();
};

function answerLines(records: ResourceRecord[]): string {
  return records
    .map((rr) => {
      if (rr.type === "A" || rr.type === "AAAA") return `Name:\t${bare(rr.name)}\nAddress: ${rr.data}\n`;
      if (rr.type === "PTR") return `${bare(rr.name)}\tname = ${rr.data}\n`;
      if (rr.type === "CNAME") return `${bare(rr.name)}\tcanonical name = ${rr.data}\n`;
      return `${bare(rr.name)}\t${rr.type.toLowerCase()} = ${rr.data}\n`;
    })
    .join("");
}
