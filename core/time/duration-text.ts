// Wall-clock durations as people read them (how long a render took or has left), not timeline time.

/** `42 s`, `2 min`, `1 min 5 s`, `1 h 3 min`: VS Code's render notification and Renders view. */
export function durationWords(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** `1:05`, `75:00`: the CLI's progress bar. */
export function durationClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
