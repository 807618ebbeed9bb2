import { IANA_PROTOCOL_NUMBERS, type IpProtocol } from '../security-group-types.js';
import { ALL_PROTOCOLS, type ProtocolNumber } from './model-types.js';

/** `tcp` → 6, `all` → -1; a number passes through. */
export function protocolNumberOf(protocol: IpProtocol | number | string): ProtocolNumber {
  if (typeof protocol === 'number') return protocol;
  if (protocol === 'all' || protocol === '-1') return ALL_PROTOCOLS;
  const known = IANA_PROTOCOL_NUMBERS[protocol as Exclude<IpProtocol, 'all'>];
  if (known !== undefined) return known;
  const n = Number(protocol);
  return Number.isInteger(n) ? n : Number.NaN;
}

/** 6 → `tcp`, -1 → `all`, 47 → `protocol 47`. */
export function protocolNameOf(protocol: ProtocolNumber): string {
  if (protocol === ALL_PROTOCOLS) return 'all';
  const entry = Object.entries(IANA_PROTOCOL_NUMBERS).find(([, n]) => n === protocol);
  return entry ? entry[0] : `protocol ${protocol}`;
}

/** Protocols whose rules and ACL entries carry port ranges. */
export function hasPorts(protocol: ProtocolNumber): boolean {
  return protocol === 6 || protocol === 17;
}

/** `tcp 5432`, `udp 53`, `icmp`. */
export function serviceText(protocol: ProtocolNumber, port: number): string {
  return hasPorts(protocol) ? `${protocolNameOf(protocol)} ${port}` : protocolNameOf(protocol);
}
