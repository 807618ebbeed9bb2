import { RecordFormat } from '../record-format.js';

/**
 * CloudWatch Logs Insights discovers the fields of default-format flow logs only; for a custom
 * format the query must `parse @message` itself (AWS Knowledge Center, "analyze custom VPC flow
 * logs with CloudWatch Logs Insights"). This is that parse, naming the fields as the local engine
 * does, so one query text gives the same rows in both engines. Undefined for the default format.
 */
export function formatParseCommand(format: RecordFormat): string | undefined {
  if (format.toFormatString() === RecordFormat.DEFAULT.toFormatString()) return undefined;
  const stars = format.fields.map(() => '*').join(' ');
  return `parse @message "${stars}" as ${format.fields.map((f) => f.insights).join(', ')}`;
}

/** The query as it must run in CloudWatch for a log group with this format. */
export function withFormatParse(queryString: string, format: RecordFormat | undefined): string {
  const parse = format ? formatParseCommand(format) : undefined;
  if (!parse) return queryString;
  const rest = queryString.trimStart().replace(/^\|/, '').trimStart();
  return rest === '' ? parse : `${parse}\n| ${rest}`;
}
