"use client";

import * as React from "react";

/**
 * Popups (menus, sheets) whose code is loaded on demand, so Radix's menu/dialog machinery (~30 KB gzip with
 * floating-ui, focus scope and scroll lock) is not part of every page's first load.
 *
 * Until the code has arrived, a stand-in with the trigger's exact look and ARIA (`aria-haspopup`, `aria-expanded`)
 * is rendered, server-side too. Pointing at it starts the download; activating it (pointer, Enter/Space/ArrowDown
 * for menus, click) also asks the loaded component to open at once, so one press still opens the popup. When the
 * loaded component replaces the stand-in it gets focus back if the stand-in had it.
 */
export type OpenedBy = "pointer" | "keyboard";

export interface OnDemandProps {
  /** The user activated the stand-in before the code arrived: open at once (and how, for the initial focus). */
  openedBy: OpenedBy | null;
  /** The stand-in had focus when it was replaced: the real trigger takes it over. */
  focusTrigger: boolean;
}

export interface StandInProps {
  ref: React.RefObject<HTMLButtonElement | null>;
  "aria-haspopup": "menu" | "dialog";
  "aria-expanded": false;
  "data-state": "closed";
  onPointerEnter: () => void;
  onPointerDown: (event: React.PointerEvent) => void;
  onKeyDown: (event: React.KeyboardEvent) => void;
  onClick: () => void;
}

const MENU_OPEN_KEYS = ["Enter", " ", "ArrowDown"];

/**
 * `load` must be stable (a module-level function). `kind` decides how the stand-in opens: menus on pointer down and
 * Enter/Space/ArrowDown like Radix's DropdownMenu trigger, dialogs on click like Radix's Dialog trigger.
 */
export function useOnDemand<P extends OnDemandProps>(load: () => Promise<React.ComponentType<P>>, kind: "menu" | "dialog") {
  const [Loaded, setLoaded] = React.useState<React.ComponentType<P> | null>(null);
  const [openedBy, setOpenedBy] = React.useState<OpenedBy | null>(null);
  const [focusTrigger, setFocusTrigger] = React.useState(false);
  const standIn = React.useRef<HTMLButtonElement | null>(null);
  const loading = React.useRef<Promise<void> | null>(null);

  const start = React.useCallback(() => {
    loading.current ??= load().then(
      (component) => {
        setFocusTrigger(standIn.current !== null && standIn.current === document.activeElement);
        setLoaded(() => component);
      },
      () => {
        // Offline or a new deployment: the next interaction tries again.
        loading.current = null;
      },
    );
  }, [load]);

  const open = React.useCallback(
    (how: OpenedBy) => {
      setOpenedBy((current) => current ?? how);
      start();
    },
    [start],
  );

  const standInProps: StandInProps = {
    ref: standIn,
    "aria-haspopup": kind,
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: start,
    onPointerDown: (event) => {
      if (kind === "menu" && event.button === 0 && !event.ctrlKey) open("pointer");
      else start();
    },
    onKeyDown: (event) => {
      if (kind === "menu" && MENU_OPEN_KEYS.includes(event.key)) {
        event.preventDefault();
        open("keyboard");
      }
    },
    // Dialogs open on click; for menus this covers a click without pointer events (assistive technology)
    // (no pointer down before it: treated like the keyboard, whose users expect the first item focused).
    onClick: () => open(kind === "menu" ? "keyboard" : "pointer"),
  };

  return { Loaded, loadedProps: { openedBy, focusTrigger } satisfies OnDemandProps, standInProps };
}

/**
 * `onFocus` for the content of a menu that was opened before its code arrived. Radix focuses the menu itself and
 * moves on to the first item only when it saw the keyboard being used, which it could not (it was not loaded yet):
 * do what it would have done. Only the first opening is concerned; later ones are Radix's own.
 */
export function useInitialMenuFocus(openedBy: OpenedBy | null) {
  const pending = React.useRef(openedBy === "keyboard");
  return React.useCallback((event: React.FocusEvent<HTMLElement>) => {
    if (!pending.current || event.target !== event.currentTarget) return;
    pending.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true });
  }, []);
}

/**
 * A controlled dialog (open from its props, no Radix trigger) whose code is loaded the first time `isOpen(props)`,
 * then kept mounted (it animates closed and keeps its state like before). `preload()` fetches the code early, e.g.
 * on hover of the button that opens it.
 */
export function onDemandDialog<P extends object>(load: () => Promise<React.ComponentType<P>>, isOpen: (props: P) => boolean) {
  const Lazy = React.lazy(() => load().then((component) => ({ default: component })));
  function OnDemandDialog(props: P) {
    const open = isOpen(props);
    const [wanted, setWanted] = React.useState(open);
    if (open && !wanted) setWanted(true);
    if (!wanted) return null;
    return (
      <React.Suspense fallback={null}>
        <Lazy {...props} />
      </React.Suspense>
    );
  }
  OnDemandDialog.preload = () => void load().catch(() => {});
  return OnDemandDialog;
}
