// Files this run exported, behind a random handle. The renderer asks to show one in its folder by
// that handle, never by a path: a path it chose could make main open any folder on the computer.
import { randomBytes } from 'node:crypto';
import { AppError } from '../net/errors';
import type { FileManager } from '../platform';

export class ExportedFiles {
  private readonly paths = new Map<string, string>();

  constructor(private readonly files: FileManager) {}

  remember(path: string): string {
    const id = `f_${randomBytes(12).toString('hex')}`;
    this.paths.set(id, path);
    return id;
  }

  showInFolder(id: string): void {
    const path = this.paths.get(id);
    if (!path) throw new AppError('NOT_FOUND', 'Trunkdesk does not know that exported file.', { hint: 'Export again.', retryable: false });
    this.files.showItemInFolder(path);
  }
}
