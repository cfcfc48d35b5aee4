// The CompiledTimeline's JSON Schema (owned by the core), bundled into the host so the shipped
// dist/render-host.js needs no file beside it.
import schema from '../../schemas/compiled-timeline.schema.json';

export const compiledTimelineSchema = schema as Record<string, unknown>;
