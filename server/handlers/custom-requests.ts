// The extension's requests (protocol/lsp.ts): the compiled timeline of a document, clip ↔ position
// (preview), and media facts (Import EDL/OTIO…, so the extension host never runs ffprobe).

import { isAbsolute } from 'node:path';
import { buildGestureEdit } from '../../core';
import { ClipAtPositionRequest, ClipRangeRequest, CompiledTimelineRequest, GestureEditRequest, MediaFactsRequest } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { clipAtOffset, clipById } from '../language/clip-locator';
import type { MediaService } from '../media/media-service';

export function registerCustomRequests(context: ServerContext, media: MediaService): void {
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

  connection.onRequest(MediaFactsRequest.method, async (params: MediaFactsRequest.Params): Promise<MediaFactsRequest.Result> => {
    const facts: MediaFactsRequest.Result['facts'] = {};
    await Promise.all([...new Set(params.paths)].map(async (path) => {
      const answer = isAbsolute(path) ? await media.current(path) : undefined;
      facts[path] = answer?.status === 'ok' ? answer.facts : null;
    }));
    return { facts };
  });

  connection.onRequest(GestureEditRequest.method, (params: GestureEditRequest.Params): GestureEditRequest.Result => {
    const open = context.snapshotOf(params.uri);
    if (!open) return { version: -1, edits: null, reason: 'The timeline is not open in the editor.' };
    const { document, snapshot } = open;
    const compiled = snapshot.analysis.compiled;
    if (!compiled) return { version: document.version, edits: null, reason: 'The file has errors: fix them, then edit in the lanes again.' };
    const result = buildGestureEdit(snapshot.parsed, compiled, params.gesture);
    return result.ok ? { version: document.version, edits: result.edits } : { version: document.version, edits: null, reason: result.reason };
  });
}
