import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { buildWhatsAppLink, copyText, shareLink } from '../../state/share-model';
import type { LocalWorkshop } from '../../state/workshop-model';
import { Icon } from '../shell/icons';
import { QrCode } from './qr-code';
import { t } from '../../shared/i18n/workshops';

/**
 * The participant link, ready to hand out: WhatsApp first (where the RED's groups live), the
 * phone's own share sheet where it has one, copying everywhere, and the QR on a full screen for a
 * projector. All of it works offline except sending, which WhatsApp queues itself.
 */
export function ParticipantLinkShare({ workshop, link }: { workshop: Pick<LocalWorkshop, 'title' | 'code'>; link: string }) {
  const said = useSignal<{ text: string; isError: boolean } | null>(null);
  const isProjecting = useSignal(false);
  const message = t('workshops.share.text', { title: workshop.title, link });
  const canShare = typeof globalThis.navigator?.share === 'function';

  async function copy() {
    said.value = (await copyText(link)) ? { text: t('workshops.share.copied'), isError: false } : { text: t('workshops.share.failed'), isError: true };
  }
  async function share() {
    const outcome = await shareLink(workshop.title, message, link);
    if (outcome === 'failed') await copy();
  }
  return (
    <>
      <div class="ws-actions">
        <a class="button" href={buildWhatsAppLink(message)} target="_blank" rel="noopener noreferrer"><Icon name="chevron" /><span>{t('workshops.share.whatsapp')}</span></a>
        {canShare && <button type="button" class="button button--secondary" onClick={() => void share()}><Icon name="chevron" /><span>{t('workshops.share.share')}</span></button>}
        <button type="button" class="button button--secondary" onClick={() => void copy()}><Icon name="catalogue" /><span>{t('workshops.share.copy')}</span></button>
        <button type="button" class="button button--secondary" onClick={() => (isProjecting.value = true)}><Icon name="info" /><span>{t('workshops.project')}</span></button>
      </div>
      <p role="status" class={said.value ? (said.value.isError ? 'note note--attention' : 'note note--done') : 'visually-hidden'}>{said.value?.text ?? ''}</p>
      {isProjecting.value && <QrProjector workshop={workshop} link={link} onClose={() => (isProjecting.value = false)} />}
    </>
  );
}

/**
 * The QR over the whole screen (the browser's full screen where it allows it), big enough for
 * the back of a room; the code in letters for those who type it. Escape or «Cerrar» ends it.
 */
function QrProjector({ workshop, link, onClose }: { workshop: Pick<LocalWorkshop, 'title' | 'code'>; link: string; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    box?.querySelector<HTMLElement>('button')?.focus();
    void box?.requestFullscreen?.().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    };
  }, []);
  return (
    <div ref={ref} class="ws-projector" role="dialog" aria-modal="true" aria-label={t('workshops.projector.label')}>
      <button type="button" class="button button--secondary ws-projector__close" onClick={onClose}><Icon name="back" /><span>{t('workshops.projector.close')}</span></button>
      <p class="ws-projector__title">{workshop.title}</p>
      <QrCode text={link} label={t('workshops.qrLabel', { link })} />
      <p class="ws-projector__scan">{t('workshops.projector.scan')}</p>
      <p class="ws-code">{workshop.code}</p>
      <p class="ws-projector__link">{link}</p>
    </div>
  );
}
