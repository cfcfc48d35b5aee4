// "What this export will lose": the warnings of reading a timeline for export and of writing the
// format, once each, in the order they were found. The CLI prints them before it writes; VS Code's
// Export command shows them as warnings on the timeline.
import type { ImportWarning } from './model';

export function exportLosses(...lists: ImportWarning[][]): string[] {
  return [...new Set(lists.flat().map((warning) => warning.message))];
}
