import { beforeEach, describe, expect, it } from 'vitest';
import { configure, render, screen, waitFor, within, fireEvent } from '@testing-library/preact';
import { App } from '../../../src/ui/app';
import { t } from '../../../src/shared/i18n';
// The screens load their strings with their chunks; the test words its expectations before that.
import '../../../src/shared/i18n/more';

// Each section is a lazy chunk: on a shared, loaded machine its first import takes more than a second.
configure({ asyncUtilTimeout: 5000 });

const SECTIONS = [
  { label: t('nav.home'), href: '/' },
  { label: t('nav.catalogue'), href: '/catalogo' },
  { label: t('nav.events'), href: '/eventos' },
  { label: t('nav.workshops'), href: '/talleres' },
  { label: t('nav.more'), href: '/mas' },
];

function nav() {
  return within(screen.getByRole('navigation', { name: t('nav.label') }));
}

function currentSections(): string[] {
  return nav()
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'page')
    .map((link) => link.textContent ?? '');
}

describe('the bottom navigation', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
    // The router scrolls to the top after a navigation; jsdom does not implement scrolling.
    window.scrollTo = () => undefined;
  });

  it('lists the five sections by name, in order, each a link to its address', () => {
    render(<App />);
    const links = nav().getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(SECTIONS.map((s) => [s.label, s.href]));
  });

  it('marks Inicio as the current page on the home screen, and only it', () => {
    render(<App />);
    expect(currentSections()).toEqual([t('nav.home')]);
    expect(screen.getByRole('heading', { level: 1, name: t('home.title') })).toBeTruthy();
  });

  it('moves the mark to the section the person taps and opens that section', async () => {
    render(<App />);
    for (const section of SECTIONS.slice(1)) {
      fireEvent.click(nav().getByRole('link', { name: section.label }));
      expect(location.pathname).toBe(section.href);
      expect(await screen.findByRole('heading', { level: 1, name: section.label })).toBeTruthy();
      expect(currentSections()).toEqual([section.label]);
    }
  }, 20_000); // four lazy chunks, each loaded for real (5 s was the whole budget on a loaded machine)

  it('moves focus to the new screen’s heading on every navigation, sub-screens and back links included', async () => {
    render(<App />);
    const expectFocusOn = async (name: string) => {
      const heading = await screen.findByRole('heading', { level: 1, name });
      await waitFor(() => expect(document.activeElement).toBe(heading));
    };
    fireEvent.click(nav().getByRole('link', { name: t('nav.more') }));
    await expectFocusOn(t('nav.more'));
    fireEvent.click(screen.getByRole('link', { name: new RegExp(`^${t('more.about')}`) }));
    await expectFocusOn(t('about.title'));
    fireEvent.click(screen.getByRole('link', { name: t('shell.back') }));
    await expectFocusOn(t('nav.more'));
    fireEvent.click(nav().getByRole('link', { name: t('nav.home') }));
    await expectFocusOn(t('home.title'));
  }, 20_000); // four lazy chunks, each loaded for real

  it('keeps Más marked on the screens inside it', async () => {
    history.replaceState(null, '', '/mas/almacenamiento');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: t('storage.title') })).toBeTruthy();
    expect(currentSections()).toEqual([t('nav.more')]);
  });

  it('answers an unknown address with a Spanish "not found" screen and no section marked', async () => {
    history.replaceState(null, '', '/no-existe');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: t('shell.notFound.title') })).toBeTruthy();
    expect(currentSections()).toEqual([]);
    expect(screen.getByRole('link', { name: t('shell.notFound.home') }).getAttribute('href')).toBe('/');
  });

  it('offers a skip link to the main content as the first focusable element', () => {
    render(<App />);
    const skip = screen.getByRole('link', { name: t('shell.skipLink') });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
    expect(document.querySelector('a, button')).toBe(skip);
  });
});
