// The Help commands' state (Copy diagnostics, Open logs folder), shared by the sidebar's Help area
// and the command runner (menu and shortcuts both come through lib/commands.ts): what the last
// one did, in words, for the Help area's live region.
import { create } from 'zustand';
import type { ErrorDTO } from '../../../src-preload/contract';
import { call } from '../bridge';

export type HelpStatus = { kind: 'done'; text: string } | { kind: 'error'; error: ErrorDTO };

type HelpState = {
  status: HelpStatus | null;
  busy: 'copyDiagnostics' | 'openLogsFolder' | null;
  copyDiagnostics(): Promise<void>;
  openLogsFolder(): Promise<void>;
  clear(): void;
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const useHelp = create<HelpState>((set, get) => ({
  status: null,
  busy: null,
  async copyDiagnostics() {
    if (get().busy) return;
    set({ busy: 'copyDiagnostics', status: null });
    const r = await call('copyDiagnostics', {});
    set({
      busy: null,
      status: r.ok
        ? { kind: 'done', text: `Diagnostics copied: ${plural(r.value.lines, 'line')}, ${r.value.errors === 0 ? 'no recent errors' : plural(r.value.errors, 'recent error')}. No secrets or customer data.` }
        : { kind: 'error', error: r.error },
    });
  },
  async openLogsFolder() {
    if (get().busy) return;
    set({ busy: 'openLogsFolder', status: null });
    const r = await call('openLogsFolder', {});
    set({ busy: null, status: r.ok ? { kind: 'done', text: 'Logs folder opened.' } : { kind: 'error', error: r.error } });
  },
  clear: () => set({ status: null }),
}));
