/** `curl -w FORMAT` (src/tool_writeout.c, curl 7.81): `%{name}` variables, `\n`-style escapes, `%%`. */
export function renderWriteOut(format: string, vars: Record<string, string>): { out: string; err: string } {
  let out = "";
  let err = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "%" && format[i + 1] === "%") {
      out += "%";
      i++;
    } else if (c === "%" && format[i + 1] === "{") {
      const end = format.indexOf("}", i);
      if (end < 0) {
        out += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, end);
      if (name in vars) out += vars[name];
      else err += `curl: unknown --write-out variable: '${name}'\n`;
      i = end;
    } else if (c === "\\" && i + 1 < format.length) {
      const next = format[i + 1] as string;
      out += { n: "\n", r: "\r", t: "\t" }[next] ?? `\\${next}`;
      i++;
    } else out += c;
  }
  return { out, err };
}
