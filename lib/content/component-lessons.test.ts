import { describe, expect, it } from "vitest";
import { componentLessons } from "./component-lessons";
import type { Lesson } from "./schema";

const lesson = (slug: string, order: number, component: Lesson["component"]) =>
  ({ slug, order, component, title: `Title of ${slug}` }) as Lesson;

describe("componentLessons", () => {
  it("maps each part of the node to the first lesson about it, in course order", () => {
    const lessons = [
      lesson("security", 8, "agents"),
      lesson("tour", 0, "node"),
      lesson("monitoring", 7, "agents"),
      lesson("kubelet", 3, "kubelet"),
    ];
    expect(componentLessons(lessons)).toEqual({
      node: { slug: "tour", title: "Title of tour" },
      kubelet: { slug: "kubelet", title: "Title of kubelet" },
      agents: { slug: "monitoring", title: "Title of monitoring" },
    });
  });
});
