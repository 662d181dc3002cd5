import type { PullScope } from '../shared/protocol';
import { META_KEYS, readMeta, readSession, writeMeta } from '../db/meta-store';
import { sendQueuedPhotos } from './media-upload';
import { drainOutbox } from './push';
import { pullScope } from './pull';
import type { SyncOutcome } from './retry-policy';
import type { SyncContext } from './sync-context';
import { withSyncLock } from './web-lock';

const MAX_ROUNDS = 5;

/**
 * The scopes a round may leave unpulled: those the last push's answer said hold nothing new for
 * this device — only while nothing waits and the device takes echo skipping (#12), since the
 * answer left its own writes out.
 */
async function findSparedScopes(ctx: SyncContext, news: readonly PullScope[] | undefined): Promise<Set<PullScope>> {
  if (ctx.wantsCatalogue?.() === false) return new Set(['catalogue']);
  if (!news || (await ctx.user.outbox.count()) > 0 || (await readMeta<boolean>(ctx.user.meta, META_KEYS.echoOff))) return new Set();
  return new Set(PULL_SCOPE_NAMES.filter((scope) => !news.includes(scope)));
}

const PULL_SCOPE_NAMES: readonly PullScope[] = ['catalogue', 'user'];

/**
 * One sync round under the Web Lock: 1) drain the outbox; 2) pull the catalogue; 3) pull the
 * user's data when signed in — and if a write slipped in meanwhile, drain again before pulling,
 * so a pull never lands over a pending edit; 4) send the queued photos while nothing else waits. Never throws for HTTP or network trouble: it
 * returns what happened so the caller can back off or ask for a login.
 */
export function runSyncCycle(ctx: SyncContext): Promise<SyncOutcome> {
  return withSyncLock(async () => {
    const round = { refreshed: false };
    for (let attempt = 0; attempt < MAX_ROUNDS; attempt += 1) {
      const pushed = await drainOutbox(ctx, round);
      if (pushed.kind === 'needs-login') {
        // The catalogue needs no account: keep it fresh while the outbox waits for a login.
        if (ctx.wantsCatalogue?.() !== false) await pullScope(ctx, round, 'catalogue');
        return pushed;
      }
      if (pushed.kind !== 'done') return pushed;
      const spared = await findSparedScopes(ctx, pushed.news);
      const catalogue = spared.has('catalogue') ? ({ kind: 'done' } as const) : await pullScope(ctx, round, 'catalogue');
      if (catalogue.kind !== 'done') return catalogue.kind === 'busy' ? { kind: 'done' } : catalogue;
      const session = await readSession(ctx.user);
      if (session && !session.expired && !spared.has('user')) {
        const user = await pullScope(ctx, round, 'user');
        if (user.kind === 'busy') continue;
        if (user.kind !== 'done') return user;
      }
      await writeMeta(ctx.user.meta, META_KEYS.lastSyncedAt, new Date(ctx.user.now()).toISOString());
      // 4) photos, last and one per request: the text above never waits behind them (#13).
      if (!session || session.expired) return { kind: 'done' };
      const photos = await sendQueuedPhotos(ctx, round);
      if (photos.kind === 'busy') continue;
      return photos;
    }
    // Writes keep arriving faster than a round ends; the next wake-up finishes the job.
    return { kind: 'done' };
  });
}
