import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox";
import { freshNode } from "../../test-helpers";

let node: Sandbox;
beforeAll(() => {
  node = freshNode();
});

/** Complete at the end of `line`: the matches, and where the replaced word starts. */
const at = (line: string) => node.complete(line, Array.from(line).length);

describe("tab completion on the node", () => {
  it("completes a unit for systemctl status", () => {
    expect(at("systemctl status kub")).toEqual({
      start: 17,
      matches: ["kubelet.service"],
      filenames: false,
      noSpace: false,
    });
  });

  it("offers only running units to stop and stopped ones to start", async () => {
    expect(at("systemctl stop snap").matches).toEqual(["snapshot-update.timer"]);
    expect(at("systemctl start snap").matches).toEqual(["snapshot-update.service"]);
    await node.exec("systemctl stop kubelet");
    expect(at("systemctl start kube").matches).toEqual(["kubelet.service"]);
    expect(at("systemctl stop kube").matches).toEqual([]);
    await node.exec("systemctl start kubelet");
  });

  it("completes systemctl verbs", () => {
    expect(at("systemctl res").matches).toEqual(["rescue", "reset-failed", "restart"]);
  });

  it("completes commands in the first word, after a pipe too", () => {
    expect(at("journ").matches).toEqual(["journalctl"]);
    expect(at("ls | gr").matches).toEqual(["grep"]);
    expect(at("iptables-nft-").matches).toEqual(["iptables-nft-restore", "iptables-nft-save"]);
  });

  it("completes paths: directories end in /", () => {
    expect(at("cat /etc/os-")).toEqual({ start: 4, matches: ["/etc/os-release"], filenames: true, noSpace: false });
    expect(at("ls /etc/kub").matches).toEqual(["/etc/kubernetes/"]);
    expect(at("cd /var/lib/kube").matches).toEqual(["/var/lib/kubelet/"]);
  });

  it("completes journalctl -u with the units in the journal", () => {
    expect(at("journalctl -u kube").matches).toEqual(["kubelet.service"]);
  });

  it("completes kubectl verbs, resource types and live names", () => {
    expect(at("kubectl desc").matches).toEqual(["describe"]);
    expect(at("kubectl get po").matches).toEqual(["poddisruptionbudgets.policy", "pods"]);
    expect(at("kubectl -n kube-system describe pod cored").matches).toEqual([
      "coredns-77dd5bf899-lxw69",
      "coredns-77dd5bf899-vm245",
      "coredns-autoscaler-58cfddcddb-m9265",
    ]);
    expect(at("kubectl get -n kube-system pod/coredns-77").matches).toEqual([
      "pod/coredns-77dd5bf899-lxw69",
      "pod/coredns-77dd5bf899-vm245",
    ]);
    expect(at("kubectl -n kube-system logs po/coredns-a").matches).toEqual(["po/coredns-autoscaler-58cfddcddb-m9265"]);
    expect(at("kubectl describe pod cored").matches).toEqual([]);
    expect(at("kubectl get pods -n kube-").matches).toEqual(["kube-node-lease", "kube-public", "kube-system"]);
  });

  it("completes crictl commands and container IDs", () => {
    expect(at("crictl insp").matches).toEqual(["inspect", "inspecti", "inspectp"]);
    expect(at("crictl logs ").matches.every((m) => m.length === 13)).toBe(true);
  });

  it("completes ip objects and iptables tables and chains", () => {
    expect(at("ip ro").matches).toEqual(["route"]);
    expect(at("ip link show dev e").matches).toEqual(["eth0"]);
    expect(at("iptables -t n").matches).toEqual(["nat"]);
    expect(at("iptables -t nat -L KUBE-SE").matches).toEqual([
      "KUBE-SEP-24FDV636TWGUFAPA",
      "KUBE-SEP-M7D4TRPAWXXY3RIC",
      "KUBE-SEP-OZ2EEVAFCTBCWHHW",
      "KUBE-SEP-PUALGZ3QL44IGZDA",
      "KUBE-SEP-TGTH74NZUASQJRDW",
      "KUBE-SEP-WQDGZCN3UF6UPQZM",
      "KUBE-SEP-XHPWATVP25X44JE2",
      "KUBE-SERVICES",
    ]);
    expect(at("iptables -t filter -j KUBE-F").matches).toEqual(["KUBE-FIREWALL", "KUBE-FORWARD"]);
  });
});
