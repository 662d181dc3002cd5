import { watchItemPhotos, watchRunPhotos, type PhotoView } from '../../../state/photos/photo-model';
import { fitWithin, THUMB_LONG_SIDE } from '../../../state/photos/photo-resize';
import type { EventRun } from '../../../state/event-checklists-model';
import { BlobImage } from './photo-image';
import { t } from '../../../shared/i18n/checklists';
import './photos.css';

/** Thumbnails with their captions, nothing to press: for paper and for the event's summary. */
function ThumbList({ photos, label }: { photos: readonly PhotoView[]; label: (photo: PhotoView) => string }) {
  return (
    <ul class="photos__list">
      {photos.map((photo) => {
        const size = fitWithin(photo.width, photo.height, THUMB_LONG_SIDE / 2);
        return (
          <li key={photo.id} class="photo">
            {photo.thumb ? <BlobImage blob={photo.thumb} alt={label(photo)} width={size.width} height={size.height} className="photo__thumb" /> : <p class="photo__missing">{t('photos.state.noImage')}</p>}
            {photo.caption && <p class="photo__caption">{photo.caption}</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** An item's photos in the print view (thumbnails on paper). */
export function PrintItemPhotos({ runId, itemId, itemText }: { runId: string; itemId: string; itemText: string }) {
  const photos = watchItemPhotos(runId, itemId).value;
  if (photos.length === 0) return null;
  return <ThumbList photos={photos} label={(photo) => photo.caption ? t('photos.alt.caption', { caption: photo.caption }) : t('photos.alt', { item: itemText })} />;
}

/** «Fotos del evento»: every photo of the event's checklists, each labelled with its item. */
export function EventPhotos({ runs }: { runs: readonly EventRun[] }) {
  const groups = runs.filter((r) => !r.isRemoved && r.view).map((r) => {
    const texts = new Map(r.view!.sections.flatMap((s) => s.items.map((item) => [item.id, item.text] as const)));
    return { runId: r.run.id, texts, photos: watchRunPhotos(r.run.id).value };
  }).filter((group) => group.photos.length > 0);
  if (groups.length === 0) return null;
  return (
    <section class="photos" aria-labelledby="event-photos">
      <h3 id="event-photos">{t('photos.eventTitle', { count: groups.reduce((n, g) => n + g.photos.length, 0) })}</h3>
      {groups.map((group) => (
        <ThumbList key={group.runId} photos={group.photos} label={(photo) => photo.caption ? t('photos.alt.caption', { caption: photo.caption }) : t('photos.alt', { item: group.texts.get(photo.itemId) ?? '' })} />
      ))}
    </section>
  );
}
