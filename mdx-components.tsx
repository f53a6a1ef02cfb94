import type { MDXComponents } from "mdx/types";
import { Cmd } from "@/app/components/cmd";
import { Exercise } from "@/app/components/exercise-card";

/** What a lesson's MDX may use besides Markdown: `<Exercise id="...">` and `<Cmd>...</Cmd>`. */
const components: MDXComponents = { Cmd, Exercise };

export function useMDXComponents(): MDXComponents {
  return components;
}
