/// <reference lib="webworker" />
/**
 * The node's Web Worker: started by the page once the terminal shows its prompt (remote-node.ts).
 * Everything heavy (just-bash, the emulator, booting, every command) runs here, off the page's
 * main thread. zod-jitless comes first: it must run before any zod schema is built.
 */
import "./zod-jitless";
import { NodeHost } from "./node-host";
import type { FromWorker, ToWorker } from "./protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new NodeHost((message: FromWorker) => scope.postMessage(message));
// Messages are handled one after another: a boot finishes before the keys sent after it.
let queue = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() => host.receive(event.data));
};
