// ffmpeg's stats line (`… time=00:01:02.50 bitrate=…`) → seconds of media read so far.
const TIME = /\btime=(-?)(\d+):(\d\d):(\d\d(?:\.\d+)?)/;

export function statsSeconds(line: string): number | undefined {
  const match = TIME.exec(line);
  if (!match || match[1] === '-') return undefined;
  return Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}
