import type { TablePair } from '../template.js';

/** `preflight policy import`: what it read, and why each setting it lists was not carried over (docs/migrate.md). */
const en = {
  'cli.import.read': 'Read from {folder}: {files}',
  'cli.import.wrote': 'Wrote the policy to {file}.',
  'cli.import.allCarried': 'Every setting was carried over.',
  'cli.import.notesHeader': 'Not carried over, or carried over with a difference ({count}):',
  'cli.import.noteLine': '  {where}: {setting}\n    {reason}',
  'cli.import.noteFile': '  {where}\n    {reason}',
  'cli.import.notFolder': 'preflight: {folder} is not a folder (or does not exist)',
  'cli.import.unreadableFolder': 'preflight: cannot read the folder {folder}: {detail}',
  'cli.import.noFiles': 'preflight: {folder} holds none of the {product} files: {expected}',
  'cli.import.unreadableFile': 'preflight: {file}: {message}',
  'cli.import.notText': 'neither UTF-8 nor UTF-16 with a byte order mark (save it as UTF-8 and try again)',
  'cli.import.cannotWrite': 'preflight: cannot write {file}: {detail}',

  'cli.import.reason.unknown-setting': 'Not a setting this product reads; ignored, as the product ignores it.',
  'cli.import.reason.unknown-file': 'Not a file this product reads; ignored.',
  'cli.import.reason.unknown-section':
    'Not a section this product knows; the lines under it stay in the section before, as in the product.',
  'cli.import.reason.bad-value': 'The value cannot be read; ignored, as the product ignores it.',
  'cli.import.reason.invalid-entry':
    'Not a domain, @domain, address or pattern Preflight can read (a wildcard in the last label is refused).',
  'cli.import.reason.invalid-keyword': 'Cannot be a Preflight keyword (empty, or longer than 200 characters).',
  'cli.import.reason.wildcard-keyword': 'Preflight keywords are plain text to find; a pattern with * or ? cannot be one.',
  'cli.import.reason.keyword-exclusion': 'Removes nothing in this file, and Preflight keywords have no exclusions.',
  'cli.import.reason.exclusion-wider':
    "Imported as a Preflight exclusion, which takes every match out of the list; in FlexConfirmMail it removes only the same entry (from a user's own list).",
  'cli.import.reason.second-confirmation': 'Preflight asks once; there is no second confirmation, so it is imported as a normal warning.',
  'cli.import.reason.custom-message': 'Preflight shows its own text for each finding; the custom message is not carried over.',
  'cli.import.reason.message-language': "Preflight applies every keyword whatever the user's language.",
  'cli.import.reason.countdown':
    'Preflight has no countdown before sending; delaySend holds a message after Send instead, so it can still be cancelled.',
  'cli.import.reason.domain-count-differs':
    'Carried over as bccSuggestThreshold, which counts outside domains only; FlexConfirmMail counts every domain in To and Cc.',
  'cli.import.reason.bcc-conversion':
    'Preflight offers the move to Bcc from bccSuggestThreshold outside domains (bccAction "move" does it at Send); it does not count recipients, ask twice or move inside recipients.',
  'cli.import.reason.distribution-lists':
    'Preflight asks to confirm recipient lists (rule mailing-list); set severities["mailing-list"] to "block" to refuse them.',
  'cli.import.reason.meetings-always-checked': 'Preflight always checks meeting requests too.',
  'cli.import.reason.inline-images-ignored': 'Preflight never counts inline images as attachments.',
  'cli.import.reason.require-check-text': 'Preflight does not ask to tick the subject or the body; keywords find what matters in them.',
  'cli.import.reason.fixed-parameters': "Users cannot change Preflight's policy, so every setting is fixed already.",
  'cli.import.reason.dialog-layout':
    "Only changes how the product's dialog looks; Preflight's review pane has its own layout and follows Outlook's language.",
  'cli.import.reason.new-domain-info':
    'Imported as severities["new-domain"]: "info": the new domain is still shown, but need not be ticked.',
  'cli.import.reason.delay-rounded': 'Preflight holds for whole minutes: {seconds} s became {minutes} min.',
  'cli.import.reason.delay-too-long': 'Preflight holds at most {maximum} minutes: imported as {minutes}.',
  'cli.import.reason.delay-per-recipient':
    'Preflight holds every message for the same time (delaySend); a time per recipient cannot be carried over.',
  'cli.import.reason.conditional-cc-bcc':
    "Preflight's autoBcc adds the same addresses to every message (or every message going outside); adding one for a keyword, an attachment or a recipient, or to Cc, cannot be carried over.",
  'cli.import.reason.sender-cc-bcc': "Preflight's autoBcc takes fixed addresses, not the sender's own.",
  'cli.import.reason.whitelist-confirmed':
    'Imported as trustedDomains (partners: never reported as look-alikes, their look-alikes are); Preflight still asks to confirm them.',
  'cli.import.reason.skip-confirmation': 'Preflight has no recipient that skips the confirmation.',
  'cli.import.reason.sender-domain-internal':
    "OutlookOkan counts the sender's own domain as internal; Preflight knows only internalDomains: add your domains there if they are missing.",
  'cli.import.reason.internal-only-confirmed':
    'Mail to your own domain only is confirmed here; Preflight confirms it only with confirmInternalOnly: true, which the import does not set.',
  'cli.import.reason.attachment-rules':
    'Preflight confirms every attachment going outside (attachment-to-external); rules per recipient or file, or opening files, cannot be carried over.',
  'cli.import.reason.keyword-recipients': 'Preflight ties partner names to their domains (partners), not keywords to addresses.',
  'cli.import.reason.contacts': "Preflight does not read the user's contacts or expand contact groups.",
  'cli.import.reason.forgotten-attachment': 'Preflight does not look for an attachment the body mentions but the message lacks.',
  'cli.import.reason.auto-check': 'Preflight never ticks items for the user.',
  'cli.import.reason.received-mail': 'Preflight checks mail being sent, not mail received.',
  'cli.import.reason.body-edit': 'Preflight does not change the text of a message.',
  'cli.import.reason.auto-delete': 'Preflight does not remove recipients on its own; blockedRecipients refuses the send instead.',
  'cli.import.reason.no-equivalent': 'Preflight has no such setting.',
} as const;

export const CLI_IMPORT_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'cli.import.read': '{folder} から読み込みました: {files}',
    'cli.import.wrote': 'ポリシーを {file} に書き出しました。',
    'cli.import.allCarried': 'すべての設定を引き継ぎました。',
    'cli.import.notesHeader': '引き継げなかった設定、または違いのある設定 ({count} 件):',
    'cli.import.noteLine': '  {where}: {setting}\n    {reason}',
    'cli.import.noteFile': '  {where}\n    {reason}',
    'cli.import.notFolder': 'preflight: {folder} はフォルダーではありません (または存在しません)',
    'cli.import.unreadableFolder': 'preflight: フォルダー {folder} を読めません: {detail}',
    'cli.import.noFiles': 'preflight: {folder} に {product} の設定ファイルがありません: {expected}',
    'cli.import.unreadableFile': 'preflight: {file}: {message}',
    'cli.import.notText': 'UTF-8 でも BOM 付きの UTF-16 でもありません (UTF-8 で保存し直してください)',
    'cli.import.cannotWrite': 'preflight: {file} に書き込めません: {detail}',

    'cli.import.reason.unknown-setting': 'この製品が読まない設定です。製品と同じく無視しました。',
    'cli.import.reason.unknown-file': 'この製品が読まないファイルです。無視しました。',
    'cli.import.reason.unknown-section': 'この製品が知らないセクションです。製品と同じく、その下の行は前のセクションのままです。',
    'cli.import.reason.bad-value': '値を読めません。製品と同じく無視しました。',
    'cli.import.reason.invalid-entry':
      'Preflight が読めるドメイン、@ドメイン、アドレス、パターンではありません (最後のラベルのワイルドカードは使えません)。',
    'cli.import.reason.invalid-keyword': 'Preflight のキーワードにできません (空、または 200 文字を超える)。',
    'cli.import.reason.wildcard-keyword': 'Preflight のキーワードは探す文字列そのものです。* や ? のパターンはキーワードにできません。',
    'cli.import.reason.keyword-exclusion': 'このファイルの中で取り除くものがなく、Preflight のキーワードには除外がありません。',
    'cli.import.reason.exclusion-wider':
      'Preflight の除外として取り込みました。Preflight の除外は一致するものをすべてリストから外します。FlexConfirmMail では同じ項目 (ユーザー自身のリストのもの) だけを取り除きます。',
    'cli.import.reason.second-confirmation': 'Preflight の確認は 1 回です。再確認はないため、通常の警告として取り込みました。',
    'cli.import.reason.custom-message': 'Preflight は検出事項ごとに自身の文言を表示します。独自のメッセージは引き継ぎません。',
    'cli.import.reason.message-language': 'Preflight のキーワードはユーザーの言語にかかわらず適用されます。',
    'cli.import.reason.countdown':
      'Preflight には送信前のカウントダウンがありません。代わりに delaySend が送信後にメッセージを保留し、取り消せるようにします。',
    'cli.import.reason.domain-count-differs':
      'bccSuggestThreshold として取り込みました。これは社外ドメインだけを数えます。FlexConfirmMail は To と Cc のすべてのドメインを数えます。',
    'cli.import.reason.bcc-conversion':
      'Preflight は社外ドメインが bccSuggestThreshold 以上のとき Bcc への移動を提案します (bccAction "move" なら送信時に移動)。宛先の数での判断、再確認、社内宛先の移動はしません。',
    'cli.import.reason.distribution-lists':
      'Preflight は宛先のリストを確認項目にします (ルール mailing-list)。送信を止めるには severities["mailing-list"] を "block" にしてください。',
    'cli.import.reason.meetings-always-checked': 'Preflight は会議出席依頼も常にチェックします。',
    'cli.import.reason.inline-images-ignored': 'Preflight はインライン画像を添付ファイルとして数えません。',
    'cli.import.reason.require-check-text': 'Preflight は件名や本文のチェックを求めません。大事な語はキーワードで見つけます。',
    'cli.import.reason.fixed-parameters': 'Preflight のポリシーはユーザーが変更できないため、すべての設定が固定済みです。',
    'cli.import.reason.dialog-layout':
      '製品のダイアログの見た目だけを変える設定です。Preflight の確認ウィンドウは独自のレイアウトで、Outlook の言語に従います。',
    'cli.import.reason.new-domain-info':
      'severities["new-domain"]: "info" として取り込みました。新しいドメインは表示されますが、チェックは不要です。',
    'cli.import.reason.delay-rounded': 'Preflight の保留は分単位です: {seconds} 秒を {minutes} 分にしました。',
    'cli.import.reason.delay-too-long': 'Preflight の保留は最大 {maximum} 分です: {minutes} 分として取り込みました。',
    'cli.import.reason.delay-per-recipient':
      'Preflight はすべてのメッセージを同じ時間保留します (delaySend)。宛先ごとの時間は引き継げません。',
    'cli.import.reason.conditional-cc-bcc':
      'Preflight の autoBcc は同じアドレスをすべてのメッセージ (または社外宛てのすべて) の Bcc に加えます。キーワード、添付ファイル、宛先に応じた追加や Cc への追加は引き継げません。',
    'cli.import.reason.sender-cc-bcc': 'Preflight の autoBcc は決まったアドレスを加えます。送信者自身のアドレスは指定できません。',
    'cli.import.reason.whitelist-confirmed':
      'trustedDomains (取引先: 似たドメインとして報告されず、これに似たドメインが報告される) として取り込みました。Preflight ではこれらの宛先も確認が必要です。',
    'cli.import.reason.skip-confirmation': 'Preflight には確認を省略する宛先はありません。',
    'cli.import.reason.sender-domain-internal':
      'OutlookOkan は送信者自身のドメインを社内として扱います。Preflight が社内とするのは internalDomains だけです。足りなければ自社のドメインを加えてください。',
    'cli.import.reason.internal-only-confirmed':
      'この製品は自社ドメインだけ宛てのメールも確認します。Preflight で確認するのは confirmInternalOnly: true のときだけで、取り込みでは設定していません。',
    'cli.import.reason.attachment-rules':
      'Preflight は社外へ送る添付ファイルをすべて確認項目にします (attachment-to-external)。宛先やファイルごとの規則、ファイルを開く確認は引き継げません。',
    'cli.import.reason.keyword-recipients':
      'Preflight が結び付けるのは取引先名とそのドメイン (partners) で、キーワードとアドレスではありません。',
    'cli.import.reason.contacts': 'Preflight はユーザーの連絡先を読まず、連絡先グループも展開しません。',
    'cli.import.reason.forgotten-attachment': 'Preflight は本文が触れているのに添付されていないファイルを探しません。',
    'cli.import.reason.auto-check': 'Preflight がユーザーの代わりにチェックを入れることはありません。',
    'cli.import.reason.received-mail': 'Preflight がチェックするのは送信するメールで、受信したメールではありません。',
    'cli.import.reason.body-edit': 'Preflight はメッセージの本文を変更しません。',
    'cli.import.reason.auto-delete': 'Preflight は宛先を勝手に削除しません。代わりに blockedRecipients で送信を止めます。',
    'cli.import.reason.no-equivalent': 'Preflight にこの設定はありません。',
  },
};
