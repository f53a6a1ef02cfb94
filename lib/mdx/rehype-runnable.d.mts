/** Types for rehype-runnable.mjs (plain JavaScript so Turbopack's MDX loader can load it by path). */
// biome-ignore lint/suspicious/noExplicitAny: a hast root
export default function rehypeRunnable(): (tree: any) => void;
