// A title that would run past the frame's edge: a warning on the text. Widths are estimated from
// the characters (0.6 em a letter, 1 em for wide scripts, 1.25 em an emoji): the core cannot
// measure fonts, so only a title clearly too wide or tall is reported, with `style.width` to wrap it.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { readNumber } from '../analysis/fields';
import { ANCHOR_MARGIN } from '../compile/compile-clip';
import { valueOf } from '../parse/located';
import { substituteVariables } from '../variables';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
/** Reported only when the estimate is this much past the room: estimates are rough. */
const SLACK = 1.1;

export function estimateLineWidth(line: string, size: number): number {
  let ems = 0;
  for (const c of line) ems += EMOJI.test(c) ? 1.25 : WIDE.test(c) ? 1 : /[\u200d\ufe0f]/u.test(c) ? 0 : 0.6;
  return ems * size;
}

export const textOffFrame: TimelineCheck = {
  name: 'text-off-frame',
  clip({ item: { clip, spec } }, { output, variables }) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(spec, ClipKeys.text)) return issues;
    {
      {
        const textNode = valueOf(clip.node, 'text');
        if (textNode?.kind !== 'scalar' || textNode.value === null) return issues;
        const style = valueOf(clip.node, 'style');
        const size = (readNumber(style, 'size') ?? 64) * (readNumber(clip.node, 'scale') ?? 1);
        const wrap = readNumber(style, 'width');
        const lines = substituteVariables(String(textNode.value), variables).split(/\r\n|[\n\r\f\v]/);
        const widest = Math.max(...lines.map((l) => estimateLineWidth(l, size)));
        const margin = Math.round(output.height * ANCHOR_MARGIN);
        const position = valueOf(clip.node, 'position');
        const left = position?.kind === 'map' ? readNumber(position, 'x') ?? 0 : margin;
        const top = position?.kind === 'map' ? readNumber(position, 'y') ?? 0 : margin;
        const roomW = output.width - (position?.kind === 'map' ? left : 2 * margin);
        const width = wrap ?? widest;
        const lineCount = wrap ? lines.reduce((n, l) => n + Math.max(1, Math.ceil(estimateLineWidth(l, size) / wrap)), 0) : lines.length;
        const height = lineCount * size * 1.2;
        const roomH = output.height - (position?.kind === 'map' ? top : 2 * margin);
        if (width > roomW * SLACK) {
          const fix = wrap ? 'a smaller style.width' : 'style.width to wrap it, a smaller size, or a line break';
          issues.push(issue('text-off-frame', 'warning', `this title is about ${Math.round(width)} px wide, the frame has room for ${roomW} px: it would run off the frame; use ${fix}`, textNode.range));
        } else if (height > roomH * SLACK) {
          issues.push(issue('text-off-frame', 'warning', `this title is about ${Math.round(height)} px tall (${lineCount} lines), the frame has room for ${roomH} px: it would run off the frame`, textNode.range));
        }
      }
    }
    return issues;
  },
};
