import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeForTerminal } from './sanitize.js';

describe('sanitizeForTerminal', () => {
  it('removes escape sequences and control characters', () => {
    expect(sanitizeForTerminal('prod\u001b[2J\u001b]0;owned\u0007ok')).toBe('prodok');
    expect(sanitizeForTerminal('a\rb\u0008c\u009bd')).toBe('a?b?c'); // CSI d is a whole sequence
    expect(sanitizeForTerminal('x\u0085y')).toBe('x?y');
    expect(sanitizeForTerminal('evil\u202etxt.exe')).toBe('evil?txt.exe');
    expect(sanitizeForTerminal('line 1\n\tline 2')).toBe('line 1\n\tline 2');
  });

  it('never lets ESC, BEL or CSI through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
        expect(sanitizeForTerminal(text)).not.toMatch(/[\u001b\u0007\u009b\u0000-\u0008\u000b-\u001f]/);
      }),
      { numRuns: 3000 },
    );
  });
});
