// `--path-map FROM=TO`: the media, fonts, output and work folder of a render as the submitting
// machine names them, rewritten to where this worker mounts the same shared storage.
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import type { FarmRenderSpec } from './farm-plan';

export interface PathMapping {
  from: string;
  to: string;
}

export function parsePathMap(text: string): PathMapping {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new Error(`--path-map takes FROM=TO (got "${text}")`);
  return { from: text.slice(0, at), to: text.slice(at + 1) };
}

/** The first mapping whose FROM is a whole-folder prefix of `path` applies. */
export function mapPath(path: string, mappings: readonly PathMapping[]): string {
  for (const { from, to } of mappings) {
    const base = from.replace(/[\\/]+$/, '');
    if (path === base) return to;
    if (path.startsWith(`${base}/`) || path.startsWith(`${base}\\`)) return `${to.replace(/[\\/]+$/, '')}${path.slice(base.length)}`;
  }
  return path;
}

export function mapSpecPaths(spec: FarmRenderSpec, mappings: readonly PathMapping[]): FarmRenderSpec {
  if (mappings.length === 0) return spec;
  const map = (p: string): string => mapPath(p, mappings);
  const t = spec.timeline;
  const timeline: CompiledTimeline = {
    ...t,
    sourceFile: map(t.sourceFile),
    assets: t.assets.map((a) => ({ ...a, path: map(a.path) })),
    ...(t.subtitles ? { subtitles: { ...t.subtitles, path: map(t.subtitles.path) } } : {}),
    tracks: t.tracks.map((track) => ({
      ...track,
      items: track.items.map((item) => {
        if (item.kind !== 'clip' || item.source.kind !== 'text' || !item.source.style.fontFile) return item;
        return { ...item, source: { ...item.source, style: { ...item.source.style, fontFile: map(item.source.style.fontFile) } } };
      }),
    })),
  };
  return { ...spec, timeline, outputPath: map(spec.outputPath), workDir: map(spec.workDir) };
}
