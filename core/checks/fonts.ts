// A title or the subtitles ask for a font that is not installed, or a title holds characters its font
// has no glyph for (drawn as empty boxes). Checked only when the caller knows the fonts.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import type { FontCatalog } from '../api';
import { DEFAULT_TITLE_FONT } from '../compile/compile-clip';
import { valueOf, type LocatedNode } from '../parse/located';
import { quoteText } from '../quote-text';
import { closestMatch } from '../suggest';
import { substituteVariables } from '../variables';
import type { TimelineCheck } from './check';
import { issue } from './helpers';
import { isFontFile } from '../compile/compile-title';

export const fonts: TimelineCheck = {
  name: 'fonts',
  run({ parsed, analysis }) {
    const catalog = analysis.fonts;
    const subtitleFont = valueOf(valueOf(parsed.model.subtitles, 'style'), 'font');
    return catalog && subtitleFont ? fontNotFound(subtitleFont, catalog) : [];
  },
  clip({ item: { clip, spec } }, { analysis, variables }) {
    const catalog = analysis.fonts;
    if (!catalog || !mayHave(spec, ClipKeys.style | ClipKeys.text)) return [];
    const font = valueOf(valueOf(clip.node, 'style'), 'font');
    return [...(font ? fontNotFound(font, catalog) : []), ...missingGlyphs(clip.node, variables, catalog)];
  },
};

function fontNotFound(node: LocatedNode, catalog: FontCatalog): TimelineIssue[] {
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || catalog.resolve(node.value) || isFontFile(node.value)) return [];
  const suggestion = closestMatch(node.value, catalog.families());
  const found = issue('font-not-found', 'warning', `font "${node.value}" is not installed, so the render would use a default font${suggestion ? ` — did you mean "${suggestion}"?` : ''}`, node.range);
  if (suggestion) found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: node.range, newText: suggestion }], preferred: true }];
  return [found];
}

/** A title whose (substituted) text has characters its font cannot draw: FFmpeg's drawtext has no font fallback. */
function missingGlyphs(clipNode: LocatedNode, variables: ReadonlyMap<string, string>, catalog: FontCatalog): TimelineIssue[] {
  if (!catalog.missingGlyphs) return [];
  const issues: TimelineIssue[] = [];
  {
    {
      const clip = { node: clipNode };
      const text = valueOf(clip.node, 'text');
      if (text?.kind !== 'scalar' || text.value === null) return issues;
      const fontNode = valueOf(valueOf(clip.node, 'style'), 'font');
      const font = fontNode?.kind === 'scalar' && typeof fontNode.value === 'string' ? fontNode.value : DEFAULT_TITLE_FONT;
      if (!catalog.resolve(font)) return issues; // font-not-found says it already
      // Such titles are drawn as an image with per-glyph fallback (compile-title.ts): only characters
      // no installed font has still come out as boxes.
      const missing = catalog.missingGlyphs(font, substituteVariables(String(text.value), variables))?.filter((c) => !catalog.anyFontCovers?.(c));
      if (!missing?.length) return issues;
      const shown = missing.slice(0, 5).map((c) => `${quoteText(c)} (U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      const others = catalog.familiesCovering?.(missing) ?? [];
      const them = missing.length === 1 ? 'it' : 'them';
      const advice = others.length ? `; installed fonts that have ${them}: ${others.slice(0, 3).join(', ')}` : `; no installed font has ${them}`;
      issues.push(issue('missing-glyphs', 'warning', `font "${font}" has no glyph for ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}, drawn as an empty box${advice}`, text.range));
    }
  }
  return issues;
}
