import type { DevelopmentCertificate } from './dev-certificate.js';

export interface BannerFacts {
  readonly publicOrigin: string;
  readonly listeningUrl: string;
  readonly manifestFile: string;
  /** The origin manifest.xml points at. */
  readonly manifestOrigin: string;
  readonly policyFile: string;
  readonly certificate: DevelopmentCertificate | null;
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

/** What a developer needs after `npm start`: where it runs, which manifest to sideload and how. */
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
    `Preflight is running at ${facts.publicOrigin}/`,
    ...(facts.listeningUrl.startsWith('http:') ? [`  Listening    ${facts.listeningUrl} (plain HTTP: TLS is left to the proxy in front)`] : []),
    ...manifestLines,
    `  Playground   ${facts.publicOrigin}/playground/`,
    `  Policy       ${facts.policyFile} (saved edits are reloaded; a bad edit keeps the last good policy)`,
    ...certificateLines(facts.certificate),
    '',
    'Sideload the add-in (development; docs/sideload.md has the details):',
    '  1. On this machine, open https://aka.ms/olksideload in a browser (Outlook on the web opens the',
    '     Add-Ins for Outlook dialog; in classic Outlook for Windows: File > Info > Manage Add-ins).',
    '  2. My add-ins > Custom Addins > Add a custom add-in > Add from File..., choose the manifest above.',
    '  3. Write a new message: Preflight checks it when you press Send; "Review before sending" on the',
    '     ribbon opens the review pane. The add-in follows your mailbox to new Outlook, classic and Mac.',
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
