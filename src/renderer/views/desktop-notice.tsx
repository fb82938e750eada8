// A dismissible banner for messages from the desktop app (a project upgraded, files that were not
// opened).
import type { DesktopNoticeText } from './desktop-integration';
import './desktop-notice.css';

export function DesktopNotice({ notice, onDismiss }: { notice: DesktopNoticeText; onDismiss: () => void }) {
  return (
    <div
      role={notice.level === 'error' ? 'alert' : 'status'}
      className={`desktop-notice desktop-notice-${notice.level}`}
    >
      <span>{notice.message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
