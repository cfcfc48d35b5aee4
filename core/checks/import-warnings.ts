// Warnings an EDL/OTIO import left in the file (`metadata: { import: { warnings: [...] } }` on the
// timeline, an asset or a clip) shown where they apply. Deleting a warning from the file dismisses it.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf, type LocatedNode } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const IMPORT_WARNINGS_KEY = 'import';

/** The warning strings under `metadata.import.warnings` of a node, with their own nodes. */
function warningsIn(owner: LocatedNode | undefined): { text: string; node: LocatedNode }[] {
  const list = valueOf(valueOf(valueOf(owner, 'metadata'), IMPORT_WARNINGS_KEY), 'warnings');
  if (list?.kind !== 'seq') return [];
  return list.items.flatMap((node) => {
    if (node.kind === 'scalar' && typeof node.value === 'string') return [{ text: node.value, node }];
    const message = node.kind === 'map' ? valueOf(node, 'message') : undefined;
    return message?.kind === 'scalar' && typeof message.value === 'string' ? [{ text: message.value, node }] : [];
  });
}

export const importWarnings: TimelineCheck = {
  name: 'import-warnings',
  run({ parsed }) {
    const issues: TimelineIssue[] = [];
    const model = parsed.model;
    // File-level warnings: each on its own line of the list, as nothing else locates them better.
    for (const warning of warningsIn(model.root)) issues.push(issue('import-warning', 'warning', warning.text, warning.node.range));
    for (const asset of model.assets) {
      for (const warning of warningsIn(asset.entry.value)) issues.push(issue('import-warning', 'warning', warning.text, asset.idRange));
    }
    return issues;
  },
  clip({ item: { clip, spec } }) {
    if (!mayHave(spec, ClipKeys.metadata)) return [];
    return warningsIn(clip.node).map((warning) => issue('import-warning', 'warning', warning.text, clip.node.range, { related: [{ range: warning.node.range, message: 'dismiss by deleting this line' }] }));
  },
};
