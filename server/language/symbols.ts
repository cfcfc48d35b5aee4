// Asset ids, track ids and variables: which occurrence is at an offset, all occurrences of the same
// name, and whether a new name is acceptable for a rename.

import type { ParsedTimeline, SymbolOccurrence } from '../../core';

export function occurrenceAt(parsed: ParsedTimeline, occurrences: readonly SymbolOccurrence[], offset: number): SymbolOccurrence | undefined {
  for (const o of occurrences) {
    const start = parsed.offsetAt(o.range.start);
    const end = parsed.offsetAt(o.range.end);
    if (offset >= start && offset <= end) return o;
  }
  return undefined;
}

export function sameSymbol(occurrences: readonly SymbolOccurrence[], target: SymbolOccurrence): SymbolOccurrence[] {
  return occurrences.filter((o) => o.kind === target.kind && o.name === target.name);
}

// The schema's name patterns: ids may use `.` and `-`; variables must work inside `${…}`.
const NAME: Record<SymbolOccurrence['kind'], RegExp> = {
  asset: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
  track: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
  variable: /^[A-Za-z_][A-Za-z0-9_]*$/,
};

/** Why a new name cannot be used, or undefined when it can. */
export function renameProblem(occurrences: readonly SymbolOccurrence[], target: SymbolOccurrence, newName: string): string | undefined {
  if (!NAME[target.kind].test(newName)) {
    const allowed = target.kind === 'variable' ? 'letters, digits and _' : 'letters, digits, _, . and -';
    return `"${newName}" is not a valid ${target.kind} name: start with a letter or _ and use ${allowed}`;
  }
  if (newName !== target.name && occurrences.some((o) => o.kind === target.kind && o.name === newName && o.isDefinition)) {
    return `there is already a ${target.kind} named "${newName}"`;
  }
  return undefined;
}
