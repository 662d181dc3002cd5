import * as v from 'valibot';
import { ERROR_MESSAGES } from '../shared/errors';
import type { SyncOutcome } from './retry-policy';

/**
 * The JSON body of a 2xx answer checked against its shared schema, or undefined when it is not
 * that: not JSON at all (a captive portal's page on a plaza's Wi-Fi) or another shape.
 */
export async function readAnswer<T>(response: Response, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(schema, body);
  return parsed.success ? parsed.output : undefined;
}

/** An answer that could not be read: nothing changed on the device; the round is tried again later. */
export function unreadableOutcome(): SyncOutcome {
  return { kind: 'transient', code: 'unavailable', message: ERROR_MESSAGES.unavailable };
}
