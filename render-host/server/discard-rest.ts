// Reads what is left of a refused request body and throws it away, so the answer goes out on a
// connection that has nothing unread in it. Bounded: past `maxBytes` read or `maxMs` waited (a
// stalled client), it stops and the answer goes out anyway, at the risk of the reset.
const DISCARD_LIMITS = { maxBytes: 1024 * 1024 * 1024, maxMs: 10_000 };

export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, limits = DISCARD_LIMITS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limits.maxMs)));
  let discarded = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), giveUp]);
      if (next === 'timeout' || next.done) return;
      discarded += next.value.length;
      if (discarded > limits.maxBytes) return;
    }
  } catch {
    // The client went away: nobody is left to answer.
  } finally {
    clearTimeout(timer);
  }
}
