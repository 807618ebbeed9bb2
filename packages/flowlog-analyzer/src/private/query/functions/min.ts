import { compareValues } from '../../engine/values.js';
import { pickOne } from './pick-one.js';

/** `min(field)`: the smallest value (AWS, stats). */
export const min = pickOne('min', (a, b) => compareValues(a.value, b.value) < 0);
