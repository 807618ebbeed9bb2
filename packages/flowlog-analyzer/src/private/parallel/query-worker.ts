import { parentPort, workerData } from 'node:worker_threads';
import { parseQuery } from '../query/parser.js';
import { RecordFormat } from '../record-format.js';
import { QuerySink } from '../run-query.js';
import { parseFileRange } from '../sources.js';
import { isFlowLogError } from '../errors.js';
import type { WorkerProgress, WorkerReply, WorkerTask } from './protocol.js';

// One worker: parse its byte range and run the query up to its stats command; the main thread
// merges the groups of all workers and runs the rest of the query.
const task = workerData as WorkerTask;
function run(): WorkerReply {
  const sink = new QuerySink(parseQuery(task.queryText));
  const format = task.formatFields ? RecordFormat.custom(task.formatFields) : undefined;
  const info = parseFileRange(
    task.file,
    task.start,
    task.end,
    { ...sink.parserOptions(task.file, { ...(format ? { format } : {}), strict: task.strict }), headers: task.headers },
    (sofar) => parentPort!.postMessage({ progress: { bytes: sofar.bytes, lines: sofar.lines, records: sofar.records } } satisfies WorkerProgress),
  );
  const partial = sink.plan.parallel === 'stats' ? { groups: sink.executor.exportStatsGroups() } : sink.executor.exportResultRows();
  return { ok: true, partial, matched: sink.executor.matchedEvents, info };
}
let reply: WorkerReply;
try {
  reply = run();
} catch (error) {
  reply = {
    ok: false,
    message: (error as Error).message,
    code: isFlowLogError(error) ? error.code : undefined,
    line: isFlowLogError(error) ? error.context.line : undefined,
  };
}
parentPort!.postMessage(reply);
