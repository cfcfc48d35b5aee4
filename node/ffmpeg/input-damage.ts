// ffmpeg reads past a damaged or cut-short input, prints why, and still exits 0: the file it writes
// then freezes or falls silent from the damage on. These stderr lines mean the render read bad data.
const DAMAGE = [
  /partial file/i,
  /File ended prematurely/i,
  /Error while decoding stream/i,
  /Invalid data found when processing input/i,
  /Input buffer exhausted/i,
  /corrupt (?:decoded )?frame/i,
  /Packet corrupt/i,
  /error reading header/i,
  /moov atom not found/i,
  /Truncat/i,
];

/** The first stderr line that says an input was damaged, if any. */
export function inputDamage(stderr: string): string | undefined {
  return stderr.split(/\r?\n/).map((l) => l.trim()).find((line) => DAMAGE.some((re) => re.test(line)));
}
