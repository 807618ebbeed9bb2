import { fieldGetter } from '../../engine/row.js';
import { pickOne } from './pick-one.js';

/** `earliest(field)`: the value of the event with the earliest @timestamp (AWS, stats). */
export const earliest = pickOne('earliest', (a, b) => a.rank < b.rank, fieldGetter('@timestamp'));
