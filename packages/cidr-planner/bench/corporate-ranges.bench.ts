// Benchmark: plan and check a network against 100,000 corporate ranges, with the sorted sweep
// and interval merging of the planner, beside a pairwise baseline measured in the same run.
// Run: npm run bench (or: node --import tsx bench/corporate-ranges.bench.ts [count]).
import { mulberry32, preset } from '@artos/model';
import { allocationFromSpec, checkAllocation, parseCorporateList, planAllocation, type Block } from '../src/index.js';
import { blockAt } from '../src/private/block.js';
import { pairwiseOverlaps } from '../src/private/sweep.js';
import { RFC1918_BLOCKS } from '../src/private/checks/rfc1918.js';
import { block } from '../src/private/block.js';

const COUNT = Number(process.argv[2] ?? 100_000);

/** Corporate ranges: most of 10.0.0.0/9 taken, much of 172.16/12 and 192.168/16, some public. */
function corporateText(count: number): string {
  const random = mulberry32(42);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const [base, span] = r < 0.6 ? [0x0a000000, 2 ** 23] : r < 0.85 ? [0xac100000, 2 ** 20] : r < 0.95 ? [0xc0a80000, 2 ** 16] : [0x01000000, 2 ** 31];
    const prefix = 22 + Math.floor(random() * 9); // /22 to /30
    const size = 2 ** (32 - prefix);
    const start = Math.floor((base + Math.floor(random() * span)) / size) * size;
    lines.push(`${blockAt(4, BigInt(start), prefix).text} site-${i}`);
  }
  return lines.join('\n');
}

const tiers = [
  { name: 'private', prefix: 24 },
  { name: 'database', prefix: 24 },
];

/** Pairwise planning: try every aligned position in turn against every range and placed block. */
function pairwisePlan(avoid: readonly Block[], givenVpc?: Block): { vpc: string; subnets: string[] } {
  const hits = (first: bigint, last: bigint, others: readonly { first: bigint; last: bigint }[]) => others.some((o) => o.first <= last && first <= o.last);
  const firstFree = (container: Block, prefix: number, others: readonly { first: bigint; last: bigint }[]) => {
    const size = 1n << BigInt(32 - prefix);
    for (let start = container.first; start + size - 1n <= container.last; start += size) {
      if (!hits(start, start + size - 1n, others)) return blockAt(4, start, prefix);
    }
    return undefined;
  };
  let vpc: Block | undefined = givenVpc;
  if (!vpc) for (const range of RFC1918_BLOCKS) if ((vpc = firstFree(block(range), 16, avoid))) break;
  if (!vpc) throw new Error('no space');
  const placed: Block[] = [];
  for (const tier of tiers) for (let az = 0; az < 4; az++) placed.push(firstFree(vpc, tier.prefix, [...avoid, ...placed])!);
  return { vpc: vpc.text, subnets: placed.map((b) => b.text) };
}

function time<T>(fn: () => T, runs = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

const text = corporateText(COUNT);
const parse = time(() => parseCorporateList(text));
const corporate = parse.value.blocks;
const production = allocationFromSpec(preset('production'));

// Ours: plan a new VPC around the ranges, then check the production network against them.
const ours = time(() => {
  const plan = planAllocation({ vpcPrefix: 16, tiers, azCount: 3, reserveAzs: 1, avoid: corporate });
  const report = checkAllocation({ ...production, corporate });
  return { plan, report };
});
const oursPlan = time(() => planAllocation({ vpcPrefix: 16, tiers, azCount: 3, reserveAzs: 1, avoid: corporate }));
const oursCheck = time(() => checkAllocation({ ...production, corporate }));

// Baseline: the same answers, comparing every pair.
const items = [{ block: block(production.vpcCidr) }, ...production.tiers.flatMap((t) => t.cidrs.map((c) => ({ block: block(c) })))];
const baselinePlan = time(() => pairwisePlan(corporate), 1);
const baselineCheck = time(() => pairwiseOverlaps(items, corporate), 1);

// Scenario B: the VPC is given (10.0.0.0/16) and corporate ranges already use parts of it; the
// subnets must go around them. This is where comparing every pair gets expensive: each candidate
// position is compared with the unsorted list until a hit, or with all of it when free.
const given = block('10.0.0.0/16');
const oursGiven = time(() => planAllocation({ vpcCidr: given.text, tiers, azCount: 3, reserveAzs: 1, avoid: corporate }));
const baselineGiven = time(() => pairwisePlan(corporate, given), 1);
const givenOurs = [...oursGiven.value.subnets, ...oursGiven.value.reserved].map((s) => s.cidr).sort();
if (JSON.stringify(givenOurs) !== JSON.stringify([...baselineGiven.value.subnets].sort())) throw new Error(`given-VPC plans differ: ${givenOurs} vs ${baselineGiven.value.subnets}`);

// Same answers, or the figures mean nothing.
const plan = ours.value.plan;
const oursSubnets = [...plan.subnets, ...plan.reserved].map((s) => s.cidr).sort();
if (plan.vpcCidr !== baselinePlan.value.vpc || JSON.stringify(oursSubnets) !== JSON.stringify([...baselinePlan.value.subnets].sort())) {
  throw new Error(`plans differ: ${plan.vpcCidr} ${oursSubnets} vs ${baselinePlan.value.vpc} ${baselinePlan.value.subnets}`);
}
const oursTotal = ours.value.report.findings.filter((f) => f.code === 'corporate-overlap').length;
const baselineOverlapCount = baselineCheck.value.length;
if (oursTotal !== baselineOverlapCount) throw new Error(`overlap counts differ: ${oursTotal} vs ${baselineOverlapCount}`);

const fmt = (ms: number) => `${ms.toFixed(1).padStart(9)} ms`;
const rows: [string, number, number | undefined][] = [
  ['parse ranges (shared)', parse.ms, undefined],
  ['plan around ranges', oursPlan.ms, baselinePlan.ms],
  ['check overlaps', oursCheck.ms, baselineCheck.ms],
  ['plan + check', ours.ms, baselinePlan.ms + baselineCheck.ms],
  ['B: plan in a used VPC', oursGiven.ms, baselineGiven.ms],
  ['parse + plan + check', parse.ms + ours.ms, parse.ms + baselinePlan.ms + baselineCheck.ms],
];
console.log(`scenario A: a new /16 chosen around the ranges; B: subnets placed in 10.0.0.0/16 around the ${oursTotal} ranges inside it (${givenOurs.join(', ')})`);
console.log(`cidr-planner: ${COUNT.toLocaleString('en-US')} corporate ranges (${parse.value.errors.length} bad lines), plan VPC ${plan.vpcCidr}, ${oursTotal} overlaps with the production VPC`);
console.log(`${'step'.padEnd(24)}${'planner'.padStart(12)}${'pairwise'.padStart(12)}${'speed-up'.padStart(10)}`);
for (const [name, a, b] of rows) {
  console.log(`${name.padEnd(24)}${fmt(a)}${b === undefined ? ''.padStart(12) : fmt(b)}${b === undefined ? '' : `${(b / a).toFixed(1)}x`.padStart(10)}`);
}
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; target: plan + check under 1,000 ms and at least 50x the pairwise baseline`);
