/**
 * When a checklist template is proposed for an event, and when one of its items applies.
 * Pure and synchronous: the device answers offline from the event it has.
 */
import type { EventSaveArgs } from '../schemas/event';
import type { ChecklistTemplate, EventConditions, TemplateItem } from './template';

/** The answers about an event that conditions read. */
export type EventAnswers = Pick<EventSaveArgs, 'type' | 'expectedAudience' | 'outdoors' | 'music' | 'heritageSite' | 'minors'>;

/** True when every condition listed holds for the event; no conditions means always. */
export function doesEventMeet(when: EventConditions | null | undefined, event: EventAnswers): boolean {
  if (!when) return true;
  if (when.outdoors !== undefined && when.outdoors !== event.outdoors) return false;
  if (when.heritageSite !== undefined && when.heritageSite !== event.heritageSite) return false;
  if (when.minors !== undefined && when.minors !== event.minors) return false;
  if (when.music && !when.music.includes(event.music)) return false;
  if (when.minAudience !== undefined && event.expectedAudience < when.minAudience) return false;
  if (when.types && !when.types.includes(event.type)) return false;
  return true;
}

/** Whether Tinkuy should propose this template for the event. */
export function shouldProposeTemplate(template: Pick<ChecklistTemplate, 'proposeWhen'>, event: EventAnswers): boolean {
  return doesEventMeet(template.proposeWhen, event);
}

/** Whether a template item applies to the event (items without `appliesWhen` always apply). */
export function doesItemApply(item: Pick<TemplateItem, 'appliesWhen'>, event: EventAnswers): boolean {
  return doesEventMeet(item.appliesWhen, event);
}
