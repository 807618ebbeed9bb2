import { sortCompare } from '../../engine/values.js';
import { pickOne } from './pick-one.js';

/** `sortsFirst(field)`: the value that sorts first in the sort command's order (AWS, stats). */
export const sortsFirst = pickOne('sortsFirst', (a, b) => sortCompare(a.value, b.value) < 0);
