import { sumOrAvg } from './sum-avg.js';

/** `avg(field)`. */
export const avg = sumOrAvg('avg');
