// Settings that mean nothing on a clip's track are ignored by the render: say so.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

/** Per track kind, clip settings that have no effect there, and why. */
const IGNORED: Record<string, Record<string, string>> = {
  video: {
    at: 'clips on a video track follow one another; use a gap or an overlay track to place a clip at a time',
    position: 'video-track clips fill the frame; use an overlay track to place a picture',
    scale: 'video-track clips fill the frame (see "fit"); use an overlay track to scale a picture',
    duck: 'ducking lowers a music or voice clip; put it on an audio track',
  },
  overlay: {
    fit: 'overlays are fitted inside the frame and sized by "scale"',
  },
  audio: {
    position: 'an audio track has no picture',
    scale: 'an audio track has no picture',
    opacity: 'an audio track has no picture',
    fit: 'an audio track has no picture',
    style: 'an audio track has no picture',
  },
};

/** The same as pairs, listed once (not once per clip). */
const IGNORED_PAIRS: Record<string, [string, string, number][]> = Object.fromEntries(Object.entries(IGNORED).map(([kind, keys]) =>
  [kind, Object.entries(keys).map(([key, why]): [string, string, number] => [key, why, ClipKeys[key as keyof typeof ClipKeys] ?? ~0])]));

export const trackSettings: TimelineCheck = {
  name: 'track-settings',
  clip({ track: { track }, item: { clip, spec } }) {
    const issues: TimelineIssue[] = [];
    {
      const ignored = IGNORED_PAIRS[track.kind];
      if (!ignored) return issues;
      {
        for (const [key, why, bit] of ignored) {
          if (!mayHave(spec, bit)) continue;
          const entry = entryOf(clip.node, key);
          if (entry) issues.push(issue('ignored-setting', 'warning', `"${key}" has no effect on ${track.kind} track "${track.id}": ${why}`, entry.keyRange));
        }
      }
    }
    return issues;
  },
};
