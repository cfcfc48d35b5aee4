// Every detection engine, registered in one list. Add an engine: a file that implements
// DetectEngine, a line below. The first engine that supports every requested profile answers
// unless the request names one.
import { heuristicEngine } from './heuristic/engine';
import type { DetectEngine, DetectRequest } from './types';

export const engines: DetectEngine[] = [heuristicEngine];

export function engineFor(request: Pick<DetectRequest, 'profiles' | 'engine'>, registered: readonly DetectEngine[] = engines): DetectEngine | string {
  if (request.engine) {
    const named = registered.find((e) => e.id === request.engine);
    if (!named) return `no detection engine "${request.engine}" (known: ${registered.map((e) => e.id).join(', ')})`;
    const missing = request.profiles.filter((p) => !named.profiles.includes(p));
    return missing.length ? `the ${named.id} engine does not detect ${missing.join(', ')}` : named;
  }
  return registered.find((e) => request.profiles.every((p) => e.profiles.includes(p))) ?? `no engine detects ${request.profiles.join(' and ')}`;
}
