import { describe, expect, it } from 'vitest';
import { startupBanner, type BannerFacts } from '../../src/server/banner.js';

const FACTS: BannerFacts = {
  publicOrigin: 'https://localhost:3000',
  listeningUrl: 'https://[::1]:3000',
  manifestFile: 'manifest.xml',
  manifestOrigin: 'https://localhost:3000',
  policyFile: 'config/policy.json',
  certificate: {
    key: '',
    cert: '',
    certificateFile: '.data/certs/localhost.crt',
    source: 'generated',
    caFile: '.data/certs/ca.crt',
  },
  logLevel: 'info',
  requestLogLevel: 'debug',
};

/** Every https URL in the text, in order. */
const urlsOf = (text: string): string[] => [...text.matchAll(/https:\/\/[^\s)]+/g)].map((match) => match[0]);

describe('startupBanner', () => {
  it('leads with the playground, then the manifest and how to sideload, then the server', () => {
    const text = startupBanner(FACTS);
    expect(urlsOf(text)[0]).toBe('https://localhost:3000/playground/');
    expect(text.trimStart().startsWith('Preflight is running.')).toBe(true);
    const order = [
      '/playground/',
      'Manifest     manifest.xml',
      'aka.ms/olksideload',
      'npm run start:desktop',
      'Server       https://localhost:3000',
      'Policy',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const expected of ['Policy       config/policy.json', 'https://aka.ms/olksideload', 'Add from File', 'Ctrl+C']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Listening');
  });

  it('tells how to trust a generated certificate, and not for a trusted one', () => {
    expect(startupBanner(FACTS)).toContain('npx office-addin-dev-certs install');
    expect(startupBanner(FACTS)).toContain('.data/certs/ca.crt');
    const trusted = startupBanner({ ...FACTS, certificate: { ...FACTS.certificate!, source: 'trusted' } });
    expect(trusted).not.toContain('npx office-addin-dev-certs install');
    expect(trusted).toContain('(from office-addin-dev-certs)');
  });

  it('gives the command for a matching manifest when the origin is not the manifest’s', () => {
    const text = startupBanner({ ...FACTS, publicOrigin: 'https://localhost:4000' });
    expect(text).toContain('manifest.xml points at https://localhost:3000');
    expect(text).toContain('npm run manifest -- --base-url https://localhost:4000 --out manifest.local.xml');
  });

  it('says how to see request lines when the development default hides them', () => {
    expect(startupBanner(FACTS)).toContain('PREFLIGHT_LOG_LEVEL=debug npm start');
    expect(startupBanner({ ...FACTS, logLevel: 'debug' })).not.toContain('Requests');
    expect(startupBanner({ ...FACTS, requestLogLevel: 'info' })).not.toContain('Requests');
  });

  it('says when it listens without TLS', () => {
    const text = startupBanner({
      ...FACTS,
      certificate: null,
      listeningUrl: 'http://0.0.0.0:8080',
      publicOrigin: 'https://preflight.example.co.jp',
    });
    expect(text).toContain('Listening    http://0.0.0.0:8080 (plain HTTP');
    expect(text).not.toContain('Certificate');
  });
});
