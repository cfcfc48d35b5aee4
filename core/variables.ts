// `${name}` references inside text values: where they are, and the text once substituted.
import type { SourceRange } from '../protocol/source-range';
import type { LocatedScalar } from './parse/located';
import type { ParsedTimeline } from './parse/parse-timeline';

export const VARIABLE_REFERENCE = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;

export interface VariableReference {
  name: string;
  /** Range of the name inside `${…}`, when it can be located in the source (plain or simply quoted text). */
  range: SourceRange;
}

/**
 * References in a scalar. Ranges point at the name in the file; in a block scalar or a string with
 * escapes the source no longer matches the value, so the whole value's range is used.
 */
export function variableReferences(node: LocatedScalar, parsed: ParsedTimeline): VariableReference[] {
  if (node.value === null) return [];
  const value = String(node.value);
  const found: VariableReference[] = [];
  const [start] = node.offsets;
  const sourceHasValue = node.source.includes(value);
  const shift = sourceHasValue ? start + node.source.indexOf(value) : -1;
  for (const match of value.matchAll(VARIABLE_REFERENCE)) {
    const name = match[1] as string;
    const at = (match.index ?? 0) + match[0].indexOf(name);
    found.push({ name, range: shift >= 0 ? parsed.rangeOf(shift + at, shift + at + name.length) : node.range });
  }
  return found;
}

/** The defined variables' values by name. */
export function variableValues(parsed: ParsedTimeline): Map<string, string> {
  return new Map(parsed.model.variables.flatMap((v) => (v.value === undefined ? [] : [[v.name, v.value] as const])));
}

/** Replaces every `${name}` whose variable is defined; unknown ones stay as written. */
export function substituteVariables(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(VARIABLE_REFERENCE, (whole, name: string) => variables.get(name) ?? whole);
}
