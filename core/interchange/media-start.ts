// The start timecode a media file states (camera time of day, a tape's 01:00:00:00), in frames at
// the EDL's or timeline's rate. EDL and OTIO source times count from it; the CLI and the extension
// probe the files and hand the core their facts through a synchronous lookup, so the core stays pure.
import type { CompiledAsset } from '../../protocol/compiled-timeline';
import type { MediaFacts } from '../../protocol/media-facts';
import type { MediaLookup } from '../api';
import { formatFps, type Rational } from '../time';
import { timecodeToFrames } from './edl/timecode';

/** What a probe found about a media path (as the MediaResolver answered it); undefined when not probed. */
export type MediaFactsLookup = (path: string) => MediaFacts | undefined;

export type MediaStart =
  | { ok: true; frames: number; timecode: string; /** Set when the media's own rate differs from `rate`. */ rateNote?: string }
  | { ok: false; reason: string };

/**
 * The media's start timecode counted at `rate`. Timecodes in an EDL count at the EDL's rate, so a
 * file at another rate is read at that rate too, with a note saying so (correct when the rates agree,
 * which they do for nearly every cut).
 */
export function mediaStartFrames(facts: MediaFacts | undefined, rate: Rational): MediaStart | undefined {
  const timecode = facts?.startTimecode;
  if (!timecode) return undefined;
  const parsed = timecodeToFrames(timecode, rate);
  if (!parsed.ok) return { ok: false, reason: `its start timecode ${timecode} cannot be read at ${formatFps(rate)} fps (${parsed.reason})` };
  const own = facts.video?.frameRate;
  const differs = own && own.num > 0 && own.num * rate.den !== rate.num * own.den;
  return {
    ok: true,
    frames: parsed.frames,
    timecode,
    ...(differs ? { rateNote: `it runs at ${formatFps(own)} fps, not ${formatFps(rate)}: its start timecode ${timecode} was counted at ${formatFps(rate)} fps` } : {}),
  };
}

/**
 * A MediaLookup from the facts a compiled timeline already carries (the language server probed them),
 * for exporting where nothing may spawn ffprobe: the extension host. Unknown paths are `pending`.
 */
export function lookupFromCompiledAssets(assets: readonly CompiledAsset[]): MediaLookup {
  const facts = new Map(assets.flatMap((asset) => (asset.media ? [[asset.path, asset.media] as const] : [])));
  return (path) => {
    const known = facts.get(path);
    return known ? { status: 'ok', facts: known } : { status: 'pending' };
  };
}
