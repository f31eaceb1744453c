/**
 * The keyboard's ways out of a kiosk page, matched on the key's physical place (`code`), not the
 * character it types: on a Thai layout Ctrl+R types "พ", and it must still not reload.
 */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
}

interface Shortcut {
  /** What the shortcut would do, as the log line and docs/kiosk.md name it. */
  does: string;
  /** The keys, for the docs and the tests: "Ctrl+R". */
  keys: string;
  matches(input: KeyInput): boolean;
}

/** Ctrl on Linux and Windows, Cmd on a Mac: the browser takes either for its own shortcuts. */
const primary = (input: KeyInput): boolean => input.control || input.meta;
const letter = (code: string) => (input: KeyInput) => input.code === `Key${code}`;
const withPrimary =
  (test: (input: KeyInput) => boolean, shift?: boolean) =>
  (input: KeyInput): boolean =>
    primary(input) && (shift === undefined || input.shift === shift) && test(input);
const plain = (code: string) => (input: KeyInput) =>
  input.code === code && !primary(input) && !input.alt;

const KEYPAD_ZOOM = new Set(['NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/** Every shortcut a kiosk window swallows; docs/kiosk.md lists the same. */
export const KIOSK_SHORTCUTS: readonly Shortcut[] = [
  { does: 'devtools', keys: 'F12', matches: (i) => i.code === 'F12' },
  { does: 'devtools', keys: 'Ctrl+Shift+I', matches: withPrimary(letter('I'), true) },
  { does: 'devtools', keys: 'Ctrl+Shift+J', matches: withPrimary(letter('J'), true) },
  { does: 'devtools', keys: 'Ctrl+Shift+C', matches: withPrimary(letter('C'), true) },
  { does: 'devtools', keys: 'Cmd+Alt+I', matches: (i) => i.meta && i.alt && i.code === 'KeyI' },
  { does: 'view source', keys: 'Ctrl+U', matches: withPrimary(letter('U')) },
  { does: 'reload', keys: 'F5', matches: (i) => i.code === 'F5' },
  { does: 'reload', keys: 'Ctrl+R', matches: withPrimary(letter('R'), false) },
  { does: 'reload', keys: 'Ctrl+Shift+R', matches: withPrimary(letter('R'), true) },
  { does: 'close', keys: 'Ctrl+W', matches: withPrimary(letter('W')) },
  { does: 'close', keys: 'Ctrl+Q', matches: withPrimary(letter('Q')) },
  { does: 'close', keys: 'Alt+F4', matches: (i) => i.alt && i.code === 'F4' },
  { does: 'close', keys: 'Ctrl+F4', matches: (i) => primary(i) && i.code === 'F4' },
  { does: 'zoom', keys: 'Ctrl+= / Ctrl++', matches: withPrimary((i) => i.code === 'Equal') },
  { does: 'zoom', keys: 'Ctrl+-', matches: withPrimary((i) => i.code === 'Minus') },
  { does: 'zoom', keys: 'Ctrl+0', matches: withPrimary((i) => i.code === 'Digit0') },
  {
    does: 'zoom',
    keys: 'Ctrl+keypad + - 0',
    matches: withPrimary((i) => KEYPAD_ZOOM.has(i.code)),
  },
  { does: 'print', keys: 'Ctrl+P', matches: withPrimary(letter('P')) },
  { does: 'find', keys: 'Ctrl+F', matches: withPrimary(letter('F')) },
  { does: 'find', keys: 'Ctrl+G', matches: withPrimary(letter('G')) },
  { does: 'find', keys: 'F3', matches: plain('F3') },
  { does: 'save', keys: 'Ctrl+S', matches: withPrimary(letter('S')) },
  { does: 'open a file', keys: 'Ctrl+O', matches: withPrimary(letter('O')) },
  { does: 'new window', keys: 'Ctrl+N', matches: withPrimary(letter('N')) },
  { does: 'new window', keys: 'Ctrl+T', matches: withPrimary(letter('T')) },
  { does: 'address bar', keys: 'Ctrl+L', matches: withPrimary(letter('L')) },
  { does: 'history', keys: 'Ctrl+H', matches: withPrimary(letter('H')) },
  {
    does: 'back or forward',
    keys: 'Alt+Left / Alt+Right',
    matches: (i) => i.alt && (i.code === 'ArrowLeft' || i.code === 'ArrowRight'),
  },
  {
    does: 'back or forward',
    keys: 'Browser Back / Forward keys',
    matches: (i) => i.code === 'BrowserBack' || i.code === 'BrowserForward',
  },
  { does: 'full screen', keys: 'F11', matches: (i) => i.code === 'F11' },
  // Alt alone shows a hidden menu bar on Linux and Windows.
  { does: 'menu', keys: 'Alt', matches: (i) => i.key === 'Alt' },
];

/** What `input` would do if a kiosk let it through, or undefined for an ordinary key. */
export function blockedShortcut(input: KeyInput): string | undefined {
  return KIOSK_SHORTCUTS.find((shortcut) => shortcut.matches(input))?.does;
}
