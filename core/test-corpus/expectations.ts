// Expected issues live at the end of each corpus file as `# expect: CODE L:C-L:C` (one-based, like the CLI).
import type { TimelineIssue } from '../../protocol/source-range';

export function readExpectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => (m[1] as string).trim());
}

export function describeIssue(issue: TimelineIssue): string {
  const { start, end } = issue.range;
  return `${issue.code} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}
