import type { MDXComponents } from "mdx/types";
import { Cmd } from "@/app/components/cmd";
import { EditFile } from "@/app/components/edit-file";
import { Exercise } from "@/app/components/exercise-card";

/** What a lesson's MDX may use besides Markdown: `<Exercise id="...">`, `<Cmd>...</Cmd>` and `<EditFile path="..." />`. */
const components: MDXComponents = { Cmd, EditFile, Exercise };

export function useMDXComponents(): MDXComponents {
  return components;
}
