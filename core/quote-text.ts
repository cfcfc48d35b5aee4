// User text inside a one-line message: a diagnostic, a CLI line. A key or value may hold line breaks
// (a mis-indented block becomes a key) or run to pages; the message must stay one readable line.

const MAX_SHOWN = 60;

/** `"text"` with line breaks and other control characters escaped, cut to about 60 characters. */
export function quoteText(text: string): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => CONTROL_NAMES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const chars = [...escaped];
  return `"${chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : escaped}"`;
}

const CONTROL_NAMES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
