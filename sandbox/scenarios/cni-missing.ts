/**
 * `cni-missing`: three minutes ago someone moved Azure CNI's config out of the way
 * (`mv /etc/cni/net.d/10-azure.conflist /root/`) and a second later created a pod, which the
 * scheduler bound before the node reported NotReady.
 * containerd's CRI plugin reloads the conf dir on every change (cni_conf_syncer.go), finds no
 * network config and reports NetworkReady=false; the kubelet turns the node Ready False
 * "container runtime network not ready ... cni plugin not initialized" (node-facts §6/§9) and
 * syncs no pod that needs the pod network. The new pod's first sync came before the kubelet
 * noticed, so its sandbox failed in CNI (FailedCreatePodSandBox ... cni plugin not
 * initialized); since then it gets NetworkNotReady and stays ContainerCreating. The pods
 * already running keep running (for 5 minutes: then the not-ready taint evicts them). Moving the file back heals
 * it at the kubelet's next status update and pod sync.
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { createPodAt } from "./workload-pods";

export const CNI_CONFLIST = "/etc/cni/net.d/10-azure.conflist";
// Just after one of the kubelet's status updates (every 10 s), so the pod is bound before the next.
const CNI_MOVED_AT_MS = UPTIME_MS - 3 * 60_000 - 16_500;

export function bootCniMissing(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(() => {
      w.fs.writeFileSync("/root/10-azure.conflist", w.fs.readFileSync(CNI_CONFLIST), 0o600);
      w.fs.rmSync(CNI_CONFLIST);
    }, CNI_MOVED_AT_MS);
    createPodAt(w, CNI_MOVED_AT_MS + 1_000, {
      name: "web",
      labels: { app: "web" },
      containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
    });
  });
}
