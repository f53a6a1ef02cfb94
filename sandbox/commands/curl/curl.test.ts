import { expect, it } from "vitest";
import { createSandbox } from "../../sandbox";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("gets ok from the kubelet's healthz port while it runs", async () => {
  expect(await run(node, "curl http://127.0.0.1:10248/healthz")).toEqual({ out: "ok", err: "", code: 0 });
  expect(await run(node, "curl -si localhost:10248/healthz")).toEqual({
    out: "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: Thu, 30 Oct 2025 16:06:00 GMT\r\nContent-Length: 2\r\n\r\nok",
    err: "",
    code: 0,
  });
});

it("is refused by the kubelet's API without credentials, and wants -k for its certificate", async () => {
  expect(await run(node, "curl -k https://localhost:10250/pods")).toEqual({ out: "Unauthorized", err: "", code: 0 });
  expect(await run(node, "curl -sk -o /dev/null -w '%{http_code}\\n' https://10.224.0.4:10250/pods")).toEqual({
    out: "401\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "curl -skf https://localhost:10250/pods")).toEqual({ out: "", err: "", code: 22 });
  expect((await run(node, "curl https://localhost:10250/pods")).err).toBe(
    "curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n",
  );
});

it("reaches nothing off the node", async () => {
  expect(await run(node, "curl http://example.com/")).toEqual({
    out: "",
    err: "curl: (6) Could not resolve host: example.com\n",
    code: 6,
  });
  expect(await run(node, "curl -w '%{http_code}' 10.224.0.4:8080")).toEqual({
    out: "000",
    err: "curl: (7) Failed to connect to 10.224.0.4 port 8080 after 0 ms: Connection refused\n",
    code: 7,
  });
  expect(await run(node, "curl --bogus x")).toEqual({
    out: "",
    err: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    code: 2,
  });
});

it("finds nothing listening on 10248 once the kubelet is stopped", async () => {
  const stopped = createSandbox({ scenario: "kubelet-stopped" });
  expect(await run(stopped, "curl -sS http://127.0.0.1:10248/healthz")).toEqual({
    out: "",
    err: "curl: (7) Failed to connect to 127.0.0.1 port 10248 after 0 ms: Connection refused\n",
    code: 7,
  });
  expect(await run(stopped, "curl -s http://127.0.0.1:10248/healthz")).toEqual({ out: "", err: "", code: 7 });
  await run(stopped, "systemctl start kubelet");
  expect(await run(stopped, "curl -s http://127.0.0.1:10248/healthz")).toEqual({ out: "ok", err: "", code: 0 });
});
