// The filter form to the API's filter: calendar days in the viewer's time zone, `to` inclusive.
import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FORM, filterOf, localDayStart } from '../../src/admin/audit-form.js';

describe('filterOf', () => {
  it('leaves out what is blank or not one of the route’s choices', () => {
    expect(filterOf(EMPTY_AUDIT_FORM)).toEqual({ limit: 500 });
    expect(filterOf({ ...EMPTY_AUDIT_FORM, decision: 'nonsense', kind: 'other', user: '  ' })).toEqual({ limit: 500 });
  });

  it('keeps the fields, trimmed', () => {
    expect(
      filterOf({ ...EMPTY_AUDIT_FORM, user: ' taro@example.co.jp ', decision: 'block', rule: ' keyword ', kind: 'send', limit: 100 }),
    ).toEqual({
      user: 'taro@example.co.jp',
      decision: 'block',
      rule: 'keyword',
      kind: 'send',
      limit: 100,
    });
  });

  it('runs from local midnight of the first day to local midnight after the last', () => {
    const filter = filterOf({ ...EMPTY_AUDIT_FORM, from: '2026-12-01', to: '2026-12-03' });
    expect(filter.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(filter.to).toBe(new Date(2026, 11, 4).toISOString());
  });
});

describe('localDayStart', () => {
  it.each(['', '2026-12', 'tomorrow'])('has no start for %j', (day) => {
    expect(localDayStart(day)).toBeUndefined();
  });

  it('rolls over the month end', () => {
    expect(localDayStart('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });
});
