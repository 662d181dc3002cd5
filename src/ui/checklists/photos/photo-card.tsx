import { useSignal } from '@preact/signals';
import { pinPhoto, removePhoto, retryPhotoUpload, type PhotoView } from '../../../state/photos/photo-model';
import { fitWithin, THUMB_LONG_SIDE } from '../../../state/photos/photo-resize';
import { formatDateTime } from '../../../shared/calendar/lima-dates';
import { ConfirmBox } from '../../events/confirm-box';
import { Icon, type IconName } from '../../shell/icons';
import { BlobImage } from './photo-image';
import { t } from '../../../shared/i18n/checklists';

/** Where a photo's upload stands, in words with an icon (never colour alone). */
function describeState(photo: PhotoView): { icon: IconName; text: string; isAttention: boolean } {
  const message = photo.uploadError ?? '';
  switch (photo.upload) {
    case 'waiting': return { icon: 'pending', text: t('photos.state.waiting'), isAttention: false };
    case 'failing': return { icon: 'attention', text: t('photos.state.failing', { message }), isAttention: true };
    case 'refused': return { icon: 'attention', text: t('photos.state.refused', { message }), isAttention: true };
    case 'sent': return { icon: 'upToDate', text: t('photos.state.sent'), isAttention: false };
    default: return { icon: 'info', text: '', isAttention: false };
  }
}

/**
 * One photo on an item: its thumbnail (or a line saying the image is still on the way), caption,
 * when it was taken, where its upload stands; with the item's details open and the event the
 * person's own, «Quitar foto», «Fijar en este teléfono» and, when failing, «Reintentar envío».
 */
export function PhotoCard({ photo, itemText, hasControls }: { photo: PhotoView; itemText: string; hasControls: boolean }) {
  const isConfirming = useSignal(false);
  const note = useSignal('');
  const state = describeState(photo);
  const size = fitWithin(photo.width, photo.height, THUMB_LONG_SIDE / 2);
  const alt = photo.caption ? t('photos.alt.caption', { caption: photo.caption }) : t('photos.alt', { item: itemText });
  async function togglePin(pinned: boolean) {
    note.value = (await pinPhoto(photo, pinned)) ? '' : t('photos.pin.failed');
  }
  return (
    <li class="photo">
      {photo.thumb ? <BlobImage blob={photo.thumb} alt={alt} width={size.width} height={size.height} className="photo__thumb" /> : <p class="photo__missing">{t('photos.state.noImage')}</p>}
      {photo.caption && <p class="photo__caption">{photo.caption}</p>}
      {photo.takenAt && <p class="photo__meta">{t('photos.takenAt', { date: formatDateTime(photo.takenAt) })}</p>}
      {state.text && <p class={state.isAttention ? 'photo__state is-attention' : 'photo__state'}><Icon name={state.icon} /><span>{state.text}</span></p>}
      {hasControls && (
        <div class="photo__controls">
          {(photo.upload === 'failing' || photo.upload === 'refused') && (
            <button type="button" class="button button--light" onClick={() => void retryPhotoUpload(photo.id)}>{t('photos.retry')}</button>
          )}
          <label class="form-check">
            <input type="checkbox" checked={photo.pinned === true} aria-describedby={`pin-hint-${photo.id}`} onChange={(e) => void togglePin(e.currentTarget.checked)} />
            <span>{t('photos.pin')}</span>
          </label>
          <p id={`pin-hint-${photo.id}`} class="form-hint">{t('photos.pin.hint')}</p>
          {note.value && <p role="alert" class="note note--attention"><Icon name="attention" /><span>{note.value}</span></p>}
          {isConfirming.value
            ? <ConfirmBox question={t('photos.remove.confirm')} yes={t('photos.remove')} onNo={() => (isConfirming.value = false)} onYes={() => void removePhoto(photo)} />
            : <button type="button" class="button button--light" onClick={() => (isConfirming.value = true)}>{t('photos.remove')}</button>}
        </div>
      )}
    </li>
  );
}
