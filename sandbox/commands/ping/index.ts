/**
 * ping (iputils 20211215, Ubuntu 22.04): ICMP echo through the packet path (packet-path.ts
 * `echo`): the node and its pods answer, a ClusterIP does not (no rule rewrites ICMP), nor does
 * anything beyond the node. One request a second on the simulated clock; `-c N` stops after N,
 * Ctrl-C stops it with the statistics block. Formats from ping/ping.c and ping_common.c
 * (`finish()`): `time` is the run's length in ms, `rtt min/avg/max/mdev` with three decimals,
 * exit 1 when nothing came back. RTTs are small and derived from a hash: no host jitter here.
 */
import { sha256Hex } from "../../util/sha256";
import { type Command, fail } from "../types";

export const ping: Command = async (args, io, world) => {
  let count: number | undefined;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-c" || /^-c\d+$/.test(a)) {
      const v = a === "-c" ? args[++i] : a.slice(2);
      if (v === undefined) return fail("ping: option requires an argument -- 'c'\n", 2);
      if (!/^\d+$/.test(v) || Number(v) < 1)
        return fail(`ping: invalid argument: '${v}': out of range: 1 <= value <= 9223372036854775807\n`, 1);
      count = Number(v);
    } else if (a.startsWith("-")) return fail(`ping: invalid option -- '${a.slice(1, 2)}'\n`, 2);
    else host = a;
  }
  if (host === undefined) return fail("ping: usage error: Destination address required\n", 1);
  const address = /^\d{1,3}(\.\d{1,3}){3}$/.test(host)
    ? host
    : host === "localhost"
      ? "127.0.0.1"
      : host === world.hostname
        ? "10.224.0.4"
        : undefined;
  if (!address) return fail(`ping: ${host}: Name or service not known\n`, 2);

  let out = "";
  const emit = (text: string) => {
    if (io.write) io.write(text);
    else out += text;
  };
  emit(`PING ${host} (${address}) 56(84) bytes of data.\n`);
  const id = Number.parseInt(sha256Hex(`ping:id:${world.clock.now()}`).slice(0, 4), 16);
  const rtts: number[] = [];
  const start = world.clock.now();
  let sent = 0;
  while (count === undefined || sent < count) {
    if (io.signal?.aborted) break;
    sent++;
    if (world.packets.echo(address, id)) {
      const rtt = 0.03 + (Number.parseInt(sha256Hex(`ping:${address}:${sent}`).slice(0, 4), 16) % 70) / 1000;
      rtts.push(rtt);
      emit(`64 bytes from ${address}: icmp_seq=${sent} ttl=64 time=${rtt.toFixed(3)} ms\n`);
    }
    if (count !== undefined && sent >= count) break;
    world.clock.advance(1000);
    // Let the host breathe (and Ctrl-C land) between requests.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  const elapsed = world.clock.now() - start + (sent > 1 ? 2 : 0);
  const loss = Math.round(((sent - rtts.length) * 100) / Math.max(sent, 1));
  let stats = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${rtts.length} received, ${loss}% packet loss, time ${elapsed}ms\n`;
  if (rtts.length) {
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    const mdev = Math.sqrt(rtts.reduce((a, b) => a + b * b, 0) / rtts.length - avg * avg);
    stats += `rtt min/avg/max/mdev = ${Math.min(...rtts).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...rtts).toFixed(3)}/${mdev.toFixed(3)} ms\n`;
  }
  emit(stats);
  return { stdout: out, stderr: "", exitCode: rtts.length ? 0 : 1 };
};
