// A clip or the subtitles name an asset that is not under `assets:`.
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { unknownName } from './helpers';

export const unknownAsset: TimelineCheck = {
  name: 'unknown-asset',
  clip({ item: { clip } }, { assets }) {
    return clip.asset && !assets.has(clip.asset.name) ? [unknownName('unknown-asset', 'asset', clip.asset.name, clip.asset.range, assets.keys())] : [];
  },
  run({ parsed, assets }) {
    const issues = [];
    const subtitleAsset = valueOf(parsed.model.subtitles, 'asset');
    if (subtitleAsset?.kind === 'scalar' && typeof subtitleAsset.value === 'string' && !assets.has(subtitleAsset.value)) {
      issues.push(unknownName('unknown-asset', 'asset', subtitleAsset.value, subtitleAsset.range, assets.keys()));
    }
    return issues;
  },
};
