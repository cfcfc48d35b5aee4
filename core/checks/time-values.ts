// Time values that look right but do not exist: frame 30 at 30 fps, a skipped drop-frame number,
// drop-frame at a rate that has none. (Values of the wrong shape are the schema's to report.)
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import type { LocatedNode } from '../parse/located';
import type { Rational } from '../time/rational';
import { TIME_VALUE_PATTERN } from '../time/timecode';
import { parseTimeOnce } from '../analysis/time-memo';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const TIME_KEYS = new Set(['from', 'to', 'length', 'at', 'gap', 'fadeIn', 'fadeOut', 'duration']);
const SHAPE = new RegExp(TIME_VALUE_PATTERN);

export const timeValues: TimelineCheck = {
  name: 'time-values',
  // Outside the clips here; each clip's own values in `clip`, kept between edits.
  run({ parsed, fps, clipLists }) {
    return timeIssues(parsed.model.root, fps, clipLists);
  },
  clip({ item: { spec } }, { fps }) {
    // Valid top-level times were parsed into the spec already; only nested ones or failures need the walk.
    return mayHave(spec, ClipKeys.nested | ClipKeys.badTime | ClipKeys.duration) ? timeIssues(spec.node, fps) : [];
  },
};

function timeIssues(root: LocatedNode | undefined, fps: Rational, skip?: ReadonlySet<LocatedNode>): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  if (root) visit(root, fps, issues, skip);
  return issues;
}

function visit(node: LocatedNode, fps: Rational, issues: TimelineIssue[], skip: ReadonlySet<LocatedNode> | undefined): void {
  if (node.kind === 'seq') for (const item of node.items) visit(item, fps, issues, skip);
  if (node.kind !== 'map') return;
  for (const entry of node.entries) {
    const value = entry.value;
    if (TIME_KEYS.has(entry.key) && value.kind === 'scalar' && typeof value.value === 'string') {
      // Remembered per written value (the clip's spec read most of them already).
      const result = parseTimeOnce(value.value, fps);
      if (!result.ok && SHAPE.test(value.value)) issues.push(issue(result.code, 'error', `${entry.key}: ${result.reason}`, value.range));
    } else if (value.kind !== 'scalar' && entry.key !== 'metadata' && !(entry.key === 'clips' && skip?.has(value))) {
      visit(value, fps, issues, skip);
    }
  }
}
