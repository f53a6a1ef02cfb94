/**
 * Markdown links and images in lessons, under the site's base path: `[text](/lessons/kubelet)`
 * becomes a next/link (prefixed, and a client-side navigation), `![alt](/diagrams/x.svg)` an
 * <img> whose src is prefixed. External links and `#anchors` stay plain.
 */
import Link from "next/link";
import type { ComponentProps } from "react";
import { withBasePath } from "@/app/base-path";

export function MdxLink({ href = "", ...props }: ComponentProps<"a">) {
  if (href.startsWith("/") && !href.startsWith("//")) return <Link href={href} {...props} />;
  return <a href={href} {...props} />;
}

export function MdxImage({ src, alt = "", ...props }: ComponentProps<"img">) {
  // biome-ignore lint/performance/noImgElement: a static export has no image optimizer (images.unoptimized)
  return <img src={typeof src === "string" ? withBasePath(src) : src} alt={alt} {...props} />;
}
