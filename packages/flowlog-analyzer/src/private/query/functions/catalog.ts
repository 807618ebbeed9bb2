import type { FunctionDef } from './function-def.js';
import { CLOUD_ONLY_FUNCTIONS } from './cloud-only.js';
import { abs } from './abs.js';
import { avg } from './avg.js';
import { bin } from './bin.js';
import { ceil } from './ceil.js';
import { coalesce } from './coalesce.js';
import { concat } from './concat.js';
import { count } from './count.js';
import { countDistinct } from './count-distinct.js';
import { dateceil } from './dateceil.js';
import { datefloor } from './datefloor.js';
import { earliest } from './earliest.js';
import { floor } from './floor.js';
import { fromMillis } from './from-millis.js';
import { greatest } from './greatest.js';
import { isblank } from './is-blank.js';
import { isempty } from './is-empty.js';
import { isIpInSubnet } from './is-ip-in-subnet.js';
import { isIpv4InSubnet } from './is-ipv4-in-subnet.js';
import { isIpv6InSubnet } from './is-ipv6-in-subnet.js';
import { isPresent } from './is-present.js';
import { isValidIp } from './is-valid-ip.js';
import { isValidIpV4 } from './is-valid-ip-v4.js';
import { isValidIpV6 } from './is-valid-ip-v6.js';
import { latest } from './latest.js';
import { least } from './least.js';
import { log } from './log.js';
import { ltrim } from './ltrim.js';
import { max } from './max.js';
import { min } from './min.js';
import { pct } from './pct.js';
import { replace } from './replace.js';
import { rtrim } from './rtrim.js';
import { sortsFirst } from './sorts-first.js';
import { sortsLast } from './sorts-last.js';
import { sqrt } from './sqrt.js';
import { stddev } from './stddev.js';
import { strcontains } from './strcontains.js';
import { strlen } from './strlen.js';
import { substr } from './substr.js';
import { sum } from './sum.js';
import { toMillis } from './to-millis.js';
import { tolower } from './tolower.js';
import { toupper } from './toupper.js';
import { trim } from './trim.js';

/**
 * Every function a query may call, one file each: the parser checks names, arity and argument
 * kinds against it, the compiler builds the closures from it. Adding a function is adding a file
 * and a line here. Names match case-insensitively, as in CloudWatch (`isPresent`, `ispresent`).
 */
export const FUNCTIONS: readonly FunctionDef[] = [
  abs,
  ceil,
  floor,
  greatest,
  least,
  log,
  sqrt,
  bin,
  datefloor,
  dateceil,
  fromMillis,
  toMillis,
  isPresent,
  isempty,
  isblank,
  coalesce,
  concat,
  strlen,
  tolower,
  toupper,
  trim,
  ltrim,
  rtrim,
  substr,
  replace,
  strcontains,
  isValidIp,
  isValidIpV4,
  isValidIpV6,
  isIpInSubnet,
  isIpv4InSubnet,
  isIpv6InSubnet,
  count,
  countDistinct,
  sum,
  avg,
  min,
  max,
  pct,
  stddev,
  earliest,
  latest,
  sortsFirst,
  sortsLast,
  ...CLOUD_ONLY_FUNCTIONS,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

export function findFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Names the local engine runs, by kind, for messages. */
export function functionNames(kind: 'scalar' | 'aggregate'): string[] {
  return FUNCTIONS.filter((f) => f.kind === kind).map((f) => f.name);
}
