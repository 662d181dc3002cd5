import { Icon, type IconName } from './icons';

/** One large row of a `.link-list` (screen-parts.css): an optional icon, a label with a hint under it, a chevron. */
export function LinkRow({ href, icon, label, hint }: { href: string; icon?: IconName; label: string; hint: string }) {
  return (
    <li>
      <a href={href}>
        {icon && <Icon name={icon} />}
        <span class="link-list__text">
          <span class="link-list__label">{label}</span>
          <span class="link-list__hint">{hint}</span>
        </span>
        <Icon name="chevron" />
      </a>
    </li>
  );
}
