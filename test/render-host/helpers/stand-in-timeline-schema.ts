// The outline of schemas/compiled-timeline.schema.json, used only until the core's schema is
// committed: enough to exercise type errors and unknown fields through the host's validation.
export const standInTimelineSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'sourceFile', 'output', 'durationFrames', 'assets', 'tracks', 'markers'],
  properties: {
    version: { const: 1 },
    sourceFile: { type: 'string' },
    durationFrames: { type: 'integer', minimum: 1 },
    output: {
      type: 'object',
      required: ['path', 'width', 'height', 'fps', 'dropFrame', 'background'],
      properties: {
        path: { type: 'string' },
        width: { type: 'integer', minimum: 2 },
        height: { type: 'integer', minimum: 2 },
        fps: { type: 'object', required: ['num', 'den'], properties: { num: { type: 'integer' }, den: { type: 'integer', minimum: 1 } } },
        dropFrame: { type: 'boolean' },
        background: { type: 'string' },
      },
    },
    assets: { type: 'array', items: { type: 'object', required: ['id', 'path', 'kind'], properties: { path: { type: 'string' } } } },
    tracks: { type: 'array', items: { type: 'object', required: ['id', 'kind', 'items'] } },
    markers: { type: 'array' },
    subtitles: { type: 'object' },
  },
};
