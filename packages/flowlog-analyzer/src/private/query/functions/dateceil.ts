import { dateRound } from './date-round.js';

/** `dateceil(a, period)`: rounds the timestamp up to the period: `dateceil(@timestamp, 1h)` is the top of the hour (AWS, datetime functions). */
export const dateceil = dateRound('dateceil', Math.ceil);
