// Editor keys → preview actions. Pure: the view turns the action into playhead moves.

export type KeyAction =
  | { kind: 'togglePlay' }
  | { kind: 'shuttle'; direction: 1 | -1 }
  | { kind: 'pause' }
  | { kind: 'step'; frames: number }
  | { kind: 'stepSeconds'; seconds: number }
  | { kind: 'home' }
  | { kind: 'end' }
  | { kind: 'zoom'; direction: 1 | -1 };

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function keyAction(e: KeyInput): KeyAction | undefined {
  // Leave chorded keys to VS Code (Ctrl+K V, Ctrl+P, …).
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case ' ':
      return { kind: 'togglePlay' };
    case 'l':
    case 'L':
      return { kind: 'shuttle', direction: 1 };
    case 'j':
    case 'J':
      return { kind: 'shuttle', direction: -1 };
    case 'k':
    case 'K':
      return { kind: 'pause' };
    case 'ArrowRight':
      return e.shiftKey ? { kind: 'stepSeconds', seconds: 1 } : { kind: 'step', frames: 1 };
    case 'ArrowLeft':
      return e.shiftKey ? { kind: 'stepSeconds', seconds: -1 } : { kind: 'step', frames: -1 };
    case 'Home':
      return { kind: 'home' };
    case 'End':
      return { kind: 'end' };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 1 };
    case '-':
    case '_':
      return { kind: 'zoom', direction: -1 };
    default:
      return undefined;
  }
}
