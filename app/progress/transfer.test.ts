import { describe, expect, it } from "vitest";
import { freshRecord } from "./record";
import { exportFileName, exportProgress, parseProgressFile } from "./transfer";

const kubelet = { ...freshRecord("kubelet"), done: ["stop"], history: ["systemctl stop kubelet"] };
const when = new Date("2025-10-30T14:02:11Z");

describe("the progress file", () => {
  it("round-trips through export and import", () => {
    const file = exportProgress([kubelet, freshRecord("kube-proxy")], when);
    expect(file).toEqual({
      format: "inside-the-node-progress",
      version: 1,
      exportedAt: "2025-10-30T14:02:11.000Z",
      lessons: [kubelet, freshRecord("kube-proxy")],
    });
    expect(exportFileName(when)).toBe("inside-the-node-progress-2025-10-30.json");
    expect(parseProgressFile(JSON.stringify(file))).toEqual({
      ok: true,
      lessons: [kubelet, freshRecord("kube-proxy")],
    });
  });

  it("imports older lesson records through the migrations", () => {
    const old = { schema: 1, slug: "kubelet", done: ["stop"], answers: {}, attempt: 2 };
    const text = JSON.stringify({ format: "inside-the-node-progress", version: 1, lessons: [old] });
    expect(parseProgressFile(text)).toEqual({
      ok: true,
      lessons: [{ ...freshRecord("kubelet", 2), done: ["stop"] }],
    });
  });

  it("refuses a bad file with the reason", () => {
    const refused = (text: string) => {
      const result = parseProgressFile(text);
      return result.ok ? "accepted" : result.reason;
    };
    const file = (extra: object) => JSON.stringify({ format: "inside-the-node-progress", version: 1, ...extra });
    expect(refused("{not json")).toBe("the file is not JSON");
    expect(refused("[1, 2]")).toBe("the file is not an Inside the Node progress file");
    expect(refused(JSON.stringify({ format: "lab-progress", lessons: [] }))).toBe(
      'the file is not an Inside the Node progress file (format "lab-progress")',
    );
    expect(refused(file({ version: "1", lessons: [] }))).toBe("the file has no valid format version");
    expect(refused(file({ version: 4, lessons: [] }))).toBe(
      "the file was written by a newer version of the course (format version 4; this page reads 1)",
    );
    expect(refused(file({ lessons: { kubelet } }))).toBe("the file has no list of lessons");
    expect(refused(file({ lessons: [kubelet, { ...kubelet, done: [1] }] }))).toBe(
      "lesson 2 in the file: it is damaged (done.0 should be a string, not a number)",
    );
    expect(refused(file({ lessons: [{ ...kubelet, schema: 9 }] }))).toBe(
      "lesson 1 in the file: it was saved by a newer version of the course (schema 9; this page reads up to 2)",
    );
    expect(refused(file({ lessons: [kubelet, kubelet] }))).toBe('lesson 2 in the file: "kubelet" appears twice');
  });
});
