// Each clip is exactly one of: media (`asset`), title (`text`), gap (`gap`), and suits its track.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf, type LocatedEntry } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const KINDS = ['asset', 'text', 'gap'] as const;

export const clipKind: TimelineCheck = {
  name: 'clip-kind',
  clip({ track: { track }, item: { clip } }) {
    const issues: TimelineIssue[] = [];
    {
      {
        if (clip.node.kind !== 'map') return issues; // the schema reports non-map clips
        const present: LocatedEntry[] = [];
        for (const kind of KINDS) {
          const entry = entryOf(clip.node, kind);
          if (entry) present.push(entry);
        }
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
