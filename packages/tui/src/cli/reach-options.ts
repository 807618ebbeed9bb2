import { GROUP_ROLES, SUBNET_TIERS, isAwsId, parseIpv4 } from '@artos/model';
import { AbortError } from './cli-errors.js';
import { MAX_PORT, wholeNumber } from './number-options.js';

export interface ReachFlags {
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

const PARTIES = `an IPv4 address, ${SUBNET_TIERS.join('|')}, or a group role (${GROUP_ROLES.join(', ')})`;

function isParty(text: string, destination: boolean): boolean {
  if (parseIpv4(text) !== undefined) return true;
  if ((SUBNET_TIERS as readonly string[]).includes(text) || (GROUP_ROLES as readonly string[]).includes(text)) return true;
  return !destination && isAwsId('sg', text); // a group outside the network may be a source only
}

/**
 * `--from`, `--to`, `--port` of the reach workflow: all three or none, each well-formed, checked
 * before any workflow runs, so a typo is a usage error (exit 2) and never a failed check.
 */
export function reachQuestion(flags: ReachFlags): { from: string; to: string; port: number; protocol: 'tcp' | 'udp' | 'icmp' } | undefined {
  const given = (['from', 'to', 'port'] as const).filter((k) => flags[k] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length < 3) {
    const missing = (['from', 'to', 'port'] as const).filter((k) => flags[k] === undefined).map((k) => `--${k}`);
    throw new AbortError(`the reach question needs --from, --to and --port; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing`, 'e.g. artos-net doctor reach --from 10.0.10.50 --to rds --port 5432');
  }
  const port = wholeNumber('--port', 0, MAX_PORT, '5432')(flags.port!);
  if (!isParty(flags.from!, false)) throw new AbortError(`--from ${flags.from}: not a source the network knows`, `use ${PARTIES}, or a security group id (sg-…)`);
  if (!isParty(flags.to!, true)) throw new AbortError(`--to ${flags.to}: not a destination in the network`, `use ${PARTIES}`);
  return { from: flags.from!, to: flags.to!, port, protocol: flags.protocol };
}
