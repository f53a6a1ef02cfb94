/**
 * dig 9.18's text (bin/dig/dig.c printmessage/received, lib/dns/masterdump.c): records in
 * master-file style with the columns dig asks for (TTL at 24, class at 32, type at 40, RDATA
 * at 48, tabs of 8; a field past its column gets one space), the header comments, the OPT
 * pseudo-section and the statistics block.
 */
import type { Question, ResourceRecord, Response } from "../../dns/message";

const COLUMNS = { ttl: 24, class: 32, type: 40, rdata: 48 };

/** Column position after a string with tabs (the line so far may contain tabs). */
function width(text: string): number {
  let col = 0;
  for (const c of text) col = c === "\t" ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

/** masterdump.c indent(): tabs to reach the column, or a single space once past it. */
function column(line: string, to: number): string {
  const at = width(line);
  if (at >= to) return `${line} `;
  const tabs = Math.floor(to / 8) - Math.floor(at / 8);
  return tabs > 0 ? line + "\t".repeat(tabs) : line + " ".repeat(to - at);
}

export function recordLine(rr: ResourceRecord): string {
  let line = column(rr.name, COLUMNS.ttl) + String(rr.ttl);
  line = `${column(line, COLUMNS.class)}IN`;
  line = column(line, COLUMNS.type) + rr.type;
  return `${column(line, COLUMNS.rdata)}${rr.data}\n`;
}

export function questionLine(q: Question): string {
  let line = `${column(`;${q.name}`, COLUMNS.class)}IN`;
  line = column(line, COLUMNS.type) + q.type;
  return `${line}\n`;
}

export interface Shown {
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
}

/** `;; ->>HEADER<<-` through the sections, as printmessage() writes a received message. */
export function messageText(
  q: Question,
  r: Response,
  shown: Shown,
  meta: { id: number; ednsUdp: number; cookie?: string },
): string {
  let out = "";
  if (shown.comments) {
    out += ";; Got answer:\n";
    if (q.name === "local." || q.name.endsWith(".local.")) {
      out +=
        ";; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n";
    }
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${meta.id}\n`;
    const flags = ["qr", r.aa ? "aa" : "", "rd", r.ra ? "ra" : ""].filter(Boolean).join(" ");
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: 1\n`;
    if (!r.ra) out += ";; WARNING: recursion requested but not available\n";
    out += "\n;; OPT PSEUDOSECTION:\n";
    out += `; EDNS: version: 0, flags:; udp: ${meta.ednsUdp}\n`;
    if (meta.cookie) out += `; COOKIE: ${meta.cookie} (echoed)\n`;
  }
  const section = (title: string, lines: string[]) => {
    if (shown.comments) out += `;; ${title} SECTION:\n`;
    out += lines.join("");
    if (shown.comments) out += "\n";
  };
  if (shown.question) section("QUESTION", [questionLine(q)]);
  if (shown.answer && r.answer.length) section("ANSWER", r.answer.map(recordLine));
  if (shown.authority && r.authority.length) section("AUTHORITY", r.authority.map(recordLine));
  return out;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** strftime "%a %b %d %H:%M:%S %Z %Y" in UTC, the node's zone. */
export function digWhen(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
