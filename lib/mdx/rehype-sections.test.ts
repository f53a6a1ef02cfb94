import { evaluate } from "@mdx-js/mdx";
import { createElement } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import rehypeSections, { createSlugger } from "./rehype-sections.mjs";

/** A stand-in for the site's `<Cmd>`. */
const Cmd = ({ children }: { children?: string }) => createElement("code", null, children);

/** Compile MDX as the site does (the same plugin), and render it. */
async function compile(source: string) {
  const module = await evaluate(source, { ...runtime, rehypePlugins: [rehypeSections] });
  const html = renderToStaticMarkup(createElement(module.default, { components: { Cmd } }));
  return { sections: module.sections, html };
}

const LESSON = `The **kubelet** is the node agent. Try <Cmd>systemctl status kubelet</Cmd>.

## The unit

Its unit is \`kubelet.service\`.

### Drop-ins

<Cmd>{\`kubectl get pod web -o jsonpath='{.metadata.uid}'\`}</Cmd>

## The unit

Again, under the same title.

## Main

A heading the page's own ids already use.

#### Deep

Not in the table of contents.
`;

describe("rehype-sections", () => {
  it("exports the sections: the text before the first heading, then one per h2/h3, with GitHub's slugs", async () => {
    const { sections } = await compile(LESSON);
    expect(sections).toEqual([
      { id: "", depth: 1, title: "", text: "The kubelet is the node agent. Try systemctl status kubelet." },
      { id: "the-unit", depth: 2, title: "The unit", text: "Its unit is kubelet.service." },
      {
        id: "drop-ins",
        depth: 3,
        title: "Drop-ins",
        text: "kubectl get pod web -o jsonpath='{.metadata.uid}'",
      },
      { id: "the-unit-1", depth: 2, title: "The unit", text: "Again, under the same title." },
      {
        id: "main-1",
        depth: 2,
        title: "Main",
        text: "A heading the page's own ids already use. Deep Not in the table of contents.",
      },
    ]);
  });

  it("puts the same ids on the rendered headings", async () => {
    const { html } = await compile(LESSON);
    expect(html.match(/<h\d id="[^"]*">[^<]*<\/h\d>/g)).toEqual([
      '<h2 id="the-unit">The unit</h2>',
      '<h3 id="drop-ins">Drop-ins</h3>',
      '<h2 id="the-unit-1">The unit</h2>',
      '<h2 id="main-1">Main</h2>',
      '<h4 id="deep">Deep</h4>',
    ]);
  });

  it("slugs as github-slugger does: lower case, punctuation dropped, spaces to hyphens, repeats numbered", () => {
    const slug = createSlugger([]);
    expect(
      [
        "kubelet — the node agent",
        "config.toml",
        "From Docker to containerd",
        "Who brings back what?",
        "config.toml",
      ].map(slug),
    ).toEqual([
      "kubelet--the-node-agent",
      "configtoml",
      "from-docker-to-containerd",
      "who-brings-back-what",
      "configtoml-1",
    ]);
  });
});
