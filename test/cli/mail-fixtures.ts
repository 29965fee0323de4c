// Mail files the `check` tests write themselves: multipart MIME with base64 attachments, and the attachments.
import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { encodeJapanese, utf8, xlsxFiles, zipOf } from '../inspect/extract/fixtures.js';

export interface MailAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly attachments?: readonly MailAttachment[];
}

const BOUNDARY = '=_preflight_test_boundary';

function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** RFC 2231 file names, so Japanese names arrive as they were written. */
function attachmentPart(attachment: MailAttachment): string {
  const name = encodeURIComponent(attachment.name);
  return [
    `--${BOUNDARY}`,
    `Content-Type: ${attachment.contentType}; name*=UTF-8''${name}`,
    `Content-Disposition: attachment; filename*=UTF-8''${name}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.bytes),
  ].join('\r\n');
}

export function mailFile(mail: Mail): string {
  const headers = [
    'From: =?UTF-8?B?5bGx55Sw?= <taro@example.co.jp>',
    `To: ${mail.to}`,
    `Subject: ${encodedWord(mail.subject)}`,
    'Date: Wed, 1 Jan 2025 09:00:00 +0900',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
  ];
  const body = [
    `--${BOUNDARY}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(mail.body)),
  ].join('\r\n');
  const parts = [body, ...(mail.attachments ?? []).map(attachmentPart), `--${BOUNDARY}--`, ''];
  return [...headers, '', ...parts].join('\r\n');
}

export const MY_NUMBER = '123456789018';

export function shiftJisCsv(): MailAttachment {
  const text = `氏名,個人番号,メモ\r\n山田 太郎,${MY_NUMBER},個人番号の控え\r\n`;
  return { name: '社員名簿.csv', contentType: 'text/csv', bytes: encodeJapanese(text, 'SJIS') };
}

/** The extraction fixture: My Number as a numeric cell under a マイナンバー heading. */
export async function workbook(): Promise<MailAttachment> {
  return {
    name: '顧客一覧.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: await zipOf(xlsxFiles()),
  };
}

export async function aesZip(): Promise<MailAttachment> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password: 'correct-horse-battery', encryptionStrength: 3, useWebWorkers: false });
  await writer.add('名簿.csv', new TextReader(`個人番号,${MY_NUMBER}\n`));
  return { name: '資料.zip', contentType: 'application/zip', bytes: await writer.close() };
}

export function plainText(name: string, text: string): MailAttachment {
  return { name, contentType: 'text/plain', bytes: utf8(text) };
}

/** A one-page PDF in the standard Helvetica font, with a correct cross-reference table. */
export function pdf(name: string, text: string): MailAttachment {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, contentType: 'application/pdf', bytes: utf8(body) };
}
