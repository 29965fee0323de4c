import { describe, expect, it } from 'vitest';
import { parseCommandLine, type Command } from '../../src/cli/arguments.js';

function usageKey(command: Command): string | undefined {
  return command.kind === 'usage-error' ? command.error.key : undefined;
}

describe('parseCommandLine', () => {
  it.each<[string, string[], Partial<Command> & { kind: Command['kind'] }]>([
    ['one message, defaults', ['check', 'a.eml'], { kind: 'check', format: 'text', locale: 'en', messages: ['a.eml'] }],
    [
      'every option',
      ['check', '--policy', 'p.json', '--format', 'json', '--lang', 'ja', 'a.eml', 'b.json'],
      { kind: 'check', policyFile: 'p.json', format: 'json', locale: 'ja', messages: ['a.eml', 'b.json'] },
    ],
    ['inline values', ['check', '--policy=p.json', '--format=text', 'a.eml'], { kind: 'check', policyFile: 'p.json', format: 'text' }],
    ['options after the messages', ['check', 'a.eml', '--format', 'json'], { kind: 'check', format: 'json', messages: ['a.eml'] }],
    ['a value may start with - when inline', ['check', '--policy=-p.json', 'a.eml'], { kind: 'check', policyFile: '-p.json' }],
    ['-- ends the options', ['check', '--', '--help.eml'], { kind: 'check', messages: ['--help.eml'] }],
    ['policy check', ['policy', 'check', 'p.json'], { kind: 'policy-check', file: 'p.json', locale: 'en' }],
    [
      'policy import',
      ['policy', 'import', '--from', 'flexconfirmmail', 'fcm'],
      { kind: 'policy-import', from: 'flexconfirmmail', folder: 'fcm', locale: 'en' },
    ],
    [
      'policy import --out --lang',
      ['policy', 'import', '--lang', 'ja', '--from=outlookokan', '--out', 'p.json', 'okan'],
      { kind: 'policy-import', from: 'outlookokan', folder: 'okan', out: 'p.json', locale: 'ja' },
    ],
    ['policy import --help', ['policy', 'import', '--help'], { kind: 'help', topic: 'policy' }],
    ['--help alone', ['--help'], { kind: 'help', topic: 'main' }],
    ['-h alone', ['-h'], { kind: 'help', topic: 'main' }],
    ['check --help', ['check', '--help'], { kind: 'help', topic: 'check' }],
    ['help wins over usage errors', ['check', '--bogus', '--help'], { kind: 'help', topic: 'check' }],
    ['--help with a value is still help', ['check', '--help=yes'], { kind: 'help', topic: 'check' }],
    ['policy --help', ['policy', 'check', '--help'], { kind: 'help', topic: 'policy' }],
    ['help command', ['help', 'check'], { kind: 'help', topic: 'check' }],
    ['help in Japanese', ['--lang', 'ja', '--help'], { kind: 'help', topic: 'main', locale: 'ja' }],
    ['--max-attachment-mb', ['check', '--max-attachment-mb', '5', 'mail/'], { kind: 'check', maxAttachmentMb: 5, messages: ['mail/'] }],
    ['--max-attachment-mb at its bounds', ['check', '--max-attachment-mb=1024', 'a.eml'], { kind: 'check', maxAttachmentMb: 1024 }],
    ['--history', ['check', '--history', 'sent.txt', 'a.eml'], { kind: 'check', historyFile: 'sent.txt', messages: ['a.eml'] }],
  ])('%s', (_name, args, expected) => {
    expect(parseCommandLine(args, 'en')).toMatchObject(expected);
  });

  it('leaves out absent without --out', () => {
    expect(parseCommandLine(['policy', 'import', '--from', 'outlookokan', 'dir'], 'en')).not.toHaveProperty('out');
  });

  it('leaves policyFile, maxAttachmentMb and historyFile absent without their options', () => {
    expect(parseCommandLine(['check', 'a.eml'], 'en')).not.toHaveProperty('policyFile');
    expect(parseCommandLine(['check', 'a.eml'], 'en')).not.toHaveProperty('maxAttachmentMb');
    expect(parseCommandLine(['check', 'a.eml'], 'en')).not.toHaveProperty('historyFile');
  });

  it('takes the locale from the environment unless --lang says otherwise', () => {
    expect(parseCommandLine(['check', 'a.eml'], 'ja')).toMatchObject({ locale: 'ja' });
    expect(parseCommandLine(['check', '--lang', 'en', 'a.eml'], 'ja')).toMatchObject({ locale: 'en' });
  });

  it.each<[string, string[], string, Record<string, string>?]>([
    ['no command', [], 'cli.usage.noCommand'],
    ['unknown command', ['send', 'a.eml'], 'cli.usage.unknownCommand', { command: 'send' }],
    ['no MESSAGE', ['check'], 'cli.usage.noMessages'],
    ['no MESSAGE after options', ['check', '--format', 'json'], 'cli.usage.noMessages'],
    ['unknown long option', ['check', '--bogus', 'a.eml'], 'cli.usage.unknownOption', { option: '--bogus' }],
    ['unknown short option', ['check', '-x', 'a.eml'], 'cli.usage.unknownOption', { option: '-x' }],
    ['--policy without a value at the end', ['check', 'a.eml', '--policy'], 'cli.usage.missingValue', { option: '--policy' }],
    [
      '--policy swallowing the next option',
      ['check', '--policy', '--format', 'json', 'a.eml'],
      'cli.usage.missingValue',
      { option: '--policy' },
    ],
    ['--format with an empty inline value', ['check', '--format=', 'a.eml'], 'cli.usage.missingValue', { option: '--format' }],
    ['bad --format', ['check', '--format', 'xml', 'a.eml'], 'cli.usage.badFormat', { value: 'xml' }],
    ['bad --lang', ['check', '--lang', 'fr', 'a.eml'], 'cli.usage.badLang', { value: 'fr' }],
    ['repeated option', ['check', '--format', 'json', '--format', 'text', 'a.eml'], 'cli.usage.repeatedOption', { option: '--format' }],
    ['policy without check', ['policy', 'p.json'], 'cli.usage.unknownPolicyCommand', { command: 'p.json' }],
    ['policy alone', ['policy'], 'cli.usage.unknownPolicyCommand', { command: '' }],
    ['policy check without FILE', ['policy', 'check'], 'cli.usage.noPolicyFile'],
    ['policy check with two files', ['policy', 'check', 'a.json', 'b.json'], 'cli.usage.extraArguments', { arguments: 'b.json' }],
    [
      '--format on policy check',
      ['policy', 'check', '--format', 'json', 'p.json'],
      'cli.usage.optionNotForCommand',
      { option: '--format' },
    ],
    [
      '--policy on policy check',
      ['policy', 'check', '--policy', 'x.json', 'p.json'],
      'cli.usage.optionNotForCommand',
      { option: '--policy' },
    ],
    [
      '--max-attachment-mb on policy check',
      ['policy', 'check', '--max-attachment-mb', '5', 'p.json'],
      'cli.usage.optionNotForCommand',
      { option: '--max-attachment-mb' },
    ],
    ['policy import without --from', ['policy', 'import', 'dir'], 'cli.usage.noImportSource'],
    [
      'policy import with another product',
      ['policy', 'import', '--from', 'thunderbird', 'dir'],
      'cli.usage.badImportSource',
      { value: 'thunderbird' },
    ],
    ['policy import without DIR', ['policy', 'import', '--from', 'outlookokan'], 'cli.usage.noImportFolder'],
    [
      'policy import with two folders',
      ['policy', 'import', '--from', 'outlookokan', 'a', 'b'],
      'cli.usage.extraArguments',
      { arguments: 'b' },
    ],
    [
      '--format on policy import',
      ['policy', 'import', '--from', 'outlookokan', '--format', 'json', 'dir'],
      'cli.usage.optionNotForCommand',
      { option: '--format', command: 'policy import' },
    ],
    ['--out on policy check', ['policy', 'check', '--out', 'x.json', 'p.json'], 'cli.usage.optionNotForCommand', { option: '--out' }],
    [
      '--from on check',
      ['check', '--from', 'outlookokan', 'a.eml'],
      'cli.usage.optionNotForCommand',
      { option: '--from', command: 'check' },
    ],
    [
      '--history on policy check',
      ['policy', 'check', '--history', 'sent.txt', 'p.json'],
      'cli.usage.optionNotForCommand',
      { option: '--history', command: 'policy check' },
    ],
    ['--history without a value', ['check', 'a.eml', '--history'], 'cli.usage.missingValue', { option: '--history' }],
    ['--max-attachment-mb 0', ['check', '--max-attachment-mb', '0', 'a.eml'], 'cli.usage.badMaxAttachment', { value: '0' }],
    ['--max-attachment-mb above 1024', ['check', '--max-attachment-mb', '1025', 'a.eml'], 'cli.usage.badMaxAttachment', { value: '1025' }],
    ['--max-attachment-mb not whole', ['check', '--max-attachment-mb', '1.5', 'a.eml'], 'cli.usage.badMaxAttachment', { value: '1.5' }],
    ['--max-attachment-mb not a number', ['check', '--max-attachment-mb', 'ten', 'a.eml'], 'cli.usage.badMaxAttachment', { value: 'ten' }],
  ])('usage error: %s', (_name, args, key, params) => {
    const command = parseCommandLine(args, 'en');
    expect(usageKey(command)).toBe(key);
    if (params !== undefined) expect(command).toMatchObject({ error: { params } });
  });

  it('reports the first of several mistakes', () => {
    expect(usageKey(parseCommandLine(['check', '--bogus', '--format', 'xml', 'a.eml'], 'en'))).toBe('cli.usage.unknownOption');
  });

  it('points usage errors at the help of the command being used', () => {
    expect(parseCommandLine(['check', '--bogus', 'a.eml'], 'en')).toMatchObject({ topic: 'check' });
    expect(parseCommandLine(['policy', 'check'], 'en')).toMatchObject({ topic: 'policy' });
    expect(parseCommandLine(['nope'], 'en')).toMatchObject({ topic: 'main' });
  });

  it('words a usage error in the --lang language when it is valid', () => {
    expect(parseCommandLine(['check', '--lang', 'ja'], 'en')).toMatchObject({ kind: 'usage-error', locale: 'ja' });
    expect(parseCommandLine(['check', '--lang', 'fr', 'a.eml'], 'ja')).toMatchObject({ kind: 'usage-error', locale: 'ja' });
  });
});
