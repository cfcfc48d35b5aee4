// Two tracks with the same id: ducking and clip ids would be ambiguous.
import type { TimelineIssue } from '../../protocol/source-range';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const duplicateIds: TimelineCheck = {
  name: 'duplicate-ids',
  run({ parsed }) {
    const first = new Map<string, (typeof parsed.model.tracks)[number]>();
    const issues: TimelineIssue[] = [];
    for (const track of parsed.model.tracks) {
      if (track.id === undefined || !track.idRange) continue;
      const earlier = first.get(track.id);
      if (!earlier) {
        first.set(track.id, track);
        continue;
      }
      issues.push(issue('duplicate-track-id', 'error', `track id "${track.id}" is already used by track ${earlier.index + 1}; track ids must be unique`, track.idRange, {
        ...(earlier.idRange ? { related: [{ range: earlier.idRange, message: `first track "${track.id}"` }] } : {}),
      }));
    }
    return issues;
  },
};
