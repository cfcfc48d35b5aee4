// Where assets, tracks and variables are defined and used: go-to-definition, references, rename.
import type { SymbolOccurrence } from './api';
import { valueOf } from './parse/located';
import type { ParsedTimeline } from './parse/parse-timeline';
import { variableReferences } from './variables';

export function findSymbolOccurrences(parsed: ParsedTimeline): SymbolOccurrence[] {
  const found: SymbolOccurrence[] = [];
  const { model } = parsed;
  for (const asset of model.assets) found.push({ kind: 'asset', name: asset.id, range: asset.idRange, isDefinition: true });
  for (const variable of model.variables) found.push({ kind: 'variable', name: variable.name, range: variable.nameRange, isDefinition: true });
  for (const track of model.tracks) {
    if (track.id !== undefined && track.idRange) found.push({ kind: 'track', name: track.id, range: track.idRange, isDefinition: true });
    for (const clip of track.clips) {
      if (clip.asset) found.push({ kind: 'asset', name: clip.asset.name, range: clip.asset.range, isDefinition: false });
      const under = valueOf(valueOf(clip.node, 'duck'), 'under');
      if (under?.kind === 'scalar' && typeof under.value === 'string') found.push({ kind: 'track', name: under.value, range: under.range, isDefinition: false });
      const text = valueOf(clip.node, 'text');
      if (text?.kind === 'scalar') {
        for (const reference of variableReferences(text, parsed)) found.push({ kind: 'variable', name: reference.name, range: reference.range, isDefinition: false });
      }
    }
  }
  const subtitleAsset = valueOf(model.subtitles, 'asset');
  if (subtitleAsset?.kind === 'scalar' && typeof subtitleAsset.value === 'string') {
    found.push({ kind: 'asset', name: subtitleAsset.value, range: subtitleAsset.range, isDefinition: false });
  }
  return found;
}
