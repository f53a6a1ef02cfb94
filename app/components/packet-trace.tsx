"use client";
/**
 * The teaching aid for kube-proxy's rules: after a command made a connection (`curl` to a
 * ClusterIP or a NodePort), the rules its first packet went through, in the order the kernel
 * evaluated them, from the destination it was sent to, to where DNAT took it.
 */
import { useProgress } from "./lesson-runtime";

const OUTCOME: Record<string, string> = {
  accepted: "answered",
  refused: "refused (connection refused)",
  timeout: "never answered (timed out)",
  closed: "closed without a reply",
};

export function PacketTraceView() {
  const trace = useProgress()?.packetTrace;
  if (!trace) return null;
  const { from, to, rules, outcome } = trace;
  const nat = from.address !== to.address || from.port !== to.port;
  return (
    <details className="packet-trace">
      <summary>
        Last packet: {from.address}:{from.port}
        {nat ? ` → ${to.address}:${to.port}` : ""}, {OUTCOME[outcome] ?? outcome}
      </summary>
      {rules.length === 0 ? (
        <p>It matched no rule: every chain's policy let it through.</p>
      ) : (
        <ol aria-label="Rules the packet matched">
          {rules.map((hit, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same rule can match twice in one walk
            <li key={i}>
              <span className="trace-where">
                {hit.table} {hit.chain} #{hit.number}
              </span>
              <code className="trace-rule">{hit.rule}</code>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
