/** Why the live provider could not read the account, in words a user can act on. */
export type AwsProviderErrorCode = 'ambiguous-vpc' | 'unreachable' | 'credentials';

/**
 * An error that stops a live run before any check: nothing could be read, or what to read is
 * ambiguous. The CLI prints the message and the fix (exit 2), never a stack trace.
 */
export class AwsProviderError extends Error {
  override readonly name = 'AwsProviderError';
  constructor(
    readonly code: AwsProviderErrorCode,
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export function isAwsProviderError(value: unknown): value is AwsProviderError {
  return value instanceof AwsProviderError;
}

export type AwsFailureKind = 'denied' | 'timeout' | 'network' | 'credentials' | 'other';

const DENIED = new Set(['UnauthorizedOperation', 'AccessDeniedException', 'AccessDenied', 'Client.UnauthorizedOperation']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** Sorts an SDK failure by what the user has to do about it. */
export function awsFailureKind(error: unknown): AwsFailureKind {
  const e = (error ?? {}) as { name?: string; code?: string; Code?: string };
  const name = e.name ?? e.Code ?? '';
  if (DENIED.has(name) || DENIED.has(e.Code ?? '')) return 'denied';
  if (name === 'TimeoutError' || e.code === 'ETIMEDOUT' || name === 'RequestTimeout') return 'timeout';
  if (
    name === 'CredentialsProviderError' ||
    name === 'ExpiredTokenException' ||
    name === 'AuthFailure' ||
    name === 'InvalidClientTokenId' ||
    name === 'UnrecognizedClientException'
  )
    return 'credentials';
  if (NETWORK.has(e.code ?? '') || NETWORK.has(name)) return 'network';
  return 'other';
}

/** Control characters out, length bounded: SDK messages can quote what a server sent. */
export function safeText(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
