// Hover text (markdown): the schema's description for any key; for a clip, where it lands on the
// timeline and its source's media facts; for an asset, its media facts and where it is used.

import { frameStartSeconds, locate, parseTimeValue, schemaAtPath, formatTimecode, timeToFrames, variableReferences, type ParsedTimeline, type PositionInTree } from '../../core';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import type { MediaFacts, MediaLookupResult } from '../../protocol/media-facts';
import { clipId } from './clip-locator';
import { compiledClip } from './compiled-index';
import { describe } from './completion';

export interface HoverFacts {
  parsed: ParsedTimeline;
  compiled: CompiledTimeline | undefined;
  /** Media facts of an asset by id (resolved against the timeline's folder). */
  assetMedia: (assetId: string) => { path: string; result: MediaLookupResult } | undefined;
}

export function hoverMarkdown(facts: HoverFacts, offset: number): string | undefined {
  const { parsed } = facts;
  const at = locate(parsed.root, offset);
  if (!at || at.path.length === 0) return undefined;
  const [section, index, sub, clipIndex] = at.path;

  const parts: string[] = [];
  const value = valueHover(facts, at, offset);
  if (value) parts.push(value);
  if (at.onKey) {
    const schema = schemaAtPath(at.path);
    const text = describe(schema);
    if (text) parts.push(`**${String(at.path[at.path.length - 1])}**${schema?.title ? ` — ${schema.title}` : ''}\n\n${text}`);
  }
  if (section === 'assets' && typeof index === 'string') {
    parts.push(assetHover(facts, index));
  } else if (section === 'tracks' && typeof index === 'number' && sub === 'clips' && typeof clipIndex === 'number' && (!at.onKey || at.path.length === 5)) {
    const clip = clipHover(facts, index, clipIndex);
    if (clip) parts.push(clip);
  } else if (!at.onKey && at.node?.kind === 'scalar') {
    const schema = schemaAtPath(at.path);
    const i = schema?.enum?.indexOf(at.node.value) ?? -1;
    const descriptions = Array.isArray(schema?.enumDescriptions) ? schema.enumDescriptions : [];
    if (i >= 0 && descriptions[i]) parts.push(`**${String(at.node.value)}** — ${descriptions[i]}`);
    else if (describe(schema)) parts.push(describe(schema) as string);
  }
  return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
}

/** A time says which frame and timecode it is; a `${name}` says what it stands for. */
function valueHover(facts: HoverFacts, at: PositionInTree, offset: number): string | undefined {
  const node = at.node;
  if (at.onKey || node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  for (const ref of variableReferences(node, facts.parsed)) {
    const [start, end] = [facts.parsed.offsetAt(ref.range.start), facts.parsed.offsetAt(ref.range.end)];
    if (offset < start - 2 || offset > end + 1) continue;
    const variable = facts.parsed.model.variables.find((v) => v.name === ref.name);
    return variable
      ? `**\${${ref.name}}** = ${variable.value === undefined ? '_(not text)_' : `"${variable.value}"`}  \nDefined on line ${variable.nameRange.start.line + 1}.`
      : `**\${${ref.name}}** is not defined under \`variables:\`.`;
  }
  const schema = schemaAtPath(at.path);
  if (schema?.title !== 'time value' || !facts.compiled) return undefined;
  const { fps, dropFrame } = facts.compiled.output;
  const parsed = parseTimeValue(node.value, fps);
  if (!parsed.ok) return undefined;
  const frames = timeToFrames(parsed.value, fps);
  const rate = Math.round((fps.num / fps.den) * 1000) / 1000;
  const seconds = Math.round((frames * fps.den * 1_000_000) / fps.num) / 1_000_000;
  return `**${node.source}** = frame ${frames} · ${formatTimecode(frames, fps, dropFrame)} · ${seconds}s at ${rate} fps`;
}

function clipHover(facts: HoverFacts, trackIndex: number, clipIndex: number): string | undefined {
  const track = facts.parsed.model.tracks[trackIndex];
  const clip = track?.clips[clipIndex];
  if (!track || !clip) return undefined;
  const lines: string[] = [];
  const compiled = facts.compiled ? compiledClip(facts.compiled, clipId(track, clip)) : undefined;
  const title = clip.kind === 'gap' ? 'Gap' : clip.kind === 'text' ? 'Title' : `Clip \`${clip.asset?.name ?? '?'}\``;
  lines.push(`**${title}** on track \`${track.id ?? track.index + 1}\``);
  if (compiled && facts.compiled) lines.push(placement(compiled, facts.compiled));
  else lines.push('_Timeline position appears when the timeline has no errors._');
  if (clip.asset) {
    const media = facts.assetMedia(clip.asset.name);
    if (media) lines.push(`Source: \`${media.path}\`  \n${mediaLine(media.result)}`);
  }
  return lines.join('\n\n');
}

function placement(clip: CompiledClip, timeline: CompiledTimeline): string {
  const { fps, dropFrame } = timeline.output;
  const end = clip.start + clip.duration;
  const tc = (f: number) => formatTimecode(f, fps, dropFrame);
  const seconds = Math.round(frameStartSeconds(clip.duration, fps) * 1000) / 1000;
  let text = `Timeline: ${tc(clip.start)} → ${tc(end)} (frames ${clip.start}–${end})  \nDuration: ${seconds}s (${clip.duration} frames)`;
  if (clip.source.kind === 'media') {
    const inS = clip.source.in.num / clip.source.in.den;
    const outS = clip.source.out.num / clip.source.out.den;
    text += `  \nSource range: ${round(inS)}s → ${round(outS)}s${clip.speed !== 1 ? ` at ${clip.speed}× speed` : ''}`;
  }
  return text;
}

function assetHover(facts: HoverFacts, assetId: string): string {
  const lines: string[] = [`**Asset \`${assetId}\`**`];
  const media = facts.assetMedia(assetId);
  if (media) lines.push(`\`${media.path}\`  \n${mediaLine(media.result)}`);
  const uses: string[] = [];
  let count = 0;
  for (const track of facts.parsed.model.tracks) {
    for (const clip of track.clips) {
      if (clip.asset?.name !== assetId) continue;
      count++;
      if (uses.length < 10) {
        const placed = facts.compiled ? compiledClip(facts.compiled, clipId(track, clip)) : undefined;
        const when = placed && facts.compiled ? ` at ${formatTimecode(placed.start, facts.compiled.output.fps, facts.compiled.output.dropFrame)}` : '';
        uses.push(`- track \`${track.id ?? track.index + 1}\`, clip ${clip.index + 1} (line ${clip.node.range.start.line + 1})${when}`);
      }
    }
  }
  if (facts.parsed.model.subtitles) {
    const sub = facts.parsed.model.subtitles;
    if (sub.kind === 'map' && sub.entries.some((e) => e.key === 'asset' && e.value.kind === 'scalar' && e.value.value === assetId)) {
      count++;
      uses.push(`- subtitles (line ${sub.range.start.line + 1})`);
    }
  }
  if (count === 0) lines.push('Not used by any clip.');
  else lines.push(`Used ${count === 1 ? 'once' : `${count} times`}:\n${uses.join('\n')}${count > uses.length ? `\n- … and ${count - uses.length} more` : ''}`);
  return lines.join('\n\n');
}

export function mediaLine(result: MediaLookupResult): string {
  switch (result.status) {
    case 'pending':
      return '_Reading media facts…_';
    case 'missing':
      return '**File not found.**';
    case 'unreadable':
      return `**Cannot read the file:** ${result.reason}`;
    case 'ok':
      return describeMedia(result.facts);
  }
}

export function describeMedia(facts: MediaFacts): string {
  const parts: string[] = [];
  if (facts.isSubtitle) parts.push('subtitles');
  if (facts.video) {
    const v = facts.video;
    const rate = facts.isStill ? 'still image' : `${round(v.frameRate.num / v.frameRate.den)} fps`;
    parts.push(`video ${v.codec} ${v.width}×${v.height}, ${rate}${v.rotation ? `, rotated ${v.rotation}°` : ''}`);
  }
  if (facts.audio) parts.push(`audio ${facts.audio.codec} ${facts.audio.sampleRate / 1000} kHz, ${channels(facts.audio.channels)}`);
  if (facts.durationSeconds !== undefined) parts.push(`duration ${round(facts.durationSeconds)}s`);
  if (facts.startTimecode) parts.push(`starts at timecode ${facts.startTimecode}`);
  return parts.join(' · ') || facts.format;
}

function channels(n: number): string {
  return n === 1 ? 'mono' : n === 2 ? 'stereo' : `${n} channels`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
