/**
 * Azure Monitor's ama-logs DaemonSet container follows the node's container logs (fluent-bit's
 * tail input over the host's /var/log/containers): its log shows each file it picks up, new
 * pods' logs within a refresh interval, and nothing of the kind in the containers whose
 * environment tells the same image to do something else.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";

const AMA = "$(kubectl get pods -n kube-system -o name | grep -E 'ama-logs-[a-z0-9]{5}$')";

it("picks up every container log file, and a new pod's within a minute", async () => {
  const node = freshNode();
  const logs = `kubectl logs -n kube-system ${AMA} -c ama-logs`;
  expect((await run(node, `${logs} | grep -c inotify_fs_add`)).out).toBe("23\n");
  expect((await run(node, `${logs} | head -1 | cut -c1-105`)).out).toBe(
    "[2025/10/30 14:02:53] [ info] [input:tail:tail.0] inotify_fs_add(): inode=1723167 watch_fd=1 name=/var/lo\n",
  );
  expect((await run(node, `kubectl logs -n kube-system ${AMA} -c ama-logs-prometheus | wc -l`)).out).toBe("0\n");
  await run(node, "kubectl run web --image=nginx:1.27; sleep 61");
  expect((await run(node, `${logs} | tail -1 | sed 's/inode=[0-9]*/inode=N/; s/-[0-9a-f]\\{64\\}/-ID/'`)).out).toBe(
    "[2025/10/30 16:06:53] [ info] [input:tail:tail.0] inotify_fs_add(): inode=N watch_fd=24 name=/var/log/containers/web_default_web-ID.log\n",
  );
});
