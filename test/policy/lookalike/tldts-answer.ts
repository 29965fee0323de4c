import { parse } from 'tldts';

/** What tldts answers, in parseHostname's shape: the reference the packed suffix rules must agree with. */
export function tldtsAnswer(hostname: string, withPrivate: boolean) {
  const parsed = parse(hostname, { allowPrivateDomains: withPrivate, extractHostname: false });
  if (parsed.isIp === true) return null;
  return {
    publicSuffix: parsed.publicSuffix,
    domain: parsed.domain,
    domainWithoutSuffix: parsed.domainWithoutSuffix,
    isIcann: parsed.isIcann,
  };
}
