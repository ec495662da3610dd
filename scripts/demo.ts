// `npm run demo`: the app on its embedded default — the bundled simulator (Vobiz, VoIPBIN and
// Vocobase) with sample data. Starts the simulator, then Electron pointed at it with a profile of
// each provider added (src-main/demo.ts).
// Where the Electron binary is missing (it comes from GitHub), says so and opens the same app in
// Chromium through the harness instead when there is a display.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { demoLeftOut, demoProfiles } from '../tests/sim/demo-profiles';
import { startSimulator } from '../tests/sim/server';
import { findElectronBinary } from './electron-binary';

const ROOT = resolve(__dirname, '..');

async function main(): Promise<void> {
  const bin = findElectronBinary();
  if (!bin.path) {
    console.log(`Electron cannot run here: ${bin.reason}.`);
    if (!process.env.DISPLAY) {
      console.log('To see the app anyway, run `npm run harness` on a machine with a display, or');
      console.log('`npm run harness -- --screenshot screenshots` to save a PNG of each screen.');
      process.exit(1);
    }
    console.log('Opening the same renderer, preload and main handlers in Chromium instead (`npm run harness`).');
    const child = spawn('bash', ['scripts/with-keyring.sh', process.execPath, '--import', 'tsx', 'tests/harness/cli.ts'], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const sim = await startSimulator({ port: Number(process.env.SIM_PORT ?? 0), quiet: true });
  console.log(`Simulator running at ${sim.url}; starting Trunkdesk with its demo profiles (Vobiz, VoIPBIN, Vocobase).`);
  const partners = demoProfiles();
  for (const line of demoLeftOut()) console.log(line);
  const child = spawn(bin.path, [ROOT], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TRUNKDESK_DEMO_URL: sim.url, TRUNKDESK_DEMO_PARTNERS: JSON.stringify(partners) },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => void sim.close().then(() => process.exit(code ?? 0)));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
