// The desktop app's side of the window: menu navigation (Import, Export) and notices from the main
// process, and files dropped on the window (projects open, data files go to import). In the browser
// there is no desktop bridge and this does nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesktopBridge, DesktopView } from '../../api/desktop-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

declare global {
  interface Window {
    drillbenchDesktop?: DesktopBridge;
  }
}

export interface DesktopNoticeText {
  level: 'info' | 'warning' | 'error';
  message: string;
}

let pendingImportFiles: string[] = [];

/** Files the desktop app asked to import (dropped, or opened from the OS); the import view takes them once. */
export function takePendingImportFiles(): string[] {
  const files = pendingImportFiles;
  pendingImportFiles = [];
  return files;
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useDesktopIntegration(onNavigate: (view: DesktopView) => void): {
  notice: DesktopNoticeText | null;
  dismiss: () => void;
} {
  const [notice, setNotice] = useState<DesktopNoticeText | null>(null);
  const navigate = useRef(onNavigate);
  navigate.current = onNavigate;

  useEffect(() => {
    const bridge = window.drillbenchDesktop;
    if (!bridge) return undefined;
    const unsubscribe = bridge.onEvent((event) => {
      if (event.type === 'navigate') {
        if (event.files.length > 0) pendingImportFiles = [...event.files];
        navigate.current(event.view);
      } else setNotice({ level: event.level, message: event.message });
    });
    const onDragOver = (event: DragEvent) => {
      if (!event.defaultPrevented && carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      // A view that handles its own drops (the import wizard) has already called preventDefault.
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const paths = Array.from(event.dataTransfer?.files ?? [])
        .map((file) => bridge.pathForFile(file))
        .filter((path) => path !== '');
      if (paths.length === 0) return;
      api['app.openFiles']({ paths }).then(
        (result) => {
          if (result.refused.length > 0)
            setNotice({ level: 'warning', message: result.refused.map((entry) => entry.reason).join(' ') });
        },
        (error: unknown) => setNotice({ level: 'error', message: describeError(error) }),
      );
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      unsubscribe();
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, dismiss };
}
