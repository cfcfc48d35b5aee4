// Statements → events. An event is its standard lines (two for a transition: the "from" cut and
// the dissolve/wipe "to" line) plus the notes, M2 motion and AUD lines that follow them.
import type { AudioNoteStatement, EdlStatement, EventStatement, MotionStatement, NoteStatement, UnknownStatement } from './statements';

export interface EdlEvent {
  number: string;
  lines: EventStatement[];
  notes: NoteStatement[];
  motions: MotionStatement[];
  auds: AudioNoteStatement[];
}

export interface EdlDocument {
  title?: string;
  fcm?: { value: string; line: number };
  events: EdlEvent[];
  /** Notes before the first event (file-level comments). */
  headerNotes: NoteStatement[];
  unknown: UnknownStatement[];
}

const normalisedNumber = (number: string): string => number.replace(/^0+(?=\d)/, '');

export function groupEvents(statements: EdlStatement[]): EdlDocument {
  const document: EdlDocument = { events: [], headerNotes: [], unknown: [] };
  let current: EdlEvent | undefined;
  for (const statement of statements) {
    switch (statement.kind) {
      case 'title':
        document.title ??= statement.value;
        break;
      case 'fcm':
        document.fcm ??= { value: statement.value, line: statement.line };
        break;
      case 'event':
        // A line with the same number continues the event (the "to" side of a transition).
        if (current && normalisedNumber(current.number) === normalisedNumber(statement.number) && current.lines.length < 2) {
          current.lines.push(statement);
        } else {
          current = { number: statement.number, lines: [statement], notes: [], motions: [], auds: [] };
          document.events.push(current);
        }
        break;
      case 'note':
        if (current) current.notes.push(statement);
        else document.headerNotes.push(statement);
        break;
      case 'motion':
        if (current) current.motions.push(statement);
        else document.unknown.push({ kind: 'unknown', line: statement.line, text: `M2 ${statement.reel}` });
        break;
      case 'aud':
        if (current) current.auds.push(statement);
        else document.unknown.push({ kind: 'unknown', line: statement.line, text: 'AUD' });
        break;
      case 'unknown':
        document.unknown.push(statement);
        break;
    }
  }
  return document;
}
