import { Fragment, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAccelerator, parseAccelerator, type ShortcutStatus } from '@common/contract/shortcuts';
import { getHost } from '../../../platform/host';
import { isTextEntry, keyPlatform } from '../../../platform/in-window-shortcuts';
import './shortcuts.css';
import { HeaderButton } from '../../../ui/HeaderButton';

/** The accelerator as the agent's keyboard spells it ("Ctrl+Alt+A"); as written when it does not parse. */
function keysOf(accelerator: string): string[] {
  try {
    return formatAccelerator(parseAccelerator(accelerator), keyPlatform()).split('+');
  } catch {
    return [accelerator];
  }
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </>
  );
}

const hostStatus = () => getHost().shortcuts.status();

/**
 * The header button "Keyboard shortcuts" and the dialog of the same name listing every action, its keys and
 * whether they work (another application may hold a global shortcut). "?" or F1 opens it too.
 */
export function ShortcutsHelp({ loadStatus = hostStatus }: { loadStatus?: () => Promise<ShortcutStatus[]> }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [status, setStatus] = useState<ShortcutStatus[] | null>(null);

  const open = useCallback(() => {
    if (dialog.current?.open) return;
    dialog.current?.showModal();
    // Asked on every opening: a global shortcut can be taken or freed while the app runs.
    loadStatus().then(setStatus, () => setStatus([]));
  }, [loadStatus]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      const help = event.key === 'F1' || (event.key === '?' && !isTextEntry(event.target));
      if (!help) return;
      event.preventDefault(); // F1 would open the browser's own help
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const scope = status?.[0]?.scope;
  return (
    <>
      <HeaderButton icon="shortcuts" label={t('shortcuts.open')} aria-haspopup="dialog" onClick={open} />
      <dialog ref={dialog} className="shortcuts-help" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shortcuts.title')}</h2>
        {scope && <p>{t(`shortcuts.scope.${scope}`)}</p>}
        {status !== null && status.length === 0 && <p>{t('shortcuts.none')}</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.actionColumn')}</th>
              <th scope="col">{t('shortcuts.keysColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {(status ?? []).map((s) => (
              <tr key={s.action} className={`shortcuts-help__row--${s.state}`}>
                <th scope="row">{t(`shortcuts.action.${s.action}`)}</th>
                <td>
                  <Keys keys={keysOf(s.accelerator)} />
                  {s.state !== 'active' && <span className="shortcuts-help__problem"> {t(`shortcuts.state.${s.state}`)}</span>}
                </td>
              </tr>
            ))}
            {/* Keys of the window itself, always on: the help, knowledge search, the tabs of a narrow window. */}
            {(['help', 'search', 'panes'] as const).map((key) => (
              <tr key={key}>
                <th scope="row">{t(`shortcuts.action.${key}`)}</th>
                <td>{t(`shortcuts.${key}Keys`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit">{t('shortcuts.close')}</button>
        </form>
      </dialog>
    </>
  );
}
