// An asset's file is missing or cannot be read, or is a URL: an issue on the asset's path, not a crash.
import type { TimelineIssue } from '../../protocol/source-range';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const mediaStatus: TimelineCheck = {
  name: 'media-status',
  run({ assets }) {
    const issues: TimelineIssue[] = [];
    for (const asset of assets.values()) {
      const range = asset.model.pathRange ?? asset.model.idRange;
      // A URL is not a file that is missing: say what it is (remote assets do not exist yet).
      if (asset.model.path !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(asset.model.path) && !/^file:/i.test(asset.model.path)) {
        issues.push(issue('remote-asset', 'error', `"${asset.model.path}" is a URL; assets must be files on this computer for now: download it and use its path`, range));
        continue;
      }
      if (asset.lookup.status === 'missing') {
        issues.push(issue('media-missing', 'error', `media file not found: ${asset.path}`, range));
      } else if (asset.lookup.status === 'unreadable') {
        issues.push(issue('media-unreadable', 'error', `cannot read media file ${asset.path}: ${asset.lookup.reason}`, range));
      }
    }
    return issues;
  },
};
