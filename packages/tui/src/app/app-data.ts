import type { NetworkSpec } from '@artos/model';
import type { ResultRow } from '@artos/flowlog-analyzer';
import type { DoctorContext } from '../doctor/types.js';

/** Everything the terminal UI shows, prepared before it starts (offline or live). */
export interface AppData {
  readonly spec: NetworkSpec;
  /** `preset production`, a file, or the account. */
  readonly source: string;
  readonly context: DoctorContext;
  /** Runs a Logs Insights query over the flow logs in use; undefined without flow logs. */
  readonly runQuery:
    | ((query: string, signal: AbortSignal, onProgress: (records: number) => void) => Promise<{ columns: readonly string[]; rows: readonly ResultRow[] }>)
    | undefined;
  /** What the flow logs are, for the screen header. */
  readonly flowLogSource: string | undefined;
  /** The interface endpoints' ENI addresses, when known (live ENIs, or the sample's placement). @default - the private subnets stand for them */
  readonly endpointAddresses?: readonly string[];
}

export const SCREENS = ['overview', 'doctor', 'flowlogs', 'cidr', 'graph'] as const;
export type ScreenId = (typeof SCREENS)[number];
export const SCREEN_TITLES: Readonly<Record<ScreenId, string>> = {
  overview: 'Overview',
  doctor: 'Doctor',
  flowlogs: 'Flow logs',
  cidr: 'CIDR',
  graph: 'Graph',
};

/** What every screen receives from the app: the data, its size, colours, whether it has the keys, and the `/` filter. */
export interface ScreenProps {
  readonly data: AppData;
  readonly width: number;
  readonly height: number;
  readonly colors: boolean;
  readonly active: boolean;
  /** The `/` filter's text; '' when none. */
  readonly filter?: string;
}
