import { isIP } from 'node:net';
import type { ScalarFunction } from './function-def.js';

/** `isValidIp(field)`: true when the value is an IPv4 or IPv6 address (AWS, IP address string functions). */
export const isValidIp: ScalarFunction = {
  kind: 'scalar',
  name: 'isValidIp',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v !== null && v !== undefined && isIP(String(v)) !== 0;
    },
};
