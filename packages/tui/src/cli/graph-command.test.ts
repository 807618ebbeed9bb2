import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const template = fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url));

describe('artos-net graph', () => {
  it('prints Mermaid of the template it is given, and writes SVG to --out', async () => {
    const mermaid = await cli('graph', '--format', 'mermaid', '--template', template);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid.stdout).toMatch(/sg_NetworkEksNodesSecurityGroup\w* -->\|"tcp 5432"\| sg_NetworkRdsSecurityGroup\w*/);
    const out = join(dir, 'network.svg');
    const svg = await cli('graph', '--format', 'svg', '--out', out);
    expect(svg.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg ');
  });

  it('rejects an unknown format and an unwritable --out (exit 2)', async () => {
    expect((await cli('graph', '--format', 'png')).code).toBe(2);
    const r = await cli('graph', '--format', 'svg', '--out', join(dir, 'missing', 'x.svg'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write --out');
  });
});
