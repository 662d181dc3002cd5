import { ScreenHeader } from './screen-header';
import { Icon, type IconName } from './icons';
import { t, type MessageKey } from '../../shared/i18n';

/** A section not built yet: says plainly what it will hold and that it will work offline. */
export function PlaceholderScreen({ title, body, icon }: { title: MessageKey; body: MessageKey; icon: IconName }) {
  return (
    <section class="screen">
      <ScreenHeader title={t(title)} />
      <div class="card">
        <Icon name={icon} className="icon--large" />
        <p>{t(body)}</p>
      </div>
      <p class="note">
        <Icon name="info" />
        <span>{t('shell.placeholder.note')}</span>
      </p>
    </section>
  );
}
