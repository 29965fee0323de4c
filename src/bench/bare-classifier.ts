// The anchor for `evaluate`: what the least a recipient classifier can do, as FlexConfirmMail's does —
// lower-case, split at `@`, look the domain and each parent up in a Set. No punycode, no look-alikes.

/** How many recipients fall inside `domains` (or their subdomains). */
export function bareClassify(addresses: readonly string[], domains: ReadonlySet<string>): number {
  let inside = 0;
  for (const address of addresses) {
    const lower = address.toLowerCase();
    let domain = lower.slice(lower.lastIndexOf('@') + 1);
    for (;;) {
      if (domains.has(domain)) {
        inside += 1;
        break;
      }
      const dot = domain.indexOf('.');
      if (dot < 0) break;
      domain = domain.slice(dot + 1);
    }
  }
  return inside;
}
