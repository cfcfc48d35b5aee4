// Folding ranges from the located tree: every map or list that spans lines folds from its key line.

import type { LocatedNode, ParsedTimeline } from '../../core';

export interface LineFold {
  startLine: number;
  endLine: number;
}

export function foldingRanges(parsed: ParsedTimeline): LineFold[] {
  const folds: LineFold[] = [];
  const visit = (node: LocatedNode, fromLine: number): void => {
    if (node.kind === 'scalar') return;
    const endLine = lastLine(node);
    if (endLine > fromLine) folds.push({ startLine: fromLine, endLine });
    if (node.kind === 'map') {
      for (const entry of node.entries) visit(entry.value, entry.keyRange.start.line);
    } else {
      for (const item of node.items) visit(item, item.range.start.line);
    }
  };
  if (parsed.root && parsed.root.kind !== 'scalar') {
    // The root itself is the whole file: fold its children only.
    if (parsed.root.kind === 'map') for (const entry of parsed.root.entries) visit(entry.value, entry.keyRange.start.line);
    else for (const item of parsed.root.items) visit(item, item.range.start.line);
  }
  return folds;
}

/** Last line with content: a block node's range ends at the start of the next line. */
export function lastLine(node: LocatedNode): number {
  const end = node.range.end;
  return end.character === 0 && end.line > node.range.start.line ? end.line - 1 : end.line;
}
