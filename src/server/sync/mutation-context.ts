import type { Transaction } from 'kysely';
import type { ErrorCode } from '../../shared/errors';
import type { AuthUser } from '../auth/sessions';
import type { Database } from '../store/schema';
import type { EchoWriter } from './echo';

/** What a handler gets: the open push transaction, the caller, the clamped HLC and the time. */
export interface MutationContext {
  trx: Transaction<Database>;
  caller: AuthUser;
  /** The mutation's stamp, pulled back if the device clock ran far ahead. */
  hlc: string;
  nowIso: string;
  /**
   * The pushing device when its own local effect of this mutation can be the server's effect
   * too (an account's device, HLC not clamped); undefined otherwise. Handlers of tables with an
   * echo mark hand the context to `markEcho` (sync/echo.ts).
   */
  echo?: EchoWriter;
}

/** Applied (maybe with no change), or a permanent refusal the person must see. */
export type MutationOutcome = { applied: true } | { applied: false; code: ErrorCode; message?: string };
