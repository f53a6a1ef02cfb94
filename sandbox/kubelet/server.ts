/**
 * The kubelet's HTTP servers while it runs: healthz on 127.0.0.1:10248 (pkg/kubelet/server,
 * healthz.InstallHandler: text/plain, nosniff, body `ok`) and the authenticated API on
 * --address:10250. With --anonymous-auth=false a request without a client certificate or an
 * accepted bearer token gets go-restful's WriteErrorString(401, "Unauthorized"): no
 * Content-Type set, so net/http sniffs text/plain, and the body has no newline.
 */
import type { HttpResponse, Listeners } from "../node/net/listeners";
import { httpDate, textResponse } from "../node/net/listeners";

export function serveKubelet(listeners: Listeners, now: () => number, address: string): () => void {
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
      handle: (): HttpResponse => ({
        status: 401,
        // The HTTP/2 writer's order: content-type, content-length, date (x/net/http2 writeResHeaders).
        headers: [
          ["Content-Type", "text/plain; charset=utf-8"],
          ["Content-Length", "12"],
          ["Date", httpDate(now())],
        ],
        body: "Unauthorized",
      }),
    }),
  ];
  return () => {
    for (const close of closers) close();
  };
}
