import { trimFunction } from './trim-chars.js';

/** `rtrim(s)` or `rtrim(s, chars)`: see trimFunction. */
export const rtrim = trimFunction('rtrim', false, true);
