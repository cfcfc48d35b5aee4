// A title or the subtitles ask for a font that is not installed (checked only when the caller knows the fonts).
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf, type LocatedNode } from '../parse/located';
import { closestMatch } from '../suggest';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const fonts: TimelineCheck = {
  name: 'fonts',
  run({ parsed, analysis }) {
    const catalog = analysis.fonts;
    if (!catalog) return [];
    const fontNodes: LocatedNode[] = [];
    for (const track of parsed.model.tracks) {
      for (const clip of track.clips) {
        const font = valueOf(valueOf(clip.node, 'style'), 'font');
        if (font) fontNodes.push(font);
      }
    }
    const subtitleFont = valueOf(valueOf(parsed.model.subtitles, 'style'), 'font');
    if (subtitleFont) fontNodes.push(subtitleFont);
    const issues: TimelineIssue[] = [];
    for (const node of fontNodes) {
      if (node.kind !== 'scalar' || typeof node.value !== 'string' || catalog.resolve(node.value)) continue;
      const suggestion = closestMatch(node.value, catalog.families());
      const found = issue('font-not-found', 'warning', `font "${node.value}" is not installed, so the render would use a default font${suggestion ? ` — did you mean "${suggestion}"?` : ''}`, node.range);
      if (suggestion) found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: node.range, newText: suggestion }], preferred: true }];
      issues.push(found);
    }
    return issues;
  },
};
