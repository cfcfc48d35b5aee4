// The CompiledTimeline's JSON Schema (schemas/compiled-timeline.schema.json, owned by the core),
// read at start-up from beside the bundle or the sources.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'compiled-timeline.schema.json';

export function loadCompiledTimelineSchema(log: (line: string) => void): Record<string, unknown> {
  const candidates = [join(__dirname, FILE), join(__dirname, '..', 'schemas', FILE), join(__dirname, '..', '..', 'schemas', FILE)];
  const found = candidates.find((path) => existsSync(path));
  if (found) return JSON.parse(readFileSync(found, 'utf8')) as Record<string, unknown>;
  // Until the schema ships, the job envelope is still checked strictly and the planner refuses
  // timelines it cannot render (invalid-timeline); only the timeline's own shape goes unchecked.
  log(`render host: ${FILE} not found (looked in ${candidates.join(', ')}); timelines are checked by the planner only`);
  return { type: 'object' };
}
