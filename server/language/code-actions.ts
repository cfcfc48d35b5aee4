// Quick fixes and rewrites, as text edits: each issue's own fixes, plus create a missing asset, clamp
// `to` to the media's duration, split an overlapping overlay clip onto a new track, and convert a time
// value between its written forms (only forms that land on the same frame).

import {
  entryOf,
  formatClock,
  formatTimecode,
  framesToSeconds,
  locate,
  parseTimeValue,
  rational,
  timeToFrames,
  valueOf,
  type ParsedTimeline,
  type Rational,
} from '../../core';
import type { MediaLookupResult } from '../../protocol/media-facts';
import type { SourceRange, TextEdit, TimelineIssue } from '../../protocol/source-range';
import { clipAtOffset } from './clip-locator';
import { lastLine } from './folding';
import { obviousFix } from './more-fixes';
import { outputFps } from './time-style';
import { valueFix } from './value-fixes';

export interface Action {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  edits: TextEdit[];
  preferred?: boolean;
  /** The issue this fixes (quick fixes only). */
  issue?: TimelineIssue;
}

export interface ActionFacts {
  parsed: ParsedTimeline;
  issues: readonly TimelineIssue[];
  /** Media facts of an asset id, resolved against the timeline's folder. */
  assetMedia: (assetId: string) => MediaLookupResult | undefined;
}

const TIME_KEYS = new Set(['from', 'to', 'at', 'length', 'duration', 'gap', 'fadeIn', 'fadeOut']);

export function codeActions(facts: ActionFacts, range: SourceRange): Action[] {
  const actions: Action[] = [];
  for (const issue of facts.issues) {
    if (!intersects(issue.range, range)) continue;
    for (const fix of issue.fixes ?? []) {
      actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred ?? false, issue });
    }
    const extra = extraFix(facts, issue);
    if (extra) actions.push(extra);
  }
  actions.push(...timeConversions(facts.parsed, range));
  return actions;
}

function extraFix(facts: ActionFacts, issue: TimelineIssue): Action | undefined {
  switch (issue.code) {
    case 'unknown-asset':
      return createAsset(facts.parsed, issue);
    case 'past-media-end':
      return clampTo(facts, issue);
    case 'overlapping-clips':
    // A title or a still on an audio track: the picture belongs on an overlay track, at the same `at:`.
    case 'text-on-audio-track':
    case 'image-on-audio-track':
      return splitOntoNewTrack(facts.parsed, issue);
    default: {
      if (issue.fixes?.length) return undefined;
      const fix = obviousFix(facts.parsed, issue) ?? valueFix(facts, issue);
      return fix ? { title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred ?? false, issue } : undefined;
    }
  }
}

/** `asset: intro` with no `intro` under assets: add `intro: media/intro.mp4` to the assets. */
function createAsset(parsed: ParsedTimeline, issue: TimelineIssue): Action | undefined {
  const start = parsed.offsetAt(issue.range.start);
  const end = parsed.offsetAt(issue.range.end);
  const name = parsed.text.slice(start, end).replace(/^["']|["']$/g, '').trim();
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return undefined;
  const line = `${name}: media/${name}.mp4`;
  const assets = valueOf(parsed.root, 'assets');
  let edit: TextEdit;
  if (assets?.kind === 'map' && assets.entries.length > 0) {
    const indent = assets.entries[0]!.keyRange.start.character;
    const after = lastLine(assets) + 1;
    edit = { range: point(after, 0), newText: `${' '.repeat(indent)}${line}\n` };
  } else {
    const tracksEntry = parsed.root?.kind === 'map' ? parsed.root.entries.find((e) => e.key === 'tracks') : undefined;
    const at = tracksEntry ? tracksEntry.keyRange.start.line : 0;
    edit = { range: point(at, 0), newText: `assets:\n  ${line}\n` };
  }
  return { title: `Create asset "${name}"`, kind: 'quickfix', edits: [edit], issue };
}

/** `to:` past the end of the media: set it to the media's duration, in the form the file used. */
function clampTo(facts: ActionFacts, issue: TimelineIssue): Action | undefined {
  const { parsed } = facts;
  const offset = parsed.offsetAt(issue.range.start);
  const at = clipAtOffset(parsed, offset);
  const toNode = at ? valueOf(at.clip.node, 'to') : undefined;
  if (!at?.clip.asset || toNode?.kind !== 'scalar' || toNode.offsets[0] !== offset) return undefined;
  const media = facts.assetMedia(at.clip.asset.name);
  const seconds = media?.status === 'ok' ? media.facts.durationSeconds : undefined;
  if (seconds === undefined) return undefined;
  // Round down to the millisecond so the new `to` is never past the end either.
  const ms = Math.floor(seconds * 1000);
  const exact = rational(ms, 1000);
  const text = /^\d+:\d\d:\d\d/.test(toNode.source) ? formatClock(exact) : `${ms / 1000}s`;
  return {
    title: `Clamp to the media's duration (${text})`,
    kind: 'quickfix',
    edits: [{ range: toNode.range, newText: text }],
    preferred: true,
    issue,
  };
}

/** Two overlay clips overlap: move this one to a new overlay track after the last track. */
function splitOntoNewTrack(parsed: ParsedTimeline, issue: TimelineIssue): Action | undefined {
  const at = clipAtOffset(parsed, parsed.offsetAt(issue.range.start));
  const tracks = valueOf(parsed.root, 'tracks');
  if (!at || tracks?.kind !== 'seq') return undefined;
  const clipNode = at.clip.node;
  const firstLine = clipNode.range.start.line;
  const lastClipLine = lastLine(clipNode);
  const lines = linesOf(parsed, firstLine, lastClipLine);
  const dashColumn = clipNode.range.start.character - 2;
  if (dashColumn < 0 || !lines[0]?.slice(dashColumn).startsWith('-')) return undefined;
  const trackDash = at.track.node.range.start.character - 2;
  const ids = new Set(parsed.model.tracks.map((t) => t.id));
  let n = 2;
  while (ids.has(`${at.track.id}-${n}`)) n++;
  const newId = `${at.track.id ?? 'overlay'}-${n}`;
  const shift = trackDash + 4 - dashColumn;
  const moved = lines.map((l) => (shift >= 0 ? ' '.repeat(shift) + l : l.slice(Math.min(-shift, l.length - l.trimStart().length)))).join('\n');
  const pad = ' '.repeat(trackDash);
  const block = `${pad}- id: ${newId}\n${pad}  type: overlay\n${pad}  clips:\n${moved}\n`;
  const insertLine = lastLine(tracks) + 1;
  const edits: TextEdit[] = [
    { range: { start: { line: firstLine, character: 0 }, end: { line: lastClipLine + 1, character: 0 } }, newText: '' },
    { range: point(insertLine, 0), newText: block },
  ];
  // The track's only clip: its `clips:` would be left without a value; it becomes an empty list.
  const clipsKey = entryOf(at.track.node, 'clips')?.keyRange;
  if (at.track.clips.length === 1 && clipsKey && parsed.text[parsed.offsetAt(clipsKey.end)] === ':') {
    edits.push({ range: point(clipsKey.end.line, clipsKey.end.character + 1), newText: ' []' });
  }
  return { title: `Move this clip to a new overlay track "${newId}"`, kind: 'quickfix', edits, issue };
}

/** A time value under the cursor: offer it as seconds, clock time, SMPTE timecode and frames. */
function timeConversions(parsed: ParsedTimeline, range: SourceRange): Action[] {
  const located = locate(parsed.root, parsed.offsetAt(range.start));
  const key = located?.path[located.path.length - 1];
  const node = located?.node;
  if (typeof key !== 'string' || !TIME_KEYS.has(key) || node?.kind !== 'scalar' || located?.onKey) return [];
  if (typeof node.value !== 'string' && typeof node.value !== 'number') return [];
  const fps = outputFps(parsed.root);
  const parsedTime = parseTimeValue(node.value, fps);
  if (!parsedTime.ok) return [];
  const frames = timeToFrames(parsedTime.value, fps);
  const seconds = framesToSeconds(frames, fps);
  const secondsText = `${Math.round((seconds.num / seconds.den) * 1000) / 1000}s`;
  const forms: [string, string][] = [
    ['seconds', secondsText],
    ['clock time', formatClock(seconds)],
    ['SMPTE timecode', safeTimecode(frames, fps)],
    ['frames', `${frames}f`],
  ];
  const current = node.source.replace(/^["']|["']$/g, '').trim();
  const actions: Action[] = [];
  for (const [name, text] of forms) {
    if (!text || text === current) continue;
    const back = parseTimeValue(text, fps);
    // Only exact conversions: the new text must name the same frame.
    if (!back.ok || timeToFrames(back.value, fps) !== frames) continue;
    actions.push({ title: `Write as ${name} (${text})`, kind: 'refactor.rewrite', edits: [{ range: node.range, newText: text }] });
  }
  return actions;
}

function safeTimecode(frames: number, fps: Rational): string {
  try {
    return formatTimecode(frames, fps, false);
  } catch {
    return '';
  }
}

function linesOf(parsed: ParsedTimeline, first: number, last: number): string[] {
  const start = parsed.offsetAt({ line: first, character: 0 });
  const endLineStart = parsed.offsetAt({ line: last, character: 0 });
  let end = parsed.text.indexOf('\n', endLineStart);
  if (end < 0) end = parsed.text.length;
  return parsed.text.slice(start, end).replace(/\r/g, '').split('\n');
}

function point(line: number, character: number): SourceRange {
  return { start: { line, character }, end: { line, character } };
}

function intersects(a: SourceRange, b: SourceRange): boolean {
  const before = (p: SourceRange['start'], q: SourceRange['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
