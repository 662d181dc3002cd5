import * as v from 'valibot';
import { errorBody, ERROR_MESSAGES, VALIDATION_WORDS, type ErrorCode } from '../../shared/errors';

/** An error that becomes `{error: {code, message}}` with its status; thrown by routes and the protocol. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The JSON body sent to the device. */
  toBody() {
    return errorBody(this.code, this.message, this.details);
  }
}


/** Spanish wording for valibot's own messages; schemas with a Spanish message keep theirs. */
function describeIssueInSpanish(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (issue.expected === 'never') return VALIDATION_WORDS.notAllowed;
    if (issue.received === 'undefined') return VALIDATION_WORDS.missing;
    return VALIDATION_WORDS.expected(VALIDATION_WORDS.types[issue.type] ?? issue.expected ?? issue.type);
  }
  return VALIDATION_WORDS.invalid;
}

/** Valibot config: any message a schema does not set is written in Spanish. */
export const SPANISH_VALIBOT_CONFIG: v.Config<v.BaseIssue<unknown>> = {
  abortEarly: false,
  message: describeIssueInSpanish,
};

/** Control, format and bidi characters: never echoed back or stored as they came. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/**
 * A piece of what the client sent (a mutation name, an unknown field), made safe to echo in a
 * message that is stored and shown: no control or bidi characters, at most `max` characters.
 */
export function quoteUntrusted(value: string, max = 40): string {
  const printable = value.replace(UNPRINTABLE, '�');
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

/** One readable line per issue, with the field path in front: "title: El título es obligatorio." */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => quoteUntrusted(String(item.key))).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Parses `input` with `schema` or throws a 400 with the Spanish details. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, SPANISH_VALIBOT_CONFIG);
  if (result.success) return result.output;
  const details = formatIssues(result.issues);
  throw new HttpError(400, 'validation_failed', ERROR_MESSAGES.validation_failed, details);
}
