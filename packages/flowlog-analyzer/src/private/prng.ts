// The seeded PRNG lives in the model, shared by the sample traffic and the planner's benchmark.
export { mulberry32 } from '@artos/model/testing';
