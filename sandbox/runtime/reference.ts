/**
 * Image references as containerd's CRI plugin normalises them (distribution/reference
 * ParseNormalizedNamed + TagNameOnly): `nginx` is `docker.io/library/nginx:latest`,
 * `foo/bar:1` is `docker.io/foo/bar:1`, a first component with a dot, a colon or
 * `localhost` is a registry host.
 */
export function normalizeRef(ref: string): string {
  const at = ref.indexOf("@");
  if (at >= 0) return `${fullName(ref.slice(0, at))}${ref.slice(at)}`;
  const colon = ref.lastIndexOf(":");
  if (colon > ref.lastIndexOf("/")) return `${fullName(ref.slice(0, colon))}:${ref.slice(colon + 1)}`;
  return `${fullName(ref)}:latest`;
}

function fullName(name: string): string {
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  if (first.includes(".") || first.includes(":") || first === "localhost") return name;
  return `docker.io/${slash < 0 ? "library/" : ""}${name}`;
}

/** `repo` and `tag` of a normalised reference, as crictl images splits them. */
export function splitRef(ref: string): { repo: string; tag: string } {
  const colon = ref.lastIndexOf(":");
  if (colon > ref.lastIndexOf("/")) return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repo: ref, tag: "<none>" };
}
