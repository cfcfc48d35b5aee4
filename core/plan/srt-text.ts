// SRT text as written: libass reads `{…}` as an ASS override block (and hides it) and `\n`, `\N`,
// `\h` as line breaks and spaces, none of which SRT has. Only SRT's own tags (<b>, <i>, <u>, <font>)
// style. Braces are escaped (`\{`, `\}`), and a word joiner between a backslash and n/N/h keeps
// the two characters on screen.
export function srtAsWritten(srt: string): string {
  return srt
    .split(/\r?\n/)
    .map((line) => (/^\d+$/.test(line.trim()) || /-->/.test(line) ? line : escapeLine(line)))
    .join('\n');
}

function escapeLine(line: string): string {
  return line.replace(/\\(?=[nNh])/g, '\\\u2060').replace(/[{}]/g, (c) => `\\${c}`);
}
