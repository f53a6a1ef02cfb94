/**
 * The parts of /etc/containerd/config.toml containerd acts on. A small TOML reader: tables,
 * dotted/quoted table names, strings, numbers, booleans, arrays of strings. Anything it
 * cannot read is a load error, as containerd refuses to start on a broken config.
 */
export interface ContainerdConfig {
  sandboxImage: string;
  snapshotter: string;
  defaultRuntime: string;
  systemdCgroup: boolean;
  cniConfDir: string;
  cniBinDir: string;
}

export type TomlValue = string | number | boolean | string[];

export function parseToml(text: string): Map<string, TomlValue> {
  const out = new Map<string, TomlValue>();
  let table = "";
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      table = (header[1] ?? "").replace(/\s*\.\s*/g, ".");
      return;
    }
    const kv = /^("[^"]+"|[A-Za-z0-9_\-.]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`toml: line ${index + 1}: expected key = value, got ${JSON.stringify(line)}`);
    const key = (kv[1] ?? "").replace(/"/g, "");
    const rawValue = (kv[2] ?? "").trim();
    let value: TomlValue;
    if (/^".*"$/.test(rawValue) || /^'.*'$/.test(rawValue)) value = rawValue.slice(1, -1);
    else if (rawValue === "true" || rawValue === "false") value = rawValue === "true";
    else if (/^-?\d+(\.\d+)?$/.test(rawValue)) value = Number(rawValue);
    else if (/^\[.*\]$/.test(rawValue))
      value = rawValue
        .slice(1, -1)
        .split(",")
        .map((s) => s.trim().replace(/^"|"$/g, ""))
        .filter(Boolean);
    else throw new Error(`toml: line ${index + 1}: invalid value ${JSON.stringify(rawValue)}`);
    out.set(table ? `${table}.${key}` : key, value);
  });
  return out;
}

const CRI = 'plugins."io.containerd.grpc.v1.cri"';

export function readContainerdConfig(text: string): ContainerdConfig {
  const toml = parseToml(text);
  const str = (key: string, fallback: string) => {
    const v = toml.get(key);
    return typeof v === "string" ? v : fallback;
  };
  return {
    // containerd 1.7's CRI default when config.toml leaves it out.
    sandboxImage: str(`${CRI}.sandbox_image`, "registry.k8s.io/pause:3.8"),
    snapshotter: str(`${CRI}.containerd.snapshotter`, "overlayfs"),
    defaultRuntime: str(`${CRI}.containerd.default_runtime_name`, "runc"),
    systemdCgroup: toml.get(`${CRI}.containerd.runtimes.runc.options.SystemdCgroup`) === true,
    cniConfDir: str(`${CRI}.cni.conf_dir`, "/etc/cni/net.d"),
    cniBinDir: str(`${CRI}.cni.bin_dir`, "/opt/cni/bin"),
  };
}
