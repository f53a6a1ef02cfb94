/**
 * kubectl run NAME --image=IMAGE (staging/src/k8s.io/kubectl/pkg/cmd/run): a bare pod labelled
 * run=NAME with one container called NAME, created through the API server (which defaults
 * and admits it); the scheduler binds it and the kubelet starts it.
 */
import type { Pod } from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail, ok } from "../types";
import { parseFlags, str } from "./flags";

export function run(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("run", argv, [
    { long: ["image"], type: "string" },
    { long: ["restart"], type: "string" },
    { long: ["labels"], short: "l", type: "string" },
    { long: ["port"], type: "string" },
    { long: ["command"], type: "bool" },
    { long: ["env"], type: "string" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const [name, ...rest] = args;
  if (!name) return fail("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  const image = str(flags.image);
  if (!image) return fail('error: required flag(s) "image" not set\n');
  const namespace = str(flags.namespace) ?? "default";
  if (world.store.get("pods", name, namespace)) {
    return fail(`Error from server (AlreadyExists): pods "${name}" already exists\n`);
  }
  const restart = str(flags.restart) ?? "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart)) return fail(`error: invalid restart policy: ${restart}\n`);
  const labels: Record<string, string> = {};
  for (const pair of (str(flags.labels) ?? `run=${name}`).split(",")) {
    const [k, v] = pair.split("=");
    if (k) labels[k] = v ?? "";
  }
  const port = str(flags.port);
  world.controlPlane.api.create<Pod>("pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, uid: "", creationTimestamp: "", labels },
    spec: {
      containers: [
        {
          name,
          image,
          ...(rest.length ? (flags.command ? { command: rest } : { args: rest }) : {}),
          ...(port ? { ports: [{ containerPort: Number(port), protocol: "TCP" }] } : {}),
          resources: {},
        },
      ],
      restartPolicy: restart,
      dnsPolicy: "ClusterFirst",
    },
    status: { phase: "Pending" },
  });
  world.clock.settle();
  return ok(`pod/${name} created\n`);
}
