import { extremum } from './extremum.js';

/** `least(a, b, ...)`: the smallest value; missing values are skipped (AWS, numeric operations). */
export const least = extremum('least', (a, b) => a < b);
