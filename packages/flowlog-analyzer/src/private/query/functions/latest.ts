import { fieldGetter } from '../../engine/row.js';
import { pickOne } from './pick-one.js';

/** `latest(field)`: the value of the event with the latest @timestamp (AWS, stats). */
export const latest = pickOne('latest', (a, b) => a.rank > b.rank, fieldGetter('@timestamp'));
