import { useSignal } from '@preact/signals';
import { favouriteIds, saveFavourite } from '../../state/reading-model';
import { CatalogueIcon } from './catalogue-icons';
import { t } from '../../shared/i18n/catalogue';

type ShareOutcome = 'shared' | 'copied' | 'failed' | 'cancelled';

/** Shares a link with the phone's share sheet, or copies it where there is none. Works offline. */
export async function shareLink(title: string, url: string): Promise<ShareOutcome> {
  const nav = navigator as Navigator & { share?: (data: ShareData) => Promise<void> };
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title, url });
      return 'shared';
    } catch (error) {
      if ((error as { name?: string })?.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** Favourite, share and print, with their outcome announced in words. */
export function ReaderActions({ entryId, title }: { entryId: string; title: string }) {
  const message = useSignal<{ text: string; isError: boolean } | null>(null);
  const fallbackUrl = useSignal<string | null>(null);
  const isFavourite = favouriteIds.value.includes(entryId);

  async function toggleFavourite() {
    try {
      await saveFavourite(entryId, !isFavourite);
      message.value = { text: t(isFavourite ? 'catalogue.reader.favourite.removed' : 'catalogue.reader.favourite.saved'), isError: false };
    } catch {
      message.value = { text: t('catalogue.reader.failed'), isError: true };
    }
  }

  async function share() {
    const url = location.href.split('#')[0]!;
    const outcome = await shareLink(title, url);
    fallbackUrl.value = outcome === 'failed' ? url : null;
    if (outcome === 'copied') message.value = { text: t('catalogue.reader.share.copied'), isError: false };
    else if (outcome === 'failed') message.value = { text: t('catalogue.reader.share.failed'), isError: true };
    else message.value = null;
  }

  return (
    <div class="reader-actions">
      <div class="reader-actions__buttons">
        <button type="button" class="button button--secondary" onClick={() => void toggleFavourite()}>
          <CatalogueIcon name="star" filled={isFavourite} />
          {t(isFavourite ? 'catalogue.reader.favourite.remove' : 'catalogue.reader.favourite.add')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void share()}>
          <CatalogueIcon name="share" />
          {t('catalogue.reader.share')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          <CatalogueIcon name="print" />
          {t('catalogue.reader.print')}
        </button>
      </div>
      <p role="status" class="reader-actions__status">
        {message.value && !message.value.isError ? message.value.text : ''}
      </p>
      <div role="alert">
        {message.value?.isError && <p class="note note--attention">{message.value.text}</p>}
        {fallbackUrl.value && (
          <label class="reader-actions__copy">
            <span>{t('catalogue.reader.share.link')}</span>
            <input type="url" readOnly value={fallbackUrl.value} onFocus={(e) => e.currentTarget.select()} />
          </label>
        )}
      </div>
    </div>
  );
}
