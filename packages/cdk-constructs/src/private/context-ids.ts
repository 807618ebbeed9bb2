import { boundText, isAwsId } from '@artos/model';
import { ArtosAppInputError } from './app-input-error.js';

type AwsIdKind = Parameters<typeof isAwsId>[0];

/** A comma-separated context value as a list (`-c privateSubnetIds=a,b`). */
export function listContext(value: unknown): string[] | undefined {
  return typeof value === 'string' && value !== '' ? value.split(',').map((x) => x.trim()) : undefined;
}

/** The ids a user may give with `-c`, each with the AWS form it must have. */
const CONTEXT_IDS = {
  vpcId: { kind: 'vpc', list: false, what: 'VPC id', example: 'vpc-0123456789abcdef0' },
  privateSubnetIds: { kind: 'subnet', list: true, what: 'subnet id', example: 'subnet-0123456789abcdef0,subnet-0fedcba9876543210' },
  databaseSubnetIds: { kind: 'subnet', list: true, what: 'subnet id', example: 'subnet-0123456789abcdef0,subnet-0fedcba9876543210' },
  privateRouteTableIds: { kind: 'rtb', list: true, what: 'route-table id', example: 'rtb-0123456789abcdef0' },
  bastionSecurityGroupId: { kind: 'sg', list: false, what: 'security-group id', example: 'sg-0123456789abcdef0' },
  s3PrefixListId: { kind: 'pl', list: false, what: 'prefix-list id', example: 'pl-6da54004' },
} as const satisfies Record<string, { kind: AwsIdKind | 'pl'; list: boolean; what: string; example: string }>;

export type ContextIdKey = keyof typeof CONTEXT_IDS;

// Managed prefix lists have the same id form as the others (`pl-` and 8 or 17 hex digits).
const isIdOf = (kind: AwsIdKind | 'pl', id: string) => (kind === 'pl' ? /^pl-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id) : isAwsId(kind, id));

/**
 * Reads an id (or list of ids) given with `-c key=…`. An id given on the command line is the user's
 * real id, not the seed's example, so one that AWS would reject is an input error naming the
 * context key and the form (CloudFormation would otherwise fail at deploy, or take it verbatim).
 */
export function contextIds(key: ContextIdKey, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const rule = CONTEXT_IDS[key];
  const given = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = `-c ${key}=${boundText(String(given), 120)}`;
  const fix = `give the real ${rule.what}${rule.list ? 's, comma-separated' : ''}, e.g. -c ${key}=${rule.example}`;
  const ids = typeof value === 'string' ? (rule.list ? listContext(value) : value === '' ? undefined : [value.trim()]) : undefined;
  if (!ids)
    throw new ArtosAppInputError(
      'invalid-context',
      shown,
      `expected ${rule.list ? 'a comma-separated list of' : 'an'} AWS ${rule.what}${rule.list ? 's' : ''}`,
      fix,
    );
  const bad = ids.find((id) => !isIdOf(rule.kind, id));
  if (bad !== undefined) {
    throw new ArtosAppInputError(
      'invalid-context',
      shown,
      `"${boundText(bad, 80)}" is not an AWS ${rule.what} (${rule.kind}- and 8 or 17 lowercase hex digits), AWS would reject it`,
      fix,
    );
  }
  return ids;
}

/** The single id given with `-c key=…`, checked as `contextIds` does. */
export function contextId(key: ContextIdKey, value: unknown): string | undefined {
  return contextIds(key, value)?.[0];
}
