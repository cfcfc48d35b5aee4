// A clip asks for more of its media than there is: `from`/`to` past the real duration.
import type { TimelineIssue } from '../../protocol/source-range';
import type { ResolvedAsset } from '../analysis/assets';
import { secondsOf } from '../analysis/layout';
import { add, compare, div, rational, type Rational } from '../time/rational';
import { formatClock, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const mediaEnd: TimelineCheck = {
  name: 'media-end',
  clip({ item }, context) {
    const issues: TimelineIssue[] = [];
    const { spec } = item;
    const asset = spec.asset ? context.assets.get(spec.asset.name) : undefined;
    const known = asset ? mediaLimit(asset, context.fps) : undefined;
    if (!asset || !known) return issues;
    const { available, limit } = known;
    // A held frame needs one frame of the media, whatever its length (freeze-time checks it).
    if (spec.freeze) return issues;
    const from = spec.from?.value;
    const to = spec.to?.value;
    if (from && compare(timeToSeconds(from, context.fps), available) >= 0) {
      issues.push(issue('past-media-end', 'error', `from: ${formatClock(timeToSeconds(from, context.fps))} is past the end of the media; ${tooShort(asset, available)}`, spec.from!.range));
    } else if (to && compare(timeToSeconds(to, context.fps), limit) > 0) {
      issues.push(issue('past-media-end', 'error', `to: ${formatClock(timeToSeconds(to, context.fps))} is past the end of the media; ${tooShort(asset, available)}`, spec.to!.range));
    } else if (!to && spec.length && item.sourceOut && compare(item.sourceOut as Rational, limit) > 0) {
      issues.push(issue('past-media-end', 'error', `this length needs the media up to ${formatClock(item.sourceOut)}; ${tooShort(asset, available)}`, spec.length.range));
    }
    return issues;
  },
};

interface MediaLimit {
  available: Rational;
  /** The available duration plus one output frame of slack: container durations are rounded. */
  limit: Rational;
}

// Per resolved asset (one analysis's): worked out once, not once for each of its clips.
const limits = new WeakMap<ResolvedAsset, MediaLimit | null>();

function mediaLimit(asset: ResolvedAsset, fps: Rational): MediaLimit | undefined {
  let known = limits.get(asset);
  if (known === undefined) limits.set(asset, known = computeLimit(asset, fps) ?? null);
  return known ?? undefined;
}

function computeLimit(asset: ResolvedAsset, fps: Rational): MediaLimit | undefined {
  if (asset.lookup.status !== 'ok' || asset.kind === 'image') return undefined;
  const seconds = asset.lookup.facts.durationSeconds;
  if (seconds === undefined) return undefined;
  const available = secondsOf(seconds);
  return { available, limit: add(available, div(rational(1), fps)) };
}

function tooShort(asset: ResolvedAsset, available: Rational): string {
  return `"${asset.model.id}" is only ${formatClock(available)} long`;
}
