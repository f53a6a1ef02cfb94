/**
 * kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose): a Service for a deployment, pod
 * or service, with the selector and ports kubectl introspects (polymorphichelpers
 * MapBasedSelectorForObject, PortsForObject): a deployment's matchLabels, a pod's labels, a
 * service's selector; the container (or service) ports when --port is not given, named
 * port-1, port-2... when there are several. targetPort is --target-port or the port itself.
 * The new Service carries the exposed object's labels.
 */
import { defaultedService } from "../../cluster/service-defaults";
import type { Deployment, KubeObject, Pod, Service, ServicePort } from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail, ok } from "../types";
import { parseFlags, str } from "./flags";
import { notFound, resourceType, unknownType } from "./resources";

const HELP = "See 'kubectl expose -h' for help and examples\n";
const TYPES = ["ClusterIP", "NodePort", "LoadBalancer"] as const;

export function expose(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("expose", argv, [
    { long: ["port"], type: "string" },
    { long: ["target-port"], type: "string" },
    { long: ["protocol"], type: "string" },
    { long: ["type"], type: "string" },
    { long: ["name"], type: "string" },
    { long: ["selector"], type: "string" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const [typeName, objectName] = args[0]?.includes("/") ? (args[0].split("/") as [string, string]) : args;
  if (!typeName || !objectName) {
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  }
  const type = resourceType(typeName);
  if (!type) return fail(unknownType(typeName));
  const namespace = str(flags.namespace) ?? "default";
  const object = world.store.get(type.resource, objectName, type.namespaced ? namespace : undefined);
  if (!object) return fail(notFound(type, objectName));
  const exposable = exposableParts(object);
  if (!exposable) return fail(`error: cannot expose a ${object.kind}\n`);

  const selector = str(flags.selector) ? labelsOf(str(flags.selector) as string) : exposable.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return fail(
      `error: couldn't retrieve selectors via --selector flag or introspection: ${exposable.noSelector}\n${HELP}`,
    );
  }
  const protocol = (str(flags.protocol) ?? "TCP") as ServicePort["protocol"];
  const portFlag = str(flags.port);
  const introspected = portFlag ? [Number(portFlag)] : exposable.ports;
  if (portFlag !== undefined && !/^\d+$/.test(portFlag)) {
    return fail(`error: strconv.Atoi: parsing "${portFlag}": invalid syntax\n`);
  }
  if (introspected.length === 0) return fail(`error: couldn't find port via --port flag or introspection\n${HELP}`);
  const target = str(flags["target-port"]);
  const ports: ServicePort[] = introspected.map((port, i) => ({
    ...(introspected.length > 1 ? { name: `port-${i + 1}` } : {}),
    protocol,
    port,
    targetPort: target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target,
  }));
  const name = str(flags.name) ?? objectName;
  const svcType = str(flags.type) ?? "ClusterIP";
  if (!TYPES.includes(svcType as (typeof TYPES)[number])) {
    // The API server's validation (pkg/apis/core/validation ValidateService).
    return fail(
      svcType === "ExternalName"
        ? `The Service "${name}" is invalid: spec.externalName: Required value\n`
        : `The Service "${name}" is invalid: spec.type: Unsupported value: "${svcType}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n`,
    );
  }
  if (world.store.get("services", name, namespace)) {
    return fail(`Error from server (AlreadyExists): services "${name}" already exists\n`);
  }
  const labels = object.metadata.labels;
  world.controlPlane.api.create<Service>(
    "services",
    defaultedService(
      { name, namespace, uid: "", creationTimestamp: "", ...(labels ? { labels: { ...labels } } : {}) },
      { type: svcType as Service["spec"]["type"], ports, selector },
    ),
  );
  world.clock.settle();
  return ok(`service/${name} exposed\n`);
}

interface Exposable {
  selector?: Record<string, string>;
  /** Why the introspected selector is empty, in kubectl's words. */
  noSelector: string;
  ports: number[];
}

function exposableParts(o: KubeObject): Exposable | undefined {
  const containerPorts = (cs: Pod["spec"]["containers"]) =>
    cs.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
  switch (o.kind) {
    case "Pod":
      return {
        selector: o.metadata.labels,
        noSelector: "the pod has no labels and cannot be exposed",
        ports: containerPorts(o.spec.containers),
      };
    case "Deployment": {
      const d = o as Deployment;
      return {
        selector: d.spec.selector.matchLabels,
        noSelector: "the deployment has no labels and cannot be exposed",
        ports: containerPorts(d.spec.template.spec.containers),
      };
    }
    case "Service":
      return {
        selector: o.spec.selector,
        noSelector: "the service has no pod selector set",
        ports: o.spec.ports.map((p) => p.port),
      };
    default:
      return undefined;
  }
}

function labelsOf(text: string): Record<string, string> {
  return Object.fromEntries(text.split(",").map((pair) => pair.split("=") as [string, string]));
}
