/**
 * Co-facilitadores named by account (issue 9): the facilitador accounts an owner may name, read
 * from the server when online (`GET /api/staff/facilitators`, names only), and the team as this
 * device knows it. Offline the list cannot be read; the team already saved stays as it is.
 */
import type { FacilitatorAccount } from '../shared/schemas/workshop';
import { requestJson } from '../sync/api-client';

export type { FacilitatorAccount };

/** The accounts that can be named, or the Spanish reason they could not be read. */
export async function loadFacilitatorAccounts(): Promise<{ accounts: FacilitatorAccount[] } | { message: string }> {
  const answer = await requestJson<{ accounts: FacilitatorAccount[] }>('/api/staff/facilitators');
  return answer.ok ? { accounts: answer.body.accounts } : { message: answer.message };
}

/** The accounts offered for a workshop: every facilitador but its owner, named ones first kept in list order. */
export function listNameable(accounts: readonly FacilitatorAccount[], ownerId: string | undefined): FacilitatorAccount[] {
  return accounts.filter((a) => a.id !== ownerId);
}
