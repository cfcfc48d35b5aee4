// The asset a clip uses must suit its track: no audio-only file on a picture track, no picture on
// an audio track, no subtitle file as a clip.
import type { TimelineIssue } from '../../protocol/source-range';
import type { TimelineCheck } from './check';
import { issue } from './helpers';
import { valueOf } from '../parse/located';

export const assetKindForTrack: TimelineCheck = {
  name: 'asset-kind-for-track',
  clip({ track, item }, context) {
    const issues: TimelineIssue[] = [];
    {
      const ref = item.spec.asset;
      const asset = ref ? context.assets.get(ref.name) : undefined;
      if (!ref || !asset || asset.lookup.status === 'pending') return issues;
      const kind = track.track.kind;
      if (asset.kind === 'subtitle') {
        issues.push(issue('subtitle-asset-in-clip', 'error', `"${ref.name}" is a subtitle file; burn it in with "subtitles: { asset: ${ref.name} }" instead of a clip`, ref.range));
      } else if ((kind === 'video' || kind === 'overlay') && asset.kind === 'audio' && !valueOf(item.clip.node, 'visual')) {
        issues.push(issue('audio-asset-on-video-track', 'error', `"${ref.name}" has no picture (audio only); put it on an audio track`, ref.range));
      } else if (kind === 'audio' && asset.kind === 'image') {
        issues.push(issue('image-on-audio-track', 'error', `"${ref.name}" is a still image; an audio track plays sound only`, ref.range));
      } else if (kind === 'audio' && asset.kind === 'video' && asset.lookup.status === 'ok' && !asset.lookup.facts.audio) {
        issues.push(issue('no-audio-stream', 'warning', `"${ref.name}" has no sound; on an audio track it plays silence`, ref.range));
      }
    }
    return issues;
  },
};
