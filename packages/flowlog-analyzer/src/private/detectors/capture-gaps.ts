import { secondsToIso, type Detector, type ThreatFinding } from './threat-finding.js';
import type { ResultRow } from '../engine/execute.js';

/**
 * Capture gaps: SKIPDATA records ("some flow log records were skipped during the aggregation
 * interval", AWS "Flow log records", log-status), merged into runs of consecutive intervals per
 * ENI. Inside a run the log of that ENI is incomplete: an incident window that overlaps it cannot
 * be cleared from these records. NODATA (no traffic) is a complete record of silence and is not
 * reported.
 */
export const captureGaps: Detector = {
  id: 'capture-gaps',
  title: 'Capture gaps (SKIPDATA)',
  queryId: 'capture-gaps',
  detect(rows) {
    const byEni = new Map<string, ResultRow[]>();
    for (const r of rows) byEni.set(r['interfaceId'] ?? '?', [...(byEni.get(r['interfaceId'] ?? '?') ?? []), r]);
    const findings: ThreatFinding[] = [];
    for (const [eni, list] of byEni) {
      const sorted = [...list].sort((a, b) => Number(a['startTime']) - Number(b['startTime']));
      let run: ResultRow[] = [];
      const flush = () => {
        if (run.length === 0) return;
        const start = run[0]!['startTime'];
        const end = run[run.length - 1]!['endTime'];
        findings.push({
          detector: 'capture-gaps',
          severity: 'medium' as const,
          title: `flow log incomplete for ${eni}: ${run.length} interval(s) skipped (SKIPDATA)`,
          window: { start: secondsToIso(start), end: secondsToIso(end) },
          evidence: run,
          action: `records of ${eni} between ${secondsToIso(start) ?? start} and ${secondsToIso(end) ?? end} are missing: do not conclude "no traffic" there; compare with the peer ENIs' records of the same flows`,
        });
        run = [];
      };
      for (const r of sorted) {
        const previous = run[run.length - 1];
        // Consecutive when this interval starts at most one second after the previous ended.
        if (previous && Number(r['startTime']) > Number(previous['endTime']) + 1) flush();
        run.push(r);
      }
      flush();
    }
    return findings;
  },
};
