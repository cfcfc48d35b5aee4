// A clip's `lut:` names a file that is missing or is not a 3D .cube LUT lut3d can read (size,
// domain, entry count): an error on the `lut:` value, naming the line of the LUT file. Checked
// only when the caller reads files for the core (AnalysisContext.luts).
import type { TimelineIssue } from '../../protocol/source-range';
import { lutPath } from '../compile/compile-look';
import { valueOf } from '../parse/located';
import { quoteText } from '../quote-text';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const lutFile: TimelineCheck = {
  name: 'lut-file',
  run({ parsed, analysis }) {
    const read = analysis.luts;
    if (!read) return [];
    const issues: TimelineIssue[] = [];
    for (const track of parsed.model.tracks) {
      for (const clip of track.clips) {
        const node = valueOf(clip.node, 'lut');
        if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !node.value.endsWith('.cube')) continue;
        const result = read(lutPath(node.value, analysis.timelinePath));
        if (result.status === 'missing') issues.push(issue('lut-not-found', 'error', `LUT file ${quoteText(node.value)} does not exist or cannot be read`, node.range));
        if (result.status === 'invalid') {
          const where = result.line ? ` (line ${result.line})` : '';
          issues.push(issue('lut-invalid', 'error', `${quoteText(node.value)} is not a 3D LUT lut3d can read${where}: ${result.message}`, node.range));
        }
      }
    }
    return issues;
  },
};
