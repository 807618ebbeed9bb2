import { AbortError } from './cli-errors.js';
import { MAX_PORT, wholeNumber } from './number-options.js';

export interface ReachFlags {
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

/**
 * `--from`, `--to`, `--port` of the reach workflow: --to with --port (and --from, or none for
 * "who can reach --to"), the port well-formed, checked before any workflow runs, so a typo is a
 * usage error (exit 2) and never a failed check. Names are resolved against the network the
 * doctor reads (a name it does not know is a failed step that says what it accepts).
 */
export function reachQuestion(flags: ReachFlags): { from: string | undefined; to: string; port: number; protocol: 'tcp' | 'udp' | 'icmp' } | undefined {
  if (flags.from === undefined && flags.to === undefined && flags.port === undefined) return undefined;
  if (flags.to === undefined)
    throw new AbortError(
      `--${flags.from !== undefined ? 'from' : 'port'} was given without --to`,
      'reach needs --to and --port; --from is optional (without it: who can reach --to)',
    );
  if (flags.port === undefined) throw new AbortError('--to was given without --port', 'give the destination port, e.g. --port 5432');
  const port = wholeNumber('--port', 0, MAX_PORT, '5432')(flags.port);
  return { from: flags.from, to: flags.to, port, protocol: flags.protocol };
}
