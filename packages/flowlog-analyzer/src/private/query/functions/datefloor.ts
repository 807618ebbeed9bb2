import { dateRound } from './date-round.js';

/** `datefloor(a, period)`: truncates the timestamp to the period: `datefloor(@timestamp, 1h)` is the bottom of the hour (AWS, datetime functions). */
export const datefloor = dateRound('datefloor', Math.floor);
