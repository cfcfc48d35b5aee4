// Where a file's data really ends. A file cut short (a copy that stopped, a camera card pulled out)
// keeps the header of the whole: ffprobe reports the full duration, and a render would freeze or go
// silent at the cut. Reading the packets of the last seconds (demuxing only, no decoding) is cheap;
// only when they are missing is the whole file's packet list read to find where the data stops.
import { execFile } from 'node:child_process';

/** Data may end this far before the header's duration (rounded container durations, a last audio frame). */
const SLACK_SECONDS = 0.25;

/** The end (seconds) of the last packet, or undefined when the data reaches the header's duration. */
export async function truncatedEnd(ffprobe: string, path: string, headerSeconds: number, timeoutMs = 20_000): Promise<number | undefined> {
  const near = await lastPacketEnd(ffprobe, path, `${Math.max(0, headerSeconds - 2).toFixed(3)}%`, timeoutMs);
  if (near !== undefined && near >= headerSeconds - SLACK_SECONDS) return undefined;
  const end = near ?? (await lastPacketEnd(ffprobe, path, undefined, timeoutMs)) ?? 0;
  return end >= headerSeconds - SLACK_SECONDS ? undefined : end;
}

function lastPacketEnd(ffprobe: string, path: string, interval: string | undefined, timeoutMs: number): Promise<number | undefined> {
  const args = ['-v', 'quiet', ...(interval ? ['-read_intervals', interval] : []), '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', '--', path];
  return new Promise((resolve) => {
    execFile(ffprobe, args, { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (_error, stdout) => {
      let end: number | undefined;
      for (const line of String(stdout).split('\n')) {
        const [pts, duration] = line.split(',').map(Number);
        if (pts === undefined || !Number.isFinite(pts)) continue;
        const packetEnd = pts + (Number.isFinite(duration) ? (duration as number) : 0);
        if (end === undefined || packetEnd > end) end = packetEnd;
      }
      resolve(end);
    });
  });
}
