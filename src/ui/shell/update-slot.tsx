import { useEffect } from 'preact/hooks';
import { signal } from '@preact/signals';
import { updateModel } from '../../state/update-slot';

type PromptModule = typeof import('./update-prompt');
// The prompt's code comes once there is a worker to follow, after the first paint (precached: offline too).
const promptModule = signal<PromptModule | null>(null);

/** The place of «Hay una nueva versión»: empty until the update model exists and the prompt's code is here. */
export function UpdateSlot() {
  const model = updateModel.value;
  useEffect(() => {
    if (model && !promptModule.value) void import('./update-prompt').then((m) => void (promptModule.value = m)).catch(() => undefined);
  }, [model]);
  const mod = promptModule.value;
  return mod && model ? <mod.UpdatePrompt model={model} /> : null;
}
