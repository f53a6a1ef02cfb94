/**
 * dig and nslookup against CoreDNS at 10.0.0.10 and the host's systemd-resolved stub: answers
 * come from cluster state through kube-proxy's DNAT, and fail as the tools print it when the
 * rules are flushed, the Service has no endpoints or the stub is not in the namespace.
 */
import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const NS = "cni-daa01a61-31a2-0f2b-9f4f-d7f340b40301";

describe("dig and nslookup", () => {
  it("asks CoreDNS through the kube-dns ClusterIP; the host's stub cannot answer cluster names", async () => {
    const node = freshNode();
    expect(await run(node, "dig @10.0.0.10 kubernetes.default.svc.cluster.local")).toEqual({
      out: `
; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> @10.0.0.10 kubernetes.default.svc.cluster.local
; (1 server found)
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 52592
;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 934fd41606449898 (echoed)
;; QUESTION SECTION:
;kubernetes.default.svc.cluster.local. IN A

;; ANSWER SECTION:
kubernetes.default.svc.cluster.local. 30 IN A\t10.0.0.1

;; Query time: 0 msec
;; SERVER: 10.0.0.10#53(10.0.0.10) (UDP)
;; WHEN: Thu Oct 30 16:06:00 UTC 2025
;; MSG SIZE  rcvd: 129

`,
      err: "",
      code: 0,
    });
    // The packet went through kube-proxy's rules to a CoreDNS pod, as the page's trace shows.
    const trace = node.lastPacketTrace();
    expect(trace?.to.port).toBe(53);
    expect(["10.224.0.7", "10.224.0.8"]).toContain(trace?.to.address);
    expect(trace?.rules.map((r) => r.chain)).toContain("KUBE-SVC-TCOU7JCQXEZGVUNU");

    expect(await run(node, "dig +short @10.0.0.10 metrics-server.kube-system.svc.cluster.local")).toEqual({
      out: "10.0.148.201\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "nslookup kubernetes.default.svc.cluster.local 10.0.0.10")).toEqual({
      out: "Server:\t\t10.0.0.10\nAddress:\t10.0.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.0.0.1\n\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "nslookup 10.0.0.10 10.0.0.10")).toEqual({
      out: "Server:\t\t10.0.0.10\nAddress:\t10.0.0.10#53\n\n10.0.0.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n\n",
      err: "",
      code: 0,
    });
    // /etc/resolv.conf sends the host to systemd-resolved, which keeps .local off unicast DNS.
    expect(await run(node, "nslookup kubernetes.default.svc.cluster.local")).toEqual({
      out: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find kubernetes.default.svc.cluster.local: SERVFAIL\n\n",
      err: "",
      code: 1,
    });
    expect(await run(node, "dig +noall +answer +comments kubernetes.default.svc.cluster.local")).toEqual({
      out: `;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 8499
;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 65494
`,
      err: "",
      code: 0,
    });
  });

  it("answers NXDOMAIN with the zone's SOA, and the node's own name through the VNet's DNS", async () => {
    const node = freshNode();
    const out = (await run(node, "dig @10.0.0.10 nope.default.svc.cluster.local")).out;
    expect(out.split("\n").slice(7, 24).join("\n")).toBe(`;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 52592
;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 934fd41606449898 (echoed)
;; QUESTION SECTION:
;nope.default.svc.cluster.local. IN\tA

;; AUTHORITY SECTION:
cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1761832973 7200 1800 86400 30

;; Query time: 0 msec
;; SERVER: 10.0.0.10#53(10.0.0.10) (UDP)
;; WHEN: Thu Oct 30 16:06:00 UTC 2025
;; MSG SIZE  rcvd: 164`);
    expect(await run(node, "nslookup nope.default.svc.cluster.local 10.0.0.10")).toEqual({
      out: "Server:\t\t10.0.0.10\nAddress:\t10.0.0.10#53\n\n** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n",
      err: "",
      code: 1,
    });
    // The search domain DHCP gave (the VNet's suffix) completes the node's short name.
    expect(await run(node, "nslookup aks-nodepool1-12345678-vmss000000.")).toEqual({
      out: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\taks-nodepool1-12345678-vmss000000\nAddress: 10.224.0.4\n\n",
      err: "",
      code: 0,
    });
  });

  it("times out after the nat table is flushed, and is refused once the Service has no endpoints", async () => {
    const node = freshNode();
    await run(node, "iptables -t nat -F");
    const before = node.clock.now();
    expect(await run(node, "dig @10.0.0.10 kubernetes.default.svc.cluster.local")).toEqual({
      out: `;; communications error to 10.0.0.10#53: timed out
;; communications error to 10.0.0.10#53: timed out
;; communications error to 10.0.0.10#53: timed out

; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> @10.0.0.10 kubernetes.default.svc.cluster.local
; (1 server found)
;; global options: +cmd
;; no servers could be reached
`,
      err: "",
      code: 9,
    });
    // Three tries of five seconds each on the simulated clock.
    expect(node.clock.now() - before).toBe(15_000);
    expect(await run(node, "nslookup kubernetes.default.svc.cluster.local 10.0.0.10")).toEqual({
      out: ";; communications error to 10.0.0.10#53: timed out\n".repeat(3) + ";; no servers could be reached\n\n",
      err: "",
      code: 1,
    });

    const fresh = freshNode();
    await run(fresh, "kubectl scale deploy coredns -n kube-system --replicas=0");
    await run(fresh, "sleep 40");
    expect(await run(fresh, "dig +short @10.0.0.10 kubernetes.default.svc.cluster.local")).toEqual({
      out:
        ";; communications error to 10.0.0.10#53: connection refused\n".repeat(3) + ";; no servers could be reached\n",
      err: "",
      code: 9,
    });
  });

  it("keeps the host's resolv.conf under nsenter -n, where no stub listens on 127.0.0.53", async () => {
    const node = freshNode();
    const pause = (await run(node, `ip netns pids ${NS} | head -1`)).out.trim();
    expect(await run(node, `nsenter -t ${pause} -n nslookup kubernetes.default.svc.cluster.local`)).toEqual({
      out:
        ";; communications error to 127.0.0.53#53: connection refused\n".repeat(3) +
        ";; no servers could be reached\n\n",
      err: "",
      code: 1,
    });
    expect(
      (await run(node, `nsenter -t ${pause} -n dig +short @10.0.0.10 kube-dns.kube-system.svc.cluster.local`)).out,
    ).toBe("10.0.0.10\n");
  });

  it("rejects bad input as dig does", async () => {
    const node = freshNode();
    expect(await run(node, "dig +bogus x")).toEqual({
      out: "",
      err: `Invalid option: +bogus
Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
`,
      code: 1,
    });
    expect(await run(node, "dig @nowhere x")).toEqual({
      out: "",
      err: "dig: couldn't get address for 'nowhere': not found\n",
      code: 10,
    });
  });
});
