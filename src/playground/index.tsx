// Entry of /playground/: reads the organisation's policy for its domains, builds the emulated Outlook
// and offers it to the handler and pane frames as `window.preflightPlayground`.
import { createRoot } from 'react-dom/client';
import { parsePolicy, recipientListOf } from '../policy/index.js';
import { POLICY_PATH } from '../protocol/index.js';
import { PlaygroundApp } from './components/PlaygroundApp.js';
import './playground-api.js';
import { PlaygroundHost } from './playground-host.js';
import { readSettings } from './settings.js';

/** Used for the sender and the directory when /api/policy cannot be read. */
const FALLBACK_DOMAIN = 'example.co.jp';

async function internalDomains(): Promise<readonly string[] | null> {
  try {
    const response = await fetch(POLICY_PATH, { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const parsed = parsePolicy(await response.json());
    return parsed.ok ? parsed.policy.internalDomains : null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) return;
  const settings = readSettings(window.location.search, navigator.language);
  const domains = await internalDomains();
  const roamingSettings = new Map<string, unknown>();
  const host = new PlaygroundHost({
    settings: {
      displayLanguage: settings.displayLanguage,
      theme: settings.theme,
      mailboxVersion: settings.mailboxVersion,
      permission: settings.permission,
      ...(settings.history === 'on' ? { roamingSettings } : {}),
    },
    roamingSettings,
    internalDomains: domains ?? [],
    latencyMs: settings.latencyMs,
  });
  window.preflightPlayground = { host, officeFor: (kind) => host.officeFor(kind) };
  createRoot(container).render(
    <PlaygroundApp
      host={host}
      initialSettings={settings}
      organisationDomain={recipientListOf(domains ?? []).domains[0] ?? FALLBACK_DOMAIN}
      policyLoaded={domains !== null}
    />,
  );
}

void start();
