/** crictl's image commands (cri-tools 1.32 cmd/crictl/image.go): images, pull, rmi. */
import { CriCallError } from "../../runtime/cri";
import { normalizeRef, splitRef } from "../../runtime/reference";
import { sha256Hex } from "../../util/sha256";
import { CRICTL_TABWRITER, tabwrite } from "../../util/table";
import type { World } from "../../world";
import type { ExecResult } from "../types";
import { CrictlError } from "./containers";
import { bool, type FlagSpec, type Parsed, str } from "./flags";
import { humanSize, truncatedId } from "./format";
import { indentJson, toYaml } from "./json";

export const IMAGES_FLAGS: FlagSpec[] = [
  { long: "quiet", short: "q" },
  { long: "no-trunc" },
  { long: "digests" },
  { long: "verbose", short: "v" },
  { long: "output", short: "o", value: true },
  { long: "pinned" },
];

const out = (stdout: string): ExecResult => ({ stdout, stderr: "", exitCode: 0 });

export function images(p: Parsed, world: World): ExecResult {
  const output = str(p, "output") ?? "table";
  if (!["table", "json", "yaml"].includes(output)) throw new CrictlError(`unsupported output format "${output}"`);
  const filter = p.args[0] ? normalizeRef(p.args[0]) : undefined;
  const list = [...world.containerd.images.values()]
    .filter((i) => !filter || i.ref === filter)
    .sort((a, b) => a.ref.localeCompare(b.ref));
  if (output !== "table") {
    const doc = {
      images: list.map((i) => ({
        id: `sha256:${i.id}`,
        repoTags: [i.ref],
        repoDigests: [i.digest],
        size: String(i.sizeBytes),
        uid: null,
        username: "",
        spec: null,
        pinned: i.ref === world.containerd.config?.sandboxImage,
      })),
    };
    return out(output === "json" ? `${indentJson(doc)}\n` : toYaml(doc));
  }
  if (bool(p, "quiet")) return out(list.map((i) => `sha256:${i.id}\n`).join(""));
  const noTrunc = bool(p, "no-trunc");
  const digests = bool(p, "digests");
  const header = ["IMAGE", "TAG", ...(digests ? ["DIGEST"] : []), "IMAGE ID", "SIZE"];
  const rows = list.map((i) => {
    const { repo, tag } = splitRef(i.ref);
    const digest = i.digest.slice(i.digest.indexOf("sha256:") + 7);
    return [
      repo,
      tag,
      ...(digests ? [noTrunc ? `sha256:${digest}` : truncatedId(digest)] : []),
      noTrunc ? `sha256:${i.id}` : truncatedId(i.id),
      humanSize(i.sizeBytes),
    ];
  });
  return out(tabwrite([header, ...rows], CRICTL_TABWRITER));
}

export function pull(p: Parsed, world: World): ExecResult {
  const [ref] = p.args;
  if (!ref) throw new CrictlError("Image name cannot be empty");
  try {
    const image = world.containerd.pullImage(ref);
    return out(`Image is up to date for sha256:${image.id}\n`);
  } catch (e) {
    if (!(e instanceof CriCallError)) throw e;
    throw new CrictlError(`pulling image: ${e.message}`);
  }
}

export function rmi(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("No IDs provided");
  let stdout = "";
  for (const arg of p.args) {
    const byRef = world.containerd.imageStatus(arg);
    const byId = [...world.containerd.images.values()].find((i) => i.id.startsWith(arg.replace(/^sha256:/, "")));
    const image = byRef ?? byId;
    if (!image) throw new CrictlError(`no such image ${arg}`);
    const inUse = world.containerd.listContainers().some((c) => c.imageId === image.id);
    if (inUse) {
      throw new CrictlError(
        `error of removing image "${arg}": rpc error: code = Unknown desc = failed to delete image reference "${image.ref}" for "sha256:${image.id}": image is in use by a container`,
      );
    }
    world.containerd.removeImage(image.ref);
    stdout += `Deleted: ${image.ref}\n`;
  }
  return out(stdout);
}

/** crictl inspecti: the CRI ImageStatus (protojson) and containerd's verbose image info, trimmed. */
export function inspecti(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("You must specify at least one image");
  const docs = p.args.map((arg) => {
    const image =
      world.containerd.imageStatus(arg) ??
      [...world.containerd.images.values()].find((i) => i.id.startsWith(arg.replace(/^sha256:/, "")));
    if (!image) throw new CrictlError(`no such image "${arg}" present`);
    const argv = world.containerd.commands.get(image.ref) ?? [];
    return {
      status: {
        id: `sha256:${image.id}`,
        repoTags: [image.ref],
        repoDigests: [image.digest],
        size: String(image.sizeBytes),
        uid: null,
        username: "",
        spec: null,
        pinned: image.ref === world.containerd.config?.sandboxImage,
      },
      info: {
        chainID: `sha256:${sha256Hex(`chain:${image.id}`)}`,
        imageSpec: {
          architecture: "amd64",
          os: "linux",
          config: {
            Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
            ...(argv.length ? { Entrypoint: argv.slice(0, 1), Cmd: argv.slice(1) } : {}),
          },
          rootfs: { type: "layers", diff_ids: [`sha256:${sha256Hex(`layer:${image.id}`)}`] },
        },
      },
    };
  });
  const output = str(p, "output") ?? "json";
  if (output === "yaml") return out(docs.map((d) => toYaml(d)).join("---\n"));
  return out(docs.map((d) => `${indentJson(d)}\n`).join(""));
}
