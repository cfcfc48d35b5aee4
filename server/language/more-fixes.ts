// Quick fixes for diagnostics whose fix is obvious from the issue alone (the issue's own message
// says it): `;` → `:` in timecode at a non-drop rate, drop `length` when `to` is given, drop a
// first clip's transition, add a missing length, define an unknown variable, rename a duplicate
// track id, write out a `<<:` merge key's keys. Each edit touches only the lines it names.

import { clipAtOffset } from './clip-locator';
import { entryOf, locate, valueOf, type LocatedNode, type ParsedTimeline } from '../../core';
import type { TextEdit, TimelineIssue } from '../../protocol/source-range';
import { addEntry, nodeAt, point, removeEntry } from './yaml-edits';

export interface SimpleFix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export function obviousFix(parsed: ParsedTimeline, issue: TimelineIssue): SimpleFix | undefined {
  const start = parsed.offsetAt(issue.range.start);
  const written = parsed.text.slice(start, parsed.offsetAt(issue.range.end));
  switch (issue.code) {
    case 'drop-frame-rate': {
      if (!written.includes(';')) return undefined;
      const fixed = written.replace(';', ':');
      return { title: `Write non-drop timecode (${fixed.replace(/^["']|["']$/g, '')})`, edits: [{ range: issue.range, newText: fixed }], preferred: true };
    }
    case 'to-and-length': {
      const clip = clipAtOffset(parsed, start);
      const entry = clip ? entryOf(clip.clip.node, 'length') : undefined;
      const edit = entry ? removeEntry(parsed, entry) : undefined;
      return edit ? { title: 'Remove "length" (keep "to")', edits: [edit], preferred: true } : undefined;
    }
    case 'transition-on-first-clip': {
      const clip = clipAtOffset(parsed, start);
      const entry = clip ? entryOf(clip.clip.node, 'transition') : undefined;
      const edit = entry ? removeEntry(parsed, entry) : undefined;
      return edit ? { title: 'Remove the transition', edits: [edit], preferred: true } : undefined;
    }
    case 'missing-length': {
      const clip = clipAtOffset(parsed, start);
      const edit = clip ? addEntry(parsed, clip.clip.node, 'length: 4s') : undefined;
      return edit ? { title: 'Add "length: 4s"', edits: [edit], preferred: true } : undefined;
    }
    case 'unknown-variable': {
      const name = written.trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
      const variables = valueOf(parsed.root, 'variables');
      if (variables?.kind === 'map' && variables.entries.length > 0) {
        const edit = addEntry(parsed, variables, `${name}: ""`);
        return edit ? { title: `Define variable "${name}"`, edits: [edit] } : undefined;
      }
      const tracks = parsed.root?.kind === 'map' ? parsed.root.entries.find((e) => e.key === 'tracks') : undefined;
      const line = tracks?.keyRange.start.line ?? 0;
      return { title: `Define variable "${name}"`, edits: [{ range: point(line, 0), newText: `variables:\n  ${name}: ""\n` }] };
    }
    case 'duplicate-track-id': {
      const ids = new Set(parsed.model.tracks.map((t) => t.id));
      const base = written.replace(/^["']|["']$/g, '');
      let n = 2;
      while (ids.has(`${base}-${n}`)) n++;
      return { title: `Rename to "${base}-${n}"`, edits: [{ range: issue.range, newText: `${base}-${n}` }], preferred: true };
    }
    case 'ignored-setting': {
      const clip = clipAtOffset(parsed, start);
      const entry = clip ? entryOf(clip.clip.node, written.replace(/^["']|["']$/g, '')) : undefined;
      const edit = entry ? removeEntry(parsed, entry) : undefined;
      return edit ? { title: `Remove "${entry?.key}" (it has no effect here)`, edits: [edit], preferred: true } : undefined;
    }
    case 'from-after-to': {
      const clip = clipAtOffset(parsed, start);
      const from = clip ? valueOf(clip.clip.node, 'from') : undefined;
      const to = clip ? valueOf(clip.clip.node, 'to') : undefined;
      if (from?.kind !== 'scalar' || to?.kind !== 'scalar') return undefined;
      const text = (n: LocatedNode) => parsed.text.slice(n.offsets[0], n.offsets[1]);
      return { title: 'Swap "from" and "to"', edits: [{ range: from.range, newText: text(to) }, { range: to.range, newText: text(from) }], preferred: true };
    }
    case 'transition-not-on-video-track': {
      const clip = clipAtOffset(parsed, start);
      const entry = clip ? entryOf(clip.clip.node, 'transition') : undefined;
      const edit = entry ? removeEntry(parsed, entry) : undefined;
      if (!entry || !edit) return undefined;
      const duration = valueOf(entry.value, 'duration');
      const length = duration?.kind === 'scalar' ? parsed.text.slice(duration.offsets[0], duration.offsets[1]) : '0.5s';
      const indent = ' '.repeat(entry.keyRange.start.character);
      return { title: `Fade in over ${length} instead`, edits: [{ range: edit.range, newText: `${indent}fadeIn: ${length}\n` }], preferred: true };
    }
    case 'merge-key-unsupported': {
      const at = locate(parsed.root, start);
      const map = at ? parentMap(parsed.root, at.path) : undefined;
      const entry = map ? entryOf(map, '<<') : undefined;
      if (!map || !entry || entry.value.kind !== 'map' || map.kind !== 'map') return undefined;
      const own = new Set(map.entries.map((e) => e.key));
      const keys = entry.value.entries.filter((e) => !own.has(e.key));
      const indent = ' '.repeat(entry.keyRange.start.character);
      const text = keys.map((e) => `${e.key}: ${parsed.text.slice(e.value.offsets[0], e.value.offsets[1])}`);
      const removal = removeEntry(parsed, entry);
      if (!removal || text.some((t) => t.includes('\n'))) return undefined;
      return { title: 'Write the merged keys out', edits: [{ range: removal.range, newText: text.map((t) => `${indent}${t}\n`).join('') }], preferred: true };
    }
    default:
      return undefined;
  }
}

function parentMap(root: LocatedNode | undefined, path: readonly (string | number)[]): LocatedNode | undefined {
  const upTo = path.indexOf('<<');
  return nodeAt(root, upTo >= 0 ? path.slice(0, upTo) : path.slice(0, -1));
}
