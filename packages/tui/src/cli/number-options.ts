import { AbortError } from './cli-errors.js';

/**
 * A commander parser for a whole-number flag within `[min, max]`: anything else (`abc`, `-5`,
 * `1e3`, `99999999999999999999`) stops the command with exit 2 naming the flag and the range.
 */
export function wholeNumber(flag: string, min: number, max: number, example = String(min)) {
  return (value: string): number => {
    const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new AbortError(
        `${flag} ${value}: expected a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`,
        `e.g. ${flag} ${example}`,
      );
    }
    return n;
  };
}

/** TCP and UDP ports (RFC 793, RFC 768: 16 bits). */
export const MAX_PORT = 65_535;
