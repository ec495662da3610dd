// `npm run sim [-- --port N] [--customers N]`: the simulator as a standalone process on 127.0.0.1, for the app in
// dev/demo mode and for out-of-process tests (which drive faults through POST /__sim/faults).
import { DEMO_PARTNERS, DEMO_VOCOBASE, DEMO_VOIPBIN } from './data';
import { addManyCustomers } from './many-customers';
import { startSimulator } from './server';

function portFromArgs(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i === -1 ? process.env.SIM_PORT : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  if (raw === undefined || raw === '') return 8787;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port: ${raw}`);
    process.exit(2);
  }
  return port;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  // Piped into `head` or a closed terminal: losing log lines must not kill the server.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const quiet = process.argv.includes('--quiet');
  const sim = await startSimulator({ port: portFromArgs(process.argv.slice(2)), quiet });
  // --customers N: Northwind gets N customers in all (issue 9's list at scale). Not kept by /__sim/reset.
  const many = Number(process.argv[process.argv.indexOf('--customers') + 1]);
  const northwind = DEMO_PARTNERS[0]!.authId;
  if (process.argv.includes('--customers') && Number.isInteger(many) && many > 0) {
    const have = sim.state.customers.filter((c) => c.partnerAuthId === northwind).length;
    addManyCustomers(sim.state, northwind, Math.max(0, many - have));
  }

  console.log(`Vobiz simulator listening on ${sim.url} (also VoIPBIN and Vocobase)`);
  console.log(`Partner API base URL: ${sim.partnerBaseUrl}`);
  console.log(`Admin: GET ${sim.url}/__sim/health, POST ${sim.url}/__sim/faults | /__sim/reset | /__sim/partners | /__sim/customers | /__sim/voipbin/* | /__sim/vocobase/*\n`);
  console.log('Demo partner profiles (enter these in Trunkdesk):\n');
  console.log(
    table([
      ['Display name', 'Auth ID', 'Token', 'Base URL', 'Login e-mail', 'Login password', 'Notes'],
      ...DEMO_PARTNERS.map((p) => [p.displayName, p.authId, p.token, sim.partnerBaseUrl, p.email, p.password, p.note]),
    ]),
  );
  console.log('\nCustomer tokens come from GET /accounts/{auth_id}.\n');
  // VoIPBIN and Vocobase: logins and names only; their passwords and keys are in tests/sim/README.md
  // (DEMO_VOIPBIN / DEMO_VOCOBASE), so no secret of theirs is ever printed.
  console.log(`VoIPBIN base URL: ${sim.voipbinBaseUrl}  (POST /auth/login, /v1.0/…)`);
  console.log(
    table([
      ['Customer', 'Login', 'Permission', 'Notes'],
      ...Object.values(DEMO_VOIPBIN.logins).map((l) => [l.customerId === DEMO_VOIPBIN.aurora.customerId ? DEMO_VOIPBIN.aurora.name : DEMO_VOIPBIN.borealis.name, l.username, String(l.permission), l.note]),
    ]),
  );
  console.log(`\nVocobase base URL: ${sim.vocobaseBaseUrl}  (Authorization: Bearer rg_live_…)`);
  console.log(
    table([
      ['Partner', 'Status', 'Connections'],
      ...Object.values(DEMO_VOCOBASE).map((p) => [p.name, p.status, `${p.sipConnections} SIP + ${p.otherConnections} other`]),
    ]),
  );
  console.log('\nPasswords and keys for these two: tests/sim/README.md. Ctrl+C to stop.\n');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Could not start the simulator:', err instanceof Error ? err.message : err);
  process.exit(1);
});
