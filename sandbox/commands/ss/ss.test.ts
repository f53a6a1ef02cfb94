/**
 * `ss` on a fresh node: the kubelet's healthz and API, containerd's streaming and metrics
 * servers, sshd (one socket per family, backlog 128), resolved's stub and chronyd's command
 * port, as iproute2 5.15 prints them when stdout is not a terminal.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("lists the node's listening sockets with their processes", async () => {
  const node = freshNode();
  expect(await run(node, "ss -tulpn")).toEqual({
    out: `Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                                   
udp   UNCONN 0      0         127.0.0.53:53         0.0.0.0:*    users:(("systemd-resolve",pid=404,fd=13))
udp   UNCONN 0      0          127.0.0.1:323        0.0.0.0:*    users:(("chronyd",pid=583,fd=5))         
tcp   LISTEN 0      4096       127.0.0.1:10248      0.0.0.0:*    users:(("kubelet",pid=824,fd=10))        
tcp   LISTEN 0      4096       127.0.0.1:35275      0.0.0.0:*    users:(("containerd",pid=813,fd=11))     
tcp   LISTEN 0      4096      127.0.0.53:53         0.0.0.0:*    users:(("systemd-resolve",pid=404,fd=14))
tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=688,fd=3))            
tcp   LISTEN 0      4096               *:10249            *:*    users:(("kube-proxy",pid=867,fd=10))     
tcp   LISTEN 0      4096               *:10250            *:*    users:(("kubelet",pid=824,fd=11))        
tcp   LISTEN 0      4096               *:10256            *:*    users:(("kube-proxy",pid=867,fd=11))     
tcp   LISTEN 0      4096               *:10257            *:*    users:(("containerd",pid=813,fd=12))     
tcp   LISTEN 0      128             [::]:22            [::]:*    users:(("sshd",pid=688,fd=4))            
`,
    err: "",
    code: 0,
  });
  expect(await run(node, "ss -lnt")).toEqual({
    out: `State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
LISTEN 0      4096       127.0.0.1:10248      0.0.0.0:*          
LISTEN 0      4096       127.0.0.1:35275      0.0.0.0:*          
LISTEN 0      4096      127.0.0.53:53         0.0.0.0:*          
LISTEN 0      128          0.0.0.0:22         0.0.0.0:*          
LISTEN 0      4096               *:10249            *:*          
LISTEN 0      4096               *:10250            *:*          
LISTEN 0      4096               *:10256            *:*          
LISTEN 0      4096               *:10257            *:*          
LISTEN 0      128             [::]:22            [::]:*          
`,
    err: "",
    code: 0,
  });

  // A pod's namespace holds none of the node's sockets.
  expect((await run(node, "ip netns exec $(ip netns list | tail -1 | cut -d' ' -f1) ss -lnt")).out).toBe(
    "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n",
  );
  expect(await run(node, "ss -z")).toEqual({
    out: "",
    err: "ss: invalid option -- 'z'\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n",
    code: 255,
  });
});
