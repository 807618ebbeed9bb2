import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { cidrContainsAddress, parseIpv4, parseIpv4Cidr } from '@artos/model/records';
import { FlowLogError } from '../../errors.js';
import type { Getter } from '../../engine/row.js';
import type { CallExpr, ScalarFunction } from './function-def.js';

type Family = 'ipv4' | 'ipv6' | 'any';

/** A test "is this address in the CIDR literal", for IPv4 (fast, on integers) or IPv6 (node:net BlockList). */
function subnetTest(call: CallExpr, family: Family): (address: string) => boolean {
  const text = String((call.args[1] as { value: unknown }).value);
  const example = family === 'ipv6' ? '"2001:db8::/32"' : '"10.0.0.0/16"';
  const bad = () =>
    new FlowLogError(
      'query-syntax',
      `${call.name}(): ${JSON.stringify(text)} is not ${family === 'ipv4' ? 'an IPv4' : family === 'ipv6' ? 'an IPv6' : 'an IPv4 or IPv6'} CIDR`,
      { hint: `e.g. ${call.name}(srcAddr, ${example})` },
    );
  const slash = text.indexOf('/');
  const base = slash < 0 ? text : text.slice(0, slash);
  if (isIPv4(base) && family !== 'ipv6') {
    const parsed = parseIpv4Cidr(slash < 0 ? `${text}/32` : text);
    if (!parsed.ok) throw bad();
    const block = parsed.cidr;
    return (address) => {
      const n = parseIpv4(address);
      return n !== undefined && cidrContainsAddress(block, n);
    };
  }
  if (isIPv6(base) && family !== 'ipv4') {
    const prefix = slash < 0 ? 128 : Number(text.slice(slash + 1));
    if (!/^\d{1,3}$/.test(slash < 0 ? '128' : text.slice(slash + 1)) || prefix > 128) throw bad();
    const list = new BlockList();
    list.addSubnet(base, prefix, 'ipv6');
    return (address) => isIPv6(address) && list.check(address, 'ipv6');
  }
  throw bad();
}

/** Answers kept per address text: a flow log repeats a few thousand addresses millions of times. */
const MAX_REMEMBERED = 1 << 16;

/** `test`, remembering its answer for up to MAX_REMEMBERED address texts (then it just answers). */
function remembered(test: (address: string) => boolean): (address: string) => boolean {
  const answers = new Map<string, boolean>();
  return (address) => {
    let answer = answers.get(address);
    if (answer === undefined) {
      answer = test(address);
      if (answers.size < MAX_REMEMBERED) answers.set(address, answer);
    }
    return answer;
  };
}

export function subnetFunction(name: string, family: Family): ScalarFunction {
  return {
    kind: 'scalar',
    name,
    minArgs: 2,
    args: ['any', 'string-literal'],
    compile: ([address], call) => {
      const test = remembered(subnetTest(call, family));
      const get: Getter = address!;
      return (row) => {
        const v = get(row);
        return typeof v === 'string' && test(v);
      };
    },
  };
}
