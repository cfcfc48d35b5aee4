// Markers read once: their time and label, with ranges.
import type { SourceRange } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import type { MarkerModel } from '../parse/model';
import type { Rational } from '../time/rational';
import { readTimeNode, type TimeField } from './clip-spec';
import { readString } from './fields';

export interface MarkerSpec {
  model: MarkerModel;
  at?: TimeField;
  label?: string;
  range: SourceRange;
}

export function readMarkers(markers: MarkerModel[], fps: Rational): MarkerSpec[] {
  return markers.map((model) => {
    const spec: MarkerSpec = { model, range: model.node.range };
    const at = readTimeNode(valueOf(model.node, 'at'), fps);
    if (at) spec.at = at;
    const label = readString(model.node, 'label');
    if (label !== undefined) spec.label = label;
    return spec;
  });
}
