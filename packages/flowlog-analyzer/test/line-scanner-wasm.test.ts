import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLineScanner, GENERATED_PATH, generatedSource } from '../scripts/compile-line-scanner.js';

describe('the committed WebAssembly line scanner', () => {
  it('is the compilation of line-scanner.wat (run `npm run wasm` after editing the .wat)', async () => {
    const bytes = await compileLineScanner();
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generatedSource(bytes));
  });
});
