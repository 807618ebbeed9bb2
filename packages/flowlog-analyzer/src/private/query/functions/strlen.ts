import { formatValue } from '../../engine/values.js';
import { unary } from './function-def.js';

/** `strlen(s)`: the length in Unicode code points (AWS, string functions). */
export const strlen = unary('strlen', (v) => [...formatValue(v)!].length);
