/**
 * CNI ADD and DEL through state: a pod created gets its namespace, a host veth named from
 * sha1("default.web"), a /32 route and its lines in the plugins' logs and state files; deleted,
 * all of it goes (the veth with the namespace containerd removes).
 */
import { expect, it } from "vitest";
import { faultNode } from "../scenarios/fault-node";

it("plumbs a new pod's network on ADD and takes it down on DEL", async () => {
  const node = faultNode("healthy");
  node.createPod({ name: "web", containers: [{ name: "web", image: "nginx:1.27" }] });
  expect((await node.run("kubectl get pod web -o wide | awk '{print $3, $6}'")).out).toBe(
    "STATUS IP\nRunning 10.224.0.14\n",
  );
  // `echo -n default.web | sha1sum` starts 68caf03a5f4: the veth's name.
  expect((await node.run("ip -br link | tail -1")).out).toBe(
    "azv68caf03a5f4@if21 UP             aa:aa:aa:aa:aa:aa <BROADCAST,MULTICAST,UP,LOWER_UP> \n",
  );
  expect((await node.run("ip route | grep azv68")).out).toBe("10.224.0.14 dev azv68caf03a5f4 scope link \n");
  const ns = (await node.run("ip netns list | head -1")).out;
  expect(ns).toBe("cni-442f0b39-f7c9-124f-bfda-7d508318682d (id: 9)\n");
  expect((await node.run("ip netns exec cni-442f0b39-f7c9-124f-bfda-7d508318682d ip -br a")).out).toBe(
    "lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0@if22        UP             10.224.0.14/16 fe80::e850:46ff:fe89:68c9/64 \n",
  );
  const netns = "/var/run/netns/cni-442f0b39-f7c9-124f-bfda-7d508318682d";
  // The CRI view agrees: the sandbox's IP and the namespace the CNI plugin was given.
  expect(
    (
      await node.run(
        `crictl inspectp $(crictl pods -q --name '^web$') | jq -c '[.status.network.ip, (.info.runtimeSpec.linux.namespaces[] | select(.type=="network") | .path)]'`,
      )
    ).out,
  ).toBe(`["10.224.0.14","${netns}"]\n`);
  const at = (msg: string, pid: number, extra = "") =>
    `{"level":"info","ts":"2025-10-30T16:06:00.417Z","msg":"${msg}","pid":${pid}${extra}}`;
  expect((await node.run("grep -c . /var/log/azure-vnet.log; tail -n 4 /var/log/azure-vnet.log")).out).toBe(
    [
      "110",
      at("Setting link netns", 18771, `,"containerVethName":"azv68caf03a5f42","NetNsPath":"${netns}"`),
      at(
        "Adding static arp for IP address and MAC in Container namespace",
        18771,
        ',"address":"169.254.1.1/32","hostVethMac":"aa:aa:aa:aa:aa:aa"',
      ),
      at(
        "CNI ADD succeeded : IP:[{Version:4 Interface:<nil> Address:{IP:10.224.0.14 Mask:ffff0000} Gateway:10.224.0.1}], VlanID: 0, podname web, namespace default numendpoints:10",
        18771,
        ',"component":"cni-net"',
      ),
      at("[cni-net] ADD command completed for", 18771, ',"pod":"web","IPs":"[10.224.0.14/16]","err":null'),
      "",
    ].join("\n"),
  );
  expect((await node.run("tail -n 2 /var/log/azure-vnet-ipam.log | head -1")).out).toBe(
    `${at("[cni-ipam] Allocated address", 9248, ',"poolID":"10.224.0.0/16","address":"10.224.0.14/16"')}\n`,
  );
  expect(
    (
      await node.run(
        `jq -c '.Network.ExternalInterfaces.eth0.Networks.azure.Endpoints["65fbfab8-eth0"] | [.HostIfName, .IPAddresses, .PODName]' /var/run/azure-vnet.json`,
      )
    ).out,
  ).toBe('["azv68caf03a5f4",[{"IP":"10.224.0.14","Mask":"//8AAA=="}],"web"]\n');
  expect(
    (
      await node.run(
        `jq -c '.IPAM.AddressSpaces.local.Pools["10.224.0.0/16"].Addresses["10.224.0.14"]' /var/run/azure-vnet-ipam.json`,
      )
    ).out,
  ).toBe('{"ID":"65fbfab8-eth0","Addr":"10.224.0.14","InUse":true}\n');

  node.deletePod("web");
  await node.run("sleep 5");
  expect(await node.run("kubectl get pod web")).toEqual({
    out: "",
    err: 'Error from server (NotFound): pods "web" not found\n',
    code: 1,
  });
  expect(
    (
      await node.run(
        "ip -br link | grep -c azv68; ip route | grep -c 10.224.0.14; ls /var/run/netns | grep -c 442f0b39",
      )
    ).out,
  ).toBe("0\n0\n0\n");
  expect((await node.run("tail -n 3 /var/log/azure-vnet.log")).out).toBe(
    [
      '{"level":"info","ts":"2025-10-30T16:06:00.417Z","msg":"[cni-net] Deleting endpoint","pid":15261,"endpointID":"65fbfab8-eth0"}',
      '{"level":"info","ts":"2025-10-30T16:06:00.417Z","msg":"Deleting route for the","pid":15261,"ip":"10.224.0.14/32"}',
      '{"level":"info","ts":"2025-10-30T16:06:00.417Z","msg":"[cni-net] DEL command completed for","pid":15261,"pod":"web","err":null}',
      "",
    ].join("\n"),
  );
  expect(
    (
      await node.run(
        `jq -c '.IPAM.AddressSpaces.local.Pools["10.224.0.0/16"].Addresses["10.224.0.14"]' /var/run/azure-vnet-ipam.json`,
      )
    ).out,
  ).toBe('{"ID":"","Addr":"10.224.0.14","InUse":false}\n');
});
