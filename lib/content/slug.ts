/** A lesson's URL name from any text: `Kubelet_Notes` -> `kubelet-notes`, `kubelet — the node agent` -> `kubelet-the-node-agent`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
