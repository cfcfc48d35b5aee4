// `${name}` in a title names a variable that is not under `variables:`.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import { variableReferences } from '../variables';
import type { TimelineCheck } from './check';
import { unknownName } from './helpers';

export const unknownVariable: TimelineCheck = {
  name: 'unknown-variable',
  clip({ item: { clip, spec } }, { parsed, variableNames: defined }) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(spec, ClipKeys.text)) return issues;
    {
      {
        const text = valueOf(clip.node, 'text');
        if (text?.kind !== 'scalar') return issues;
        for (const reference of variableReferences(text, parsed)) {
          if (!defined.includes(reference.name)) issues.push(unknownName('unknown-variable', 'variable', reference.name, reference.range, defined));
        }
      }
    }
    return issues;
  },
};
