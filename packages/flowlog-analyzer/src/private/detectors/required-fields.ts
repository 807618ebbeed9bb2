import { fieldByInsightsName } from '../fields.js';
import type { ResultRow } from '../engine/execute.js';
import type { Detector } from './threat-finding.js';

/**
 * Checks that a detector's rows carry the fields it reads (so a finding never reads "0 rejects
 * from undefined"). With the record format known
 * (`availableFields`), a field the format lacks is reported before anything runs. Without it, a
 * field absent from every row that came back means the records do not carry it (the detectors'
 * queries let such rows through on purpose); fields AWS writes as `-` in some records are only
 * checked against a known format. Returns the message, or undefined when all is there.
 */
export function missingFields(detector: Detector, rows: readonly ResultRow[] | undefined, availableFields?: ReadonlySet<string>): string | undefined {
  const required = detector.requires ?? [];
  const missing = availableFields
    ? required.filter((f) => !availableFields.has(f))
    : rows && rows.length > 0
      ? (detector.rowKeys ?? required.filter((f) => !(detector.mayBeDash ?? []).includes(f))).filter((f) => rows.every((r) => r[f] === undefined))
      : [];
  if (missing.length === 0) return undefined;
  const aws = missing.map((f) => fieldByInsightsName(f)?.name ?? f);
  return `${detector.id} reads ${missing.join(', ')}, which these records do not carry: publish the flow log with a format that includes ${aws.map((n) => `\${${n}}`).join(' ')} (and pass it with --format when the files have no header line)`;
}
