// The Ed25519 signing-key rotation as plans of `wrangler secret` steps, pure so the same plans that
// rotate-signing-key.ts runs against Cloudflare are rehearsed against workerd in
// worker/test/key-rotation.test.ts. Phases: publish (new key in the free slot: published, not signing)
// → switch (it signs; the old one stays published) → retire (old keys deleted, only once every token
// they signed has expired). Secret values are never read back: Cloudflare cannot, so neither do we.
import { CLOCK_SKEW_SECONDS, ENTITLEMENT_LIFETIME_SECONDS } from '../../protocol/licensing';

export type Slot = 'A' | 'B';
export type RotationStep = { put: string; value: string } | { delete: string };

/** The secrets that may hold a signing key (worker/src/signing.ts publishes every one present). */
export const KEY_SECRETS = ['SIGNING_KEY', 'SIGNING_KEY_A', 'SIGNING_KEY_B', 'SIGNING_KEY_PREVIOUS'] as const;
export const ACTIVE_SECRET = 'SIGNING_KEY_ACTIVE';
/** The longest a token signed just before a switch stays valid anywhere: its lifetime plus clock skew. */
export const RETIRE_AFTER_MS = (ENTITLEMENT_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) * 1000;

export class RotationRefused extends Error {}

const slotSecret = (slot: Slot): string => `SIGNING_KEY_${slot}`;

/** Puts the new private JWK (JSON) into the free slot. Both slots taken means a rotation is unfinished. */
export function planPublish(secretNames: string[], newPrivateJwk: string): { slot: Slot; steps: RotationStep[] } {
  const free = (['A', 'B'] as const).filter((s) => !secretNames.includes(slotSecret(s)));
  const slot = free[0];
  if (!slot) throw new RotationRefused('Both SIGNING_KEY_A and SIGNING_KEY_B are set: a rotation is unfinished. Retire the old key first (rotate-signing-key.ts retire).');
  return { slot, steps: [{ put: slotSecret(slot), value: newPrivateJwk }] };
}

/** Makes `slot` sign. Says which secrets the retire phase will delete, and from when. */
export function planSwitch(secretNames: string[], slot: Slot, nowMs: number): { steps: RotationStep[]; retire: string[]; notBefore: Date } {
  if (!secretNames.includes(slotSecret(slot))) throw new RotationRefused(`${slotSecret(slot)} is not set: publish the new key first.`);
  return {
    steps: [{ put: ACTIVE_SECRET, value: slot }],
    retire: KEY_SECRETS.filter((name) => name !== slotSecret(slot) && secretNames.includes(name)),
    notBefore: new Date(nowMs + RETIRE_AFTER_MS),
  };
}

/** Deletes every key but the active slot's, refusing before `notBefore` (tokens the old key signed would fail early). */
export function planRetire(secretNames: string[], active: Slot, notBefore: Date, nowMs: number): RotationStep[] {
  if (!secretNames.includes(slotSecret(active))) throw new RotationRefused(`${slotSecret(active)} is not set: it cannot be the active key.`);
  if (nowMs < notBefore.getTime()) {
    const hours = Math.ceil((notBefore.getTime() - nowMs) / 3600_000);
    throw new RotationRefused(`Too early: tokens signed by the old key stay valid until ${notBefore.toISOString()} (${hours} h from now); retiring it now would refuse them.`);
  }
  return KEY_SECRETS.filter((name) => name !== slotSecret(active) && secretNames.includes(name)).map((name) => ({ delete: name }));
}

/** Applies steps to a name → value map (the rehearsal's stand-in for the Worker's secrets). */
export function applySteps(secrets: Record<string, string>, steps: RotationStep[]): Record<string, string> {
  const next = { ...secrets };
  for (const step of steps) {
    if ('put' in step) next[step.put] = step.value;
    else delete next[step.delete];
  }
  return next;
}
