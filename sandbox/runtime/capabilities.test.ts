import { expect, it } from "vitest";
import { capabilityMask, containerCapabilities } from "./capabilities";

it("gives containerd's default set, privileged everything, and applies add/drop", () => {
  expect(capabilityMask(containerCapabilities(undefined))).toBe("00000000a80425fb");
  expect(capabilityMask(containerCapabilities({ privileged: true }))).toBe("000001ffffffffff");
  expect(containerCapabilities({ capabilities: { add: ["SYS_ADMIN", "CAP_SYS_PTRACE"], drop: ["NET_RAW"] } })).toEqual([
    "CHOWN",
    "DAC_OVERRIDE",
    "FSETID",
    "FOWNER",
    "MKNOD",
    "SETGID",
    "SETUID",
    "SETFCAP",
    "SETPCAP",
    "NET_BIND_SERVICE",
    "SYS_CHROOT",
    "KILL",
    "AUDIT_WRITE",
    "SYS_ADMIN",
    "SYS_PTRACE",
  ]);
  expect(containerCapabilities({ capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } })).toEqual([
    "NET_BIND_SERVICE",
  ]);
});
