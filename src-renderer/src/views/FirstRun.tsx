import { CommandNote } from '../components/CommandNote';
import { StoreProblemBanner } from '../components/StoreProblemBanner';
import { useUi } from '../store/ui';
import { AddProfileForm } from './AddProfileForm';

/** No profiles yet: say what Trunkdesk is for, and offer the first profile. */
export function FirstRun() {
  return (
    <main className="first-run" data-testid="first-run">
      <StoreProblemBanner />
      <CommandNote />
      <div className="first-run-grid">
        <section className="welcome" aria-labelledby="welcome-title">
          <p className="brand">Trunkdesk</p>
          <h1 id="welcome-title">Manage your customers' SIP credentials in one place</h1>
          <p>
            Trunkdesk is a desktop tool for telecom admins. Connect a Vobiz partner account, a VoIPBIN account or a
            Vocobase account once, and manage its SIP credentials, extensions, trunks or SIP connections, online or
            off.
          </p>
          <ul className="welcome-points">
            <li>
              <strong>Several accounts, several providers.</strong> Add a profile for each one and switch with a click.
            </li>
            <li>
              <strong>Your keys stay private.</strong> A token or key is checked with its provider, then stored
              encrypted on this computer under your operating system's keychain, and never shown again.
            </li>
            <li>
              <strong>No surprises.</strong> Trunkdesk talks only to the provider you configure.
            </li>
          </ul>
          <p className="first-run-network">
            Behind a company proxy that inspects TLS?{' '}
            <button type="button" className="btn btn-quiet btn-small" aria-haspopup="dialog" onClick={() => useUi.getState().setNetworkSettings(true)}>
              Network settings
            </button>
          </p>
        </section>
        <AddProfileForm autoFocus />
      </div>
    </main>
  );
}
