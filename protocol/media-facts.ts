// What a probe (ffprobe) learned about a media file. Produced at the edge, consumed by the pure core.

export interface Rational {
  num: number;
  /** Always > 0. */
  den: number;
}

export interface VideoStreamFacts {
  codec: string;
  width: number;
  height: number;
  /** Average frame rate; for a still image 0/1 is never used: stills report `isStill` instead. */
  frameRate: Rational;
  /** Sample aspect ratio; 1/1 for square pixels. */
  sampleAspectRatio: Rational;
  /** Clockwise display rotation in degrees from the stream's display matrix (0, 90, 180, 270). */
  rotation: number;
  pixelFormat?: string;
  /** The YUV matrix the stream is tagged with, as ffprobe names it (`bt709`, `smpte170m`, `bt470bg`…); absent when untagged. */
  colorSpace?: string;
  /** `tv` (limited) or `pc` (full) when tagged. */
  colorRange?: string;
  /** Frame count when the container states it. */
  frameCount?: number;
  /**
   * ffprobe's r_frame_rate (the base rate every frame time lies on), present only where it differs
   * from the average rate: the sign of a variable-frame-rate file (phone footage, screen recordings).
   */
  baseFrameRate?: Rational;
}

export interface AudioStreamFacts {
  codec: string;
  sampleRate: number;
  channels: number;
}

export interface MediaFacts {
  /** Container format name as ffprobe reports it, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  format: string;
  /** Playable duration in seconds; absent for still images. */
  durationSeconds?: number;
  /** First video stream, if any (images have one too). */
  video?: VideoStreamFacts;
  /** First audio stream, if any. */
  audio?: AudioStreamFacts;
  /** A single picture (PNG, JPEG, …) with no time of its own. */
  isStill: boolean;
  /** Subtitle file (SRT, ASS). */
  isSubtitle: boolean;
  /**
   * Where the file's data really ends, when that is short of `durationSeconds` (a file cut short:
   * its header still states the whole). Absent when the data reaches the stated duration.
   */
  decodableEndSeconds?: number;
  /** Timecode of the first frame as the file states it: SMPTE `HH:MM:SS:FF`, `;FF` when drop-frame. */
  startTimecode?: string;
}

/** The answer to "what is at this path?"; the core treats each status differently. */
export type MediaLookupResult =
  | { status: 'ok'; facts: MediaFacts }
  | { status: 'missing' }
  | { status: 'unreadable'; reason: string }
  /** Not probed yet (the language server probes in the background); checks that need facts skip quietly. */
  | { status: 'pending' };
