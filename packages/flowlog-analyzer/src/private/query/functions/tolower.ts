import { formatValue } from '../../engine/values.js';
import { unary } from './function-def.js';

/** `tolower(s)` (AWS, string functions). */
export const tolower = unary('tolower', (v) => formatValue(v)!.toLowerCase());
