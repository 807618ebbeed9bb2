import { formatValue } from '../../engine/values.js';
import { unary } from './function-def.js';

/** `toupper(s)` (AWS, string functions). */
export const toupper = unary('toupper', (v) => formatValue(v)!.toUpperCase());
