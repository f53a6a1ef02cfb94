/** The tables on their own: iptables 1.8.7's listing layouts, save order, errors and restore. */
import { describe, expect, it } from "vitest";
import { Netfilter } from "./iptables";
import { runIptables } from "./iptables-cli";
import { saveTables } from "./iptables-list";
import { restoreTables } from "./iptables-restore";

const NOW = Date.UTC(2025, 9, 30, 16, 6, 0);

function tables() {
  const nf = new Netfilter();
  const ipt = (line: string) => runIptables(nf, line.split(" "));
  return { nf, ipt };
}

describe("iptables", () => {
  it("prints rules in iptables-save's order whatever order they were typed in", () => {
    const { nf, ipt } = tables();
    expect(ipt("-N KUBE-X").exitCode).toBe(0);
    ipt("-A KUBE-X -j DROP -p tcp --dport 80 -m comment --comment web ! -i azv+ -d 10.0.142.17");
    ipt("-A KUBE-X -m conntrack ! --ctstate RELATED,DNAT,ESTABLISHED -s 127.0.0.1/8 -j REJECT");
    expect(runIptables(nf, ["-S", "KUBE-X"]).stdout).toBe(
      `-N KUBE-X
-A KUBE-X -d 10.0.142.17/32 ! -i azv+ -p tcp -m tcp --dport 80 -m comment --comment web -j DROP
-A KUBE-X -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j REJECT --reject-with icmp-port-unreachable
`,
    );
  });

  it("lists with -L -n -v --line-numbers in iptables' columns", () => {
    const { nf, ipt } = tables();
    ipt("-I FORWARD -d 168.63.129.16 -p tcp --dport 80 -j DROP");
    ipt("-N KUBE-FIREWALL");
    ipt("-I INPUT -j KUBE-FIREWALL");
    restoreTables(
      nf,
      `*filter
:KUBE-FIREWALL - [0:0]
-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
COMMIT
`,
      { noflush: true },
    );
    expect(runIptables(nf, ["-L", "-n", "-v", "--line-numbers"]).stdout).toBe(
      `Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 KUBE-FIREWALL  all  --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 DROP       tcp  --  *      *       0.0.0.0/0            168.63.129.16        tcp dpt:80

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         

Chain KUBE-FIREWALL (1 references)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 DROP       all  --  *      *      !127.0.0.0/8          127.0.0.0/8          /* block incoming localnet connections */ ! ctstate RELATED,ESTABLISHED,DNAT
`,
    );
    expect(runIptables(nf, ["-L", "FORWARD"]).stdout).toBe(
      `Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         
DROP       tcp  --  anywhere             168.63.129.16        tcp dpt:http
`,
    );
  });

  it("answers bad input with iptables' words and exit codes, and changes nothing", () => {
    const { nf, ipt } = tables();
    const before = saveTables(nf, NOW);
    expect(ipt("-A NOPE -j ACCEPT")).toEqual({
      stdout: "",
      stderr: "iptables: No chain/target/match by that name.\n",
      exitCode: 1,
    });
    expect(ipt("-A INPUT -j FOO")).toEqual({
      stdout: "",
      stderr:
        "iptables v1.8.7 (nf_tables): Couldn't load target `FOO':No such file or directory\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
      exitCode: 2,
    });
    expect(ipt("-A INPUT -m nosuch -j ACCEPT").stderr).toBe(
      "iptables v1.8.7 (nf_tables): Couldn't load match `nosuch':No such file or directory\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
    expect(ipt("-A INPUT --dport 80 -j ACCEPT")).toEqual({
      stdout: "",
      stderr:
        "iptables v1.8.7 (nf_tables): unknown option \"--dport\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
      exitCode: 2,
    });
    expect(ipt("-C INPUT -p tcp --dport 22 -j ACCEPT")).toEqual({
      stdout: "",
      stderr: "iptables: Bad rule (does a matching rule exist in that chain?).\n",
      exitCode: 1,
    });
    expect(ipt("-D INPUT 3").stderr).toBe("iptables: Index of deletion too big.\n");
    expect(ipt("-P KUBE-NOPE DROP").stderr).toBe("iptables: Bad built-in chain name.\n");
    expect(ipt("-t mangel -L")).toEqual({
      stdout: "",
      stderr:
        "iptables v1.8.7 (nf_tables): table 'mangel' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n",
      exitCode: 3,
    });
    expect(ipt("-A INPUT -s 10.0.0 -j DROP").stderr).toBe(
      "iptables v1.8.7 (nf_tables): host/network `10.0.0' not found\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
    expect(runIptables(nf, []).stderr).toBe(
      "iptables v1.8.7 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
    expect(saveTables(nf, NOW)).toBe(before);
    expect(ipt("-V")).toEqual({ stdout: "iptables v1.8.7 (nf_tables)\n", stderr: "", exitCode: 0 });
  });

  it("deletes by rule or number, refuses to delete a chain still jumped to, keeps chains on -F", () => {
    const { nf, ipt } = tables();
    ipt("-N KUBE-A");
    ipt("-A INPUT -p udp --dport 53 -j KUBE-A");
    ipt("-A INPUT -j ACCEPT");
    expect(ipt("-X KUBE-A").stderr).toBe("iptables: Too many links.\n");
    expect(ipt("-D INPUT -p udp --dport 53 -j KUBE-A").exitCode).toBe(0);
    expect(ipt("-D INPUT 1").exitCode).toBe(0);
    ipt("-A KUBE-A -j RETURN");
    ipt("-F");
    expect(runIptables(nf, ["-S"]).stdout).toBe("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N KUBE-A\n");
    expect(ipt("-X").exitCode).toBe(0);
    expect(runIptables(nf, ["-S"]).stdout).toBe("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
  });

  it("restores a table atomically: a bad line leaves it as it was", () => {
    const { nf } = tables();
    expect(
      restoreTables(nf, "*nat\n:KUBE-SVC-X - [0:0]\n-A KUBE-SVC-X -j DNAT --to-destination 10.224.0.9:80\nCOMMIT\n")
        .exitCode,
    ).toBe(0);
    const before = saveTables(nf, NOW, { table: "nat" });
    expect(
      restoreTables(nf, "*nat\n:KUBE-SVC-X - [0:0]\n-D KUBE-SVC-X -j ACCEPT\nCOMMIT\n", { noflush: true }),
    ).toEqual({
      stdout: "",
      stderr: "iptables-restore: line 3 failed\n",
      exitCode: 1,
    });
    expect(restoreTables(nf, "*nat\n-A KUBE-SVC-X -j KUBE-NOPE\nCOMMIT\n", { noflush: true })).toEqual({
      stdout: "",
      stderr:
        "iptables-restore v1.8.7 (nf_tables): Couldn't load target `KUBE-NOPE':No such file or directory\n\nError occurred at line: 2\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n",
      exitCode: 2,
    });
    expect(saveTables(nf, NOW, { table: "nat" })).toBe(before);
    expect(before).toBe(`# Generated by iptables-save v1.8.7 on Thu Oct 30 16:06:00 2025
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-SVC-X - [0:0]
-A KUBE-SVC-X -j DNAT --to-destination 10.224.0.9:80
COMMIT
# Completed on Thu Oct 30 16:06:00 2025
`);
  });

  it("keeps statistic's 31-bit probability and MARK's (mark, mask) as iptables stores them", () => {
    const { nf } = tables();
    restoreTables(
      nf,
      "*nat\n:KUBE-MARK-MASQ - [0:0]\n-A KUBE-MARK-MASQ -m statistic --mode random --probability 0.3333333333 -j MARK --or-mark 0x4000\n-A KUBE-MARK-MASQ -j MARK --xor-mark 0x4000\nCOMMIT\n",
    );
    expect(runIptables(nf, ["-t", "nat", "-S", "KUBE-MARK-MASQ"]).stdout).toBe(
      `-N KUBE-MARK-MASQ
-A KUBE-MARK-MASQ -m statistic --mode random --probability 0.33333333349 -j MARK --set-xmark 0x4000/0x4000
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x0
`,
    );
    expect(runIptables(nf, ["-t", "nat", "-L", "KUBE-MARK-MASQ", "-n"]).stdout).toBe(
      `Chain KUBE-MARK-MASQ (0 references)
target     prot opt source               destination         
MARK       all  --  0.0.0.0/0            0.0.0.0/0            statistic mode random probability 0.33333333349 MARK or 0x4000
MARK       all  --  0.0.0.0/0            0.0.0.0/0            MARK xor 0x4000
`,
    );
  });
});
