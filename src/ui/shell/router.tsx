import { createContext, h, options, toChildArray, type ComponentChildren, type ComponentType, type VNode } from 'preact';
import { useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/*
 * The app's router: the part of preact-iso the app used (LocationProvider, Router, Route, lazy,
 * useLocation, useRoute), with the same behaviour, written for the main chunk (#12): no
 * hydration, no scopes, no optional or `+` segments, which Tinkuy never used. It keeps
 * preact-iso's way of waiting for a lazy screen: the screen throws its loading promise, and the
 * router keeps drawing the previous screen until it arrives (a screen's own lazy parts too).
 */

/** Where the app is, and how to go elsewhere. */
export interface AppLocation {
  /** Path and query, as in the address bar. */
  url: string;
  /** The path without a trailing slash (`/` for the root). */
  path: string;
  query: Record<string, string>;
  /** Goes to `url`: a new history entry, or in place of the current one with `replace`. */
  route: (url: string, replace?: boolean) => void;
  /** Whether the last change added a history entry (a link, `route`): only then the page scrolls to the top. */
  wasPush: boolean;
}

/** What a matched route knows: its `:name` segments, decoded. */
export interface RouteMatch {
  params: Record<string, string | undefined>;
}

const LocationContext = createContext<AppLocation>({ url: '', path: '', query: {}, route: () => undefined, wasPush: false });
const RouteContext = createContext<RouteMatch>({ params: {} });

/** Where the app is (the nearest LocationProvider's). */
export const useLocation = (): AppLocation => useContext(LocationContext);
/** The params of the route being drawn. */
export const useRoute = (): RouteMatch => useContext(RouteContext);

/**
 * The address a click goes to when the app should take it over: a plain left click on a link of
 * this origin, for this tab, not a download nor a `#fragment`. Undefined leaves it to the browser.
 */
function readFollowedLink(event: MouseEvent): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.button !== 0) return undefined;
  const link = event.composedPath().find((el): el is HTMLAnchorElement => (el as Element).nodeName === 'A' && Boolean((el as HTMLAnchorElement).href));
  const href = link?.getAttribute('href');
  if (!link || link.origin !== location.origin || href?.startsWith('#') || !/^(_?self)?$/i.test(link.target) || link.download) return undefined;
  event.preventDefault();
  return link.href.replace(location.origin, '');
}

/** Holds the current address: follows link clicks (pushing history), `route()` and the back button. */
export function LocationProvider({ children }: { children?: ComponentChildren }) {
  const [state, setState] = useState(() => ({ url: location.pathname + location.search, wasPush: false }));
  // `push`: true adds a history entry, false replaces it, undefined (back/forward) leaves history alone.
  const go = (url: string, push?: boolean) => {
    if (push === true) history.pushState(null, '', url);
    else if (push === false) history.replaceState(null, '', url);
    setState((before) => (before.url === url ? before : { url, wasPush: push === true }));
  };
  const value = useMemo<AppLocation>(() => {
    const address = new URL(state.url, location.origin);
    return {
      url: state.url,
      path: address.pathname.replace(/\/+$/, '') || '/',
      query: Object.fromEntries(address.searchParams),
      route: (url, replace = false) => go(url, !replace),
      wasPush: state.wasPush,
    };
  }, [state]);
  useLayoutEffect(() => {
    const onClick = (event: MouseEvent) => {
      const url = readFollowedLink(event);
      if (url !== undefined) go(url, true);
    };
    const onPopState = () => go(location.pathname + location.search);
    addEventListener('click', onClick);
    addEventListener('popstate', onPopState);
    return () => {
      removeEventListener('click', onClick);
      removeEventListener('popstate', onPopState);
    };
  }, []);
  return <LocationContext.Provider value={value}>{children}</LocationContext.Provider>;
}

/** One address and its screen: `path` with `:name` segments and an optional final `*` (one segment or more), or `default`. */
export interface RouteProps {
  path?: string;
  default?: boolean;
  component: ComponentType;
}

/** A route's screen; the Router reads its props to choose it. */
export function Route({ component }: RouteProps) {
  return h(component, {});
}

/** The params of `path` under `pattern`, or undefined when it does not match. */
export function matchPath(path: string, pattern: string): Record<string, string> | undefined {
  const have = path.split('/').filter(Boolean);
  const want = pattern.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const value = have[i];
    if (value === undefined) return undefined;
    if (segment === '*') return params;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return have.length === want.length ? params : undefined;
}

/** The first route whose path matches, else the default one, as the element to draw. */
function chooseRoute(children: ComponentChildren, path: string): { screen: ComponentType | undefined; params: Record<string, string> } {
  let fallback: ComponentType | undefined;
  for (const child of toChildArray(children) as Array<VNode<RouteProps>>) {
    const params = child.props.path === undefined ? undefined : matchPath(path, child.props.path);
    if (params) return { screen: child.props.component, params };
    if (child.props.default) fallback ??= child.props.component;
  }
  return { screen: fallback, params: {} };
}

/** The instance fields Preact's error hook below looks for: a component that can wait for a child. */
interface WaitingComponent {
  __c?: (promise: PromiseLike<unknown>) => void;
  /** Preact's _vnode, whose _dom is the first node this component drew. */
  __v?: { __e?: ChildNode | null };
}

/** Draws the route that matches the address; while a lazy screen loads, the previous one stays. */
export function Router(this: WaitingComponent, { children, onLoadStart, onLoadEnd }: { children?: ComponentChildren; onLoadStart?: () => void; onLoadEnd?: () => void }) {
  const { url, path, wasPush } = useLocation();
  const [redraws, redraw] = useState(0);
  const current = useRef<VNode | null>(null);
  const previous = useRef<VNode | null>(null);
  // The key of the current screen: a new one each time the component changes, so the old can stay beside it.
  const generation = useRef(0);
  const isLoading = useRef(false);
  const didSuspend = useRef(false);
  const committedPath = useRef(path);
  // A node of the prerendered page that Preact kept in place while the first screen loaded.
  const placeholder = useRef<ChildNode | null>(null);
  const hasCommitted = useRef(false);
  didSuspend.current = false;
  const { screen, params } = chooseRoute(children, path);
  const isNewScreen = useMemo(() => {
    previous.current = current.current;
    current.current = <RouteContext.Provider value={{ params }}>{screen && h(screen, {})}</RouteContext.Provider>;
    const outgoing = (previous.current?.props as { children?: VNode } | undefined)?.children;
    if (outgoing?.type === screen) return false;
    generation.current++;
    return true;
  }, [url, JSON.stringify(params)]);
  // If this render draws without waiting, the previous screen goes.
  const outgoing = previous.current;
  previous.current = null;
  this.__c = (promise) => {
    didSuspend.current = true;
    previous.current = outgoing;
    onLoadStart?.();
    isLoading.current = true;
    const waitedFor = generation.current;
    void promise.then(() => {
      if (waitedFor !== generation.current) return;
      previous.current = null;
      void Promise.resolve().then(() => redraw((n) => n + 1));
    });
  };
  useLayoutEffect(() => {
    const drawnNode = this.__v?.__e ?? null;
    if (didSuspend.current) {
      if (!hasCommitted.current) placeholder.current ??= drawnNode;
      return;
    }
    // The first screen drawn: a prerendered node left from the wait goes (preact-iso did the same).
    if (!hasCommitted.current && placeholder.current && placeholder.current !== drawnNode) placeholder.current.remove();
    placeholder.current = null;
    hasCommitted.current = true;
    if (committedPath.current !== path) {
      if (wasPush) scrollTo(0, 0);
      committedPath.current = path;
    }
    if (isLoading.current) onLoadEnd?.();
    isLoading.current = false;
  }, [path, wasPush, redraws]);
  const drawn = <DrawRef box={current} key={generation.current} />;
  return isNewScreen ? [drawn, <DrawRef box={previous} key={generation.current - 1} />] : drawn;
}

function DrawRef({ box }: { box: { current: VNode | null } }) {
  return box.current;
}

/**
 * A component loaded on first use. Until then it throws its loading promise, and the nearest
 * Router keeps the screen it drew before (and tells onLoadStart/onLoadEnd).
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<void> | undefined;
  let loaded: ComponentType<P> | undefined;
  return function LazyComponent(props: P) {
    const [, redraw] = useState(0);
    const waiting = useRef<Promise<void> | null>(null);
    loading ??= load().then((component) => void (loaded = component));
    if (loaded) return h(loaded, props);
    waiting.current ??= loading.then(() => redraw(1));
    throw loading;
  };
}

/*
 * Preact's error hook: a thrown promise goes to the nearest component that waits (the Router),
 * keeping the DOM the suspended child had. This is compat's Suspense technique, as preact-iso
 * does it; the `__` names are Preact's mangled internals (_parent, _component, _dom, _children).
 */
type InternalVNode = { __?: InternalVNode; __c?: WaitingComponent & { __z?: unknown }; __e?: unknown; __k?: unknown[] | null };
const hooks = options as unknown as { __e?: (error: unknown, vnode: InternalVNode, oldVNode: InternalVNode, ...rest: unknown[]) => void };
const passOn = hooks.__e;
hooks.__e = (error, vnode, oldVNode, ...rest) => {
  if ((error as PromiseLike<unknown> | null)?.then) {
    for (let parent = vnode.__; parent; parent = parent.__) {
      if (parent.__c?.__c) {
        if (vnode.__e == null) {
          vnode.__c!.__z = [oldVNode.__e];
          vnode.__e = oldVNode.__e;
          vnode.__k = oldVNode.__k ?? null;
        }
        vnode.__k ??= [];
        return parent.__c.__c(error as PromiseLike<unknown>);
      }
    }
  }
  passOn?.(error, vnode, oldVNode, ...rest);
};
