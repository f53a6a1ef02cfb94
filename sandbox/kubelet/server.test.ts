import { expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";

// The kubelet serves what its flags say, read once at start: AKS's hardening flags keep port
// 10255 closed and answer 401 on 10250; without them the legacy defaults come back.
it("answers 401 on 10250 and keeps 10255 closed with AKS's flags", async () => {
  const node = freshNode();
  expect(await run(node, "curl -k https://localhost:10250/pods")).toEqual({ out: "Unauthorized", err: "", code: 0 });
  expect(await run(node, "curl http://localhost:10255/pods")).toEqual({
    out: "",
    err: "curl: (7) Failed to connect to localhost port 10255 after 0 ms: Connection refused\n",
    code: 7,
  });
});

it("opens the read-only port and lets anonymous requests reach the authorizer once the flags change", async () => {
  const node = freshNode();
  await run(
    node,
    "sed -i 's/--read-only-port=0/--read-only-port=10255/; s/--anonymous-auth=false/--anonymous-auth=true/' /etc/default/kubelet && systemctl restart kubelet",
  );
  expect(await run(node, "curl -k https://localhost:10250/pods")).toEqual({
    out: "Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)",
    err: "",
    code: 0,
  });
  expect(await run(node, "curl -sk https://localhost:10250/stats/summary")).toEqual({
    out: "Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=stats)",
    err: "",
    code: 0,
  });
  expect(
    await run(node, "curl -s localhost:10255/pods | jq -r '.kind, (.items | length), .items[0].metadata.name'"),
  ).toEqual({
    out: "PodList\n14\nama-logs-nmmdg\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "curl -sI localhost:10255/pods")).toEqual({
    out: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Thu, 30 Oct 2025 16:06:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "ss -tln | grep -c ':10255 '")).toEqual({ out: "1\n", err: "", code: 0 });
});

it("falls back to the kubelet's legacy defaults when the flags are gone: anonymous and AlwaysAllow", async () => {
  const node = freshNode();
  await run(
    node,
    "sed -i 's/ --anonymous-auth=false//; s/ --authorization-mode=Webhook//; s/ --read-only-port=0//' /etc/default/kubelet && systemctl restart kubelet",
  );
  expect(await run(node, "curl -sk https://localhost:10250/pods | jq -r .kind")).toEqual({
    out: "PodList\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "curl -s localhost:10255/healthz")).toEqual({ out: "ok", err: "", code: 0 });
});
