/**
 * What a lesson's MDX body refers to, with file lines: `<Exercise id>` tags, links and images
 * (Markdown and JSX), and the headings a `#anchor` can point at. A scan of the text, not an MDX
 * parse: fenced code blocks and `inline code` are skipped, since what they show is not rendered
 * as a tag or a link.
 */

export interface BodyRef {
  value: string;
  line: number;
}

export interface BodyScan {
  exerciseTags: BodyRef[];
  /** Link targets and image sources: `[t](href)`, `![alt](src)`, `href="..."`, `src="..."`. */
  links: BodyRef[];
  /** h1-h6 heading texts, Markdown formatting removed. */
  headings: BodyRef[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;
const EXERCISE_TAG = /<Exercise\s[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;
// `[text](target "title")` and `![alt](src)`; the target ends at whitespace or `)`.
const MARKDOWN_LINK = /!?\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;
const JSX_LINK = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** A heading's text as it renders: code spans keep their text, links keep theirs, emphasis goes. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/(\*\*|__|\*|_|~~)(\S(?:.*?\S)?)\1/g, "$2")
    .trim();
}

export function scanBody(body: string, firstLine: number): BodyScan {
  const scan: BodyScan = { exerciseTags: [], links: [], headings: [] };
  let fence: string | undefined;
  body.split("\n").forEach((raw, index) => {
    const line = firstLine + index;
    const opener = FENCE.exec(raw)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      return;
    }
    if (opener) {
      fence = opener;
      return;
    }
    const heading = HEADING.exec(raw)?.[1];
    if (heading !== undefined) scan.headings.push({ value: headingText(heading), line });
    const text = raw.replace(INLINE_CODE, "");
    for (const tag of text.matchAll(EXERCISE_TAG)) {
      scan.exerciseTags.push({ value: tag[1] ?? tag[2] ?? tag[3] ?? "", line });
    }
    for (const link of text.matchAll(MARKDOWN_LINK)) scan.links.push({ value: link[1] as string, line });
    for (const link of text.matchAll(JSX_LINK)) scan.links.push({ value: link[1] ?? link[2] ?? link[3] ?? "", line });
  });
  return scan;
}
