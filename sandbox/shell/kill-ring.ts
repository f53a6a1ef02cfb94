/**
 * readline's kill ring: Ctrl-K, Ctrl-U, Ctrl-W, Alt-D and Alt-Backspace save what they cut;
 * kills in a row make one entry (a forward kill appends, a backward one prepends), Ctrl-Y
 * inserts the newest entry and Alt-Y right after it swaps in the one before.
 */

/** readline's default kill-ring size (DEFAULT_MAX_KILLS in kill.c). */
const MAX_KILLS = 10;

export class KillRing {
  private readonly entries: string[] = [];
  /** Which entry the last yank inserted (Alt-Y walks back from it). */
  private yankAt = 0;

  /** Save killed text; `joinLast` when the previous command was a kill too. */
  kill(text: string, direction: "forward" | "backward", joinLast: boolean): void {
    if (text === "") return;
    const last = this.entries.length - 1;
    if (joinLast && last >= 0) {
      this.entries[last] = direction === "forward" ? `${this.entries[last]}${text}` : `${text}${this.entries[last]}`;
      return;
    }
    this.entries.push(text);
    if (this.entries.length > MAX_KILLS) this.entries.shift();
  }

  /** The newest kill, or undefined when nothing was killed yet. */
  yank(): string | undefined {
    this.yankAt = this.entries.length - 1;
    return this.entries[this.yankAt];
  }

  /** The entry before the one last yanked (wrapping round). */
  yankPop(): string | undefined {
    if (this.entries.length === 0) return undefined;
    this.yankAt = (this.yankAt - 1 + this.entries.length) % this.entries.length;
    return this.entries[this.yankAt];
  }
}
