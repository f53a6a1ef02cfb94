/**
 * curl 7.81.0 (Ubuntu 22.04's) against the node's own listeners (node/net/listeners.ts):
 * `curl http://127.0.0.1:10248/healthz` answers while the kubelet runs. Nothing leaves the
 * node: other addresses refuse the connection, names other than the node's own do not
 * resolve. Messages as curl 7.81 prints them (lib/connect.c, lib/strerror.c, src/tool_*.c).
 * No progress meter on stdout-to-terminal (the terminal is assumed, as ps assumes it).
 */
import type { HttpResponse } from "../../node/net/listeners";
import { statusText } from "../../node/net/listeners";
import type { World } from "../../world";
import { type Command, type ExecResult, fail } from "../types";
import { renderWriteOut } from "./write-out";

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface Options {
  silent: boolean;
  showError: boolean;
  insecure: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  writeOut?: string;
  method?: string;
  connectTimeout?: string;
  maxTime?: string;
  headers: string[];
  urls: string[];
}

const SHORT_FLAGS: Record<string, keyof Options> = {
  s: "silent",
  S: "showError",
  k: "insecure",
  i: "include",
  I: "head",
  v: "verbose",
  f: "fail",
};
const LONG_FLAGS: Record<string, keyof Options> = {
  silent: "silent",
  "show-error": "showError",
  insecure: "insecure",
  include: "include",
  head: "head",
  verbose: "verbose",
  fail: "fail",
};
type ValueKey = "output" | "writeOut" | "method" | "headers" | "connectTimeout" | "maxTime";
const SHORT_VALUES: Record<string, ValueKey> = {
  m: "maxTime",
  o: "output",
  w: "writeOut",
  X: "method",
  H: "headers",
};
const LONG_VALUES: Record<string, ValueKey> = {
  "connect-timeout": "connectTimeout",
  "max-time": "maxTime",
  output: "output",
  "write-out": "writeOut",
  request: "method",
  header: "headers",
};

function parse(args: string[]): Options | ExecResult {
  const o: Options = {
    silent: false,
    showError: false,
    insecure: false,
    include: false,
    head: false,
    verbose: false,
    fail: false,
    headers: [],
    urls: [],
  };
  const setValue = (key: ValueKey, value: string) => {
    if (key === "headers") o.headers.push(value);
    else o[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--") && arg.length > 2) {
      const name = arg.slice(2);
      const flag = LONG_FLAGS[name];
      const valued = LONG_VALUES[name];
      if (flag) (o[flag] as boolean) = true;
      else if (valued) {
        const value = args[++i];
        if (value === undefined) return fail(`curl: option ${arg}: requires parameter\n${TRY}`, 2);
        setValue(valued, value);
      } else return fail(`curl: option ${arg}: is unknown\n${TRY}`, 2);
    } else if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const valued = SHORT_VALUES[c];
        if (SHORT_FLAGS[c]) (o[SHORT_FLAGS[c]] as boolean) = true;
        else if (valued) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return fail(`curl: option -${c}: requires parameter\n${TRY}`, 2);
          setValue(valued, value);
          break;
        } else return fail(`curl: option -${arg.slice(1)}: is unknown\n${TRY}`, 2);
      }
    } else o.urls.push(arg);
  }
  if (o.urls.length === 0) return fail(`curl: no URL specified!\n${TRY}`, 2);
  return o;
}

interface Target {
  scheme: "http" | "https";
  host: string;
  port: number;
  path: string;
  url: string;
}

function parseUrl(raw: string): Target | ExecResult {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([^#]*)/.exec(raw);
  const scheme = (m?.[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") {
    return fail(`curl: (1) Protocol "${scheme}" not supported or disabled in libcurl\n`, 1);
  }
  const host = m?.[2] ?? "";
  if (!host) return fail("curl: (3) URL using bad/illegal format or missing URL\n", 3);
  const path = m?.[4] || "/";
  const port = m?.[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  const url = `${scheme}://${host}${m?.[3] ? `:${m[3]}` : ""}${path}`;
  return { scheme, host, port, path, url };
}

/**
 * A SYN nobody answers: the kernel gives up after tcp_syn_retries (6) retransmissions,
 * 1+2+4+...+64 = 127 s, and curl reports ETIMEDOUT as error 28 with connect()'s words
 * (lib/connect.c). A shorter --connect-timeout or --max-time ends it first with curl's own
 * "Connection timed out after N milliseconds" (lib/multi.c). The clock moves on by the wait.
 */
function connectTimeout(
  o: Options,
  clock: { advance(ms: number): void },
  host: string,
  port: number,
): { byKernel: boolean; text: string } {
  const limits = [o.connectTimeout, o.maxTime].filter((v): v is string => v !== undefined).map((v) => Number(v) * 1000);
  const curlLimit = limits.length ? Math.min(...limits) : Number.POSITIVE_INFINITY;
  const kernel = 127_000;
  if (curlLimit < kernel) {
    const ms = Math.round(curlLimit) + 1;
    clock.advance(ms);
    return { byKernel: false, text: `Connection timed out after ${ms} milliseconds` };
  }
  clock.advance(kernel + 1);
  return {
    byKernel: true,
    text: `Failed to connect to ${host} port ${port} after ${kernel + 1} ms: Connection timed out`,
  };
}

/** The node resolves only itself from /etc/hosts-like knowledge: localhost and its own name. */
function resolve(host: string, world: World): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host === "localhost") return "127.0.0.1";
  if (host === world.hostname) return "10.224.0.4";
  return undefined;
}

/** The status line and headers as curl shows them: HTTP/1.1 in Go's casing, HTTP/2 lower-cased. */
function headerBlock(res: HttpResponse, h2: boolean): string[] {
  const status = h2 ? `HTTP/2 ${res.status} ` : `HTTP/1.1 ${res.status} ${statusText(res.status)}`;
  return [status, ...res.headers.map(([k, v]) => `${h2 ? k.toLowerCase() : k}: ${v}`)];
}

/** Go's TLS server answering plain HTTP (crypto/tls via net/http): 400 with this text. */
const PLAIN_TO_TLS = "Client sent an HTTP request to an HTTPS server.\n";

export const curl: Command = async (args, io, world) => {
  const parsed = parse(args);
  if ("exitCode" in parsed) return parsed;
  const o = parsed;
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  const verbose = (line: string) => {
    if (o.verbose) stderr += `${line}\n`;
  };
  const error = (code: number, text: string) => {
    verbose(`* Closing connection 0`);
    if (!o.silent || o.showError) stderr += `curl: (${code}) ${text}\n`;
    exitCode = code;
  };

  for (const raw of o.urls) {
    const target = parseUrl(raw);
    if ("exitCode" in target) return { stdout, stderr: stderr + target.stderr, exitCode: target.exitCode };
    const address = resolve(target.host, world);
    let response: HttpResponse | undefined;
    let h2 = false;
    if (address === undefined) {
      verbose(`* Could not resolve host: ${target.host}`);
      error(6, `Could not resolve host: ${target.host}`);
    } else {
      verbose(`*   Trying ${address}:${target.port}...`);
      // The SYN goes through the node's iptables rules (packet-path.ts): a ClusterIP is
      // DNATed to a pod, a REJECT refuses, a dropped or unrouted SYN times out.
      const outcome = world.packets.connect(address, target.port, io.netns);
      const listener = outcome.kind === "accepted" ? outcome.listener : undefined;
      if (outcome.kind === "refused" || outcome.kind === "unreachable" || outcome.kind === "netunreach") {
        const why =
          outcome.kind === "refused"
            ? "Connection refused"
            : outcome.kind === "netunreach"
              ? "Network is unreachable"
              : "No route to host";
        verbose(`* connect to ${address} port ${target.port} failed: ${why}`);
        verbose(`* Failed to connect to ${target.host} port ${target.port} after 0 ms: ${why}`);
        error(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: ${why}`);
      } else if (outcome.kind === "timeout") {
        const { byKernel, text } = connectTimeout(o, world.clock, target.host, target.port);
        if (byKernel) verbose(`* connect to ${address} port ${target.port} failed: Connection timed out`);
        verbose(`* ${text}`);
        error(28, text);
      } else if (outcome.kind === "closed") {
        verbose(`* Connected to ${target.host} (${address}) port ${target.port} (#0)`);
        verbose("* Empty reply from server");
        error(52, "Empty reply from server");
      } else if (listener) {
        verbose(`* Connected to ${target.host} (${address}) port ${target.port} (#0)`);
        if (listener.speaks === "ssh" && target.scheme === "http") {
          // sshd's `SSH-2.0-OpenSSH_8.9p1 ...` line is no HTTP status line (lib/http.c).
          verbose("* Received HTTP/0.9 when not allowed");
          error(1, "Received HTTP/0.9 when not allowed");
        } else if (listener.speaks === "dns" && target.scheme === "http") {
          // resolved reads curl's request as a DNS length prefix, waits, and closes after its
          // stream timeout (10 s, not waited for here).
          verbose("* Empty reply from server");
          error(52, "Empty reply from server");
        } else if (listener.speaks && target.scheme === "https") {
          verbose("* error:0A00010B:SSL routines::wrong version number");
          error(35, "error:0A00010B:SSL routines::wrong version number");
        } else if (target.scheme === "https" && !listener.tls) {
          verbose("* error:0A00010B:SSL routines::wrong version number");
          error(35, "error:0A00010B:SSL routines::wrong version number");
        } else if (target.scheme === "https" && !o.insecure) {
          verbose("* SSL certificate problem: unable to get local issuer certificate");
          error(
            60,
            "SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.",
          );
        } else {
          // Go's TLS servers offer h2 by ALPN and curl takes it (the kubelet's port 10250; unconfirmed
          // that the kubelet does not turn HTTP/2 off).
          h2 = target.scheme === "https";
          if (h2) {
            verbose("* ALPN, offering h2");
            verbose("* ALPN, offering http/1.1");
            verbose("* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256");
            verbose("* ALPN, server accepted to use h2");
            verbose("* Using HTTP2, server supports multiplexing");
          }
          const method = o.method ?? (o.head ? "HEAD" : "GET");
          const reqHeaders = [
            `${method} ${target.path} ${h2 ? "HTTP/2" : "HTTP/1.1"}`,
            `Host: ${target.host}${target.port === (target.scheme === "https" ? 443 : 80) ? "" : `:${target.port}`}`,
            "User-Agent: curl/7.81.0",
            "Accept: */*",
            ...o.headers,
          ];
          for (const h of reqHeaders) verbose(`> ${h}`);
          verbose("> ");
          response =
            target.scheme === "http" && listener.tls
              ? {
                  status: 400,
                  headers: [
                    ["Content-Type", "text/plain; charset=utf-8"],
                    ["Connection", "close"],
                  ],
                  body: PLAIN_TO_TLS,
                }
              : listener.handle({ method, path: target.path, headers: {} });
          if (!h2) verbose("* Mark bundle as not supporting multiuse");
          const block = headerBlock(response, h2);
          for (const h of block) verbose(`< ${h}`);
          verbose("< ");
          if (o.fail && response.status >= 400) {
            error(22, `The requested URL returned error: ${response.status}`);
          } else {
            const head = o.include || o.head ? `${block.join("\r\n")}\r\n\r\n` : "";
            const body = o.head || method === "HEAD" ? "" : response.body;
            if (o.output === "/dev/null") {
              // discarded
            } else if (o.output) {
              try {
                world.fs.writeFileSync(o.output, head + body);
              } catch {
                error(23, `Failure writing output to destination`);
              }
            } else stdout += head + body;
            verbose(`* Connection #0 to host ${target.host} left intact`);
          }
        }
      }
    }
    if (o.writeOut !== undefined) {
      const w = renderWriteOut(o.writeOut, {
        http_code: response ? String(response.status).padStart(3, "0") : "000",
        response_code: response ? String(response.status) : "0",
        http_version: response ? (h2 ? "2" : "1.1") : "0",
        size_download: String(response && !o.head ? new TextEncoder().encode(response.body).length : 0),
        content_type: response?.headers.find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "",
        url_effective: target.url,
        remote_ip: address && response ? address : "",
        remote_port: address && response ? String(target.port) : "",
        exitcode: String(exitCode),
        time_total: "0.000412",
      });
      stdout += w.out;
      stderr += w.err;
    }
  }
  return { stdout, stderr, exitCode };
};
