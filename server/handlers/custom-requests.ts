// The preview's requests (protocol/lsp.ts): the compiled timeline of a document, and clip ↔ position.

import { ClipAtPositionRequest, ClipRangeRequest, CompiledTimelineRequest } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { clipAtOffset, clipById } from '../language/clip-locator';

export function registerCustomRequests(context: ServerContext): void {
  const { connection, timelines, settings } = context;

  connection.onRequest(CompiledTimelineRequest.method, (params: CompiledTimelineRequest.Params): CompiledTimelineRequest.Result => {
    const open = context.snapshotOf(params.uri);
    if (!open) return { uri: params.uri, version: -1, timeline: null, stale: false, timelineVersion: null, problems: { errors: 0, warnings: 0 } };
    const { document, snapshot } = open;
    const overrides = settings.get().diagnostics.severity;
    let errors = 0;
    let warnings = 0;
    for (const issue of snapshot.analysis.issues) {
      const severity = overrides[issue.code] ?? issue.severity;
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
    }
    const problems = { errors, warnings };
    if (snapshot.analysis.compiled) {
      return { uri: params.uri, version: document.version, timeline: snapshot.analysis.compiled, stale: false, timelineVersion: document.version, problems };
    }
    const good = timelines.lastGoodCompile(params.uri);
    return {
      uri: params.uri,
      version: document.version,
      timeline: good?.timeline ?? null,
      stale: good !== undefined,
      timelineVersion: good?.version ?? null,
      problems,
    };
  });

  connection.onRequest(ClipAtPositionRequest.method, (params: ClipAtPositionRequest.Params): ClipAtPositionRequest.Result => {
    const open = context.snapshotOf(params.uri);
    if (!open) return { clipId: null };
    const parsed = open.snapshot.parsed;
    return { clipId: clipAtOffset(parsed, parsed.offsetAt(params.position))?.id ?? null };
  });

  connection.onRequest(ClipRangeRequest.method, (params: ClipRangeRequest.Params): ClipRangeRequest.Result => {
    const open = context.snapshotOf(params.uri);
    if (!open) return { range: null };
    return { range: clipById(open.snapshot.parsed, params.clipId)?.clip.node.range ?? null };
  });
}
