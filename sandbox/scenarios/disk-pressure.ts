/**
 * `disk-pressure`: the healthy node's history, plus two things. At 14:31 a small BestEffort
 * pod, default/web, was started here. From 14:50 an app's debug logging on the host ran away:
 * /var/log/app/debug.log grew by about 1.7 GiB a minute until 15:45, to 95 GiB. Around 15:40
 * the root filesystem fell under the kubelet's nodefs.available<10% threshold: the eviction
 * manager turned DiskPressure on, the node got the disk-pressure NoSchedule taint, and web
 * was evicted (BestEffort first), which freed nothing, since the log is no pod's. Every pass
 * since finds only critical pods. The fix: find the file (df -h, du) and delete it; the
 * condition clears once the threshold has been clear for the 5 m pressure transition period.
 */
import type { Pod } from "../cluster/types";
import { rfc3339 } from "../util/time-format";
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { HOSTNAME } from "./node/identity";

export const RUNAWAY_LOG = "/var/log/app/debug.log";
const NGINX = "mcr.microsoft.com/oss/nginx/nginx:1.25.4";
/** 14:31 and 14:50 on the healthy node's clock (boot 14:02:11, now 16:06:00). */
const WEB_AT = UPTIME_MS - 95 * 60_000;
const LOG_FROM = UPTIME_MS - 76 * 60_000;
const LOG_MINUTES = 55;
const LOG_TOTAL_BYTES = 95 * 1024 ** 3;

function webPod(world: World): Pod {
  const stamp = rfc3339(world.clock.now());
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "web",
      namespace: "default",
      uid: world.ids.uuid("pod:default/web"),
      creationTimestamp: stamp,
      labels: { run: "web" },
    },
    spec: { nodeName: HOSTNAME, containers: [{ name: "web", image: NGINX }], serviceAccountName: "default" },
    status: {
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: stamp }],
    },
  };
}

/** One DEBUG line a minute is what the model keeps of the log; its apparent size is the real one. */
function writeRunawayLog(world: World): void {
  let minute = 0;
  const timer = world.clock.setInterval(() => {
    minute++;
    const at = new Date(world.clock.now()).toISOString();
    world.fs.appendFileSync(
      RUNAWAY_LOG,
      `${at} DEBUG [order-sync] payload dump batch=${minute * 4211} bytes=1840221 (debug logging enabled by config reload)\n`,
    );
    world.fs.setApparentSize(RUNAWAY_LOG, Math.round((LOG_TOTAL_BYTES * minute) / LOG_MINUTES));
    if (minute === LOG_MINUTES) world.clock.clearTimer(timer);
  }, 60_000);
}

export function bootDiskPressure(world: World): void {
  bootHealthyNode(world, (w) => {
    w.clock.setTimeout(() => {
      w.containerd.addImage(NGINX, 70_614_210);
      w.containerd.commands.set(NGINX, ["nginx: master process nginx -g daemon off;"]);
      w.store.put<Pod>("pods", webPod(w));
    }, WEB_AT);
    w.clock.setTimeout(() => {
      w.fs.mkdirSync("/var/log/app");
      w.fs.writeFileSync(RUNAWAY_LOG, "");
      w.fs.setApparentSize(RUNAWAY_LOG, 0);
      writeRunawayLog(w);
    }, LOG_FROM);
  });
}
