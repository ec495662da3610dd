import type { ChannelOutput } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { plural } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { call } from '../../bridge';

export type ExportedFile = ChannelOutput<'exportCredentials'>;

/**
 * A finished export: how many went, the file's name and folder (a save dialog's choice is easily
 * forgotten), and a button that opens the file manager on it.
 */
export function ExportResult({ file, onClose }: { file: ExportedFile; onClose(): void }) {
  const { busy, failure, run } = useRequest();
  const { fileId } = file;

  return (
    <div className="notice notice-success export-result" role="status" data-testid="export-result">
      <p className="notice-title">
        Exported {plural(file.count, 'credential', 'credentials')} to <strong data-testid="export-file">{file.fileName}</strong>
      </p>
      <p className="notice-hint">
        In the folder <code data-testid="export-folder">{file.folder}</code>
      </p>
      <div className="notice-actions">
        {fileId && (
          <button type="button" className="btn" disabled={busy} onClick={() => void run(() => call('showExportedFile', { fileId }), () => undefined)}>
            Show in folder
          </button>
        )}
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Dismiss
        </button>
      </div>
      {failure && <ErrorNotice error={failure} testId="export-show-error" />}
    </div>
  );
}
