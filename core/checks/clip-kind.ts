// Each clip is exactly one of: media (`asset`), title (`text`), gap (`gap`), and suits its track.
import { ClipKeys } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import type { LocatedEntry } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const clipKind: TimelineCheck = {
  name: 'clip-kind',
  clip({ track: { track }, item: { clip, spec } }) {
    const issues: TimelineIssue[] = [];
    // Most clips: media with `asset` alone of the three, told by the spec's keys without the node.
    if (clip.kind === 'media' && (spec.keys & (ClipKeys.asset | ClipKeys.text | ClipKeys.gap)) === ClipKeys.asset) return issues;
    {
      {
        if (clip.node.kind !== 'map') return issues; // the schema reports non-map clips
        // One pass over the keys (the last of a repeated key counts, as entryOf reads it).
        let asset: LocatedEntry | undefined;
        let text: LocatedEntry | undefined;
        let gap: LocatedEntry | undefined;
        for (const entry of clip.node.entries) {
          if (entry.key === 'asset') asset = entry;
          else if (entry.key === 'text') text = entry;
          else if (entry.key === 'gap') gap = entry;
        }
        if (asset && !text && !gap && clip.kind === 'media') return issues; // most clips

        const present: LocatedEntry[] = [];
        for (const entry of [asset, text, gap]) if (entry) present.push(entry);
        const first = clip.node.entries[0]?.keyRange ?? clip.node.range;
        if (present.length === 0) {
          issues.push(issue('clip-kind', 'error', 'a clip needs one of "asset" (media), "text" (a title) or "gap" (a pause)', first));
        } else if (present.length > 1) {
          issues.push(issue('clip-kind', 'error', `a clip is one thing: ${present.map((e) => `"${e.key}"`).join(' and ')} cannot be combined; split them into separate clips`, present[1]!.keyRange));
        } else if (clip.kind === 'gap' && track.kind !== 'video') {
          issues.push(issue('gap-not-on-video-track', 'error', `gaps belong on video tracks; on ${track.kind} track "${track.id}" place clips with "at" instead`, present[0]!.keyRange));
        } else if (clip.kind === 'text' && track.kind === 'audio') {
          issues.push(issue('text-on-audio-track', 'error', `a title needs a picture track; audio track "${track.id}" plays sound only`, present[0]!.keyRange));
        }
      }
    }
    return issues;
  },
};
