/**
 * Dialling the CRI socket. The kubelet and crictl both reach containerd through
 * unix:///run/containerd/containerd.sock; when containerd is down the socket is gone and
 * gRPC reports exactly this (google.golang.org/grpc transport, wrapped by the CRI client's
 * "validate CRI v1 runtime API" check in both tools).
 */
import type { NodeFs } from "../node/fs";

export class CriDialError extends Error {}

export function socketPath(endpoint: string): string {
  // Asked on every PLEG relist and status update (a few times a simulated second): the same
  // few endpoints, so the same string each time (a fresh one costs the fs's cache a re-hash).
  let path = socketPaths.get(endpoint);
  if (path === undefined) {
    path = endpoint.replace(/^unix:\/\//, "");
    if (socketPaths.size > 64) socketPaths.clear();
    socketPaths.set(endpoint, path);
  }
  return path;
}

const socketPaths = new Map<string, string>();

/** The grpc error text for an endpoint whose socket file is missing. */
export function dialError(endpoint: string): string {
  const path = socketPath(endpoint);
  return `validate CRI v1 runtime API for endpoint "${endpoint}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${path}: connect: no such file or directory"`;
}

/** Throws CriDialError (message without the tool's own prefix) when nothing listens. */
export function assertSocket(fs: NodeFs, endpoint: string): void {
  if (!fs.existsSync(socketPath(endpoint))) throw new CriDialError(dialError(endpoint));
}

/** A CRI call that reached containerd and failed: gRPC status code + description. */
export class CriCallError extends Error {
  constructor(
    readonly code: "NotFound" | "Unknown" | "FailedPrecondition" | "InvalidArgument",
    readonly desc: string,
  ) {
    super(`rpc error: code = ${code} desc = ${desc}`);
  }
}
