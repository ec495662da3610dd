import { StoreProblemBanner } from '../components/StoreProblemBanner';
import { AddProfileForm } from './AddProfileForm';

/** No profiles yet: say what Trunkdesk is for, and offer the first profile. */
export function FirstRun() {
  return (
    <main className="first-run" data-testid="first-run">
      <StoreProblemBanner />
      <div className="first-run-grid">
        <section className="welcome" aria-labelledby="welcome-title">
          <p className="brand">Trunkdesk</p>
          <h1 id="welcome-title">Manage your customers' SIP credentials in one place</h1>
          <p>
            Trunkdesk is a desktop tool for telecom partner admins. Connect your Vobiz partner account once, and see
            your partner details, balance, account usage and what your account is allowed to do.
          </p>
          <ul className="welcome-points">
            <li>
              <strong>Several partner accounts.</strong> Add a profile for each one and switch with a click.
            </li>
            <li>
              <strong>Your token stays private.</strong> It is checked with Vobiz, then stored encrypted on this
              computer under your operating system's keychain, and never shown again.
            </li>
            <li>
              <strong>No surprises.</strong> Trunkdesk talks only to the provider you configure.
            </li>
          </ul>
        </section>
        <AddProfileForm autoFocus />
      </div>
    </main>
  );
}
