import { extremum } from './extremum.js';

/** `greatest(a, b, ...)`: the largest value; missing values are skipped (AWS, numeric operations). */
export const greatest = extremum('greatest', (a, b) => a > b);
