// CMX 3600 text → statements with their line numbers. No timing yet: that needs the rate.
// Tolerant like the readers editors use: CRLF, extra spaces, notes with or without the `*`.

export interface EventStatement {
  kind: 'event';
  line: number;
  /** Event number as written (`002`). */
  number: string;
  reel: string;
  /** V, A, A2, AA, B, AA/V, A2/V, … */
  channels: string;
  /** C, D, W001, K, KB, KO, R… */
  editType: string;
  /** Transition length in frames for D, W### and K. */
  transitionFrames?: number;
  sourceIn: string;
  sourceOut: string;
  recordIn: string;
  recordOut: string;
}

export interface NoteStatement {
  kind: 'note';
  line: number;
  /** Upper-case identifier: `FROM CLIP NAME`, `TO CLIP NAME`, `FROM CLIP`, `FROM FILE`, `LOC`, `FREEZE FRAME`, … or `` for free text. */
  key: string;
  value: string;
  text: string;
}

export interface MotionStatement {
  kind: 'motion';
  line: number;
  reel: string;
  /** Playback rate in frames per second as written (`047.6`); 0 is a freeze frame. */
  fps: number;
  trigger: string;
}

export interface AudioNoteStatement {
  kind: 'aud';
  line: number;
  /** Extra audio channels the event also uses (`AUD 3 4` → [3, 4]). */
  channels: number[];
}

export interface HeaderStatement {
  kind: 'title' | 'fcm';
  line: number;
  value: string;
}

export interface UnknownStatement {
  kind: 'unknown';
  line: number;
  text: string;
}

export type EdlStatement = EventStatement | NoteStatement | MotionStatement | AudioNoteStatement | HeaderStatement | UnknownStatement;

const TC = String.raw`\d{1,2}[:;.]\d{2}[:;.]\d{2}[:;.]\d{2}`;
const EVENT = new RegExp(
  String.raw`^(\d+)\s+(\S+)\s+(\S+)\s+(C|R|D|W\d{3}|KB|KO|K|[A-Z]\d*)\s+(?:(\d+)\s+)?(${TC})\s+(${TC})\s+(${TC})\s+(${TC})\s*$`,
);
const MOTION = new RegExp(String.raw`^M2\s+(.*?)\s+(-?\d+(?:\.\d*)?)\s+(${TC})\s*$`);
const NOTE_KEYS = ['FROM CLIP NAME', 'TO CLIP NAME', 'FROM CLIP', 'TO CLIP', 'FROM FILE', 'SOURCE FILE', 'LOC', 'ASC_SOP', 'ASC_SAT'];

export function parseStatements(text: string): EdlStatement[] {
  const statements: EdlStatement[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const textLine = raw.trim();
    if (!textLine) return;
    const statement = parseLine(textLine, line);
    statements.push(statement);
  });
  return statements;
}

function parseLine(text: string, line: number): EdlStatement {
  const header = /^(TITLE|FCM)\s*:\s*(.*)$/i.exec(text);
  if (header) return { kind: header[1]!.toUpperCase() === 'TITLE' ? 'title' : 'fcm', line, value: (header[2] ?? '').trim() };

  const event = EVENT.exec(text);
  if (event) {
    const [, number = '', reel = '', channels = '', editType = '', frames, sourceIn = '', sourceOut = '', recordIn = '', recordOut = ''] = event;
    const statement: EventStatement = { kind: 'event', line, number, reel, channels, editType, sourceIn, sourceOut, recordIn, recordOut };
    if (frames !== undefined) statement.transitionFrames = Number(frames);
    return statement;
  }

  const motion = MOTION.exec(text);
  if (motion) return { kind: 'motion', line, reel: (motion[1] ?? '').trim(), fps: Number(motion[2]), trigger: motion[3] ?? '' };

  const aud = /^AUD\s+(\d(?:\s+\d)*)\s*$/i.exec(text);
  if (aud) return { kind: 'aud', line, channels: (aud[1] ?? '').split(/\s+/).map(Number) };

  // Notes: `* FROM CLIP NAME: x`, `* * FREEZE FRAME`, and the same without the `*` (some exporters drop it).
  const starred = text.startsWith('*');
  const body = text.replace(/^\*\s*/, '');
  if (/^\*?\s*FREEZE FRAME\b/i.test(body)) return { kind: 'note', line, key: 'FREEZE FRAME', value: '', text };
  for (const key of NOTE_KEYS) {
    if (body.toUpperCase().startsWith(key) && /^[\s:]/.test(body.slice(key.length) || ' ')) {
      return { kind: 'note', line, key, value: body.slice(key.length).replace(/^\s*:?\s*/, '').trim(), text };
    }
  }
  if (starred) return { kind: 'note', line, key: '', value: body.trim(), text };
  return { kind: 'unknown', line, text };
}
