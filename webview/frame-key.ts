// Frames are named by the timeline revision they were made from and their frame number: the same
// frame number after an edit is a different picture, so a frame number alone never says "up to date".

export interface FrameIdentity {
  revision: number;
  frame: number;
}

export function frameKey(revision: number, frame: number): string {
  return `${revision}:${frame}`;
}

/** Whether the picture on screen (or on its way) is `frame` of `revision`. */
export function showsFrame(shown: FrameIdentity | undefined, revision: number, frame: number): boolean {
  return shown !== undefined && shown.revision === revision && shown.frame === frame;
}
