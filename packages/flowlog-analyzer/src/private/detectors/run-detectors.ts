import { findCannedQuery } from '../canned-queries.js';
import type { ResultRow } from '../engine/execute.js';
import type { Detector, ThreatFinding } from './threat-finding.js';
import { portScan } from './port-scan.js';
import { repeatedRejects } from './repeated-rejects.js';
import { unusualSources } from './unusual-sources.js';
import { exfiltration } from './exfiltration.js';

/** The seed's four threats, in the seed's order. */
export const DETECTORS: readonly Detector[] = [repeatedRejects, unusualSources, portScan, exfiltration];

export interface DetectorRun {
  readonly detector: string;
  readonly query: string;
  readonly findings: readonly ThreatFinding[];
  readonly error: string | undefined;
}

/**
 * Runs each detector's canned query through `runQuery` (the local engine or Logs Insights: the
 * same text) and the detector over its rows. A detector that fails is reported, not fatal.
 */
export async function runDetectors(
  runQuery: (queryText: string) => Promise<readonly ResultRow[]>,
  parameters: Readonly<Record<string, string>> = {},
  detectors: readonly Detector[] = DETECTORS,
): Promise<DetectorRun[]> {
  const runs: DetectorRun[] = [];
  for (const detector of detectors) {
    const canned = findCannedQuery(detector.queryId);
    const query = canned ? canned.text({ ...parameters, ...(detector.parameters ?? {}) }) : '';
    try {
      if (!canned) throw new Error(`no canned query ${detector.queryId}`);
      runs.push({ detector: detector.id, query, findings: detector.detect(await runQuery(query)), error: undefined });
    } catch (error) {
      runs.push({ detector: detector.id, query, findings: [], error: (error as Error).message });
    }
  }
  return runs;
}
