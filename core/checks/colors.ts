// Colour values must be CSS names or #rrggbb.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { NAMED_COLORS, normalizeColor } from '../colors';
import type { LocatedNode } from '../parse/located';
import { closestMatch } from '../suggest';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const COLOR_KEYS = new Set(['background', 'color', 'boxColor', 'borderColor']);

export const colors: TimelineCheck = {
  name: 'colors',
  // Outside the clips here; each clip's own values in `clip`, kept between edits.
  run({ parsed, clipLists }) {
    return colorIssues(parsed.model.root, clipLists);
  },
  clip({ item: { spec } }) {
    return mayHave(spec, ClipKeys.nested | ClipKeys.colorKey) ? colorIssues(spec.node) : [];
  },
};

function colorIssues(root: LocatedNode | undefined, skip?: ReadonlySet<LocatedNode>): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  if (root) visit(root, issues, skip);
  return issues;
}

function visit(node: LocatedNode, issues: TimelineIssue[], skip: ReadonlySet<LocatedNode> | undefined): void {
  if (node.kind === 'seq') for (const item of node.items) visit(item, issues, skip);
  if (node.kind !== 'map') return;
  for (const entry of node.entries) {
    const value = entry.value;
    if (entry.key === 'metadata' || (entry.key === 'clips' && skip?.has(value))) continue;
    if (!COLOR_KEYS.has(entry.key) || value.kind !== 'scalar' || typeof value.value !== 'string') {
      if (value.kind !== 'scalar') visit(value, issues, skip);
      continue;
    }
    if (normalizeColor(value.value)) continue;
    const suggestion = /^#/.test(value.value) ? undefined : closestMatch(value.value, NAMED_COLORS.keys());
    const found = issue('unknown-color', 'error', `unknown colour "${value.value}"${suggestion ? ` — did you mean "${suggestion}"?` : '; use a CSS colour name or #rrggbb'}`, value.range);
    if (suggestion) found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: value.range, newText: suggestion }], preferred: true }];
    issues.push(found);
  }
}
