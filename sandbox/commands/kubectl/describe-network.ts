/**
 * kubectl describe service|endpointslice (describe.go: describeService with kubectl 1.32's
 * formatEndpoints, describeEndpointSliceV1). kubectl 1.32 reads a Service's endpoints from
 * its Endpoints object, which the endpoints controller fills with the same ready pods the
 * EndpointSlices hold; here they are read from the slices.
 */
import { formatLabels } from "../../cluster/labels";
import type { EndpointSlice, Service } from "../../cluster/types";
import type { World } from "../../world";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from "./describe-format";

/** formatEndpoints: ready `ip:port` for the named port, three at most then `+ N more...`; <none> without endpoints. */
function formatEndpoints(slices: EndpointSlice[], portName: string): string {
  if (!slices.some((s) => s.endpoints.length)) return "<none>";
  const list: string[] = [];
  for (const slice of slices) {
    const port = slice.ports.find((p) => (p.name ?? "") === portName);
    if (!port) continue;
    for (const e of slice.endpoints) {
      if (e.conditions.ready) for (const ip of e.addresses) list.push(`${ip}:${port.port}`);
    }
  }
  list.sort();
  return list.length > 3 ? `${list.slice(0, 3).join(",")} + ${list.length - 3} more...` : list.join(",");
}

export function describeService(world: World, svc: Service): string {
  const spec = svc.spec;
  let out = `Name:\t${svc.metadata.name}\nNamespace:\t${svc.metadata.namespace}\n`;
  out += labelsMultiline("Labels", svc.metadata.labels);
  out += annotationsMultiline("Annotations", svc.metadata.annotations);
  out += `Selector:\t${formatLabels(spec.selector).replace("<none>", "")}\n`;
  out += `Type:\t${spec.type}\n`;
  if (spec.ipFamilyPolicy) out += `IP Family Policy:\t${spec.ipFamilyPolicy}\n`;
  out += `IP Families:\t${spec.ipFamilies.length ? spec.ipFamilies.join(",") : "<none>"}\n`;
  out += `IP:\t${spec.clusterIP}\n`;
  out += `IPs:\t${spec.clusterIPs.length ? spec.clusterIPs.join(",") : "<none>"}\n`;
  const slices = world.store
    .list<EndpointSlice>("endpointslices", svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  for (const p of spec.ports) {
    const name = p.name || "<unset>";
    out += `Port:\t${name}\t${p.port}/${p.protocol}\n`;
    out += `TargetPort:\t${p.targetPort}/${p.protocol}\n`;
    if (p.nodePort) out += `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`;
    out += `Endpoints:\t${formatEndpoints(slices, p.name ?? "")}\n`;
  }
  out += `Session Affinity:\t${spec.sessionAffinity}\n`;
  if (spec.type !== "ClusterIP") out += "External Traffic Policy:\tCluster\n";
  if (spec.internalTrafficPolicy) out += `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`;
  return (
    out + describeEvents(eventsFor(world, "Service", svc.metadata.name, svc.metadata.namespace), world.clock.now())
  );
}

export function describeEndpointSlice(world: World, eps: EndpointSlice): string {
  let out = `Name:\t${eps.metadata.name}\nNamespace:\t${eps.metadata.namespace}\n`;
  out += labelsMultiline("Labels", eps.metadata.labels);
  out += annotationsMultiline("Annotations", eps.metadata.annotations);
  out += `AddressType:\t${eps.addressType}\n`;
  if (!eps.ports.length) out += "Ports: <unset>\n";
  else {
    out += "Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n";
    for (const p of eps.ports) out += `  ${p.name || "<unset>"}\t${p.port}\t${p.protocol}\n`;
  }
  if (!eps.endpoints.length) out += "Endpoints: <none>\n";
  else {
    out += "Endpoints:\n";
    for (const e of eps.endpoints) {
      out += `  - Addresses:\t${e.addresses.join(", ") || "<none>"}\n`;
      out += `    Conditions:\n      Ready:\t${e.conditions.ready}\n`;
      out += "    Hostname:\t<unset>\n";
      if (e.targetRef) out += `    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`;
      out += `    NodeName:\t${e.nodeName ?? "<unset>"}\n`;
      out += "    Zone:\t<unset>\n";
    }
  }
  return (
    out +
    describeEvents(eventsFor(world, "EndpointSlice", eps.metadata.name, eps.metadata.namespace), world.clock.now())
  );
}
