/**
 * kube-proxy on the healthy node: the rules a fresh node has, a Service and Deployment turned
 * into rules that curl follows to a pod, a flushed nat table that stays broken until the
 * kube-proxy container restarts, and probabilities that follow the endpoint count.
 */
import { describe, expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

async function withWeb() {
  const node = freshNode();
  await run(node, `cat > /root/web.yaml <<'EOF'\n${WEB}EOF`);
  await run(node, "kubectl apply -f /root/web.yaml; sleep 10");
  return node;
}

describe("kube-proxy", () => {
  it("has written the real ruleset of a fresh node: mangle, filter and nat", async () => {
    const node = freshNode();
    await expect((await run(node, "iptables-save -t mangle")).out).toMatchFileSnapshot(
      "__snapshots__/fresh-node-mangle.txt",
    );
    await expect((await run(node, "iptables-save -t filter")).out).toMatchFileSnapshot(
      "__snapshots__/fresh-node-filter.txt",
    );
    await expect((await run(node, "iptables-save -t nat")).out).toMatchFileSnapshot("__snapshots__/fresh-node-nat.txt");
    expect((await run(node, "curl -s http://127.0.0.1:10256/healthz")).out).toBe(
      '{"lastUpdated": "2025-10-30 16:02:53.287 +0000 UTC m=+7200.000000000","currentTime": "2025-10-30 16:06:00.417 +0000 UTC m=+7387.130000000", "nodeEligible": true}',
    );
  });

  it("renders a Service and its endpoints, and curl follows the DNAT to a pod", async () => {
    const node = await withWeb();
    expect((await run(node, "kubectl get svc web")).out).toBe(
      "NAME   TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\nweb    NodePort   10.0.36.36   <none>        80:30443/TCP   10s\n",
    );
    expect((await run(node, "iptables-save -t nat | grep -E 'default/web|KUBE-NODEPORTS'")).out).toBe(
      `:KUBE-NODEPORTS - [0:0]
-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ
-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30443 -j KUBE-EXT-LOLE4ISW44XBNF3G
-A KUBE-SEP-FXZH4DO26G6A6QFC -s 10.224.0.14/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-FXZH4DO26G6A6QFC -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.224.0.14:80
-A KUBE-SEP-QMLBUYPKOAGBDOQW -s 10.224.0.15/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-QMLBUYPKOAGBDOQW -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.224.0.15:80
-A KUBE-SERVICES -d 10.0.36.36/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-LOLE4ISW44XBNF3G -d 10.0.36.36/32 ! -i azv+ -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.224.0.14:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-FXZH4DO26G6A6QFC
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.224.0.15:80" -j KUBE-SEP-QMLBUYPKOAGBDOQW
`,
    );
    expect(await run(node, "curl -s http://10.0.36.36/ | grep '<title>'")).toEqual({
      out: "<title>Welcome to nginx!</title>\n",
      err: "",
      code: 0,
    });
    expect((await run(node, "curl -sI http://10.224.0.4:30443/")).out).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\nDate: Thu, 30 Oct 2025 16:06:10 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Wed, 16 Apr 2025 12:01:11 GMT\r\nConnection: keep-alive\r\nETag: "67ff9c07-267"\r\nAccept-Ranges: bytes\r\n\r\n',
    );
  });

  it("leaves Services dead after `iptables -t nat -F` until the kube-proxy container restarts", async () => {
    const node = await withWeb();
    await run(node, "iptables -t nat -F");
    expect(await run(node, "curl -sS --connect-timeout 3 http://10.0.36.36/; date +%T")).toEqual({
      out: "16:06:13\n",
      err: "curl: (28) Connection timed out after 3001 milliseconds\n",
      code: 0,
    });
    // The canaries are chains, and -F keeps chains: nothing tells kube-proxy the rules are gone.
    expect(await run(node, "sleep 60; curl -sS http://10.0.36.36/")).toEqual({
      out: "",
      err: "curl: (28) Failed to connect to 10.0.36.36 port 80 after 127001 ms: Connection timed out\n",
      code: 28,
    });
    expect((await run(node, "iptables -t nat -S OUTPUT")).out).toBe("-P OUTPUT ACCEPT\n");
    await run(node, "crictl stop $(crictl ps -q --name kube-proxy); sleep 11");
    expect((await run(node, "iptables -t nat -S OUTPUT")).out).toBe(
      '-P OUTPUT ACCEPT\n-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES\n',
    );
    expect((await run(node, "curl -s http://10.0.36.36/ | grep '<title>'")).out).toBe(
      "<title>Welcome to nginx!</title>\n",
    );
  });

  it("spreads the probabilities over the endpoints, and rejects a service with none", async () => {
    const node = await withWeb();
    await run(node, "sed -i 's/replicas: 2/replicas: 3/' /root/web.yaml; kubectl apply -f /root/web.yaml; sleep 10");
    expect(
      (await run(node, "iptables -t nat -S KUBE-SVC-LOLE4ISW44XBNF3G | grep statistic | cut -d' ' -f 6-")).out,
    ).toBe(
      `"default/web -> 10.224.0.14:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-FXZH4DO26G6A6QFC
"default/web -> 10.224.0.15:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-QMLBUYPKOAGBDOQW
`,
    );
    await run(node, "sed -i 's/replicas: 3/replicas: 0/' /root/web.yaml; kubectl apply -f /root/web.yaml; sleep 40");
    expect((await run(node, "iptables-save -t filter | grep default/web")).out).toBe(
      `-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30443 -j REJECT --reject-with icmp-port-unreachable
-A KUBE-SERVICES -d 10.0.36.36/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
`,
    );
    expect(await run(node, "curl http://10.0.36.36/")).toEqual({
      out: "",
      err: "curl: (7) Failed to connect to 10.0.36.36 port 80 after 0 ms: Connection refused\n",
      code: 7,
    });
    // Its chains are gone from nat: flushed and deleted in the same restore.
    expect(
      await run(node, "iptables-save -t nat | grep -c default/web; iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G"),
    ).toEqual({
      out: "0\n",
      err: "iptables: No chain/target/match by that name.\n",
      code: 1,
    });
  });
});

it("tells the page which rules the last connection matched, in order", async () => {
  const node = await withWeb();
  await run(node, "curl -s -o /dev/null http://10.0.36.36/");
  const trace = node.lastPacketTrace();
  expect(trace?.from).toEqual({ address: "10.0.36.36", port: 80 });
  expect(trace?.to).toEqual({ address: "10.224.0.15", port: 80 });
  expect(trace?.outcome).toBe("accepted");
  expect(trace?.rules.map((r) => `${r.table} ${r.rule}`)).toEqual([
    'nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    'nat -A KUBE-SERVICES -d 10.0.36.36/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G',
    'nat -A KUBE-SVC-LOLE4ISW44XBNF3G -d 10.0.36.36/32 ! -i azv+ -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    "nat -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
    // The statistic rule (p = 0.5) for 10.224.0.14 did not match this time: the draw fell through.
    'nat -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.224.0.15:80" -j KUBE-SEP-QMLBUYPKOAGBDOQW',
    'nat -A KUBE-SEP-QMLBUYPKOAGBDOQW -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.224.0.15:80',
    'filter -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    'filter -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    "filter -A OUTPUT -j KUBE-FIREWALL",
    'nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    "nat -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
    'nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ]);
});
