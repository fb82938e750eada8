// Keeps the keyboard inside a modal dialog: Tab and Shift+Tab cycle through its fields and buttons, Esc
// closes it, and focus taken elsewhere while it is open (the grid focusing a row behind it) comes back,
// so keys typed for the dialog never edit a cell. On closing, focus returns to where it was.
import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The dialog's focusable elements in Tab order (document order; nothing here sets a positive tabindex). */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

export interface ModalFocusOptions {
  /** Esc: close without doing anything. */
  onEscape: () => void;
  /** Where focus goes on closing when the element focused before opening is gone; default: it. */
  restore?: () => void;
}

/**
 * Traps focus in `ref`'s element while mounted. The dialog's own code decides which field gets focus
 * first (autoFocus or an effect); this keeps it inside.
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>, options: ModalFocusOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let lastInside: HTMLElement | null = null;
    const container = () => ref.current;

    function onKeyDown(event: KeyboardEvent) {
      const dialog = container();
      if (!dialog || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        latest.current.onEscape();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusableIn(dialog);
      if (items.length === 0) {
        event.preventDefault();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (!inside) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }

    // Something behind the dialog took focus (a grid focusing a row after a write): take it back.
    function onFocusIn(event: FocusEvent) {
      const dialog = container();
      if (!dialog) return;
      const target = event.target;
      if (target instanceof Node && dialog.contains(target)) {
        lastInside = target instanceof HTMLElement ? target : lastInside;
        return;
      }
      const back = lastInside && dialog.contains(lastInside) ? lastInside : focusableIn(dialog)[0];
      back?.focus();
    }

    // Capture phase: the dialog's keys are handled before anything behind it (the grid, the window's
    // shortcuts) can act on them.
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      const restore = latest.current.restore;
      if (restore) restore();
      else if (opener?.isConnected) opener.focus();
    };
    // One trap per mounted dialog.
  }, [ref]);
}
