import { expect, it } from "vitest";
import { freshNode, HOST, run } from "../../test-helpers";

const node = freshNode();

it("nproc and lscpu agree with /proc/cpuinfo", async () => {
  expect(await run(node, "nproc; nproc --ignore=1; grep -c ^processor /proc/cpuinfo")).toEqual({
    out: "2\n1\n2\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "lscpu")).toEqual({
    out: [
      "Architecture:            x86_64",
      "  CPU op-mode(s):        32-bit, 64-bit",
      "  Address sizes:         48 bits physical, 48 bits virtual",
      "  Byte Order:            Little Endian",
      "CPU(s):                  2",
      "  On-line CPU(s) list:   0,1",
      "Vendor ID:               AuthenticAMD",
      "  Model name:            AMD EPYC 7763 64-Core Processor",
      "    CPU family:          25",
      "    Model:               1",
      "    Thread(s) per core:  1",
      "    Core(s) per socket:  2",
      "    Socket(s):           1",
      "    Stepping:            1",
      "    BogoMIPS:            4890.87",
      "Virtualization features: ",
      "  Hypervisor vendor:     Microsoft",
      "  Virtualization type:   full",
      "Caches (sum of all):     ",
      "  L1d:                   64 KiB (2 instances)",
      "  L1i:                   64 KiB (2 instances)",
      "  L2:                    1 MiB (2 instances)",
      "  L3:                    32 MiB (1 instance)",
      "NUMA:                    ",
      "  NUMA node(s):          1",
      "  NUMA node0 CPU(s):     0,1",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "nproc -z")).toEqual({
    out: "",
    err: "nproc: invalid option -- 'z'\nTry 'nproc --help' for more information.\n",
    code: 1,
  });
});

it("hostnamectl and timedatectl describe the VM and its clock", async () => {
  expect(await run(node, "hostnamectl")).toEqual({
    out: [
      ` Static hostname: ${HOST}`,
      "       Icon name: computer-vm",
      "         Chassis: vm",
      "      Machine ID: 3f5c8d2e41a94b7f9e0c6a1d2b8e4f70",
      "         Boot ID: 0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a",
      "  Virtualization: microsoft",
      "Operating System: Ubuntu 22.04.5 LTS",
      "          Kernel: Linux 5.15.0-1096-azure",
      "    Architecture: x86-64",
      " Hardware Vendor: Microsoft Corporation",
      "  Hardware Model: Virtual Machine",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "sleep 5; timedatectl")).toEqual({
    out: [
      "               Local time: Thu 2025-10-30 16:06:05 UTC",
      "           Universal time: Thu 2025-10-30 16:06:05 UTC",
      "                 RTC time: Thu 2025-10-30 16:06:05",
      "                Time zone: Etc/UTC (UTC, +0000)",
      "System clock synchronized: yes",
      "              NTP service: active",
      "          RTC in local TZ: no",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect(await run(node, "timedatectl frob")).toEqual({ out: "", err: "Unknown command verb frob.\n", code: 1 });
});
