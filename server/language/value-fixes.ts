// Quick fixes that rewrite a value to the one the issue's message names, or remove a setting that
// cannot work: a number clamped to the limit it must respect, a transition shortened to the clip it
// joins, a freeze moved onto the media's last frame, an output file name that fits its codec and
// stays in the timeline's folder, an ease that does nothing and a duck under its own track removed.

import { basename, extname, posix } from 'node:path';
import { entryOf, locate, valueOf, type ParsedTimeline } from '../../core';
import type { MediaLookupResult } from '../../protocol/media-facts';
import type { TextEdit, TimelineIssue } from '../../protocol/source-range';
import { clipAtOffset } from './clip-locator';
import type { SimpleFix } from './more-fixes';
import { outputFps } from './time-style';
import { nodeAt, removeAnyEntry, removeEntry } from './yaml-edits';

export interface ValueFixFacts {
  parsed: ParsedTimeline;
  assetMedia: (assetId: string) => MediaLookupResult | undefined;
}

export function valueFix(facts: ValueFixFacts, issue: TimelineIssue): SimpleFix | undefined {
  const { parsed } = facts;
  const start = parsed.offsetAt(issue.range.start);
  const written = parsed.text.slice(start, parsed.offsetAt(issue.range.end));
  const replace = (title: string, newText: string): SimpleFix => ({ title, edits: [{ range: issue.range, newText }], preferred: true });
  switch (issue.code) {
    case 'out-of-range': {
      // The schema's own limit, as its message states it; only inclusive limits name a value to use.
      const limit = /must be at (least|most) (-?\d+(?:\.\d+)?) \(got /.exec(issue.message);
      return limit && /^-?\d/.test(written.trim()) ? replace(`Change to ${limit[2]}`, limit[2]!) : undefined;
    }
    case 'transition-too-long': {
      // "the 2s transition is longer than this clip (1.5s)": as long as the shorter neighbour.
      const longest = /longer than .* \(([^)]+)\)$/.exec(issue.message)?.[1];
      return longest ? replace(`Shorten the transition to ${longest}`, longest) : undefined;
    }
    case 'freeze-past-end':
      return freezeOnLastFrame(facts, issue, start);
    case 'output-codec-mismatch': {
      const path = outputPathAt(parsed, start);
      if (!path || !extname(path)) return undefined;
      const fixed = `${path.slice(0, -extname(path).length)}${extname(path).toLowerCase() === '.gif' ? '.mp4' : '.gif'}`;
      return replace(`Write to ${fixed}`, fixed);
    }
    case 'output-outside-folder': {
      const path = outputPathAt(parsed, start);
      if (!path) return undefined;
      const fixed = posix.join('out', basename(path));
      return replace(`Write to ${fixed}`, fixed);
    }
    case 'output-overwrites-input': {
      const path = outputPathAt(parsed, start);
      if (!path) return undefined;
      const name = basename(path).replace(/\.timeline\.ya?ml$/i, '');
      const ext = extname(name);
      const fixed = posix.join('out', `${ext ? name.slice(0, -ext.length) : name}-render${ext && !/^\.ya?ml$/i.test(ext) ? ext : '.mp4'}`);
      return replace(`Write to ${fixed}`, fixed);
    }
    case 'ease-without-effect': {
      const at = locate(parsed.root, start);
      const keyframe = at ? nodeAt(parsed.root, at.path.slice(0, at.path.lastIndexOf('ease'))) : undefined;
      const entry = entryOf(keyframe, 'ease');
      const edit = keyframe && entry ? removeAnyEntry(parsed, keyframe, entry) : undefined;
      return edit ? { title: `Remove "ease: ${written}" (it does nothing here)`, edits: [edit], preferred: true } : undefined;
    }
    case 'duck-own-track': {
      const clip = clipAtOffset(parsed, start);
      const entry = clip ? entryOf(clip.clip.node, 'duck') : undefined;
      const edit = entry ? removeEntry(parsed, entry) : undefined;
      return edit ? { title: 'Remove the duck (a track cannot duck under itself)', edits: [edit], preferred: true } : undefined;
    }
    default:
      return undefined;
  }
}

/** The written `output.path` when the issue sits on it (an issue about the default path sits on `output:`). */
function outputPathAt(parsed: ParsedTimeline, offset: number): string | undefined {
  const node = valueOf(valueOf(parsed.root, 'output'), 'path');
  return node?.kind === 'scalar' && node.offsets[0] === offset && typeof node.value === 'string' ? node.value : undefined;
}

/** `freeze:` at or past the media's end: hold its last frame instead, written in frames of the timeline. */
function freezeOnLastFrame(facts: ValueFixFacts, issue: TimelineIssue, offset: number): SimpleFix | undefined {
  const at = clipAtOffset(facts.parsed, offset);
  const media = at?.clip.asset ? facts.assetMedia(at.clip.asset.name) : undefined;
  const seconds = media?.status === 'ok' ? media.facts.durationSeconds : undefined;
  if (seconds === undefined || !valueOf(at?.clip.node, 'freeze')) return undefined;
  const fps = outputFps(facts.parsed.root);
  // The last frame that starts before the end (a frame starting exactly at the end holds nothing).
  const last = Math.ceil((seconds * fps.num) / fps.den - 1e-9) - 1;
  if (last < 0) return undefined;
  const edit: TextEdit = { range: issue.range, newText: `${last}f` };
  return { title: `Freeze the media's last frame (${last}f)`, edits: [edit], preferred: true };
}
