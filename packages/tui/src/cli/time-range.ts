import { AbortError } from './cli-errors.js';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `--since 1h`, `--since 2023-11-14T10:00:00Z`, `--until now`: Unix seconds. */
export function parseTime(text: string, flag: string, now = Date.now()): number {
  if (text === 'now') return Math.floor(now / 1000);
  const relative = /^(\d+)([smhdw])$/.exec(text);
  if (relative) return Math.floor(now / 1000) - Number(relative[1]) * UNITS[relative[2]!]!;
  if (/^\d{9,10}$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed))
    throw new AbortError(`${flag} ${text}: not a time`, `use a duration back from now (30m, 6h, 2d), an ISO time (2023-11-14T10:00:00Z) or Unix seconds`);
  return Math.floor(parsed / 1000);
}
