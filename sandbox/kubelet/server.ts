/**
 * The kubelet's HTTP servers while it runs: healthz on 127.0.0.1:10248 (pkg/kubelet/server,
 * healthz.InstallHandler: text/plain, nosniff, body `ok`), the authenticated API on
 * --address:10250 and, unless --read-only-port=0, the unauthenticated read-only API.
 *
 * Authentication and authorization follow pkg/kubelet/server/server.go InstallAuthFilter: with
 * --anonymous-auth=false a request without a client certificate or an accepted bearer token gets
 * go-restful's WriteErrorString(401, "Unauthorized"); with anonymous auth on, the request is
 * system:anonymous and goes to the authorizer, and --authorization-mode=Webhook (a
 * SubjectAccessReview nobody grants to anonymous) answers 403 with the filter's
 * `Forbidden (user=..., verb=..., resource=nodes, subresource=...)`. Neither sets a Content-Type,
 * so net/http sniffs text/plain, and the body has no newline.
 *
 * Flags left out fall back to the kubelet's legacy command-line defaults (cmd/kubelet/app/options
 * applyLegacyDefaults): anonymous auth on, AlwaysAllow, read-only port 10255 — which is why AKS
 * writes all three explicitly.
 */
import type { HttpRequest, HttpResponse, Listeners } from "../node/net/listeners";
import { httpDate, textResponse } from "../node/net/listeners";

export interface KubeletServing {
  address: string;
  /** --read-only-port: 0 disables the read-only server. */
  readOnlyPort: number;
  anonymousAuth: boolean;
  authorizationMode: string;
  /** The pods bound to this node, as the /pods handler encodes them. */
  pods: () => unknown[];
}

/** The serving options a kubelet command line gives (raw flags as parsed). */
export function servingFromFlags(raw: Map<string, string>, pods: () => unknown[]): KubeletServing {
  return {
    address: raw.get("address") ?? "0.0.0.0",
    readOnlyPort: Number(raw.get("read-only-port") ?? "10255"),
    anonymousAuth: /^(1|t|T|TRUE|true|True)$/.test(raw.get("anonymous-auth") ?? "true"),
    authorizationMode: raw.get("authorization-mode") ?? "AlwaysAllow",
    pods,
  };
}

/**
 * The subresource the kubelet's authorizer checks for a path (server/auth.go
 * GetRequestAttributes): stats, metrics, logs, else proxy (/pods is `proxy` while the
 * KubeletFineGrainedAuthz gate is off, as on 1.32).
 */
function subresource(path: string): string {
  const p = path.split("?")[0] ?? path;
  const under = (prefix: string) => p === prefix || p.startsWith(`${prefix}/`);
  if (under("/stats")) return "stats";
  if (under("/metrics")) return "metrics";
  if (under("/logs")) return "log";
  return "proxy";
}

/** go-restful's WriteErrorString over HTTP/2 (x/net/http2 writeResHeaders' order). */
function errorString(status: number, body: string, date: string): HttpResponse {
  return {
    status,
    headers: [
      ["Content-Type", "text/plain; charset=utf-8"],
      ["Content-Length", String(new TextEncoder().encode(body).length)],
      ["Date", date],
    ],
    body,
  };
}

/**
 * The read-only handlers both servers share: /healthz and /pods (the kubelet's pod manager's
 * pods as a v1 PodList, encoded compactly with a trailing newline as the json serializer does).
 */
function readOnly(req: HttpRequest, serving: KubeletServing, date: string): HttpResponse {
  const path = req.path.split("?")[0] ?? req.path;
  if (path === "/healthz") return textResponse(200, "ok", date);
  if (path === "/pods" || path === "/pods/") {
    const body = `${JSON.stringify({ kind: "PodList", apiVersion: "v1", metadata: {}, items: serving.pods() })}\n`;
    const length = new TextEncoder().encode(body).length;
    // net/http sets Content-Length only when the whole reply fits its 2048-byte chunking buffer.
    const framing: [string, string] =
      length <= 2048 ? ["Content-Length", String(length)] : ["Transfer-Encoding", "chunked"];
    return { status: 200, headers: [["Content-Type", "application/json"], ["Date", date], framing], body };
  }
  return textResponse(404, "404 page not found\n", date);
}

export function serveKubelet(listeners: Listeners, now: () => number, serving: KubeletServing): () => void {
  const { address, readOnlyPort } = serving;
  const closers = [
    listeners.listen({
      host: "127.0.0.1",
      port: 10248,
      tls: false,
      owner: "kubelet",
      handle: (req) =>
        req.path === "/healthz" || req.path.startsWith("/healthz?")
          ? textResponse(200, "ok", httpDate(now()))
          : textResponse(404, "404 page not found\n", httpDate(now())),
    }),
    listeners.listen({
      host: address || "0.0.0.0",
      port: 10250,
      tls: true,
      owner: "kubelet",
      handle: (req): HttpResponse => {
        const date = httpDate(now());
        // curl sends no client certificate here, and a bearer token is only accepted with the webhook.
        if (!serving.anonymousAuth) return errorString(401, "Unauthorized", date);
        if (serving.authorizationMode.split(",").includes("AlwaysAllow")) return readOnly(req, serving, date);
        const verb = req.method === "GET" || req.method === "HEAD" ? "get" : "create";
        const msg = `Forbidden (user=system:anonymous, verb=${verb}, resource=nodes, subresource=${subresource(req.path)})`;
        return errorString(403, msg, date);
      },
    }),
  ];
  if (readOnlyPort > 0) {
    closers.push(
      listeners.listen({
        host: address || "0.0.0.0",
        port: readOnlyPort,
        tls: false,
        owner: "kubelet",
        handle: (req) => readOnly(req, serving, httpDate(now())),
      }),
    );
  }
  return () => {
    for (const close of closers) close();
  };
}
