// CMX channel codes → the tracks an event lands on. `V` is picture; `A1`, `A2`, … are sound.

const CHANNEL_TRACKS: Record<string, string[]> = {
  V: ['V'],
  A: ['A1'],
  A1: ['A1'],
  A2: ['A2'],
  AA: ['A1', 'A2'],
  B: ['V', 'A1'],
  'A/V': ['V', 'A1'],
  'A2/V': ['V', 'A2'],
  'AA/V': ['V', 'A1', 'A2'],
};

/** Track names for a channel code plus `AUD 3 4` notes; undefined for a code we do not know. */
export function tracksForChannels(code: string, extraAudio: number[]): string[] | undefined {
  const base = CHANNEL_TRACKS[code.toUpperCase()] ?? (/^A\d+$/i.test(code) ? [code.toUpperCase()] : undefined);
  if (!base) return undefined;
  return [...base, ...extraAudio.map((channel) => `A${channel}`).filter((name) => !base.includes(name))];
}

export const isVideoTrackName = (name: string): boolean => name.startsWith('V');

/** Sort key: V first, then A1, A2, …, extra tracks after their base. */
export function trackOrder(name: string): number {
  const match = /^([VA])(\d*)(?:-(\d+))?$/.exec(name);
  if (!match) return 1000;
  const [, kind, number = '', extra = '0'] = match;
  return (kind === 'V' ? 0 : 100) + (Number(number) || (kind === 'V' ? 1 : 1)) * 10 + Number(extra);
}
