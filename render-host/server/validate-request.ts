// Request bodies checked against JSON Schemas before anything else looks at them. The timeline
// part is the core's schema for the CompiledTimeline; the envelope around it is declared here and
// refuses unknown fields, so a typo never silently does nothing.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FrameRequest, JobRequest } from '../../protocol/render-host';
import { RENDER_PRESETS } from '../../protocol/render-presets';
import { numberProblems } from './number-ranges';

export interface Problem {
  pointer: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface RequestValidators {
  job(body: unknown): Checked<JobRequest>;
  frame(body: unknown): Checked<FrameRequest>;
}

const MAX_PROBLEMS = 50;

export function createRequestValidators(timelineSchema: Record<string, unknown>): RequestValidators {
  const is2020 = String(timelineSchema.$schema ?? '').includes('2020-12');
  const ajv = is2020 ? new Ajv2020({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Referenced by id, so the schema's own `#/$defs/...` references keep resolving against it.
  const timelineId = typeof timelineSchema.$id === 'string' ? timelineSchema.$id : 'atropos:compiled-timeline';
  ajv.addSchema({ ...timelineSchema, $id: timelineId });
  const timelineRef = { $ref: timelineId };
  const jobSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['timeline', 'outputPath', 'preset'],
    properties: {
      timeline: timelineRef,
      outputPath: { type: 'string', minLength: 1 },
      preset: { enum: RENDER_PRESETS },
      overwrite: { type: 'boolean' },
      workspaceFolder: { type: 'string', minLength: 1 },
    },
  };
  const frameSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['timeline', 'frame'],
    properties: {
      timeline: timelineRef,
      frame: { type: 'integer', minimum: 0 },
      width: { type: 'integer', minimum: 16, maximum: 7680 },
      previewKey: { type: 'string', minLength: 1, maxLength: 200 },
    },
  };
  const job = ajv.compile<JobRequest>(jobSchema);
  const frame = ajv.compile<FrameRequest>(frameSchema);
  return { job: (body) => check(job, body), frame: (body) => check(frame, body) };
}

function check<T>(validate: ValidateFunction<T>, body: unknown): Checked<T> {
  if (validate(body)) {
    const problems = numberProblems(body);
    return problems.length === 0 ? { ok: true, value: body } : { ok: false, problems };
  }
  return { ok: false, problems: (validate.errors ?? []).slice(0, MAX_PROBLEMS).map(toProblem) };
}

function toProblem(error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { pointer: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { pointer: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not a known field' };
  }
  if (error.keyword === 'enum') {
    return { pointer: error.instancePath || '/', message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { pointer: error.instancePath || '/', message: error.message ?? error.keyword };
}

export function describeProblems(problems: Problem[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.pointer} ${p.message}`).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}
