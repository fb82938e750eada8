// The window's desktop side, with a stand-in for the Electron preload's bridge: a notice from the main
// process is shown and dismissed, and a file dropped on the window goes to `app.openFiles`, which the
// browser host refuses with its "desktop app only" message.
import { expect, test } from './web-host-fixture';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const listeners: ((event: unknown) => void)[] = [];
    const record = window as unknown as { desktopListeners: typeof listeners };
    record.desktopListeners = listeners;
    (window as unknown as { drillbenchDesktop: unknown }).drillbenchDesktop = {
      onEvent(listener: (event: unknown) => void) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      pathForFile: (file: File) => `/home/geo/field/${file.name}`,
    };
  });
});

test('shows a notice from the main process until it is dismissed', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await expect(page.getByRole('contentinfo', { name: 'Project status' })).toContainText('76 holes');
  await page.evaluate(() => {
    const { desktopListeners } = window as unknown as { desktopListeners: ((event: unknown) => void)[] };
    for (const listener of desktopListeners)
      listener({
        type: 'notice',
        level: 'info',
        message: 'This project was upgraded for this version of drillbench.',
      });
  });
  const notice = page.getByRole('status').filter({ hasText: 'upgraded' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(notice).toHaveCount(0);
});

test('sends dropped files to app.openFiles and shows why the browser cannot open them', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  await expect(page.getByRole('contentinfo', { name: 'Project status' })).toContainText('76 holes');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['hole_id,x,y\n'], 'collars.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const alert = page.getByRole('alert').filter({ hasText: 'app.openFiles needs the drillbench desktop app' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('not available in the browser');
  await page.screenshot({ path: 'test-results/screenshots/desktop-drop-in-browser.png' });
});
