// The planner's version: raise it whenever the same timeline would plan differently (another graph,
// other encoder options). Farm workers refuse chunks planned by another version, because a chunk from
// another planner would not join byte-exactly with the others (farm/plan-farm-render.ts).
export const PLANNER_VERSION = 1;
