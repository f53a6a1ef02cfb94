import type { MDXComponents } from "mdx/types";
import { Cmd } from "@/app/components/cmd";
import { EditFile } from "@/app/components/edit-file";
import { Exercise } from "@/app/components/exercise-card";
import { MdxImage, MdxLink } from "@/app/components/mdx-links";
import { RunnableCode } from "@/app/components/runnable-code";

/**
 * What a lesson's MDX may use besides Markdown: `<Exercise id="...">`, `<Cmd>...</Cmd>` and
 * `<EditFile path="..." />`; Markdown's links and images are rendered under the base path; a
 * ```bash block comes wrapped in `<RunnableCode>` (lib/mdx/rehype-runnable.mjs), with a run button.
 */
const components: MDXComponents = { Cmd, EditFile, Exercise, RunnableCode, a: MdxLink, img: MdxImage };

export function useMDXComponents(): MDXComponents {
  return components;
}
