// A render's check facts (streams, video frames, duration) read from an MP4's index, the moov box, in
// this process. Farm chunks are checked this way: a second ffmpeg run that copies the chunk to null to
// count its packets cost about a seventh of a 10 s chunk's CPU at small sizes (docs/performance.md).
import { open } from 'node:fs/promises';
import type { OutputFacts } from './verify-output';

interface Box { type: string; start: number; end: number }

/** The boxes inside buf[from, to). */
function boxes(buf: Buffer, from: number, to: number): Box[] {
  const found: Box[] = [];
  for (let at = from; at + 8 <= to;) {
    let size = buf.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    found.push({ type: buf.toString('latin1', at + 4, at + 8), start: at + header, end: at + size });
    at += size;
  }
  return found;
}

const child = (buf: Buffer, box: Box | undefined, type: string): Box | undefined => (box ? boxes(buf, box.start, box.end).find((b) => b.type === type) : undefined);

/** What an MP4's index says of its video: frames, its time base and every distinct frame duration (stts). */
export interface Mp4Index extends OutputFacts {
  videoTimescale: number;
  /** Distinct sample durations of the video track, in its time base: one value = a constant frame rate. */
  videoDeltas: number[];
}

/** Undefined when the file has no readable moov box (the caller then asks ffmpeg). */
export async function readMp4Facts(path: string): Promise<Mp4Index | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(16);
    let moov: Buffer | undefined;
    for (let at = 0; at + 8 <= size;) {
      await file.read(head, 0, 16, at);
      let boxSize = head.readUInt32BE(0);
      if (boxSize === 1) boxSize = Number(head.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - at;
      if (boxSize < 8) return undefined;
      if (head.toString('latin1', 4, 8) === 'moov') {
        moov = Buffer.alloc(boxSize);
        await file.read(moov, 0, boxSize, at);
        break;
      }
      at += boxSize;
    }
    if (!moov) return undefined;
    const facts: Mp4Index = { video: false, audio: false, frames: 0, seconds: 0, videoTimescale: 0, videoDeltas: [] };
    for (const trak of boxes(moov, 8, moov.length).filter((b) => b.type === 'trak')) {
      const mdia = child(moov, trak, 'mdia');
      const hdlr = child(moov, mdia, 'hdlr');
      const mdhd = child(moov, mdia, 'mdhd');
      const stbl = child(moov, child(moov, mdia, 'minf'), 'stbl');
      const stsz = child(moov, stbl, 'stsz');
      const stts = child(moov, stbl, 'stts');
      if (!hdlr || !mdhd || !stsz || !stts) return undefined;
      const handler = moov.toString('latin1', hdlr.start + 8, hdlr.start + 12);
      const v1 = moov.readUInt8(mdhd.start) === 1;
      const timescale = moov.readUInt32BE(mdhd.start + (v1 ? 20 : 12));
      const duration = v1 ? Number(moov.readBigUInt64BE(mdhd.start + 24)) : moov.readUInt32BE(mdhd.start + 16);
      if (timescale > 0) facts.seconds = Math.max(facts.seconds, duration / timescale);
      if (handler === 'vide') {
        facts.video = true;
        facts.frames += moov.readUInt32BE(stsz.start + 8);
        facts.videoTimescale = timescale;
        const entries = moov.readUInt32BE(stts.start + 4);
        const deltas = new Set<number>();
        for (let i = 0; i < entries; i++) deltas.add(moov.readUInt32BE(stts.start + 12 + i * 8));
        facts.videoDeltas = [...deltas];
      } else if (handler === 'soun') facts.audio = true;
    }
    return facts;
  } finally {
    await file.close();
  }
}
