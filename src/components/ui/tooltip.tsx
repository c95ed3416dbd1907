"use client";

import * as React from "react";

export interface TooltipProps {
  /** The text shown on hover and keyboard focus. */
  content: React.ReactNode;
  /** One focusable element (a button, a link). */
  children: React.ReactElement<{ ref?: React.Ref<HTMLElement> }>;
  side?: "top" | "right" | "bottom" | "left";
  delayDuration?: number;
}

type RadixTooltip = typeof import("./tooltip-radix").RadixTooltip;

let loading: Promise<RadixTooltip> | null = null;

function loadTooltip(): Promise<RadixTooltip> {
  loading ??= import("./tooltip-radix").then(
    (module) => module.RadixTooltip,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * `<Tooltip content="Copy"><Button size="icon">…</Button></Tooltip>`; works without a provider.
 * Radix's tooltip (with floating-ui, ~15 KB gzip) is not in the page's first load: the child is rendered as is, and
 * the tooltip code is fetched once a tooltip is on the page, after it has become interactive. If the pointer or the
 * focus is already on the child then, the tooltip opens at once (and the child keeps the focus).
 */
export function Tooltip(props: TooltipProps) {
  const [Radix, setRadix] = React.useState<RadixTooltip | null>(null);
  const [initial, setInitial] = React.useState({ open: false, focus: false });
  const trigger = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    let live = true;
    loadTooltip().then(
      (component) => {
        if (!live) return;
        const element = trigger.current;
        const focus = element !== null && element === document.activeElement;
        setInitial({ focus, open: focus || (element?.matches(":hover") ?? false) });
        setRadix(() => component);
      },
      () => {
        // Offline: the child keeps working, without its tooltip.
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (Radix) return <Radix {...props} defaultOpen={initial.open} focusTrigger={initial.focus} />;
  return React.cloneElement(props.children, { ref: trigger });
}
