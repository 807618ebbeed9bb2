import stripAnsi from 'strip-ansi';

// C0 and C1 control characters except tab and newline, and the Unicode bidirectional overrides
// that can make text read differently from what it is ("Trojan Source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes untrusted text (tags, names, descriptions, log lines, error messages from AWS) safe to
 * print: escape sequences are removed, other control characters become `?`.
 */
export function sanitizeForTerminal(text: string): string {
  return stripAnsi(text).replace(CONTROL, '?');
}
