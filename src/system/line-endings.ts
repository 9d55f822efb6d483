// Line endings of files natsgh generates: always "\n", on every platform, so a
// render on Windows hashes and diffs the same as one on Linux (a Windows checkout
// or editor may hand natsgh CRLF text; it is normalized on the way in and out).

/** Converts CRLF and lone CR to LF; LF-only text is returned unchanged. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** True when text contains a CR (so it would change under normalizeLineEndings). */
export function hasCarriageReturns(text: string): boolean {
  return text.includes('\r');
}

/** Normalizes line endings and ends the text with exactly one "\n" (empty text stays empty). */
export function asGeneratedText(text: string): string {
  const lf = normalizeLineEndings(text);
  return lf.length === 0 ? lf : `${lf.replace(/\n+$/, '')}\n`;
}
