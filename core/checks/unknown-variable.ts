// `${name}` in a title names a variable that is not under `variables:`.
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import { variableReferences } from '../variables';
import type { TimelineCheck } from './check';
import { unknownName } from './helpers';

export const unknownVariable: TimelineCheck = {
  name: 'unknown-variable',
  run({ parsed }) {
    const defined = parsed.model.variables.map((v) => v.name);
    const issues: TimelineIssue[] = [];
    for (const track of parsed.model.tracks) {
      for (const clip of track.clips) {
        const text = valueOf(clip.node, 'text');
        if (text?.kind !== 'scalar') continue;
        for (const reference of variableReferences(text, parsed)) {
          if (!defined.includes(reference.name)) issues.push(unknownName('unknown-variable', 'variable', reference.name, reference.range, defined));
        }
      }
    }
    return issues;
  },
};
