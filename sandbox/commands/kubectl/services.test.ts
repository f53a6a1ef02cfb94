import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

describe("kubectl get endpoints", () => {
  it("lists v1 Endpoints as kubectl 1.32 prints them: three ip:port pairs, then + N more, no deprecation warning", async () => {
    const node = freshNode();
    expect(await run(node, "kubectl get endpoints -A")).toEqual({
      out: `NAMESPACE     NAME             ENDPOINTS                                               AGE
default       kubernetes       20.62.134.80:443                                        123m
kube-system   kube-dns         10.224.0.7:53,10.224.0.8:53,10.224.0.7:53 + 1 more...   123m
kube-system   metrics-server   10.224.0.12:4443,10.224.0.13:4443                       123m
`,
      err: "",
      code: 0,
    });
    expect(await run(node, "kubectl get ep nope")).toEqual({
      out: "",
      err: 'Error from server (NotFound): endpoints "nope" not found\n',
      code: 1,
    });
  });
});

describe("kubectl create deployment, expose, create service", () => {
  it("creates a deployment, exposes it, and kube-proxy's chains and the endpoints follow", async () => {
    const node = freshNode();
    expect(await run(node, "kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80")).toEqual({
      out: "deployment.apps/web created\n",
      err: "",
      code: 0,
    });
    await run(node, "sleep 20");
    expect(await run(node, "kubectl expose deployment web --port=80")).toEqual({
      out: "service/web exposed\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "kubectl create service nodeport api --tcp=8080:80")).toEqual({
      out: "service/api created\n",
      err: "",
      code: 0,
    });
    await run(node, "sleep 2");
    expect(
      (await run(node, "kubectl get svc,ep")).out,
    ).toBe(`NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)          AGE
service/api          NodePort    10.0.91.140   <none>        8080:30359/TCP   2s
service/kubernetes   ClusterIP   10.0.0.1      <none>        443/TCP          124m
service/web          ClusterIP   10.0.140.55   <none>        80/TCP           2s

NAME                   ENDPOINTS                       AGE
endpoints/api          <none>                          2s
endpoints/kubernetes   20.62.134.80:443                124m
endpoints/web          10.224.0.14:80,10.224.0.15:80   2s
`);
    expect((await run(node, "kubectl get svc api -o jsonpath='{.spec.ports}'")).out).toBe(
      '[{"name":"8080-80","nodePort":30359,"port":8080,"protocol":"TCP","targetPort":80}]',
    );
    // default/web's chain name is kube-proxy's hash (node-facts §4), the endpoints its pods.
    expect((await run(node, "iptables-save -t nat | grep 'KUBE-SERVICES.*default/web'")).out).toBe(
      '-A KUBE-SERVICES -d 10.0.140.55/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G\n',
    );
    expect(await run(node, "curl -s -o /dev/null -w '%{http_code}\\n' http://10.0.140.55")).toEqual({
      out: "200\n",
      err: "",
      code: 0,
    });
  });

  it("answers bad requests as kubectl does and creates nothing", async () => {
    const node = freshNode();
    await run(node, "kubectl run pinger --image=nginx:1.27");
    const cases: [string, string][] = [
      ["kubectl expose pod nope --port=80", 'Error from server (NotFound): pods "nope" not found\n'],
      [
        "kubectl expose pod pinger",
        "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
      ],
      [
        "kubectl expose pod pinger --port=80 --type=Foo",
        'The Service "pinger" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
      ],
      ["kubectl expose node aks-nodepool1-12345678-vmss000000 --port=80", "error: cannot expose a Node\n"],
      [
        "kubectl expose service kubernetes --port=443 --name=k2",
        "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\nSee 'kubectl expose -h' for help and examples\n",
      ],
      [
        "kubectl create deployment",
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
      ],
      ["kubectl create deployment x", 'error: required flag(s) "image" not set\n'],
      ["kubectl create service clusterip web", "error: at least one tcp port specifier must be provided\n"],
      [
        "kubectl create service clusterip kubernetes --tcp=443",
        'error: failed to create ClusterIP service: services "kubernetes" already exists\n',
      ],
    ];
    for (const [line, err] of cases) expect(await run(node, line)).toEqual({ out: "", err, code: 1 });
    expect(
      await run(node, "kubectl expose pod pinger --port=8080 --target-port=80 --type=NodePort --name=pinger-np"),
    ).toEqual({
      out: "service/pinger-np exposed\n",
      err: "",
      code: 0,
    });
    expect(
      (await run(node, "kubectl get svc pinger-np -o jsonpath='{.metadata.labels} {.spec.selector} {.spec.ports}'"))
        .out,
    ).toBe('{"run":"pinger"} {"run":"pinger"} [{"nodePort":31671,"port":8080,"protocol":"TCP","targetPort":80}]');
    expect((await run(node, "kubectl get svc -o name")).out).toBe("service/kubernetes\nservice/pinger-np\n");
  });
});
