// `crop` that leaves nothing: left + right (or top + bottom) of 1 or more. An error on `crop`.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { readNumber } from '../analysis/fields';
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const cropSize: TimelineCheck = {
  name: 'crop-size',
  clip({ item: { clip, spec } }) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(spec, ClipKeys.crop)) return issues;
    {
      {
        const crop = valueOf(clip.node, 'crop');
        if (crop?.kind !== 'map') return issues;
        const side = (key: string): number => readNumber(crop, key) ?? 0;
        const across = side('left') + side('right');
        const down = side('top') + side('bottom');
        if (across < 1 && down < 1) return issues;
        const what = across >= 1 ? `left + right is ${round(across)}` : `top + bottom is ${round(down)}`;
        issues.push(issue('crop-too-much', 'error', `crop leaves no picture: ${what}; the shares cut from opposite sides must add up to less than 1`, crop.range));
      }
    }
    return issues;
  },
};

const round = (n: number): number => Math.round(n * 1000) / 1000;
