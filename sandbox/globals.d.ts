/**
 * The only host globals the emulated node may use. The sandbox compiles without the "dom"
 * lib and without Node's types so it cannot reach into either; these two exist, with this
 * shape, in every runtime it runs in (browsers, Node, workers).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}

/** Cooperative cancellation (Ctrl-C) and yielding to the host between chunks of simulated time. */
interface AbortSignal {
  readonly aborted: boolean;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(): void;
}
declare function setTimeout(callback: () => void, ms?: number): unknown;
