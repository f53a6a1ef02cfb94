/**
 * The little Markdown an exercise prompt may hold (it is a frontmatter string, not MDX):
 * paragraphs split by blank lines, `code` and **bold**. Everything else is plain text.
 */
import type { ReactNode } from "react";

function inline(text: string): ReactNode[] {
  let offset = 0; // each part's position in the text: a key that is stable for a fixed string
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part) => {
    const key = offset;
    offset += part.length;
    if (part.length > 2 && part.startsWith("`") && part.endsWith("`"))
      return <code key={key}>{part.slice(1, -1)}</code>;
    if (part.length > 4 && part.startsWith("**") && part.endsWith("**")) {
      return <strong key={key}>{part.slice(2, -2)}</strong>;
    }
    return part;
  });
}

export function InlineMarkdown({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return paragraphs.map((paragraph) => <p key={paragraph}>{inline(paragraph)}</p>);
}
