/**
 * util-linux's size_to_human_string (lib/strutils.c) with its default options: powers of 1024,
 * a one-letter suffix, one decimal rounded (dropped when it rounds to 0). lsblk and findmnt
 * print sizes this way (`127.9G`, `4M`, `106M`).
 */
export function humanSize(bytes: number): string {
  const letters = "BKMGTPE";
  let exp = 0;
  while (exp < 60 && bytes >= 2 ** (exp + 10)) exp += 10;
  let dec = exp ? Math.floor(bytes / 2 ** exp) : bytes;
  let frac = exp ? bytes % 2 ** exp : 0;
  if (frac) {
    frac = Math.floor((frac * 1000) / 2 ** exp);
    frac = Math.floor((frac + 50) / 100);
    if (frac === 10) {
      dec++;
      frac = 0;
    }
  }
  const suffix = letters[exp / 10] as string;
  return frac ? `${dec}.${frac}${suffix}` : `${dec}${suffix}`;
}
