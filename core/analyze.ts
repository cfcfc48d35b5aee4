// parse → schema → semantic checks → CompiledTimeline. Synchronous and pure: media facts come
// from ctx.media, fonts from ctx.fonts. Never throws on any input.
//
// With the document's ClipCache (the language server keeps one per open document), an edit
// re-reads, re-checks and re-compiles only the clips whose nodes it replaced (clip-cache.ts).
import type { TimelineIssue } from '../protocol/source-range';
import type { Analysis, AnalysisContext } from './api';
import { ClipCache, NO_ISSUES } from './analysis/clip-cache';
import { buildCheckContext, type CheckContext } from './analysis/context';
import { trackKey } from './analysis/environment';
import type { ItemTiming } from './analysis/layout';
import type { TimelineCheck } from './checks/check';
import { checks } from './checks/index';
import { compileTimeline } from './compile/compile-timeline';
import { parseTimeline, plainValueOf, type ParsedTimeline } from './parse/parse-timeline';
import { issueKey, validateByClip, validateClip, validateOutsideClips } from './schema/validate-schema';
import type { ClipModel } from './parse/model';

const fileChecks = checks.filter((check) => check.run);
const clipChecks = checks.filter((check) => check.clip);

export function analyzeTimeline(parsed: ParsedTimeline, ctx: AnalysisContext, cache = new ClipCache()): Analysis {
  const issues: TimelineIssue[] = [...parsed.issues];
  const context = buildCheckContext(parsed, ctx, cache);
  const value = plainValueOf(parsed);
  if (value !== undefined && value !== null) issues.push(...schemaIssues(value, context));
  const failed = new Set<TimelineCheck>();
  for (const check of fileChecks) {
    try {
      issues.push(...check.run!(context));
    } catch (error) {
      failed.add(check);
      issues.push(internalError(check, error));
    }
  }
  runClipChecks(context, issues, failed);
  issues.sort(byPosition);
  const analysis: Analysis = { issues };
  if (!issues.some((i) => i.severity === 'error')) {
    const compiled = compileTimeline(context);
    if (compiled) analysis.compiled = compiled;
  }
  return analysis;
}

/** The schema's issues: outside the clips for the file, each clip's kept with its node (they read nothing else). */
function schemaIssues(value: unknown, context: CheckContext): TimelineIssue[] {
  const { cache, parsed } = context;
  let unknown = 0;
  for (const track of context.layout) for (const item of track.items) if (!cache.schemaIssuesOf(item.clip)) unknown++;
  // When most clips are new (the file just opened), one validation of the whole file costs less than
  // one per clip; without aliases, each issue found in a clip is that clip's alone.
  const found = unknown > 16 && parsed.aliases === 'none' ? byClipOnce(value, context) : byParts(value, context);
  if (found.length < 2) return found;
  // An alias repeats its anchor's ranges: the same issue twice is reported once, as a whole-file check does.
  const seen = new Set<string>();
  return found.filter((issue) => {
    const key = issueKey(issue);
    return !seen.has(key) && !!seen.add(key);
  });
}

function byClipOnce(value: unknown, context: CheckContext): TimelineIssue[] {
  const found: TimelineIssue[] = [];
  const inClips = new Map<ClipModel, TimelineIssue[]>();
  const clips = context.parsed.model.tracks;
  for (const { issue, track, clip } of validateByClip(value, context.parsed.root)) {
    const model = track === undefined || clip === undefined ? undefined : clips[track]?.clips[clip];
    if (!model) found.push(issue);
    else {
      const list = inClips.get(model);
      if (list) list.push(issue);
      else inClips.set(model, [issue]);
    }
  }
  for (const track of context.layout) {
    for (const { clip } of track.items) {
      const issues = inClips.get(clip);
      context.cache.keepSchemaIssues(clip, issues ?? NO_ISSUES);
      if (issues) found.push(...issues);
    }
  }
  return found;
}

function byParts(value: unknown, context: CheckContext): TimelineIssue[] {
  const found = validateOutsideClips(value, context.parsed.root);
  const tracks = (value as { tracks?: unknown }).tracks;
  for (const track of context.layout) {
    const clips = Array.isArray(tracks) ? (tracks[track.track.index] as { clips?: unknown } | undefined)?.clips : undefined;
    for (const item of track.items) {
      const { clip } = item;
      let issues = context.cache.schemaIssuesOf(clip);
      if (!issues) {
        const plain = Array.isArray(clips) ? clips[clip.index] : undefined;
        issues = validateClip(plain, clip.node, ['tracks', track.track.index, 'clips', clip.index]);
        context.cache.keepSchemaIssues(clip, issues);
      }
      if (issues.length) found.push(...issues);
    }
  }
  return found;
}

/** Every clip's own checks; a clip's issues are kept with its node while it and its environment stay. */
function runClipChecks(context: CheckContext, issues: TimelineIssue[], failed: Set<TimelineCheck>): void {
  for (const track of context.layout) {
    const key = trackKey(track);
    const items = track.items;
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as ItemTiming;
      const results = context.cache.resultsOf(item.clip, key);
      const kept = results.issues;
      if (kept) {
        for (let i = 0; i < kept.length; i++) issues.push(kept[i] as TimelineIssue);
        continue;
      }
      let found: TimelineIssue[] | undefined;
      let complete = true;
      for (const check of clipChecks) {
        try {
          const some = check.clip!({ track, item, index }, context);
          if (some.length) (found ??= []).push(...some);
        } catch (error) {
          // A bug in one check must not hide the others' findings; reported once, never kept.
          complete = false;
          if (!failed.has(check)) issues.push(internalError(check, error));
          failed.add(check);
        }
      }
      if (complete) results.issues = found ?? NO_ISSUES;
      if (found) issues.push(...found);
    }
  }
}

function internalError(check: TimelineCheck, error: unknown): TimelineIssue {
  return {
    code: 'internal-error',
    severity: 'warning',
    message: `check "${check.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
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
