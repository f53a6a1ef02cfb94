/**
 * Go's encoding/json syntax check (src/encoding/json/scanner.go checkValid): the first error
 * in a document, worded as Go words it, because libcni hands it on verbatim
 * (`error parsing configuration list: invalid character '}' looking for beginning of object
 * key string`) and containerd shows it in `crictl info`. Returns undefined when the text is
 * valid JSON.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const END = "unexpected end of JSON input";
  class Stop extends Error {}
  const fail = (msg: string): never => {
    throw new Stop(msg);
  };
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const peek = () => (i < text.length ? (text[i] as string) : fail(END));
  const bad = (context: string) => fail(`invalid character ${quoteChar(peek())} ${context}`);
  const digits = (context: string) => {
    if (!/[0-9]/.test(peek())) bad(context);
    while (i < text.length && /[0-9]/.test(text[i] as string)) i++;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const c = peek();
      if (c === '"') return void i++;
      if (c < " ") bad("in string literal");
      i++;
      if (c !== "\\") continue;
      const e = peek();
      if (!'"\\/bfnrtu'.includes(e)) bad("in string escape code");
      i++;
      if (e === "u") {
        for (let k = 0; k < 4; k++) {
          if (!/[0-9a-fA-F]/.test(peek())) bad("in \\u hexadecimal character escape");
          i++;
        }
      }
    }
  };
  const number = () => {
    if (text[i] === "-") {
      i++;
      if (!/[0-9]/.test(peek())) bad("in numeric literal");
    }
    if (text[i] === "0") i++;
    else digits("in numeric literal");
    if (text[i] === ".") {
      i++;
      digits("after decimal point in numeric literal");
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits("in exponent of numeric literal");
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) {
      if (peek() !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`);
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = peek();
    const parse: Record<string, () => void> = {
      "{": object,
      "[": array,
      '"': string,
      t: () => literal("true"),
      f: () => literal("false"),
      n: () => literal("null"),
    };
    const run = c === "-" || /[0-9]/.test(c) ? number : parse[c];
    if (!run) bad("looking for beginning of value");
    else run();
  };
  function object() {
    i++;
    ws();
    if (peek() === "}") return void i++;
    for (;;) {
      ws();
      if (peek() !== '"') bad("looking for beginning of object key string");
      string();
      ws();
      if (peek() !== ":") bad("after object key");
      i++;
      value();
      ws();
      if (peek() === "}") return void i++;
      if (peek() !== ",") bad("after object key:value pair");
      i++;
    }
  }
  function array() {
    i++;
    ws();
    if (peek() === "]") return void i++;
    for (;;) {
      value();
      ws();
      if (peek() === "]") return void i++;
      if (peek() !== ",") bad("after array element");
      i++;
    }
  }
  try {
    value();
    ws();
    if (i < text.length) bad("after top-level value");
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.message;
    throw e;
  }
}

/** scanner.go quoteChar: `'x'`, with `'\''` and `'"'` special and control characters escaped. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const escaped = JSON.stringify(c).slice(1, -1);
  return `'${escaped}'`;
}
