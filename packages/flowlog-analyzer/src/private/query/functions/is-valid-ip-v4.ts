import { isIPv4 } from 'node:net';
import type { ScalarFunction } from './function-def.js';

/** `isValidIpV4(field)`: true when the value is an IPv4 address (AWS, IP address string functions). */
export const isValidIpV4: ScalarFunction = {
  kind: 'scalar',
  name: 'isValidIpV4',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v !== null && v !== undefined && isIPv4(String(v));
    },
};
