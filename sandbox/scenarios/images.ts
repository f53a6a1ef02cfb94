/**
 * The images the node can meet and what a container of each does once started: keeps
 * running, exits with a code after a while, or grows past its memory limit. Also what the
 * registries serve: a pull of anything not listed here (or cached on the node image) fails
 * with `not found`, as a mistyped tag does against a real registry.
 */
import type { Containerd } from "../runtime/containerd";
import type { ImageBehaviour } from "../runtime/types";
import { IMAGE_SIZES } from "./kube-system";
import { nginxServer } from "./nginx-server";

export interface CatalogueImage {
  /** Compressed size the registry reports (crictl images SIZE). */
  sizeBytes: number;
  /** The entrypoint + cmd a container runs with (what ps shows). */
  command: string[];
  behaviour: ImageBehaviour;
}

/** The course's own registry (an ACR attached to the cluster). */
export const ACR = "aksdemo.azurecr.io";

const nginxLogs = (version: string) =>
  [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    "/docker-entrypoint.sh: Configuration complete; ready for start up",
    `{localtime} [notice] 1#1: nginx/${version}`,
    "{localtime} [notice] 1#1: start worker processes",
  ].map((text, i) => ({ stream: i < 3 ? ("stdout" as const) : ("stderr" as const), text }));

export const IMAGE_CATALOGUE: Record<string, CatalogueImage> = {
  "docker.io/library/nginx:1.27": {
    sizeBytes: 72_950_112,
    command: ["nginx", "-g", "daemon off;"],
    // nginx turns SIGTERM into a fast shutdown and exits 0.
    behaviour: {
      termExitCode: 0,
      logs: nginxLogs("1.27.5"),
      serves: [nginxServer("1.27.5", Date.UTC(2025, 3, 16, 12, 1, 11))],
    },
  },
  "docker.io/library/nginx:latest": {
    sizeBytes: 72_950_112,
    command: ["nginx", "-g", "daemon off;"],
    behaviour: {
      termExitCode: 0,
      logs: nginxLogs("1.29.3"),
      serves: [nginxServer("1.29.3", Date.UTC(2025, 9, 28, 18, 26, 41))],
    },
  },
  // busybox's default command is `sh`: with no terminal it reads EOF and exits 0 at once, so
  // under restartPolicy Always it ends up in CrashLoopBackOff with reason Completed.
  "docker.io/library/busybox:1.36": {
    sizeBytes: 2_160_406,
    command: ["sh"],
    behaviour: { exit: { code: 0, afterSeconds: 0.05 }, userland: "busybox" },
  },
  "mcr.microsoft.com/azuredocs/aks-helloworld:v1": {
    sizeBytes: 35_122_480,
    command: ["/usr/bin/python3", "/app/main.py"],
    behaviour: {
      logs: [{ stream: "stderr", text: " * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)" }],
    },
  },
  // The crashloop scenario's image: reads its config at start-up and exits 1 when it is missing.
  [`${ACR}/orders-api:1.4.2`]: {
    sizeBytes: 48_733_901,
    command: ["/app/orders-api"],
    behaviour: {
      exit: { code: 1, afterSeconds: 3 },
      logs: [{ stream: "stdout", text: '{"level":"info","msg":"orders-api 1.4.2 starting"}' }],
      exitLogs: [
        {
          stream: "stderr",
          text: '{"level":"fatal","msg":"cannot start: environment variable ORDERS_DB_URL is not set"}',
        },
      ],
    },
  },
  [`${ACR}/orders-api:1.4.3`]: {
    sizeBytes: 48_741_220,
    command: ["/app/orders-api"],
    behaviour: {
      termExitCode: 0,
      logs: [
        { stream: "stdout", text: '{"level":"info","msg":"orders-api 1.4.3 starting"}' },
        { stream: "stdout", text: '{"level":"info","msg":"listening on :8080"}' },
      ],
    },
  },
  // An init container's image: applies the orders database's migrations, then exits. 1.0.0
  // cannot reach the database (wrong host in its default config) and exits 1; 1.0.1 succeeds.
  [`${ACR}/orders-db-migrate:1.0.0`]: {
    sizeBytes: 12_408_331,
    command: ["/app/migrate", "up"],
    behaviour: {
      exit: { code: 1, afterSeconds: 2 },
      logs: [{ stream: "stdout", text: "migrate: connecting to orders-db:5432" }],
      exitLogs: [{ stream: "stderr", text: "migrate: dial tcp: lookup orders-db on 10.0.0.10:53: no such host" }],
    },
  },
  [`${ACR}/orders-db-migrate:1.0.1`]: {
    sizeBytes: 12_409_102,
    command: ["/app/migrate", "up"],
    behaviour: {
      exit: { code: 0, afterSeconds: 4 },
      logs: [{ stream: "stdout", text: "migrate: connecting to orders-db.default.svc.cluster.local:5432" }],
      exitLogs: [{ stream: "stdout", text: "migrate: 3 migrations applied, schema at version 12" }],
    },
  },
  // The memory-pressure scenario's image: builds a report in memory, ~300 MiB after 20 s.
  [`${ACR}/report-builder:2.1.0`]: {
    sizeBytes: 61_004_377,
    command: ["/usr/local/bin/report-builder", "--input=/data/orders"],
    behaviour: {
      memory: { mib: 300, afterSeconds: 20 },
      logs: [{ stream: "stdout", text: "report-builder 2.1.0: loading orders into memory" }],
    },
  },
};

/**
 * Behaviours of images the node image caches (their sizes and commands are in kube-system.ts).
 * ama-logs' DaemonSet container runs fluent-bit, whose tail input follows every container log
 * under /var/log/containers (Refresh_Interval 60 s, fluent-bit's default; that these lines reach
 * the container's own log is unconfirmed: the agent may keep them in a file of its own).
 */
export const NODE_IMAGE_BEHAVIOURS: Record<string, ImageBehaviour> = {
  // Distroless images: no shell, no tools (`crictl exec ... sh` fails in runc).
  "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8": { userland: "distroless" },
  "mcr.microsoft.com/oss/v2/kubernetes/metrics-server:v0.7.2-2": { userland: "distroless" },
  "mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1.28": {
    tails: { dir: "/var/log/containers", refreshSeconds: 60, whenEnv: "CONTROLLER_TYPE=DaemonSet" },
  },
};

/** Teach containerd the catalogue: what each image runs and does, and what registries serve. */
export function loadImageCatalogue(containerd: Containerd): void {
  for (const [ref, size] of Object.entries(IMAGE_SIZES)) containerd.registry.set(ref, size);
  for (const [ref, image] of Object.entries(IMAGE_CATALOGUE)) {
    containerd.registry.set(ref, image.sizeBytes);
    containerd.commands.set(ref, image.command);
    containerd.behaviours.set(ref, image.behaviour);
  }
  for (const [ref, behaviour] of Object.entries(NODE_IMAGE_BEHAVIOURS)) {
    containerd.behaviours.set(ref, { ...containerd.behaviours.get(ref), ...behaviour });
  }
}
