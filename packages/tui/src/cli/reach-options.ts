import { AbortError } from './cli-errors.js';
import { MAX_PORT, wholeNumber } from './number-options.js';

export interface ReachFlags {
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

export interface ReachAnswerRequest {
  readonly from: string | undefined;
  readonly to: string;
  readonly port: number;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

/**
 * `--from`, `--to`, `--port` of the reach workflow, checked before any workflow runs so a typo is
 * a usage error (exit 2), never a failed check: `--to` and `--port` together, a port a whole number
 * from 0 to 65535; `--from` optional (without it the answer is who can reach `--to`). The parties
 * themselves are read by the doctor, which knows the network's names.
 */
export function reachQuestion(flags: ReachFlags): ReachAnswerRequest | undefined {
  if (flags.from === undefined && flags.to === undefined && flags.port === undefined) return undefined;
  if (flags.to === undefined) {
    throw new AbortError(`${flags.from !== undefined ? '--from' : '--port'} was given without --to`, 'reach needs --to and --port; --from is optional (without it: who can reach --to), e.g. --from eks-nodes --to rds --port 5432');
  }
  if (flags.port === undefined) throw new AbortError('--to was given without --port', 'give the destination port, e.g. --port 5432');
  const port = wholeNumber('--port', 0, MAX_PORT, '5432')(flags.port);
  return { from: flags.from, to: flags.to, port, protocol: flags.protocol };
}
