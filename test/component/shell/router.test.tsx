/**
 * The app's own router (src/ui/shell/router.tsx, #12: it replaced preact-iso in the main chunk):
 * addresses match as before, a lazy screen keeps the previous one drawn until it arrives, and
 * links, `route()` and the back button move between screens.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router, lazy, matchPath, useLocation, useRoute } from '../../../src/ui/shell/router';

describe('matchPath', () => {
  it.each([
    ['/', '/', {}],
    ['/catalogo', '/', undefined],
    ['/catalogo/abc', '/catalogo/:id', { id: 'abc' }],
    ['/catalogo/plantillas/p1', '/catalogo/plantillas/:id', { id: 'p1' }],
    ['/catalogo/a%C3%B1o', '/catalogo/:id', { id: 'año' }],
    ['/catalogo', '/catalogo/:id', undefined],
    ['/eventos', '/eventos/*', undefined],
    ['/eventos/e1/lista/r1', '/eventos/*', {}],
    ['/mas/cuenta/x', '/mas/cuenta', undefined],
  ])('%s under %s gives %j', (path, pattern, params) => {
    expect(matchPath(path, pattern)).toEqual(params);
  });
});

function Home() {
  return (
    <>
      <h1>Inicio</h1>
      <a href="/lejos">Lejos</a>
      <a href="/item/42">Ítem</a>
    </>
  );
}

function Item() {
  const { params } = useRoute();
  const { route } = useLocation();
  return (
    <>
      <h1>Ítem {params['id']}</h1>
      <button type="button" onClick={() => route('/', true)}>A inicio</button>
    </>
  );
}

function NotFound() {
  return <h1>No existe</h1>;
}

describe('Router', () => {
  it('keeps the previous screen while a lazy one loads, then draws it; the back button returns', async () => {
    history.replaceState(null, '', '/');
    let arrive: (screen: ComponentType) => void = () => undefined;
    const Far = lazy(() => new Promise<ComponentType>((resolve) => (arrive = resolve)));
    const onLoadStart = vi.fn();
    const onLoadEnd = vi.fn();
    render(
      <LocationProvider>
        <Router onLoadStart={onLoadStart} onLoadEnd={onLoadEnd}>
          <Route path="/" component={Home} />
          <Route path="/lejos" component={Far} />
          <Route default component={NotFound} />
        </Router>
      </LocationProvider>,
    );
    await act(() => {
      fireEvent.click(screen.getByRole('link', { name: 'Lejos' }));
    });
    expect(location.pathname).toBe('/lejos');
    expect(screen.getByRole('heading').textContent).toBe('Inicio');
    expect(onLoadStart).toHaveBeenCalledTimes(1);
    expect(onLoadEnd).not.toHaveBeenCalled();

    await act(async () => arrive(() => <h1>Lejos por fin</h1>));
    expect(await screen.findByRole('heading', { name: 'Lejos por fin' })).toBeTruthy();
    expect(screen.getAllByRole('heading')).toHaveLength(1);
    expect(onLoadEnd).toHaveBeenCalledTimes(1);

    await act(async () => {
      history.back();
      await new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    });
    expect(location.pathname).toBe('/');
    expect(screen.getByRole('heading').textContent).toBe('Inicio');
  });

  it('passes :params, answers route() in place, leaves modified clicks to the browser and shows the default route for unknown paths', async () => {
    history.replaceState(null, '', '/');
    render(
      <LocationProvider>
        <Router>
          <Route path="/" component={Home} />
          <Route path="/item/:id" component={Item} />
          <Route default component={NotFound} />
        </Router>
      </LocationProvider>,
    );
    const link = screen.getByRole('link', { name: 'Ítem' });
    // A ctrl-click opens a new tab: the app does not take it (jsdom does not navigate either).
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(location.pathname).toBe('/');

    const pushes = vi.spyOn(history, 'pushState');
    const replaces = vi.spyOn(history, 'replaceState');
    await act(() => {
      fireEvent.click(link);
    });
    expect(screen.getByRole('heading').textContent).toBe('Ítem 42');
    expect(pushes).toHaveBeenCalledWith(null, '', '/item/42');

    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'A inicio' }));
    });
    expect(location.pathname).toBe('/');
    expect(replaces).toHaveBeenCalledWith(null, '', '/');
    expect(pushes).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(screen.getByRole('heading').textContent).toBe('Inicio');

    cleanupAndOpen('/no/existe');
    expect(screen.getByRole('heading').textContent).toBe('No existe');
  });
});

function cleanupAndOpen(path: string) {
  cleanup();
  history.replaceState(null, '', path);
  render(
    <LocationProvider>
      <Router>
        <Route path="/" component={Home} />
        <Route default component={NotFound} />
      </Router>
    </LocationProvider>,
  );
}
