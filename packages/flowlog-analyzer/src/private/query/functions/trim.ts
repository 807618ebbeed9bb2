import { trimFunction } from './trim-chars.js';

/** `trim(s)` or `trim(s, chars)`: see trimFunction. */
export const trim = trimFunction('trim', true, true);
