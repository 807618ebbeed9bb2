import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { logsSdk } from './logs-sdk.js';
import { fromAwsError } from './aws-errors.js';

export interface LogEventsRequest {
  readonly logGroupName: string;
  /** Milliseconds, inclusive. */
  readonly startTime: number;
  /** Milliseconds, inclusive. */
  readonly endTime: number;
  /** A CloudWatch filter pattern, e.g. the seed's `[version, account, eni, source, ...]`. */
  readonly filterPattern?: string;
  readonly signal?: AbortSignal;
  readonly onPage?: (events: number, pages: number) => void;
}

export interface LogEvent {
  readonly eventId: string;
  readonly timestamp: number;
  readonly message: string;
}

/**
 * Every event of FilterLogEvents, following nextToken until AWS returns none. An event seen on
 * two pages (possible when a page boundary falls inside a time slice) is yielded once.
 */
export async function* filterLogEvents(client: CloudWatchLogsClient, request: LogEventsRequest): AsyncGenerator<LogEvent> {
  const seen = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  let events = 0;
  do {
    let page;
    try {
      page = await client.send(
        new (logsSdk().FilterLogEventsCommand)({
          logGroupName: request.logGroupName,
          startTime: request.startTime,
          endTime: request.endTime,
          ...(request.filterPattern ? { filterPattern: request.filterPattern } : {}),
          ...(nextToken ? { nextToken } : {}),
        }),
        request.signal ? { abortSignal: request.signal } : {},
      );
    } catch (error) {
      throw fromAwsError(error, 'FilterLogEvents', `log group ${request.logGroupName}`);
    }
    pages++;
    for (const e of page.events ?? []) {
      const id = e.eventId ?? `${e.logStreamName}:${e.timestamp}:${e.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      events++;
      yield { eventId: id, timestamp: e.timestamp ?? 0, message: e.message ?? '' };
    }
    request.onPage?.(events, pages);
    nextToken = page.nextToken;
  } while (nextToken);
}

/** The events' messages as newline-terminated bytes, for the same parser as local files. */
export async function* logEventChunks(events: AsyncIterable<LogEvent>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let batch: string[] = [];
  for await (const e of events) {
    batch.push(e.message.endsWith('\n') ? e.message.slice(0, -1) : e.message);
    if (batch.length >= 1000) {
      yield encoder.encode(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) yield encoder.encode(`${batch.join('\n')}\n`);
}
