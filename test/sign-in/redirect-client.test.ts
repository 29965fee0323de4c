// The redirect pages' MSAL wiring (the approver's page, the admin console), with MSAL replaced: what it asks after a redirect returns, with and
// without a signed-in account. The browser test covers the development token; nothing here reaches Entra.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Account {
  readonly username: string;
}

const msal = vi.hoisted(() => ({
  calls: [] as string[],
  returned: null as { account: { username: string } } | null,
  accounts: [] as { username: string }[],
  silent: (): Promise<{ accessToken: string }> => Promise.resolve({ accessToken: 'silent-token' }),
  config: null as unknown,
}));

vi.mock('@azure/msal-browser', () => {
  class InteractionRequiredAuthError extends Error {
    override readonly name = 'InteractionRequiredAuthError';
  }
  class PublicClientApplication {
    private active: Account | null = null;
    constructor(config: unknown) {
      msal.config = config;
    }
    initialize = async () => {
      msal.calls.push('initialize');
    };
    handleRedirectPromise = async () => {
      msal.calls.push('handleRedirectPromise');
      return msal.returned;
    };
    getActiveAccount = () => this.active;
    getAllAccounts = () => msal.accounts;
    setActiveAccount = (account: Account | null) => {
      this.active = account;
    };
    acquireTokenSilent = async (request: { account: Account; scopes: string[] }) => {
      msal.calls.push(`acquireTokenSilent ${request.account.username} ${request.scopes.join(' ')}`);
      return msal.silent();
    };
    loginRedirect = async (request: { redirectStartPage: string }) => {
      msal.calls.push(`loginRedirect ${request.redirectStartPage}`);
    };
    acquireTokenRedirect = async (request: { redirectStartPage: string }) => {
      msal.calls.push(`acquireTokenRedirect ${request.redirectStartPage}`);
    };
  }
  return { PublicClientApplication, InteractionRequiredAuthError };
});

const { redirectTokenSource, redirectUri } = await import('../../src/sign-in/index.js');

const ENTRA = {
  mode: 'entra' as const,
  clientId: 'c1d2',
  authority: 'https://login.microsoftonline.com/tenant-1',
  scopes: ['api://preflight/access_as_user'],
};
const PAGE = 'https://preflight.example.co.jp/approve/Zx9_abc-DEF12345';

function source() {
  return redirectTokenSource(() => Promise.resolve(ENTRA), '/approve/');
}

beforeEach(() => {
  msal.calls = [];
  msal.returned = null;
  msal.accounts = [];
  msal.silent = () => Promise.resolve({ accessToken: 'silent-token' });
  vi.stubGlobal('window', { location: { origin: 'https://preflight.example.co.jp', href: PAGE } });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the approver page’s MSAL client', () => {
  it('handles the redirect first, then takes the token silently for the account that came back', async () => {
    msal.returned = { account: { username: 'boss@example.co.jp' } };
    expect(await source()()).toBe('silent-token');
    expect(msal.calls).toEqual([
      'initialize',
      'handleRedirectPromise',
      'acquireTokenSilent boss@example.co.jp api://preflight/access_as_user',
    ]);
    expect(msal.config).toMatchObject({
      auth: {
        clientId: 'c1d2',
        authority: 'https://login.microsoftonline.com/tenant-1',
        redirectUri: 'https://preflight.example.co.jp/approve/',
      },
    });
  });

  it('signs in by redirect, returning to this request’s page, when nobody has signed in', async () => {
    const pending = source()();
    await vi.waitFor(() => expect(msal.calls).toContain(`loginRedirect ${PAGE}`));
    expect(msal.calls).toEqual(['initialize', 'handleRedirectPromise', `loginRedirect ${PAGE}`]);
    // The page is leaving: the token never arrives here.
    expect(await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50))])).toBe('still waiting');
  });

  it('asks Entra again by redirect when a known account needs interaction (consent, MFA)', async () => {
    msal.accounts = [{ username: 'boss@example.co.jp' }];
    msal.silent = () => Promise.reject(Object.assign(new Error('consent_required'), { name: 'InteractionRequiredAuthError' }));
    void source()();
    await vi.waitFor(() => expect(msal.calls).toContain(`acquireTokenRedirect ${PAGE}`));
    expect(msal.calls.slice(0, 3)).toEqual([
      'initialize',
      'handleRedirectPromise',
      'acquireTokenSilent boss@example.co.jp api://preflight/access_as_user',
    ]);
  });

  it('returns to one fixed address, which the app registration lists', () => {
    expect(redirectUri('https://preflight.example.co.jp', '/approve/')).toBe('https://preflight.example.co.jp/approve/');
    expect(redirectUri('https://preflight.example.co.jp', '/admin/')).toBe('https://preflight.example.co.jp/admin/');
  });
});
