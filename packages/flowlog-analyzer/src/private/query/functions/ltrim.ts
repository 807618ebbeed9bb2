import { trimFunction } from './trim-chars.js';

/** `ltrim(s)` or `ltrim(s, chars)`: see trimFunction. */
export const ltrim = trimFunction('ltrim', true, false);
