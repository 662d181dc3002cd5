import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { addPhotos, fetchMissingThumbnails, watchItemPhotos } from '../../../state/photos/photo-model';
import { PhotoCard } from './photo-card';
import { t, tn } from '../../../shared/i18n/checklists';
import './photos.css';

interface ItemPhotosProps {
  runId: string;
  itemId: string;
  itemText: string;
  /** The item's details are open: the controls show (adding, removing, pinning). */
  isOpen: boolean;
  isReadOnly: boolean;
}

/**
 * The photos of one checklist item: thumbnails always (when there are any); with the details
 * open, «Agregar foto» (camera or gallery, several at once) and a caption for the photos added
 * next. Each photo is reduced and saved on this phone at once, offline too.
 */
export function ItemPhotos({ runId, itemId, itemText, isOpen, isReadOnly }: ItemPhotosProps) {
  const photos = watchItemPhotos(runId, itemId).value;
  const hasMissing = photos.some((photo) => !photo.thumb);
  useEffect(() => {
    if (hasMissing && navigator.onLine) void fetchMissingThumbnails(photos);
  }, [hasMissing, photos.length]);
  if (photos.length === 0 && (!isOpen || isReadOnly)) return null;
  return (
    <div class="photos">
      {photos.length > 0 && (
        <ul class="photos__list" aria-label={t('photos.title')}>
          {photos.map((photo) => <PhotoCard key={photo.id} photo={photo} itemText={itemText} hasControls={isOpen && !isReadOnly} />)}
        </ul>
      )}
      {isOpen && !isReadOnly && <AddPhotos runId={runId} itemId={itemId} />}
    </div>
  );
}

/** «Agregar foto»: a file input (accept image/*, several), the caption, progress and what failed. */
function AddPhotos({ runId, itemId }: { runId: string; itemId: string }) {
  const caption = useSignal('');
  const progress = useSignal<{ done: number; total: number } | null>(null);
  const said = useSignal<{ text: string; isAttention: boolean } | null>(null);
  const id = `photo-${runId}-${itemId}`;
  async function handleFiles(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    progress.value = { done: 0, total: files.length };
    said.value = null;
    const outcomes = await addPhotos(runId, itemId, files, caption.value, (done) => (progress.value = { done, total: files.length }));
    progress.value = null;
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [t('photos.error.file', { name: o.name, message: o.message })]));
    const added = outcomes.length - failed.length;
    if (added > 0) caption.value = '';
    said.value = { text: [added > 0 ? tn('photos.added', added) : '', ...failed].filter(Boolean).join(' '), isAttention: failed.length > 0 };
  }
  return (
    <div class="photos__add form-controls">
      <label for={`${id}-caption`}>{t('photos.caption')}</label>
      <input id={`${id}-caption`} type="text" maxLength={300} value={caption.value} onInput={(e) => (caption.value = e.currentTarget.value)} />
      <label class="button button--secondary photos__pick" for={id}>{t('photos.add')}</label>
      <input id={id} class="visually-hidden" type="file" accept="image/*" multiple disabled={progress.value !== null} onChange={(e) => void handleFiles(e.currentTarget)} />
      <p role="status" class={progress.value || said.value ? (said.value?.isAttention ? 'note note--attention' : 'note') : 'visually-hidden'}>
        {progress.value ? t('photos.reducing', progress.value) : said.value?.text ?? ''}
      </p>
    </div>
  );
}

