import { FlowLogError } from '../errors.js';

/** IAM actions our calls need, to name the missing one when AWS says AccessDenied. */
const ACTIONS: Readonly<Record<string, string>> = {
  StartQuery: 'logs:StartQuery',
  GetQueryResults: 'logs:GetQueryResults',
  StopQuery: 'logs:StopQuery',
  FilterLogEvents: 'logs:FilterLogEvents',
  DescribeLogGroups: 'logs:DescribeLogGroups',
};

/** Turns an SDK error into the analyzer's error, naming the call and (for access) the permission. */
export function fromAwsError(error: unknown, operation: string, resource: string): FlowLogError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'Error';
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnauthorizedOperation') {
    const action = ACTIONS[operation] ?? `logs:${operation}`;
    return new FlowLogError(
      'aws-access-denied',
      `access denied to ${operation} on ${resource}: the credentials lack ${action} (AWS said: ${e.message ?? name})`,
      {
        hint: `grant ${action} on ${resource} to the role or user in use`,
      },
    );
  }
  if (name === 'ResourceNotFoundException') {
    return new FlowLogError('aws-error', `${resource} was not found (${operation}: ${e.message ?? name})`, { hint: 'check the log group name and the region' });
  }
  if (name === 'ThrottlingException') {
    return new FlowLogError('aws-error', `${operation} was still throttled after the SDK's retries (${e.message ?? name})`, {
      hint: 'try again in a minute, or run fewer queries at once',
    });
  }
  return new FlowLogError('aws-error', `${operation} failed: ${name}: ${e.message ?? ''}`.trim(), {
    hint: 'check the region, the credentials and the log group',
  });
}
