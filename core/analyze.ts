// parse → schema → semantic checks → CompiledTimeline. Synchronous and pure: media facts come
// from ctx.media, fonts from ctx.fonts. Never throws on any input.
import type { TimelineIssue } from '../protocol/source-range';
import type { Analysis, AnalysisContext } from './api';
import { buildCheckContext } from './analysis/context';
import { checks } from './checks/index';
import { compileTimeline } from './compile/compile-timeline';
import { parseTimeline, plainValueOf, type ParsedTimeline } from './parse/parse-timeline';
import { validateAgainstSchema } from './schema/validate-schema';

export function analyzeTimeline(parsed: ParsedTimeline, ctx: AnalysisContext): Analysis {
  const issues: TimelineIssue[] = [...parsed.issues];
  const value = plainValueOf(parsed);
  if (value !== undefined && value !== null) issues.push(...validateAgainstSchema(value, parsed.root));
  const context = buildCheckContext(parsed, ctx);
  for (const check of checks) {
    try {
      issues.push(...check.run(context));
    } catch (error) {
      // A bug in one check must not hide the others' findings.
      issues.push({
        code: 'internal-error',
        severity: 'warning',
        message: `check "${check.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  issues.sort(byPosition);
  const analysis: Analysis = { issues };
  if (!issues.some((i) => i.severity === 'error')) {
    const compiled = compileTimeline(context);
    if (compiled) analysis.compiled = compiled;
  }
  return analysis;
}

/** parse + analyze in one call. */
export function checkTimelineText(text: string, ctx: AnalysisContext): Analysis & { parsed: ParsedTimeline } {
  const parsed = parseTimeline(text);
  return { ...analyzeTimeline(parsed, ctx), parsed };
}

function byPosition(a: TimelineIssue, b: TimelineIssue): number {
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.code.localeCompare(b.code);
}
