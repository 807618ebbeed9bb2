import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Output written to a terminal: escape sequences that come from the data (a log line, a tag) are
// stripped in every format, table, CSV and JSON alike. Runs the built CLI in a pseudo-terminal
// with util-linux `script` (as the tmux test does with tmux).
const shim = fileURLToPath(new URL('../bin/artos-net.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'artos-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVIL = '\u001b]0;pwned\u0007\u001b[2J';
const log = join(dir, 'evil.log');
writeFileSync(log, `2 123456789012 eni-0a1b2c3d4e${EVIL} 10.0.10.5 10.0.100.20 40000 5432 6 1 40 1700000000 1700000060 REJECT OK\n`);
const spec = join(dir, 'evil.yaml');
writeFileSync(spec, `namePrefix: artos-x\ntags:\n  Team: "\\e]0;pwned\\a\\e[2Jred"\n`);

function inTerminal(...argv: string[]): string {
  const quoted = [process.execPath, shim, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', quoted, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.error, 'util-linux script is required for this test (apt-get install -y bsdutils)').toBeUndefined();
  return r.stdout;
}

describe('on a terminal, data never carries escape sequences through', () => {
  it.each([[[]], [['--csv']], [['--json']]])('flowlogs query %j', (extra) => {
    const out = inTerminal('flowlogs', 'query', 'fields @message, interfaceId, srcAddr', '--file', log, ...extra);
    expect(out).toContain('10.0.10.5');
    expect(out).not.toContain('\u001b]');
    expect(out).not.toContain('\u001b[2J');
    expect(out).not.toContain('\u0007');
  });

  it.each([[['spec', 'show', '--spec', spec]], [['spec', 'validate', '--spec', spec, '--json']], [['overview', '--spec', spec]]])('%j', (argv) => {
    const out = inTerminal(...argv);
    expect(out).not.toContain('\u001b]');
    expect(out).not.toContain('\u0007');
  });
});
