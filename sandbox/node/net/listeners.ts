/**
 * Who listens on which port of this node. A program registers host:port with a handler
 * while it runs and withdraws it when it stops, so `curl 127.0.0.1:10248/healthz` answers
 * exactly while the kubelet runs, and `ss -ltnp` lists the socket with its process. HTTP only
 * for TCP: the node's daemons all speak it (healthz, metrics, the kubelet API); TLS is a flag
 * on the listener, not a handshake.
 */
import type { Program } from "../systemd/programs";

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** In the order Go's net/http writes them (Content-Type, X-Content-Type-Options, Date, Content-Length). */
  headers: [string, string][];
  body: string;
}

export type HttpHandler = (req: HttpRequest) => HttpResponse;

export interface Listener {
  /** The bound address: `0.0.0.0` means every address of the node. */
  host: string;
  port: number;
  tls: boolean;
  /** The owning process's name (its comm, as `ss -p` shows it). */
  owner: string;
  handle: HttpHandler;
  /** Default tcp. A UDP socket is "bound" (UNCONN), never connected to by curl. */
  protocol?: "tcp" | "udp";
  /** The owning process and the socket's file descriptor in it; `ss -p` looks the pid up by owner otherwise. */
  pid?: number;
  fd?: number;
  /**
   * A server that does not speak HTTP: sshd sends its version line first, resolved's DNS
   * stub waits for a length-prefixed query. `handle` is never asked.
   */
  speaks?: "ssh" | "dns";
  /**
   * A C daemon's wildcard sockets, one per family (sshd's 0.0.0.0:22 and [::]:22, IPV6_V6ONLY);
   * without it a wildcard is Go's single dual-stack socket.
   */
  family?: "v4" | "v6";
  /** listen(2)'s backlog, ss's Send-Q for a listening socket: SOMAXCONN (4096) unless set. */
  backlog?: number;
  /**
   * The socket inode's owner, when it is not the process's user now: a daemon that binds as
   * root and then drops privileges (chronyd) keeps root's sockets (/proc/net/udp's uid).
   */
  uid?: number;
}

export class Listeners {
  private readonly bound: Listener[] = [];

  constructor(
    /** The node's own addresses besides loopback (eth0's). */
    private readonly localAddresses: string[],
  ) {}

  /** bind + listen; returns close(). A second bind of the same host:port fails with EADDRINUSE. */
  listen(listener: Listener): () => void {
    const proto = listener.protocol ?? "tcp";
    const clash = (l: Listener) =>
      (l.protocol ?? "tcp") === proto &&
      l.port === listener.port &&
      (l.host === listener.host || l.host === "0.0.0.0") &&
      !(l.family && listener.family && l.family !== listener.family);
    if (this.bound.some(clash)) {
      throw new Error(`listen ${proto} ${listener.host}:${listener.port}: bind: address already in use`);
    }
    this.bound.push(listener);
    return () => {
      const at = this.bound.indexOf(listener);
      if (at >= 0) this.bound.splice(at, 1);
    };
  }

  /** Is this address one of the node's own (loopback or eth0)? */
  isLocal(address: string): boolean {
    return address.startsWith("127.") || this.localAddresses.includes(address);
  }

  /** connect(): the listener that accepts a connection to address:port, if any. */
  connect(address: string, port: number): Listener | undefined {
    if (!this.isLocal(address)) return undefined;
    return this.bound.find(
      (l) => l.protocol !== "udp" && l.port === port && (l.host === "0.0.0.0" || l.host === address),
    );
  }

  all(): Listener[] {
    return [...this.bound].sort((a, b) => a.port - b.port);
  }
}

/**
 * A daemon that binds `sockets` once it has started and closes them when systemd stops it
 * (containerd's metrics and CRI streaming servers): the sockets carry the process's pid.
 */
export function listening(program: Program, listeners: Listeners, sockets: Omit<Listener, "pid">[]): Program {
  return (ctx) => {
    const running = program(ctx);
    if (typeof running === "number") return running;
    const closers = sockets.map((socket) => listeners.listen({ ...socket, pid: ctx.pid }));
    return {
      ...running,
      stop: () => {
        for (const close of closers) close();
        running.stop();
      },
    };
  };
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};
/** Go's http.TimeFormat: `Thu, 30 Oct 2025 16:06:00 GMT`. */
export const httpDate = (ms: number) => new Date(ms).toUTCString();

export const statusText = (status: number) => STATUS_TEXT[status] ?? "";

/**
 * A plain-text reply as Go's net/http sends one from a handler that sets Content-Type and
 * nosniff (http.Error, k8s healthz): the header map in sorted order, then Date and
 * Content-Length (net/http server.go, extraHeader.Write).
 */
export function textResponse(status: number, body: string, date: string): HttpResponse {
  return {
    status,
    headers: [
      ["Content-Type", "text/plain; charset=utf-8"],
      ["X-Content-Type-Options", "nosniff"],
      ["Date", date],
      ["Content-Length", String(new TextEncoder().encode(body).length)],
    ],
    body,
  };
}
