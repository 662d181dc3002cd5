import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { LocalEvent } from '../../state/event-model';
import { describePlace } from '../../state/place-picker-model';
import { regionName } from '../../shared/places/regions';
import { regionOfPlace } from '../../shared/places/provinces';
import { t } from '../../shared/i18n/events';

/** The place in words, district to region ("Jesús Nazareno, Huamanga, Ayacucho"); districts from the phone. */
function usePlaceWords(code: string): string {
  const words = useSignal('');
  useEffect(() => {
    let isCurrent = true;
    const region = regionName(regionOfPlace(code) ?? '') ?? '';
    // A province named like its region (Puno, Puno) is said once.
    void describePlace(code).then((place) => {
      const parts = [...place.split(', '), region].filter((part, i, all) => part && all.indexOf(part) === i);
      if (isCurrent) words.value = parts.join(', ');
    });
    return () => (isCurrent = false);
  }, [code]);
  return words.value;
}

/** Every answer the event was saved with, in words: what the form asked is what the page shows. */
export function EventFacts({ event }: { event: LocalEvent }) {
  const place = usePlaceWords(event.placeCode);
  const yesNo = (value: boolean) => t(value ? 'events.facts.yes' : 'events.facts.no');
  const facts: Array<[string, string]> = [
    [t('events.field.type'), t(`events.type.${event.type}`)],
    [t('events.facts.place'), place],
    [t('events.facts.venue'), event.venue],
    [t('events.facts.audience'), t('events.facts.people', { count: event.expectedAudience.toLocaleString('es-PE') })],
    [t('events.field.outdoors'), t(event.outdoors ? 'events.outdoors.yes' : 'events.outdoors.no')],
    [t('events.field.music'), t(`events.music.${event.music}`)],
    [t('events.facts.heritage'), yesNo(event.heritageSite)],
    [t('events.facts.minors'), yesNo(event.minors)],
    [t('events.facts.funding'), event.fundingSource ?? ''],
  ];
  return (
    <dl class="events__facts">
      {facts.filter(([, value]) => value).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
