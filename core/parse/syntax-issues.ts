// yaml's errors and warnings → issues with ranges. `base` is where the parsed text starts in the file
// (a re-parsed item, see incremental-parse.ts).
import type { Document } from 'yaml';
import type { SourceRange, TimelineIssue } from '../../protocol/source-range';

export function syntaxIssues(document: Document.Parsed, text: string, base: number, rangeOf: (start: number, end: number) => SourceRange): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    const start = base + error.pos[0];
    const reported = base + error.pos[1];
    // yaml marks one character of a repeated key; mark the whole key.
    const end = duplicate ? Math.max(reported, keyEnd(text, start)) : reported;
    issues.push({
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
      message: duplicate ? 'this key is written twice in the same place; keep one' : `YAML: ${plainMessage(error.message)}`,
      range: rangeOf(start, end),
    });
  }
  return issues;
}

function keyEnd(text: string, start: number): number {
  const match = /^[^:\n]*?(?=\s*:)/.exec(text.slice(start));
  return match ? start + match[0].length : start;
}

function plainMessage(message: string): string {
  return (message.split(/ at line \d+, column \d+/)[0] ?? message).split('\n')[0]!.trim();
}
