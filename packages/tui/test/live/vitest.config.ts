import { defineConfig } from 'vitest/config';

// The live tier: the built CLI against moto, an AWS emulator started by each test file
// (moto-server.ts). Run by .ci/run after the unit tests: `npm run test:live -w @artos/tui`.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.live.ts'],
    // Each file has its own emulator; one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
