// Text from the files (a unit's name, a file name, a roster code) reaches the analyst's terminal.
// Control characters in it could clear the screen, retitle the window or redraw a "✗" line as
// "✓", and bidirectional overrides reverse what follows: on a terminal they are shown, not obeyed.

/** C0 controls but line feed and tab, DEL, C1 controls; the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as it may be printed on a terminal: each unsafe character as a visible stand-in (C0 as its
 * control picture, "␛" for escape; the rest as "�"). A "\r" that starts the text is the progress
 * bar's own return to the line's start and is kept.
 */
export function terminalSafe(text: string): string {
  const redraw = text.startsWith("\r");
  const safe = (redraw ? text.slice(1) : text).replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : "\ufffd";
  });
  return redraw ? `\r${safe}` : safe;
}
