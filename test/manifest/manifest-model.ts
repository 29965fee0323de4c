// Reads manifest.xml into the parts the structural checks need. The rules come from
// Microsoft's manifest reference (https://learn.microsoft.com/javascript/api/manifest/launchevent and the
// elements it links) and docs/sideload.md; there is no offline XSD for the Mail 1.1 schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { childrenNamed, descendants, onlyChild, parseXml, type XmlElement } from './xml.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MANIFEST_FILE = resolve(ROOT, 'manifest.xml');

export const NAMESPACES = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
} as const;

/** Child order of each parent, from the XSD sequences and the element-ordering article. */
export const CHILD_ORDER: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'OfficeApp',
    [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ],
  ],
  ['VersionOverridesV1_0', ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides']],
  [
    'VersionOverridesV1_1',
    [
      'Description',
      'Requirements',
      'Hosts',
      'Resources',
      'WebApplicationInfo',
      'EquivalentAddins',
      'ConnectedServiceControls',
      'ExtendedPermissions',
    ],
  ],
  ['MailHost', ['Runtimes', 'DesktopFormFactor', 'MobileFormFactor']],
  ['DesktopFormFactor', ['FunctionFile', 'ExtensionPoint']],
  ['LaunchEvent', ['LaunchEvents', 'SourceLocation']],
  ['Group', ['Label', 'Control']],
  ['Control', ['Label', 'Supertip', 'Icon', 'Action']],
  ['Supertip', ['Title', 'Description']],
  ['Resources', ['Images', 'Urls', 'ShortStrings', 'LongStrings']],
]);

export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

export interface ResourceReference {
  readonly resid: string;
  readonly kind: ResourceKind;
  readonly element: XmlElement;
}

export interface Manifest {
  readonly root: XmlElement;
  /** VersionOverridesV1_1, where everything Smart Alerts needs lives. */
  readonly overrides: XmlElement;
  readonly host: XmlElement;
  readonly resources: XmlElement;
}

export function readManifest(text = readFileSync(MANIFEST_FILE, 'utf8')): Manifest {
  const root = parseXml(text);
  const overrides = onlyChild(onlyChild(root, 'VersionOverrides'), 'VersionOverrides');
  const host = onlyChild(onlyChild(overrides, 'Hosts'), 'Host');
  return { root, overrides, host, resources: onlyChild(overrides, 'Resources') };
}

export function xsiType(element: XmlElement): string | undefined {
  return element.attributes.get('xsi:type');
}

/** The key CHILD_ORDER knows this element by: its xsi:type where the type decides the content. */
export function orderKey(element: XmlElement): string {
  const type = xsiType(element);
  if (element.localName === 'VersionOverrides' && type !== undefined) return type;
  if (element.localName === 'Host' && type !== undefined) return type;
  if (element.localName === 'ExtensionPoint' && type === 'LaunchEvent') return 'LaunchEvent';
  return element.localName;
}

/** Every child out of order or unknown to its parent's sequence, as readable problems. */
export function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const element of descendants(root)) {
    const order = CHILD_ORDER.get(orderKey(element));
    if (order === undefined) continue;
    let last: { index: number; child: XmlElement } | null = null;
    for (const child of element.children) {
      const index = order.indexOf(child.localName);
      if (index < 0) problems.push(`<${child.name}> (line ${child.line}) is not a child of ${orderKey(element)}`);
      else if (last !== null && index < last.index) {
        problems.push(`<${child.name}> (line ${child.line}) must come before <${last.child.name}> in ${orderKey(element)}`);
      } else last = { index, child };
    }
  }
  return problems;
}

function kindOf(element: XmlElement): ResourceKind {
  switch (element.localName) {
    case 'Image':
      return 'Images';
    case 'Label':
    case 'Title':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    default:
      return 'Urls';
  }
}

/** Every `resid` in the Hosts part, with the resource collection it must name. */
export function resourceReferences(manifest: Manifest): ResourceReference[] {
  const references: ResourceReference[] = [];
  for (const element of descendants(onlyChild(manifest.overrides, 'Hosts'))) {
    const resid = element.attributes.get('resid');
    if (resid !== undefined) references.push({ resid, kind: kindOf(element), element });
  }
  return references;
}

/** Resource id -> its element, per collection. */
export function resourceDefinitions(manifest: Manifest): Map<ResourceKind, Map<string, XmlElement>> {
  const definitions = new Map<ResourceKind, Map<string, XmlElement>>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    const entries = new Map<string, XmlElement>();
    for (const collection of childrenNamed(manifest.resources, kind)) {
      for (const entry of collection.children) entries.set(entry.attributes.get('id') ?? '', entry);
    }
    definitions.set(kind, entries);
  }
  return definitions;
}

export function launchEvents(manifest: Manifest): XmlElement[] {
  const points = childrenNamed(onlyChild(manifest.host, 'DesktopFormFactor'), 'ExtensionPoint');
  const launch = points.filter((point) => xsiType(point) === 'LaunchEvent');
  return launch.flatMap((point) => childrenNamed(onlyChild(point, 'LaunchEvents'), 'LaunchEvent'));
}

export function controls(manifest: Manifest): XmlElement[] {
  return [...descendants(manifest.host)].filter((element) => element.localName === 'Control');
}

/** Every absolute URL the manifest names, wherever it is. */
export function urls(root: XmlElement): string[] {
  const found: string[] = [];
  for (const element of descendants(root)) {
    for (const name of ['DefaultValue', 'Value']) {
      const value = element.attributes.get(name);
      if (value !== undefined && /^[a-z]+:\/\//i.test(value)) found.push(value);
    }
    if (element.localName === 'AppDomain') found.push(element.text.trim());
  }
  return found;
}
