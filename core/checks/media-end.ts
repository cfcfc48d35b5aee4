// A clip asks for more of its media than there is: `from`/`to` past the real duration.
import type { TimelineIssue } from '../../protocol/source-range';
import { readTimeField } from '../analysis/fields';
import type { ResolvedAsset } from '../analysis/assets';
import { secondsOf } from '../analysis/layout';
import { valueOf } from '../parse/located';
import { add, compare, div, rational, type Rational } from '../time/rational';
import { formatClock, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { eachItem, issue } from './helpers';

export const mediaEnd: TimelineCheck = {
  name: 'media-end',
  run(context) {
    const issues: TimelineIssue[] = [];
    const limits = new Map<ResolvedAsset, MediaLimit | undefined>();
    for (const { item } of eachItem(context)) {
      const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
      if (!asset) continue;
      // Many clips share an asset: work out its limit once.
      let known = limits.get(asset);
      if (known === undefined && !limits.has(asset)) limits.set(asset, known = mediaLimit(asset, context.fps));
      if (!known) continue;
      const { available, limit } = known;
      const node = item.clip.node;
      // A held frame needs one frame of the media, whatever its length (freeze-time checks it).
      if (valueOf(node, 'freeze')) continue;
      const from = readTimeField(node, 'from', context.fps);
      const to = readTimeField(node, 'to', context.fps);
      if (from && compare(timeToSeconds(from, context.fps), available) >= 0) {
        issues.push(issue('past-media-end', 'error', `from: ${formatClock(timeToSeconds(from, context.fps))} is past the end of the media; ${tooShort(asset, available)}`, valueOf(node, 'from')!.range));
      } else if (to && compare(timeToSeconds(to, context.fps), limit) > 0) {
        issues.push(issue('past-media-end', 'error', `to: ${formatClock(timeToSeconds(to, context.fps))} is past the end of the media; ${tooShort(asset, available)}`, valueOf(node, 'to')!.range));
      } else if (!to && valueOf(node, 'length') && item.sourceOut && compare(item.sourceOut as Rational, limit) > 0) {
        issues.push(issue('past-media-end', 'error', `this length needs the media up to ${formatClock(item.sourceOut)}; ${tooShort(asset, available)}`, valueOf(node, 'length')!.range));
      }
    }
    return issues;
  },
};

interface MediaLimit {
  available: Rational;
  /** The available duration plus one output frame of slack: container durations are rounded. */
  limit: Rational;
}

function mediaLimit(asset: ResolvedAsset, fps: Rational): MediaLimit | undefined {
  if (asset.lookup.status !== 'ok' || asset.kind === 'image') return undefined;
  const seconds = asset.lookup.facts.durationSeconds;
  if (seconds === undefined) return undefined;
  const available = secondsOf(seconds);
  return { available, limit: add(available, div(rational(1), fps)) };
}

function tooShort(asset: ResolvedAsset, available: Rational): string {
  return `"${asset.model.id}" is only ${formatClock(available)} long`;
}
