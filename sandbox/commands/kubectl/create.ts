/**
 * kubectl create deployment|service (staging/src/k8s.io/kubectl/pkg/cmd/create): objects built
 * client-side as create_deployment.go and create_service.go build them, then POSTed through
 * the API server (defaults, ClusterIP and node-port allocation). Errors in their words:
 * the client's "exactly one NAME is required", the server's AlreadyExists wrapped in
 * "failed to create ...".
 */
import { defaultedService } from "../../cluster/service-defaults";
import type { Deployment, Service, ServicePort } from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail, ok } from "../types";
import { parseFlags, str } from "./flags";

const help = (what: string) => `See 'kubectl create ${what} -h' for help and examples\n`;
const oneName = (what: string, got: number) => fail(`error: exactly one NAME is required, got ${got}\n${help(what)}`);

export function create(argv: string[], world: World): ExecResult {
  const [kind, ...rest] = argv;
  if (kind === "deployment" || kind === "deploy") return createDeployment(rest, world);
  if (kind === "service" || kind === "svc") {
    const [type, ...more] = rest;
    if (type === "clusterip" || type === "nodeport") return createService(type, more, world);
    if (type === undefined) return fail(`error: must specify a type of service\n${help("service")}`);
    return fail(`error: unknown command "${type}" for "kubectl create service"\n${help("service")}`);
  }
  if (kind === undefined) return fail(`error: must specify one of -f and -k\n\n`);
  return fail(`error: unknown command "${kind}" for "kubectl create"\n`);
}

/**
 * create_deployment.go: labels and selector app=NAME, one container per image named after the
 * image's last path element without tag or digest.
 */
function createDeployment(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("create deployment", argv, [
    { long: ["image"], type: "string" },
    { long: ["replicas"], short: "r", type: "int" },
    { long: ["port"], type: "int" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  if (args.length !== 1) return oneName("deployment", args.length);
  const name = args[0] as string;
  const image = str(flags.image);
  if (!image) return fail('error: required flag(s) "image" not set\n');
  const namespace = str(flags.namespace) ?? "default";
  if (world.store.get("deployments", name, namespace)) {
    return fail(`error: failed to create deployment: deployments.apps "${name}" already exists\n`);
  }
  const container = (image.split("/").pop() as string).split("@")[0]?.split(":")[0] as string;
  const port = str(flags.port);
  const labels = { app: name };
  world.controlPlane.api.create<Deployment>("deployments", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, uid: "", creationTimestamp: "", labels: { ...labels } },
    spec: {
      replicas: Number(str(flags.replicas) ?? 1),
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: container,
              image,
              ...(port ? { ports: [{ containerPort: Number(port), protocol: "TCP" }] } : {}),
              resources: {},
            },
          ],
        },
      },
    },
    status: {},
  } as Deployment);
  world.clock.settle();
  return ok(`deployment.apps/${name} created\n`);
}

/**
 * create_service.go: selector and labels app=NAME; each --tcp `port[:targetPort]` becomes a
 * TCP port named after the pair with ':' turned to '-' (`80-8080`).
 */
function createService(type: "clusterip" | "nodeport", argv: string[], world: World): ExecResult {
  const what = `service ${type}`;
  const parsed = parseFlags(`create ${what}`, argv, [
    { long: ["tcp"], type: "string" },
    ...(type === "nodeport" ? [{ long: ["node-port"], type: "int" as const }] : []),
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  if (args.length !== 1) return oneName(what, args.length);
  const name = args[0] as string;
  const tcp = str(flags.tcp)?.split(",") ?? [];
  if (tcp.length === 0) return fail("error: at least one tcp port specifier must be provided\n");
  const ports: ServicePort[] = [];
  for (const pair of tcp) {
    const [p, t] = pair.split(":");
    for (const n of [p, t]) {
      if (n !== undefined && !/^\d+$/.test(n)) return fail(`error: strconv.Atoi: parsing "${n}": invalid syntax\n`);
    }
    const nodePort = str(flags["node-port"]);
    ports.push({
      name: pair.replaceAll(":", "-"),
      protocol: "TCP",
      port: Number(p),
      targetPort: Number(t ?? p),
      ...(nodePort && Number(nodePort) > 0 ? { nodePort: Number(nodePort) } : {}),
    });
  }
  const namespace = str(flags.namespace) ?? "default";
  const typeName = type === "nodeport" ? "NodePort" : "ClusterIP";
  if (world.store.get("services", name, namespace)) {
    return fail(`error: failed to create ${typeName} service: services "${name}" already exists\n`);
  }
  world.controlPlane.api.create<Service>(
    "services",
    defaultedService(
      { name, namespace, uid: "", creationTimestamp: "", labels: { app: name } },
      { type: typeName, ports, selector: { app: name } },
    ),
  );
  world.clock.settle();
  return ok(`service/${name} created\n`);
}
