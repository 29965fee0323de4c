import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  controls,
  launchEvents,
  MANIFEST_FILE,
  NAMESPACES,
  orderProblems,
  readManifest,
  resourceDefinitions,
  resourceReferences,
  urls,
  xsiType,
} from './manifest-model.js';
import { childrenNamed, descendants, onlyChild, type XmlElement } from './xml.js';

const manifest = readManifest();
const source = readFileSync(MANIFEST_FILE, 'utf8');

/** The URL paths the server serves for the add-in (cross-part contract). */
const SERVED_PATHS = new Set([
  '/launchevent.html',
  '/launchevent.js',
  '/taskpane.html',
  '/playground/',
  ...[16, 32, 64, 80, 128].map((size) => `/assets/icon-${size}.png`),
]);

function attribute(element: XmlElement, name: string): string {
  const value = element.attributes.get(name);
  if (value === undefined) throw new Error(`<${element.name}> (line ${element.line}) has no ${name}`);
  return value;
}

describe('manifest.xml: the add-in', () => {
  it('is a MailApp with a fixed GUID, a four-part Version and en-US as default locale', () => {
    const root = manifest.root;
    expect([root.localName, root.namespace, xsiType(root)]).toEqual(['OfficeApp', NAMESPACES.app, 'MailApp']);
    expect(onlyChild(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(onlyChild(root, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(onlyChild(root, 'DefaultLocale').text).toBe('en-US');
  });

  it('asks for ReadWriteItem and no more', () => {
    expect(onlyChild(manifest.root, 'Permissions').text).toBe('ReadWriteItem');
  });

  it('lists the origin it loads from in AppDomains', () => {
    const domains = childrenNamed(onlyChild(manifest.root, 'AppDomains'), 'AppDomain').map((domain) => domain.text.trim());
    expect(domains).toEqual(['https://localhost:3000']);
  });

  it('nests VersionOverrides 1.1 in 1.0 with their own namespaces', () => {
    const outer = onlyChild(manifest.root, 'VersionOverrides');
    expect([outer.namespace, xsiType(outer)]).toEqual([NAMESPACES.overrides, 'VersionOverridesV1_0']);
    expect([manifest.overrides.namespace, xsiType(manifest.overrides)]).toEqual([NAMESPACES.overrides11, 'VersionOverridesV1_1']);
    expect([manifest.host.localName, xsiType(manifest.host)]).toEqual(['Host', 'MailHost']);
  });

  it('requires Mailbox 1.12, not 1.15, so Mac and LTSC 2024 (up to 1.14) still run Smart Alerts', () => {
    const sets = onlyChild(onlyChild(manifest.overrides, 'Requirements'), 'Sets');
    expect(sets.namespace).toBe(NAMESPACES.basicTypes);
    expect(sets.attributes.get('DefaultMinVersion')).toBe('1.12');
    expect(childrenNamed(sets, 'Set').map((set) => [set.attributes.get('Name'), set.attributes.get('MinVersion')])).toEqual([
      ['Mailbox', undefined],
    ]);
  });
});

describe('manifest.xml: element order', () => {
  it('keeps every parent’s children in schema order', () => {
    expect(orderProblems(manifest.root)).toEqual([]);
  });

  it('notices a child out of order (the check can fail)', () => {
    const hosts = source.indexOf('      <Hosts>\n        <Host xsi:type="MailHost">');
    const resources = source.indexOf('      <Resources>');
    const end = source.indexOf('      </Resources>\n') + '      </Resources>\n'.length;
    expect(0 < hosts && hosts < resources && resources < end).toBe(true);
    const swapped = source.slice(0, hosts) + source.slice(resources, end) + source.slice(hosts, resources) + source.slice(end);
    expect(orderProblems(readManifest(swapped).root)).toEqual([
      expect.stringMatching(/^<Hosts> .* must come before <Resources> in VersionOverridesV1_1$/),
    ]);
  });

  it('wants ExtendedPermissions last in VersionOverrides 1.1', () => {
    const permissions = '<ExtendedPermissions><ExtendedPermission>AppendOnSend</ExtendedPermission></ExtendedPermissions>';
    const last = source.replace('      </Resources>\n', `      </Resources>\n${permissions}\n`);
    expect(orderProblems(readManifest(last).root)).toEqual([]);
    const early = source.replace(
      '      <Hosts>\n        <Host xsi:type="MailHost">',
      `${permissions}\n      <Hosts>\n        <Host xsi:type="MailHost">`,
    );
    expect(orderProblems(readManifest(early).root)).toEqual([
      expect.stringMatching(/^<Hosts> .* must come before <ExtendedPermissions>/),
      expect.stringMatching(/^<Resources> .* must come before <ExtendedPermissions>/),
    ]);
  });
});

describe('manifest.xml: event runtime', () => {
  const runtimes = childrenNamed(onlyChild(manifest.host, 'Runtimes'), 'Runtime');

  it('has one Runtime (the HTML page) with one javascript Override (classic Outlook)', () => {
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlElement;
    const overrides = childrenNamed(runtime, 'Override');
    expect(overrides.map((override) => override.attributes.get('type'))).toEqual(['javascript']);
    const definitions = resourceDefinitions(manifest).get('Urls');
    const page = definitions?.get(attribute(runtime, 'resid'))?.attributes.get('DefaultValue');
    const script = definitions?.get(attribute(overrides[0] as XmlElement, 'resid'))?.attributes.get('DefaultValue');
    expect([page, script]).toEqual(['https://localhost:3000/launchevent.html', 'https://localhost:3000/launchevent.js']);
  });

  it('points the LaunchEvent SourceLocation at the Runtime resid', () => {
    const point = childrenNamed(onlyChild(manifest.host, 'DesktopFormFactor'), 'ExtensionPoint').find(
      (element) => xsiType(element) === 'LaunchEvent',
    );
    expect(point).toBeDefined();
    expect(attribute(onlyChild(point as XmlElement, 'SourceLocation'), 'resid')).toBe(attribute(runtimes[0] as XmlElement, 'resid'));
  });

  it('declares the compose, send and attachment events of the contract and the meeting ones, both sends SoftBlock', () => {
    expect(launchEvents(manifest).map((event) => Object.fromEntries(event.attributes))).toEqual([
      { Type: 'OnNewMessageCompose', FunctionName: 'onNewMessageComposeHandler' },
      { Type: 'OnMessageSend', FunctionName: 'onMessageSendHandler', SendMode: 'SoftBlock' },
      { Type: 'OnMessageAttachmentsChanged', FunctionName: 'onMessageAttachmentsChangedHandler' },
      { Type: 'OnNewAppointmentOrganizer', FunctionName: 'onNewAppointmentOrganizerHandler' },
      { Type: 'OnAppointmentSend', FunctionName: 'onAppointmentSendHandler', SendMode: 'SoftBlock' },
    ]);
  });

  it.each([
    ['MessageComposeCommandSurface', 'msgComposeOpenPaneButton'],
    ['AppointmentOrganizerCommandSurface', 'apptOrganizerOpenPaneButton'],
  ])('opens the review pane from a %s button whose id is that surface’s Smart Alerts commandId', (type, id) => {
    const surfaces = childrenNamed(onlyChild(manifest.host, 'DesktopFormFactor'), 'ExtensionPoint').filter(
      (point) => xsiType(point) === type,
    );
    expect(surfaces).toHaveLength(1);
    const buttons = [...descendants(surfaces[0] as XmlElement)].filter((element) => element.localName === 'Control');
    expect(buttons.map((button) => [button.attributes.get('id'), xsiType(button)])).toEqual([[id, 'Button']]);
    const action = onlyChild(buttons[0] as XmlElement, 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    const pane = resourceDefinitions(manifest)
      .get('Urls')
      ?.get(attribute(onlyChild(action, 'SourceLocation'), 'resid'));
    expect(pane?.attributes.get('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('has no controls beyond the two review buttons, and unique Control and Group ids', () => {
    const ids = (name: string) =>
      [...descendants(manifest.host)].filter((element) => element.localName === name).map((element) => attribute(element, 'id'));
    expect(controls(manifest).map((control) => attribute(control, 'id'))).toEqual([
      'msgComposeOpenPaneButton',
      'apptOrganizerOpenPaneButton',
    ]);
    for (const name of ['Control', 'Group']) expect(new Set(ids(name)).size, name).toBe(ids(name).length);
  });

  it('activates the pane form on messages and appointments being composed', () => {
    const rules = childrenNamed(onlyChild(manifest.root, 'Rule'), 'Rule').map((rule) => [
      rule.attributes.get('ItemType'),
      rule.attributes.get('FormType'),
    ]);
    expect(rules).toEqual([
      ['Message', 'Edit'],
      ['Appointment', 'Edit'],
    ]);
  });
});

describe('manifest.xml: resources', () => {
  const references = resourceReferences(manifest);
  const definitions = resourceDefinitions(manifest);

  it('keeps every resid and resource id within 32 characters', () => {
    const ids = [...references.map((reference) => reference.resid), ...[...definitions.values()].flatMap((entries) => [...entries.keys()])];
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  it('defines every resid it uses, in the right collection', () => {
    const missing = references.filter((reference) => !definitions.get(reference.kind)?.has(reference.resid));
    expect(missing.map((reference) => `${reference.kind}:${reference.resid} (line ${reference.element.line})`)).toEqual([]);
  });

  it('uses every resource it defines', () => {
    const used = new Set(references.map((reference) => `${reference.kind}:${reference.resid}`));
    const unused = [...definitions].flatMap(([kind, entries]) =>
      [...entries.keys()].filter((id) => !used.has(`${kind}:${id}`)).map((id) => `${kind}:${id}`),
    );
    expect(unused).toEqual([]);
  });

  it('has unique resource ids', () => {
    const all = [...descendants(manifest.resources)]
      .filter((element) => element.attributes.has('id'))
      .map((element) => attribute(element, 'id'));
    expect(all.length).toBe(new Set(all).size);
  });

  it('gives every string a ja-JP override within the length limits', () => {
    const limits = new Map([
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ]);
    const strings = [
      { element: onlyChild(manifest.root, 'DisplayName'), limit: 125 },
      { element: onlyChild(manifest.root, 'Description'), limit: 250 },
      ...[...limits].flatMap(([kind, limit]) =>
        [...(definitions.get(kind as 'ShortStrings') ?? new Map()).values()].map((element: XmlElement) => ({ element, limit })),
      ),
    ];
    expect(strings.length).toBe(5);
    for (const { element, limit } of strings) {
      const japanese = childrenNamed(element, 'Override').filter((override) => override.attributes.get('Locale') === 'ja-JP');
      expect(japanese, `<${element.name} id=${element.attributes.get('id') ?? ''}>`).toHaveLength(1);
      const values = [attribute(element, 'DefaultValue'), attribute(japanese[0] as XmlElement, 'Value')];
      for (const value of values) expect(value.length > 0 && [...value].length <= limit, value).toBe(true);
    }
  });

  it('names the icon sizes Outlook asks for', () => {
    const sizes = [...descendants(manifest.host)]
      .filter((element) => element.localName === 'Image')
      .map((image) => image.attributes.get('size'));
    // The same three for each of the two review buttons.
    expect(sizes).toEqual(['16', '32', '80', '16', '32', '80']);
  });
});

describe('manifest.xml: URLs', () => {
  const all = urls(manifest.root);

  it('uses only https://localhost:3000, the origin npm start serves', () => {
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter((url) => new URL(url).origin !== 'https://localhost:3000')).toEqual([]);
  });

  it('names only paths the server serves', () => {
    const paths = all.filter((url) => new URL(url).pathname !== '/').map((url) => new URL(url).pathname);
    expect(paths.filter((path) => !SERVED_PATHS.has(path))).toEqual([]);
  });
});
