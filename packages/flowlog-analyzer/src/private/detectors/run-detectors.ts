import { findCannedQuery } from '../canned-queries.js';
import type { ResultRow } from '../engine/execute.js';
import type { Detector, ThreatFinding } from './threat-finding.js';
import { missingFields } from './required-fields.js';
import { portScan } from './port-scan.js';
import { repeatedRejects } from './repeated-rejects.js';
import { unusualSources } from './unusual-sources.js';
import { exfiltration } from './exfiltration.js';
import { unansweredConnections } from './unanswered-connections.js';
import { resets } from './resets.js';
import { captureGaps } from './capture-gaps.js';
import { podAttribution } from './pod-attribution.js';
import { unexpectedTrafficPath } from './unexpected-traffic-path.js';
import { rejectReasons } from './reject-reasons.js';

/** The seed's four threats, in the seed's order. */
export const SEED_DETECTORS: readonly Detector[] = [repeatedRejects, unusualSources, portScan, exfiltration];

/** Readers of the fields beyond the default format: tcp-flags, pkt-srcaddr, flow-direction, traffic-path, reject-reason, log-status. */
export const RICH_FIELD_DETECTORS: readonly Detector[] = [unansweredConnections, resets, captureGaps, podAttribution, unexpectedTrafficPath, rejectReasons];

export const DETECTORS: readonly Detector[] = [...SEED_DETECTORS, ...RICH_FIELD_DETECTORS];

export interface DetectorRun {
  readonly detector: string;
  readonly query: string;
  readonly findings: readonly ThreatFinding[];
  readonly error: string | undefined;
}

export interface RunDetectorsOptions {
  /** Insights names of the fields the records carry, when the format is known. @default - judged from the rows */
  readonly availableFields?: ReadonlySet<string>;
}

/**
 * Runs each detector's canned query through `runQuery` (the local engine or Logs Insights: the
 * same text) and the detector over its rows. A detector that fails, or whose rows lack the
 * fields it reads, is reported with the reason, not fatal and never "nothing found".
 */
export async function runDetectors(
  runQuery: (queryText: string) => Promise<readonly ResultRow[]>,
  parameters: Readonly<Record<string, string>> = {},
  detectors: readonly Detector[] = DETECTORS,
  options: RunDetectorsOptions = {},
): Promise<DetectorRun[]> {
  const runs: DetectorRun[] = [];
  for (const detector of detectors) {
    const canned = findCannedQuery(detector.queryId);
    const given = { ...parameters, ...(detector.parameters ?? {}) };
    const query = canned ? canned.text(given) : '';
    try {
      if (!canned) throw new Error(`no canned query ${detector.queryId}`);
      const before = missingFields(detector, undefined, options.availableFields);
      if (before) throw new Error(before);
      const rows = await runQuery(query);
      const after = options.availableFields ? undefined : missingFields(detector, rows);
      if (after) throw new Error(after);
      runs.push({ detector: detector.id, query, findings: detector.detect(rows, given), error: undefined });
    } catch (error) {
      runs.push({ detector: detector.id, query, findings: [], error: (error as Error).message });
    }
  }
  return runs;
}
