import { sumOrAvg } from './sum-avg.js';

/** `sum(field)`. */
export const sum = sumOrAvg('sum');
