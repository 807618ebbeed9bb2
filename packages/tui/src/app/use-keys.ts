import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One character of a batch as the key Ink would have reported had it come alone. */
export function keyOf(char: string): [string, Key] {
  if (char === '\r' || char === '\n') return ['', { ...NO_KEY, return: true }];
  if (char === '\t') return ['', { ...NO_KEY, tab: true }];
  if (char === '\u007f' || char === '\b') return ['', { ...NO_KEY, backspace: true }];
  const code = char.codePointAt(0)!;
  // ctrl-a … ctrl-z arrive as 0x01 … 0x1a; Ink reports them as the letter with ctrl.
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return [char, { ...NO_KEY, shift: /[A-Z]/.test(char) }];
}

/**
 * Splits what Ink delivers into single keypresses. Ink splits escape sequences (arrows, PgDn)
 * from the rest, but a run of plain keys typed faster than a frame (`jjjj`, `j\r`) comes as one
 * string: every key in it counts, in order.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if ([...input].length <= 1 || input.startsWith('\u001b') || key.meta) return [[input, key]];
  return [...input].map(keyOf);
}

/**
 * Routes keys to the screen that has them. The app reads each key first and hands the keys it does
 * not use to the handlers of the screen shown *at that key*: a chunk such as `/abc` + enter
 * ends the filter before the screen sees the next key, whatever React has rendered by then.
 */
export interface KeyRouter {
  readonly handlers: Map<string, Set<{ current: KeyHandler }>>;
  /** A screen taking text (a form): every key but ctrl-c goes to it, `q` and `/` included. */
  capture: string | undefined;
}

export function createKeyRouter(): KeyRouter {
  return { handlers: new Map(), capture: undefined };
}

/** While mounted, the component's screen takes every key (text entry). */
export function useCaptureKeys(): void {
  const router = useContext(KeyRouterContext);
  const screen = useContext(ScreenContext);
  useLayoutEffect(() => {
    if (!router || screen === undefined) return;
    router.capture = screen;
    return () => {
      if (router.capture === screen) router.capture = undefined;
    };
  }, [router, screen]);
}

/** Hands one key to the handlers registered for `screen`. */
export function routeKey(router: KeyRouter, screen: string, input: string, key: Key): void {
  for (const h of router.handlers.get(screen) ?? []) h.current(input, key);
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);
/** The screen a component belongs to, inside the app. */
export const ScreenContext = createContext<string | undefined>(undefined);

/**
 * A handler called once per key, even when keys arrive batched. Inside the app it receives the
 * keys routed to its screen; on its own (tests, other hosts) it reads Ink's input while `isActive`.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useContext(KeyRouterContext);
  const screen = useContext(ScreenContext);
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    if (!router || screen === undefined) return;
    const set = router.handlers.get(screen) ?? new Set();
    router.handlers.set(screen, set);
    set.add(ref);
    return () => {
      set.delete(ref);
    };
  }, [router, screen]);
  useInput(
    (input, key) => {
      for (const [one, k] of splitKeys(input, key)) ref.current(one, k);
    },
    { isActive: (!router || screen === undefined) && (options.isActive ?? true) },
  );
}
