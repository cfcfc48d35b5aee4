// FFmpeg parses a filter graph twice: the graph parser splits on `[],;` and removes one level of
// quoting; each filter's option parser then splits on `:` and removes another. Every value we place
// in a graph goes through both escapes, so paths and text can hold any character.

/** Level 1: one option value as the filter's option parser reads it. */
export function escapeOptionValue(value: string): string {
  return value.replace(/[\\':]/g, (c) => `\\${c}`).replace(/^\s|\s$/g, (c) => `\\${c}`);
}

/** Level 2: a filter's whole argument string as the graph parser reads it. */
export function escapeGraphText(text: string): string {
  return text.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** Quote one argv word for a POSIX shell, for `atropos plan` output only (we never run a shell). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
