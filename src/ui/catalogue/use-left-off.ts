import { useEffect } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { readLeftOffHeading, rememberHeading } from '../../state/reading-model';

/** How far below the top bar a heading counts as reached, in px. */
const REACHED_OFFSET = 120;

function findReachedHeading(): string | undefined {
  let reached: string | undefined;
  for (const heading of document.querySelectorAll<HTMLElement>('.entry-body .entry-heading')) {
    if (heading.getBoundingClientRect().top <= REACHED_OFFSET) reached = heading.id;
    else break;
  }
  return reached;
}

/**
 * Where the person left this entry last time (a heading id, read once on open), and from now on
 * remembers the last heading scrolled past, at most once per second, on the device.
 */
export function useLeftOff(entryId: string): Signal<string | undefined> {
  const leftOff = useSignal<string | undefined>(undefined);
  useEffect(() => {
    let isActive = true;
    void readLeftOffHeading(entryId).then((id) => {
      if (isActive) leftOff.value = id;
    });
    let last: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const reached = findReachedHeading();
        if (reached && reached !== last) {
          last = reached;
          void rememberHeading(entryId, reached);
        }
      }, 1_000);
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      isActive = false;
      removeEventListener('scroll', onScroll);
      if (!timer) return;
      // Leaving before the second passed: keep the heading reached so far.
      clearTimeout(timer);
      const reached = findReachedHeading();
      if (reached && reached !== last) void rememberHeading(entryId, reached);
    };
  }, [entryId]);
  return leftOff;
}
