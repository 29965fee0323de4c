// The manifest and the built handler must agree: Outlook calls FunctionNames the bundle associated, and
// the Smart Alerts commandId the bundle sends must be a Control id. `npm test` builds dist/ first.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_REVIEW_COMMAND_ID, REVIEW_COMMAND_ID } from '../../src/launchevent/send-completion.js';
import { APPOINTMENT_PANE_COMMAND_ID, PANE_COMMAND_ID } from '../../src/playground/smart-alert.js';
import { controls, launchEvents, readManifest, ROOT } from './manifest-model.js';

const BUNDLE = resolve(ROOT, 'dist/launchevent.js');

function bundle(): string {
  if (!existsSync(BUNDLE)) throw new Error('dist/launchevent.js is missing: run `npm run build` first');
  return readFileSync(BUNDLE, 'utf8');
}

/** Loads the bundle as classic Outlook does (a bare script) with an Office that only records associations. */
function associatedNames(): string[] {
  const names: string[] = [];
  const Office = {
    actions: {
      associate: (name: string, handler: unknown) => {
        if (typeof handler !== 'function') throw new Error(`${name} associated with a ${typeof handler}`);
        names.push(name);
      },
    },
  };
  runInNewContext(bundle(), { Office, console, setTimeout, clearTimeout, Promise }, { filename: 'launchevent.js' });
  return names;
}

function stringLiterals(code: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Literal' && typeof record['value'] === 'string') found.add(record['value']);
    for (const value of Object.values(record)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === 'object') visit(value);
    }
  };
  visit(parse(code, { ecmaVersion: 2016, sourceType: 'script' }));
  return found;
}

describe('manifest.xml and dist/launchevent.js', () => {
  const manifest = readManifest();

  it('associates every LaunchEvent FunctionName, and nothing else, when the script loads', () => {
    const declared = launchEvents(manifest).map((event) => event.attributes.get('FunctionName'));
    expect(associatedNames().sort()).toEqual([...declared].sort());
  });

  it('uses the review button ids of the message and appointment surfaces as its Smart Alerts commandIds', () => {
    const ids = controls(manifest).map((control) => control.attributes.get('id'));
    expect(ids).toEqual([REVIEW_COMMAND_ID, APPOINTMENT_REVIEW_COMMAND_ID]);
    const literals = stringLiterals(bundle());
    expect(ids.filter((id) => id !== undefined && literals.has(id))).toEqual(ids);
    // The playground opens its pane for exactly these ids, one per surface.
    expect([PANE_COMMAND_ID, APPOINTMENT_PANE_COMMAND_ID]).toEqual(ids);
  });
});
