// Where an export made by the server goes. In the desktop app the user picks the file in a save dialog
// (app.chooseExportFile) and the server writes it there; in the browser host the server writes a
// temporary file and the page downloads it from /download/<id>, as the Export view's link does.
import type { DesktopBridge } from '../../api/desktop-types';
import { api } from '../api/api-client';

declare global {
  interface Window {
    drillbenchDesktop?: DesktopBridge;
  }
}

/** True in the desktop app (its preload gives the window the desktop bridge). */
export function inDesktopApp(): boolean {
  return window.drillbenchDesktop !== undefined;
}

/**
 * The file to write: in the desktop app the one chosen in a save dialog (null when the user cancelled),
 * in the browser undefined, meaning "write a temporary file to download".
 */
export async function chooseExportPath(
  format: 'csv' | 'xlsx',
  suggestedName: string,
): Promise<string | null | undefined> {
  if (!inDesktopApp()) return undefined;
  return (await api['app.chooseExportFile']({ format, suggestedName })).path;
}

/** The URL of a file the browser host offers for download. */
export const downloadUrl = (downloadId: string) => `/download/${encodeURIComponent(downloadId)}`;

/** Starts the download of a file the server wrote, as a click on its link would. */
export function startDownload(downloadId: string, name: string): void {
  const link = document.createElement('a');
  link.href = downloadUrl(downloadId);
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
