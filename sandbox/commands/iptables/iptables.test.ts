/** The commands on the node: who wrote which rules, and the save/restore programs' edges. */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("adds two WireServer DROP rules on every kubelet start, as AKS's kubelet.sh does", async () => {
  const node = freshNode();
  const drops = "iptables -S FORWARD | grep 168.63.129.16";
  expect((await run(node, drops)).out).toBe(
    `-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 32526 -j DROP
-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 80 -j DROP
`,
  );
  await run(node, "systemctl restart kubelet");
  expect((await run(node, "iptables -S FORWARD")).out).toBe(
    `-P FORWARD ACCEPT
-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 32526 -j DROP
-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 80 -j DROP
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 32526 -j DROP
-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 80 -j DROP
`,
  );
});

it("restores from a file or stdin, and refuses what iptables-restore refuses", async () => {
  const node = freshNode();
  await run(node, "printf '*filter\\n:LAB - [0:0]\\n-A LAB -p udp --dport 53 -j ACCEPT\\nCOMMIT\\n' > /root/lab.rules");
  expect(await run(node, "iptables-restore --noflush /root/lab.rules && iptables -S LAB")).toEqual({
    out: "-N LAB\n-A LAB -p udp -m udp --dport 53 -j ACCEPT\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "printf '*filter\\n-A LAB -j NOPE\\nCOMMIT\\n' | iptables-restore --noflush")).toEqual({
    out: "",
    err: "iptables-restore v1.8.7 (nf_tables): Couldn't load target `NOPE':No such file or directory\n\nError occurred at line: 2\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n",
    code: 2,
  });
  expect(await run(node, "printf '*filter\\n-A LAB -j DROP\\n' | iptables-restore --noflush")).toEqual({
    out: "",
    err: "iptables-restore: COMMIT expected at line 3\n",
    code: 1,
  });
  expect(await run(node, "iptables-restore /root/nope")).toEqual({
    out: "",
    err: "iptables-restore v1.8.7 (nf_tables): Can't open /root/nope: No such file or directory\n",
    code: 1,
  });
  expect(await run(node, "iptables-save --bogus")).toEqual({
    out: "",
    err: "iptables-save: unrecognized option '--bogus'\nLook at manual page `iptables-save.8' for more information.\n",
    code: 1,
  });
  expect(await run(node, "iptables-save -t raw")).toEqual({ out: "", err: "", code: 0 });
});
