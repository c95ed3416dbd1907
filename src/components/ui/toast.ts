/**
 * Toasts without sonner in every page's first load: `toast.success("Saved.")` etc. load sonner on first use (the
 * root layout's Toaster has usually loaded it already, right after the page became interactive). Calls keep their
 * order. Use this instead of importing `toast` from "sonner" in app code.
 */
type Kind = "success" | "error" | "info" | "warning";

type Sonner = typeof import("sonner");

let loading: Promise<Sonner> | null = null;
let loaded: Sonner | null = null;
const waiting = new Set<(module: Sonner) => void>();

/** sonner's module, loaded once. */
export function loadSonner(): Promise<Sonner> {
  loading ??= import("sonner").then(
    (module) => {
      loaded = module;
      for (const callback of waiting) callback(module);
      waiting.clear();
      return module;
    },
    (error: unknown) => {
      loading = null; // Offline or a new deployment: the next toast tries again.
      throw error;
    },
  );
  return loading;
}

/** Calls back once sonner is loaded (at once if it is), whoever loaded it; returns an unsubscribe function. */
export function onSonnerLoaded(callback: (module: Sonner) => void): () => void {
  if (loaded) {
    callback(loaded);
    return () => {};
  }
  waiting.add(callback);
  return () => waiting.delete(callback);
}

function show(kind: Kind, message: string): void {
  loadSonner().then(
    (module) => module.toast[kind](message),
    () => {
      // The message could not be shown; the action itself has already happened (or failed) regardless.
    },
  );
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
  info: (message: string) => show("info", message),
  warning: (message: string) => show("warning", message),
};
