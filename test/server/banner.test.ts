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
};

describe('startupBanner', () => {
  it('prints the URL, the manifest, the playground, the policy and how to sideload', () => {
    const text = startupBanner(FACTS);
    for (const expected of [
      'Preflight is running at https://localhost:3000/',
      'Manifest     manifest.xml',
      'Playground   https://localhost:3000/playground/',
      'Policy       config/policy.json',
      'https://aka.ms/olksideload',
      'Add from File',
      'Ctrl+C',
    ]) {
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

  it('says when it listens without TLS', () => {
    const text = startupBanner({ ...FACTS, certificate: null, listeningUrl: 'http://0.0.0.0:8080', publicOrigin: 'https://preflight.example.co.jp' });
    expect(text).toContain('Listening    http://0.0.0.0:8080 (plain HTTP');
    expect(text).not.toContain('Certificate');
  });
});
