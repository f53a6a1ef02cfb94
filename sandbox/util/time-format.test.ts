import { describe, expect, it } from "vitest";
import {
  goDurationString,
  goUnitsHumanDuration,
  journalTime,
  klogTime,
  kubectlAge,
  rfc3339Nano,
  systemdRelative,
  systemdTimespan,
  systemdTimestamp,
} from "./time-format";

const T = Date.UTC(2025, 9, 30, 16, 0, 52, 123);
const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe("time formats", () => {
  it("prints journal, klog, systemd and RFC 3339 stamps", () => {
    expect(journalTime(Date.UTC(2025, 10, 5, 7, 8, 9))).toBe("Nov 05 07:08:09");
    expect(klogTime(T * 1000 + 456)).toBe("1030 16:00:52.123456");
    expect(systemdTimestamp(T)).toBe("Thu 2025-10-30 16:00:52 UTC");
    expect(rfc3339Nano(T * 1000 + 456)).toBe("2025-10-30T16:00:52.123456115Z");
  });

  it("follows systemd's format_timestamp_relative", () => {
    expect([0, 5 * s, 90 * s, 7 * min, 2 * h + 3 * min, 7 * h, 26 * h, 3 * 24 * h].map(systemdRelative)).toEqual([
      "now",
      "5s ago",
      "1min 30s ago",
      "7min ago",
      "2h 3min ago",
      "7h ago",
      "1 day 2h ago",
      "3 days ago",
    ]);
    expect(systemdTimespan(2 * min + 35_130)).toBe("2min 35.13s");
    expect(systemdTimespan(850)).toBe("850ms");
  });

  it("follows go-units HumanDuration (crictl) and apimachinery HumanDuration (kubectl)", () => {
    expect(
      [0, 1 * s, 45 * s, 61 * s, 59 * min, 61 * min, 2 * h + 3 * min, 3 * 24 * h].map(goUnitsHumanDuration),
    ).toEqual([
      "Less than a second",
      "1 second",
      "45 seconds",
      "About a minute",
      "59 minutes",
      "About an hour",
      "2 hours",
      "3 days",
    ]);
    expect(
      [30 * s, 119 * s, 5 * min + 7 * s, 123 * min, 3 * h + 5 * min, 20 * h, 50 * h, 30 * 24 * h].map(kubectlAge),
    ).toEqual(["30s", "119s", "5m7s", "123m", "3h5m", "20h", "2d2h", "30d"]);
  });

  it("prints Go's time.Duration.String from microseconds", () => {
    expect(
      [0, 250, 1_500, 250_000, 3_000_000, 180_000_000, 187_300_000, 494_637_000, 3_600_000_000].map(goDurationString),
    ).toEqual(["0s", "250µs", "1.5ms", "250ms", "3s", "3m0s", "3m7.3s", "8m14.637s", "1h0m0s"]);
  });
});
