import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { excerpt, searchDocuments } from "./search-documents";
import { INDEX_OPTIONS, QUERY_OPTIONS, resultHref, type SearchDocument } from "./search-options";

const lesson = {
  slug: "kubelet",
  title: "kubelet — the node agent",
  objectives: ["Find the kubelet's unit", "Read its journal"],
  exercises: [
    {
      id: "stop-kubelet",
      title: "Stop the kubelet",
      prompt: "Stop the kubelet's `systemd` unit.",
      check: { kind: "unit" as const, unit: "kubelet.service", active: "inactive" as const },
      hints: ["`systemctl stop <unit>` stops a unit."],
      solution: ["systemctl stop kubelet"],
    },
  ],
};
const sections = [
  { id: "", depth: 1 as const, title: "", text: "The kubelet is the node agent." },
  { id: "the-heartbeat", depth: 2 as const, title: "The heartbeat", text: "The node Lease is renewed every 10 s." },
];

describe("searchDocuments", () => {
  it("makes one document for the top of the lesson, one per section and one per exercise, without hints", () => {
    expect(searchDocuments(lesson, sections)).toEqual([
      {
        id: "kubelet#",
        slug: "kubelet",
        lesson: "kubelet — the node agent",
        title: "kubelet — the node agent",
        anchor: "",
        text: "Find the kubelet's unit. Read its journal. The kubelet is the node agent.",
      },
      {
        id: "kubelet#the-heartbeat",
        slug: "kubelet",
        lesson: "kubelet — the node agent",
        title: "The heartbeat",
        anchor: "the-heartbeat",
        text: "The node Lease is renewed every 10 s.",
      },
      {
        id: "kubelet#exercise-stop-kubelet",
        slug: "kubelet",
        lesson: "kubelet — the node agent",
        title: "Exercise: Stop the kubelet",
        anchor: "exercise-stop-kubelet",
        text: "Stop the kubelet's systemd unit.",
      },
    ]);
  });

  it("finds a section by a word of its text, through the index as the page loads it", () => {
    const built = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
    built.addAll(searchDocuments(lesson, sections));
    const index = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(built), INDEX_OPTIONS);
    const hits = index.search("lease", QUERY_OPTIONS).map((hit) => resultHref(hit.slug, hit.anchor));
    expect(hits).toEqual(["/lessons/kubelet#the-heartbeat"]);
    expect(index.search("systemctl", QUERY_OPTIONS)).toEqual([]);
  });
});

describe("excerpt", () => {
  const text =
    "Nearly every node problem on AKS is, somewhere along the way, a kubelet problem or a problem the kubelet reports to the control plane through the node's status.";

  it("shows the text around the first matched term, cut at words", () => {
    expect(excerpt(text, ["reports"], 60)).toBe("…the kubelet reports to the control plane through the…");
  });

  it("starts at the beginning when the term is near it or not found", () => {
    expect(excerpt(text, ["nearly"], 40)).toBe("Nearly every node problem on AKS is,…");
    expect(excerpt(text, ["absent"], 40)).toBe("Nearly every node problem on AKS is,…");
    expect(excerpt("short text", ["short"])).toBe("short text");
  });
});
