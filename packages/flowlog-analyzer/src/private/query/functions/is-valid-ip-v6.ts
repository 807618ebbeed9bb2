import { isIPv6 } from 'node:net';
import type { ScalarFunction } from './function-def.js';

/** `isValidIpV6(field)`: true when the value is an IPv6 address (AWS, IP address string functions). */
export const isValidIpV6: ScalarFunction = {
  kind: 'scalar',
  name: 'isValidIpV6',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v !== null && v !== undefined && isIPv6(String(v));
    },
};
