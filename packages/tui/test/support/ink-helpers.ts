import stripAnsi from 'strip-ansi';
import type { ResultRow } from '@artos/flowlog-analyzer';
import type { AppData } from '../../src/app/app-data.js';
import { buildDoctorContext } from '../../src/doctor/build-context.js';
import { productionSpec } from './doctor-contexts.js';

/** Keys as a terminal sends them (xterm); each `stdin.write` reaches Ink as one chunk. */
export const KEY = {
  down: '\u001b[B',
  up: '\u001b[A',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  right: '\u001b[C',
  left: '\u001b[D',
  escape: '\u001b',
  enter: '\r',
  tab: '\t',
  backspace: '\u007f',
} as const;

export const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** The frame as a user reads it: no styles, no trailing blanks (a fixed-height box pads with empty lines). */
export const plain = (frame: string | undefined): string =>
  stripAnsi(frame ?? '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

/** Waits until the unstyled frame contains `text` (a busy machine renders late), and returns it. */
export async function waitFor(frame: () => string | undefined, text: string, timeout = 5000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = plain(frame());
    if (f.includes(text)) return f;
    if (Date.now() > end) throw new Error(`"${text}" never appeared in:\n${f}`);
    await tick(20);
  }
}

/** Retries an assertion until it holds, then returns. */
export async function until(check: () => void, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await tick(20);
    }
  }
}

/** What the UI shows for the production preset, with a stub flow-log query that records what it ran. */
export async function productionAppData(runQuery?: AppData['runQuery']): Promise<AppData> {
  const context = await buildDoctorContext(productionSpec, 'preset production', {});
  const rows: ResultRow[] = [{ srcAddr: '10.0.10.77', dstPort: '5432', rejects: '30' }];
  return {
    spec: productionSpec,
    source: 'preset production',
    context,
    runQuery: runQuery ?? (async () => ({ columns: ['srcAddr', 'dstPort', 'rejects'], rows })),
    flowLogSource: 'test traffic',
  };
}
