import type { Transaction } from 'kysely';
import type { ErrorCode } from '../../shared/errors';
import type { AuthUser } from '../auth/sessions';
import type { Database } from '../store/schema';

/** What a handler gets: the open push transaction, the caller, the clamped HLC and the time. */
export interface MutationContext {
  trx: Transaction<Database>;
  caller: AuthUser;
  /** The mutation's stamp, pulled back if the device clock ran far ahead. */
  hlc: string;
  nowIso: string;
}

/** Applied (maybe with no change), or a permanent refusal the person must see. */
export type MutationOutcome = { applied: true } | { applied: false; code: ErrorCode; message?: string };
