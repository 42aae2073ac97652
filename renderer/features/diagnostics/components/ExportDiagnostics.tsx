import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { exportDiagnostics } from '../diagnostics-service';
import { HeaderButton } from '../../../ui/HeaderButton';

/**
 * The header button "Export diagnostics" (issue 23 §4) and what became of the last export: where it was saved
 * (Electron) or downloaded (browser host), or why it failed. Shown whatever the policy's state: an invalid
 * policy is exactly when IT needs the zip.
 */
export function ExportDiagnostics({ onExport = exportDiagnostics }: { onExport?: () => Promise<void> }) {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.diagnosticsExport);
  return (
    <span className="export-diagnostics">
      <HeaderButton icon="diagnostics" label={t('diagnostics.export')} onClick={() => void onExport()} disabled={state.status === 'working'} />
      <span role="status" className="export-diagnostics__status">
        {state.status === 'working' && t('diagnostics.working')}
        {state.status === 'saved' && t('diagnostics.saved', { where: state.where })}
        {state.status === 'failed' && t('diagnostics.failed', { error: state.error })}
      </span>
    </span>
  );
}
