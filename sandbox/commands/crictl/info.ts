/** crictl info and version (cri-tools 1.32 cmd/crictl/info.go, version.go) against containerd 1.7. */
import type { World } from "../../world";
import type { ExecResult } from "../types";
import { type Parsed, str } from "./flags";
import { indentJson, toYaml } from "./json";

export function version(world: World): ExecResult {
  return {
    stdout: `Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  ${world.containerd.version}\nRuntimeApiVersion:  v1\n`,
    stderr: "",
    exitCode: 0,
  };
}

/**
 * `crictl info`: the CRI Status conditions, then containerd's verbose info keys in sorted
 * order (cniconfig, config, golang, lastCNILoadStatus, lastCNILoadStatus.default).
 */
export function info(world: World, p?: Parsed): ExecResult {
  const { containerd, cni } = world;
  const cfg = containerd.config;
  const load = cni.loadStatus();
  const conf = load.ok ? load : undefined;
  const status = containerd.status();
  const cniError = load.ok ? "" : load.error;
  const condition = (type: string, ok: boolean, reason: string, message: string) => ({
    type,
    status: ok,
    reason: ok ? "" : reason,
    message: ok ? "" : message,
  });
  const doc = {
    status: {
      conditions: [
        condition("RuntimeReady", status.runtimeReady, "", ""),
        condition(
          "NetworkReady",
          status.networkReady,
          "NetworkPluginNotReady",
          "Network plugin returns error: cni plugin not initialized",
        ),
      ],
    },
    cniconfig: {
      PluginDirs: [cfg?.cniBinDir ?? "/opt/cni/bin"],
      PluginConfDir: cfg?.cniConfDir ?? "/etc/cni/net.d",
      PluginMaxConfNum: 1,
      Prefix: "eth",
      Networks: conf
        ? [
            { Config: { Name: "cni-loopback", CNIVersion: "0.3.1" }, IFName: "lo" },
            { Config: { Name: conf.name, CNIVersion: conf.cniVersion, Source: conf.text }, IFName: "eth0" },
          ]
        : [{ Config: { Name: "cni-loopback", CNIVersion: "0.3.1" }, IFName: "lo" }],
    },
    config: {
      containerd: {
        snapshotter: cfg?.snapshotter ?? "overlayfs",
        defaultRuntimeName: cfg?.defaultRuntime ?? "runc",
        runtimes: {
          runc: {
            runtimeType: "io.containerd.runc.v2",
            options: { BinaryName: "/usr/bin/runc", SystemdCgroup: cfg?.systemdCgroup ?? true },
            sandboxMode: "podsandbox",
          },
          untrusted: {
            runtimeType: "io.containerd.runc.v2",
            options: { BinaryName: "/usr/bin/runc" },
            sandboxMode: "podsandbox",
          },
        },
      },
      cni: { binDir: cfg?.cniBinDir ?? "/opt/cni/bin", confDir: cfg?.cniConfDir ?? "/etc/cni/net.d", maxConfNum: 1 },
      registry: { configPath: "/etc/containerd/certs.d", headers: { "X-Meta-Source-Client": ["azure/aks"] } },
      enableCDI: true,
      sandboxImage: cfg?.sandboxImage ?? "",
      maxContainerLogSize: 16384,
      containerdRootDir: "/var/lib/containerd",
      containerdEndpoint: "/run/containerd/containerd.sock",
      rootDir: "/var/lib/containerd/io.containerd.grpc.v1.cri",
      stateDir: "/run/containerd/io.containerd.grpc.v1.cri",
    },
    golang: "go1.23.12",
    lastCNILoadStatus: conf ? "OK" : cniError,
    "lastCNILoadStatus.default": conf ? "OK" : cniError,
  };
  const output = (p && str(p, "output")) ?? "json";
  if (output !== "json" && output !== "yaml" && output !== "go-template") {
    return { stdout: "", stderr: `FATA[0000] unsupported output format "${output}"\n`, exitCode: 1 };
  }
  return { stdout: output === "yaml" ? toYaml(doc) : `${indentJson(doc)}\n`, stderr: "", exitCode: 0 };
}
