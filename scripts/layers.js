// The layer table of the README and docs/architecture.md, as data: which folders and packages each src/ folder may import.
// scripts/check-layers.js enforces it; a file in a folder not listed here is an error. typeLayers may be
// imported with `import type` only, so their code never runs in (or is bundled into) the importing layer.
export const LAYERS = {
  i18n: { layers: [], packages: [] },
  policy: { layers: [], typeLayers: ['i18n'], packages: ['punycode'] },
  inspect: { layers: ['policy'], packages: ['encoding-japanese', 'postal-mime'] },
  protocol: { layers: ['policy'], packages: [] },
  office: { layers: ['policy', 'protocol'], packages: [] },
  'api-client': { layers: ['policy', 'protocol'], packages: [] },
  'sign-in': { layers: ['policy', 'protocol', 'api-client'], packages: ['@azure/msal-browser'] },
  'browser-inspect': { layers: ['policy', 'inspect'], packages: ['pdfjs-dist'] },
  check: { layers: ['policy', 'inspect', 'protocol', 'office', 'api-client'], packages: [] },
  launchevent: { layers: ['i18n', 'policy', 'inspect', 'protocol', 'office', 'api-client', 'check'], packages: [] },
  taskpane: {
    layers: ['i18n', 'policy', 'inspect', 'protocol', 'office', 'api-client', 'check', 'sign-in', 'browser-inspect'],
    packages: ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons', '@azure/msal-browser'],
  },
  approve: {
    layers: ['i18n', 'policy', 'protocol', 'api-client', 'sign-in'],
    packages: ['react', 'react-dom', '@fluentui/react-components'],
  },
  admin: {
    layers: ['i18n', 'policy', 'inspect', 'protocol', 'api-client', 'sign-in', 'browser-inspect', 'check'],
    packages: ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-charts'],
  },
  server: {
    layers: ['i18n', 'policy', 'protocol', 'inspect'],
    packages: [
      'node:*',
      'fastify',
      '@fastify/*',
      'office-addin-dev-certs',
      'better-sqlite3',
      'pg',
      '@azure/storage-blob',
      '@aws-sdk/client-s3',
      'nodemailer',
      '@zip.js/zip.js',
      'jose',
    ],
  },
  cli: { layers: ['i18n', 'policy', 'inspect', 'check'], packages: ['node:*', 'postal-mime', 'pdfjs-dist'] },
  playground: {
    layers: ['i18n', 'policy', 'inspect', 'protocol', 'office', 'api-client', 'check'],
    packages: ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons'],
  },
  bench: {
    layers: ['i18n', 'policy', 'inspect', 'protocol', 'office', 'server', 'cli', 'check'],
    packages: ['node:*', 'playwright-core', 'jszip', 'pg'],
  },
};
