import { compareValues } from '../../engine/values.js';
import { pickOne } from './pick-one.js';

/** `max(field)`: the largest value (AWS, stats). */
export const max = pickOne('max', (a, b) => compareValues(a.value, b.value) > 0);
