import { describe, expect, it } from 'vitest';
import type { ClientAuthConfig } from '../../src/protocol/index.js';
import { tokenSource, TokenUnavailable, type TokenClient } from '../../src/sign-in/index.js';

const ENTRA: ClientAuthConfig = {
  mode: 'entra',
  clientId: 'c1d2',
  authority: 'https://login.microsoftonline.com/tenant-1',
  scopes: ['api://preflight/access_as_user'],
};

class InteractionRequiredAuthError extends Error {
  override readonly name = 'InteractionRequiredAuthError';
}

function fakeClient(silent: () => Promise<string>, popup: () => Promise<string> = () => Promise.reject(new Error('no popup expected'))) {
  const calls: string[] = [];
  const client: TokenClient = {
    acquireTokenSilent: async (request) => {
      calls.push(`silent ${request.scopes.join(' ')}`);
      return { accessToken: await silent() };
    },
    acquireTokenInteractive: async (request) => {
      calls.push(`interactive ${request.scopes.join(' ')}`);
      return { accessToken: await popup() };
    },
  };
  return { client, calls };
}

describe('tokenSource', () => {
  it('hands out the development token without MSAL', async () => {
    const token = tokenSource({
      fetchConfig: () => Promise.resolve({ mode: 'development', token: 'dev-1' }),
      createClient: () => Promise.reject(new Error('not used')),
    });
    expect(await token()).toBe('dev-1');
  });

  it('signs in silently with the server’s client id, authority and scopes, making the client once', async () => {
    const fake = fakeClient(() => Promise.resolve('entra-token'));
    const made: unknown[] = [];
    let fetched = 0;
    const token = tokenSource({
      fetchConfig: () => {
        fetched += 1;
        return Promise.resolve(ENTRA);
      },
      createClient: (config) => {
        made.push(config);
        return Promise.resolve(fake.client);
      },
    });
    expect(await token()).toBe('entra-token');
    expect(await token()).toBe('entra-token');
    expect(made).toEqual([{ clientId: 'c1d2', authority: 'https://login.microsoftonline.com/tenant-1' }]);
    expect(fetched).toBe(1);
    expect(fake.calls).toEqual(['silent api://preflight/access_as_user', 'silent api://preflight/access_as_user']);
  });

  it('asks the user interactively only when Entra needs interaction', async () => {
    const fake = fakeClient(
      () => Promise.reject(new InteractionRequiredAuthError('consent_required')),
      () => Promise.resolve('after-consent'),
    );
    const token = tokenSource({ fetchConfig: () => Promise.resolve(ENTRA), createClient: () => Promise.resolve(fake.client) });
    expect(await token()).toBe('after-consent');
    expect(fake.calls.map((call) => call.split(' ')[0])).toEqual(['silent', 'interactive']);
  });

  it.each([
    [
      'a silent failure that no interaction can fix',
      () => fakeClient(() => Promise.reject(new Error('network down'))),
      'Error: network down',
      ['silent'],
    ],
    [
      'a popup the user closed',
      () =>
        fakeClient(
          () => Promise.reject(new InteractionRequiredAuthError('login_required')),
          () => Promise.reject(Object.assign(new Error('user_cancelled'), { name: 'BrowserAuthError' })),
        ),
      'BrowserAuthError: user_cancelled',
      ['silent', 'interactive'],
    ],
  ])('reports %s as a sign-in failure with its cause', async (_label, make, detail, steps) => {
    const fake = make();
    const token = tokenSource({ fetchConfig: () => Promise.resolve(ENTRA), createClient: () => Promise.resolve(fake.client) });
    const failure = token();
    await expect(failure).rejects.toBeInstanceOf(TokenUnavailable);
    await expect(failure).rejects.toMatchObject({ problem: 'sign-in-failed', message: detail });
    expect(fake.calls.map((call) => call.split(' ')[0])).toEqual(steps);
  });

  it('says when the server has no sign-in, and retries an unreachable server on the next call', async () => {
    expect(
      await tokenSource({
        fetchConfig: () => Promise.resolve({ mode: 'none' }),
        createClient: () => Promise.reject(new Error('x')),
      })().catch((error: unknown) => error),
    ).toMatchObject({ problem: 'not-set-up' });
    let attempts = 0;
    const token = tokenSource({
      fetchConfig: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ mode: 'development', token: 'dev-2' });
      },
      createClient: () => Promise.reject(new Error('not used')),
    });
    await expect(token()).rejects.toMatchObject({ problem: 'unreachable', message: 'Error: offline' });
    expect(await token()).toBe('dev-2');
  });

  it('retries making the MSAL client after it failed to load', async () => {
    const fake = fakeClient(() => Promise.resolve('t'));
    let attempts = 0;
    const token = tokenSource({
      fetchConfig: () => Promise.resolve(ENTRA),
      createClient: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve(fake.client);
      },
    });
    await expect(token()).rejects.toMatchObject({ problem: 'sign-in-failed', message: 'Error: chunk failed' });
    expect(await token()).toBe('t');
  });
});
