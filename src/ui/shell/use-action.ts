import { useSignal, type ReadonlySignal } from '@preact/signals';

/** A button's async action, as a screen shows it. */
export interface Action {
  /** Why the last run failed, in Spanish; '' when it did not. */
  failure: ReadonlySignal<string>;
  isBusy: ReadonlySignal<boolean>;
  /** Runs `action` unless one is running; what it throws becomes `failure`, never an unhandled rejection. */
  run(action: () => Promise<void>): Promise<void>;
}

/**
 * For the buttons that save something at once (no form): one run at a time, and a failure (a
 * full phone, a closed database) shown as the error's own Spanish sentence or `fallback`.
 */
export function useAction(fallback: string): Action {
  const failure = useSignal('');
  const isBusy = useSignal(false);
  async function run(action: () => Promise<void>): Promise<void> {
    if (isBusy.value) return;
    isBusy.value = true;
    failure.value = '';
    try {
      await action();
    } catch (error) {
      failure.value = error instanceof Error && error.message ? error.message : fallback;
    } finally {
      isBusy.value = false;
    }
  }
  return { failure, isBusy, run };
}
