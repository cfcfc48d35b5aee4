// Every row of a batch checked before any renders: the template with the row's values, analysed with
// the media it names (probed by the caller: the CLI runs ffprobe, the language server answers from its
// cache) and the fonts. A bad row keeps the template's ranges, so its errors name template lines.
import type { BatchRowCheck } from '../../protocol/lsp';
import type { TimelineIssue } from '../../protocol/source-range';
import { collectMediaPaths } from '../analysis/assets';
import { analyzeTimeline } from '../analyze';
import type { AnalysisContext, MediaLookup } from '../api';
import type { ParsedTimeline } from '../parse/parse-timeline';
import { defaultOutputPattern, outputFor, rowId } from './output-pattern';
import { withRowVariables, type DataRow } from './row-variables';

/** `output` is the pattern filled in: relative paths are the caller's to resolve. */
export type CheckedRow = BatchRowCheck;

export interface CheckRowsOptions extends Omit<AnalysisContext, 'media'> {
  /** Facts for these absolute media paths (the files one row names). */
  probe: (paths: string[]) => Promise<MediaLookup>;
  /** Output path pattern ({id}, {row}, {column}); default: the timeline's output with -{id}. */
  outPattern?: string;
}

export async function checkRows(parsed: ParsedTimeline, rows: readonly DataRow[], options: CheckRowsOptions): Promise<CheckedRow[]> {
  const { probe, outPattern, ...context } = options;
  const checked: CheckedRow[] = [];
  for (const [index, row] of rows.entries()) {
    const id = rowId(row, index);
    const rowParsed = withRowVariables(parsed, row);
    const media = await probe(collectMediaPaths(rowParsed, context.timelinePath));
    const analysis = analyzeTimeline(rowParsed, { ...context, media });
    const errors = analysis.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0 || !analysis.compiled) {
      checked.push({ row: index + 1, id, ok: false, errors });
      continue;
    }
    const pattern = outPattern ?? defaultOutputPattern(analysis.compiled.output.path);
    checked.push({ row: index + 1, id, ok: true, timeline: analysis.compiled, output: outputFor(pattern, row, index, id) });
  }
  return checked;
}

/** One line per error of a bad row: `line 6: media file not found: …` (lines 1-based). */
export const rowErrorText = (errors: readonly TimelineIssue[]): string => errors.map((e) => `line ${e.range.start.line + 1}: ${e.message}`).join('; ');
