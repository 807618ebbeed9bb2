// `@artos/model/testing`: helpers for synthetic data (sample traffic, benchmarks, tests), kept out of
// the main entry so they are not part of the network-model API. Deliberately a separate subpath.
export { mulberry32 } from './private/prng.js';
