// Why a render did not produce its output, in words a user can act on.
import type { SourceRange } from '../../protocol/source-range';

import type { RenderFailureCode } from '../../protocol/render-failures';

/** The codes a runner throws: every failure but the host's own (interrupted, internal). */
export type RenderErrorCode = Exclude<RenderFailureCode, 'interrupted' | 'internal'>;

export class RenderError extends Error {
  constructor(
    readonly code: RenderErrorCode,
    message: string,
    readonly stderrTail: string[] = [],
    readonly range?: SourceRange,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}

/** Lines that say nothing about the cause. */
const NOISE = [/^\s*$/, /^Conversion failed!?$/, /^Exiting normally/, /^\s*Last message repeated/];

export function meaningfulTail(stderr: string, count = 8): string[] {
  return stderr.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => !NOISE.some((re) => re.test(l))).slice(-count);
}
