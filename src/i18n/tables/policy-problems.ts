// What the policy parser (src/policy/parse-*.ts) and the server's file reader report, by code: the code is
// the key, and its params fill the placeholders. docs/policy.md ("Problem codes") lists them.
import type { TablePair } from '../template.js';

const en = {
  'policy.expected-document': 'must be a JSON object',
  'policy.syntax': 'not valid JSON: {detail}',
  'policy.file-missing': 'the file does not exist',
  'policy.file-unreadable': 'the file cannot be read ({detail})',
  'policy.not-utf8': 'not UTF-8 text; save the file as UTF-8',
  'policy.forbidden-key': 'forbidden key "__proto__"',
  'policy.duplicate-key': 'key "{key}" is written twice; only the last value would count, so keep one',
  'policy.unknown-key': 'unknown key "{key}"',
  'policy.unknown-key-hint': 'unknown key "{key}" (did you mean "{suggestion}"?)',
  'policy.unknown-rule': 'unknown rule "{key}"',
  'policy.unknown-rule-hint': 'unknown rule "{key}" (did you mean "{suggestion}"?)',
  'policy.required': 'required',
  'policy.expected-object': 'must be an object with {keys}',
  'policy.expected-array': 'must be an array',
  'policy.expected-string': 'must be a string',
  'policy.expected-non-empty-string': 'must be a non-empty string',
  'policy.expected-boolean': 'must be true or false',
  'policy.expected-choice': 'must be one of {choices}',
  'policy.expected-integer': 'must be a whole number from {minimum} to {maximum}',
  'policy.out-of-range': 'out of range: {value} (must be from {minimum} to {maximum})',
  'policy.too-long': 'too long: {length} characters (at most {maximum})',
  'policy.expected-version': 'must be the number 1',
  'policy.unsupported-version': 'unsupported version {version}; this Preflight reads version 1',
  'policy.expected-schema-url': 'must be a string (the schema URL)',
  'policy.expected-severities': 'must be an object from rule id to "info", "confirm" or "block"',
  'policy.self-configured-rule': 'set by {key}, not here',
  'policy.invalid-domain': 'not a valid domain: {value}',
  'policy.invalid-domain-address': 'not a valid domain: {value} (this list takes domains, not addresses)',
  'policy.invalid-domain-wildcard': 'not a valid domain: {value} (no wildcards: a domain already covers its subdomains)',
  'policy.invalid-recipient':
    'not a valid entry: {value} (write a domain, @domain, address, pattern with * or ?, "@", -exclusion or # comment)',
  'policy.invalid-recipient-last-label':
    'not a valid entry: {value} (no wildcard in the last label: "example.*" would match "example.co.jp.evil.com")',
  'policy.empty-exclusion': 'an exclusion needs a domain, address or pattern after "-"',
  'policy.invalid-list-pattern':
    'not a valid list entry: {value} (an address, a domain, @domain, a pattern with * or ? (not in the last label), "@", "-" before one of these, or a "#" comment)',
  'policy.expected-list-entry': 'must be a string (an address, domain or pattern) or an object with "address", "externalDomains"',
  'policy.list-address-not-inclusion':
    'a list with outside members needs an address, domain or pattern, not an exclusion or a comment: {value}',
  'policy.invalid-sender': 'not an address, an address pattern or a domain: {value}',
  'policy.invalid-address': 'not a valid email address: {value}',
  'policy.empty-list': 'must list at least one entry',
  'policy.empty-choice': 'must name at least one of {choices}',
  'policy.duplicate': 'duplicate of {first}; keep one of the two',
  'policy.duplicate-keyword': 'duplicate of {first}; merge the two entries',
  'policy.partner-name-taken': '"{name}" also names {first}',
  'policy.too-many-approvers': 'at most {maximum} approvers',
  'policy.too-many-addresses': 'at most {maximum} addresses',
  'policy.approval-self-trigger': '"approval-required" cannot trigger itself',
  'policy.no-approver': 'names no approver: give "approvers", "defaultApprovers" or both',
  'policy.rule-not-in-dialog': '"{rule}" is always confirmed in the review pane, never in the dialog',
} as const;

/** Every policy problem's code; src/policy types PolicyProblem.code with it. */
export type PolicyProblemCode = keyof typeof en;

export const POLICY_PROBLEM_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'policy.expected-document': 'JSON のオブジェクトでなければなりません',
    'policy.syntax': 'JSON として読めません: {detail}',
    'policy.file-missing': 'ファイルがありません',
    'policy.file-unreadable': 'ファイルを読めません（{detail}）',
    'policy.not-utf8': 'UTF-8 のテキストではありません。UTF-8 で保存してください',
    'policy.forbidden-key': '"__proto__" は使えないキーです',
    'policy.duplicate-key': 'キー "{key}" が二度書かれています。最後の値だけが使われるので、一つにしてください',
    'policy.unknown-key': '不明なキー "{key}" です',
    'policy.unknown-key-hint': '不明なキー "{key}" です（"{suggestion}" の誤りではありませんか）',
    'policy.unknown-rule': '不明なルール "{key}" です',
    'policy.unknown-rule-hint': '不明なルール "{key}" です（"{suggestion}" の誤りではありませんか）',
    'policy.required': '必須です',
    'policy.expected-object': '{keys} を持つオブジェクトでなければなりません',
    'policy.expected-array': '配列でなければなりません',
    'policy.expected-string': '文字列でなければなりません',
    'policy.expected-non-empty-string': '空でない文字列でなければなりません',
    'policy.expected-boolean': 'true か false でなければなりません',
    'policy.expected-choice': '{choices} のいずれかでなければなりません',
    'policy.expected-integer': '{minimum} から {maximum} までの整数でなければなりません',
    'policy.out-of-range': '範囲外です: {value}（{minimum} から {maximum} まで）',
    'policy.too-long': '長すぎます: {length} 文字（最大 {maximum} 文字）',
    'policy.expected-version': '数値 1 でなければなりません',
    'policy.unsupported-version': '未対応のバージョン {version} です。この Preflight が読めるのはバージョン 1 です',
    'policy.expected-schema-url': '文字列（スキーマの URL）でなければなりません',
    'policy.expected-severities': 'ルール ID ごとに "info"・"confirm"・"block" のいずれかを指定するオブジェクトでなければなりません',
    'policy.self-configured-rule': 'ここではなく {key} で設定します',
    'policy.invalid-domain': 'ドメインとして正しくありません: {value}',
    'policy.invalid-domain-address': 'ドメインとして正しくありません: {value}（この一覧にはアドレスではなくドメインを書きます）',
    'policy.invalid-domain-wildcard':
      'ドメインとして正しくありません: {value}（ワイルドカードは不要です。ドメインはサブドメインも含みます）',
    'policy.invalid-recipient':
      '宛先の項目として正しくありません: {value}（ドメイン、@ドメイン、アドレス、* か ? を含むパターン、"@"、除外の -、コメントの # のどれかを書きます）',
    'policy.invalid-recipient-last-label':
      '宛先の項目として正しくありません: {value}（最後のラベルにワイルドカードは使えません。"example.*" は "example.co.jp.evil.com" にも一致します）',
    'policy.empty-exclusion': '除外の "-" の後にドメイン、アドレスまたはパターンを書きます',
    'policy.invalid-list-pattern':
      'メーリングリストの指定として正しくありません: {value}（アドレス、ドメイン、@ドメイン、* や ? を使ったパターン（最後のラベルを除く）、"@"、これらの前に "-"、または "#" で始まるコメント）',
    'policy.expected-list-entry':
      '文字列（アドレス、ドメイン、パターン）か、"address" と "externalDomains" を持つオブジェクトでなければなりません',
    'policy.list-address-not-inclusion':
      '社外のメンバーがいるリストには、除外やコメントではなく、アドレス・ドメイン・パターンを書きます: {value}',
    'policy.invalid-sender': 'アドレス、アドレスのパターン、ドメインのいずれでもありません: {value}',
    'policy.invalid-address': 'メールアドレスとして正しくありません: {value}',
    'policy.empty-list': '1 件以上指定してください',
    'policy.empty-choice': '{choices} のうち 1 つ以上を指定してください',
    'policy.duplicate': '{first} と重複しています。どちらか一方にしてください',
    'policy.duplicate-keyword': '{first} と重複しています。2 つの項目をまとめてください',
    'policy.partner-name-taken': '"{name}" は {first} でも使われています',
    'policy.too-many-approvers': '承認者は {maximum} 人までです',
    'policy.too-many-addresses': 'アドレスは {maximum} 件までです',
    'policy.approval-self-trigger': '"approval-required" を自身の条件にはできません',
    'policy.no-approver': '承認者がいません。"approvers"、"defaultApprovers"、またはその両方を指定してください',
    'policy.rule-not-in-dialog': '"{rule}" は常に確認ペインで確認し、ダイアログでは確認できません',
  },
};
