// The outline of a timeline: sections, assets, variables, tracks → clips (with where each clip
// lands on the timeline when the document compiles), markers. Complete at any size.

import { entryOf, stringOf, valueOf, type LocatedNode, type ParsedTimeline } from '../../core';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import { clipId } from './clip-locator';
import { compiledClip } from './compiled-index';
import { detectTimeStyle, formatFrames } from './time-style';

export type OutlineKind = 'section' | 'asset' | 'variable' | 'track' | 'clip' | 'gap' | 'text' | 'marker';

export interface OutlineItem {
  name: string;
  detail?: string | undefined;
  kind: OutlineKind;
  range: SourceRange;
  selectionRange: SourceRange;
  children?: OutlineItem[];
}

export function buildOutline(parsed: ParsedTimeline, compiled: CompiledTimeline | undefined): OutlineItem[] {
  const root = parsed.root;
  if (root?.kind !== 'map') return [];
  const style = compiled ? detectTimeStyle(parsed.text) : 'seconds';
  const at = (frames: number): string => (compiled ? formatFrames(frames, compiled.output.fps, style, compiled.output.dropFrame) : '');
  const items: OutlineItem[] = [];
  for (const entry of root.entries) {
    const section: OutlineItem = {
      name: entry.key,
      kind: 'section',
      range: span(entry.keyRange, entry.value.range),
      selectionRange: entry.keyRange,
    };
    if (entry.key === 'assets') {
      section.children = parsed.model.assets.map((a) => ({
        name: a.id,
        detail: a.path,
        kind: 'asset' as const,
        range: span(a.entry.keyRange, a.entry.value.range),
        selectionRange: a.idRange,
      }));
    } else if (entry.key === 'variables') {
      section.children = parsed.model.variables.map((v) => ({
        name: v.name,
        detail: v.value,
        kind: 'variable' as const,
        range: span(v.entry.keyRange, v.entry.value.range),
        selectionRange: v.nameRange,
      }));
    } else if (entry.key === 'tracks') {
      section.children = parsed.model.tracks.map((track) => ({
        name: track.id ?? `track ${track.index + 1}`,
        detail: `${track.kind} · ${track.clips.length} item${track.clips.length === 1 ? '' : 's'}`,
        kind: 'track' as const,
        range: track.node.range,
        selectionRange: track.idRange ?? startOf(track.node.range),
        children: track.clips.map((clip) => {
          const placed = compiled ? compiledClip(compiled, clipId(track, clip)) : undefined;
          const kind: OutlineKind = clip.kind === 'gap' ? 'gap' : clip.kind === 'text' ? 'text' : 'clip';
          const item: OutlineItem = {
            name: clipName(clip.node, clip.asset?.name),
            kind,
            range: clip.node.range,
            selectionRange: clip.asset?.range ?? startOf(clip.node.range),
          };
          if (placed) item.detail = `${at(placed.start)} – ${at(placed.start + placed.duration)}`;
          return item;
        }),
      }));
    } else if (entry.key === 'markers') {
      section.children = parsed.model.markers.map((marker) => ({
        name: stringOf(marker.node, 'label') ?? `marker ${marker.index + 1}`,
        kind: 'marker' as const,
        range: marker.node.range,
        selectionRange: startOf(marker.node.range),
      }));
    }
    items.push(section);
  }
  return items;
}

function clipName(node: LocatedNode, asset: string | undefined): string {
  if (asset) return asset;
  const text = valueOf(node, 'text');
  if (text?.kind === 'scalar' && text.value !== null) {
    const s = String(text.value);
    return `"${s.length > 40 ? `${s.slice(0, 39)}…` : s}"`;
  }
  if (entryOf(node, 'gap')) return 'gap';
  return 'clip';
}

function span(a: SourceRange, b: SourceRange): SourceRange {
  const end = before(b.end, a.end) ? a.end : b.end;
  return { start: a.start, end };
}

function before(a: SourceRange['end'], b: SourceRange['end']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function startOf(range: SourceRange): SourceRange {
  return { start: range.start, end: range.start };
}
