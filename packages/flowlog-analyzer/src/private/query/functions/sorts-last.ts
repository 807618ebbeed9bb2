import { sortCompare } from '../../engine/values.js';
import { pickOne } from './pick-one.js';

/** `sortsLast(field)`: the value that sorts last in the sort command's order (AWS, stats). */
export const sortsLast = pickOne('sortsLast', (a, b) => sortCompare(a.value, b.value) > 0);
