// A timeline with no clip at all renders nothing.
import { entryOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const emptyTimeline: TimelineCheck = {
  name: 'empty-timeline',
  run({ parsed }) {
    const root = parsed.model.root;
    if (root?.kind !== 'map') {
      // An empty file or a file that is not a map: say it once, at the top.
      if (parsed.issues.some((i) => i.severity === 'error')) return [];
      const range = root?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return [issue('empty-timeline', 'error', 'this timeline is empty; start with "version: 1" and a "tracks:" list', range)];
    }
    if (parsed.model.tracks.some((t) => t.clips.length > 0)) return [];
    const tracks = entryOf(root, 'tracks');
    if (!tracks) return []; // the schema says "tracks" is required
    return [issue('empty-timeline', 'error', 'this timeline has no clips; add clips to a track', tracks.keyRange)];
  },
};
