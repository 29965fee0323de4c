import type { LogLevel } from './config.js';
import type { DevelopmentCertificate } from './dev-certificate.js';
import type { RequestLogLevel } from './request-log.js';

export interface BannerFacts {
  readonly publicOrigin: string;
  readonly listeningUrl: string;
  readonly manifestFile: string;
  /** The origin manifest.xml points at. */
  readonly manifestOrigin: string;
  readonly policyFile: string;
  readonly certificate: DevelopmentCertificate | null;
  readonly logLevel: LogLevel;
  readonly requestLogLevel: RequestLogLevel;
}

function certificateLines(certificate: DevelopmentCertificate | null): string[] {
  if (certificate === null) return [];
  if (certificate.source === 'trusted') return [`  Certificate  ${certificate.certificateFile} (from office-addin-dev-certs)`];
  return [
    `  Certificate  ${certificate.certificateFile} (development; your browser and Outlook do not trust it yet)`,
    '               To trust it, run once on your own machine: npx office-addin-dev-certs install',
    '               then restart npm start (it uses ~/.office-addin-dev-certs when that is valid),',
    `               or add ${certificate.caFile ?? 'the CA certificate'} to your trusted root certificates.`,
  ];
}

/** Only when npm start's quieter default hides them (request-log.ts), so nobody wonders where they went. */
function requestLogLines(facts: BannerFacts): string[] {
  const hidden = facts.requestLogLevel === 'debug' && facts.logLevel !== 'debug' && facts.logLevel !== 'trace';
  return hidden ? ['  Requests     not logged; PREFLIGHT_LOG_LEVEL=debug npm start logs each one'] : [];
}

/**
 * What a developer needs after `npm start`, most wanted first: the playground (the origin's root is
 * no page, it answers 404), then the manifest and how to sideload it, then the server's details.
 */
export function startupBanner(facts: BannerFacts): string {
  const manifestMatches = facts.manifestOrigin === facts.publicOrigin;
  const manifestLines = manifestMatches
    ? [`  Manifest     ${facts.manifestFile}`]
    : [
        `  Manifest     ${facts.manifestFile} points at ${facts.manifestOrigin}; for ${facts.publicOrigin} make one with`,
        `               npm run manifest -- --base-url ${facts.publicOrigin} --out manifest.local.xml`,
      ];
  return [
    '',
    'Preflight is running. Try it in the playground, an emulated Outlook (no account needed):',
    '',
    `    ${facts.publicOrigin}/playground/`,
    '',
    'Sideload it into Outlook (development; docs/sideload.md has the details):',
    ...manifestLines,
    '  1. On this machine, open https://aka.ms/olksideload in a browser (Outlook on the web opens the',
    '     Add-Ins for Outlook dialog; in classic Outlook for Windows: File > Info > Manage Add-ins).',
    '  2. My add-ins > Custom Addins > Add a custom add-in > Add from File..., choose the manifest above.',
    '  3. Write a new message: Preflight checks it when you press Send; "Review before sending" on the',
    '     ribbon opens the review pane. The add-in follows your mailbox to new Outlook, classic and Mac.',
    '  On Windows with classic Outlook, npm run start:desktop sideloads it for you; npm run stop removes it.',
    '',
    `  Server       ${facts.publicOrigin} (the add-in's files and API)`,
    ...(facts.listeningUrl.startsWith('http:')
      ? [`  Listening    ${facts.listeningUrl} (plain HTTP: TLS is left to the proxy in front)`]
      : []),
    `  Policy       ${facts.policyFile} (saved edits are reloaded; a bad edit keeps the last good policy)`,
    ...certificateLines(facts.certificate),
    ...requestLogLines(facts),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
