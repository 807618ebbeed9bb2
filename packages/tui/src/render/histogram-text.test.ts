import { describe, expect, it } from 'vitest';
import { renderHistogram } from './histogram-text.js';

describe('renderHistogram', () => {
  it('draws accepted and rejected bars to scale, with gaps and findings marked', () => {
    const lines = renderHistogram(
      [
        { start: '2023-11-14T22:10:00.000Z', accepted: 100, rejected: 0, nodata: 2, skipdata: 0, findings: [] },
        { start: '2023-11-14T22:15:00.000Z', accepted: 50, rejected: 50, nodata: 0, skipdata: 1, findings: ['port-scan'] },
        { start: '2023-11-14T22:20:00.000Z', accepted: 99, rejected: 1, nodata: 0, skipdata: 0, findings: [] },
      ],
      80,
    );
    expect(lines).toHaveLength(4);
    const bars = lines.slice(1).map((l) => /^\d\d:\d\d {2}([█▒]*)/.exec(l)![1]!);
    // Independent arithmetic: bar width is the same for equal totals; the halves split evenly.
    expect(bars[0]!.length).toBe(bars[1]!.length);
    expect([...bars[1]!].filter((c) => c === '█').length).toBe([...bars[1]!].filter((c) => c === '▒').length);
    expect(bars[2]).toMatch(/▒$/); // one reject still shows
    expect(lines[1]).toContain('NODATA 2');
    expect(lines[2]).toContain('! SKIPDATA 1');
    expect(lines[2]).toContain('◆ port-scan');
    expect(lines[2]).toContain('50 ACCEPT 50 REJECT');
  });
});
