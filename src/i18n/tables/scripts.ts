// Script names of look-alike characters (src/policy/lookalike/scripts.ts, src/taskpane/domain-explanation.ts).
// A table of their own because the pane and the CLI both explain such characters.
import type { TablePair } from '../template.js';

const en = {
  'script.Latin': 'Latin',
  'script.Cyrillic': 'Cyrillic',
  'script.Greek': 'Greek',
  'script.Armenian': 'Armenian',
  'script.Georgian': 'Georgian',
  'script.Cherokee': 'Cherokee',
  'script.Hebrew': 'Hebrew',
  'script.Arabic': 'Arabic',
  'script.Thai': 'Thai',
  'script.Hangul': 'Hangul',
  'script.Hiragana': 'Hiragana',
  'script.Katakana': 'Katakana',
  'script.Han': 'Han (kanji)',
  'script.Common': 'Common (symbols, digits)',
  'script.Inherited': 'Combining mark',
  'script.Other': 'Other',
  'script.Unknown': 'Unknown',
} as const;

export const SCRIPT_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'script.Latin': 'ラテン文字',
    'script.Cyrillic': 'キリル文字',
    'script.Greek': 'ギリシャ文字',
    'script.Armenian': 'アルメニア文字',
    'script.Georgian': 'ジョージア文字',
    'script.Cherokee': 'チェロキー文字',
    'script.Hebrew': 'ヘブライ文字',
    'script.Arabic': 'アラビア文字',
    'script.Thai': 'タイ文字',
    'script.Hangul': 'ハングル',
    'script.Hiragana': 'ひらがな',
    'script.Katakana': 'カタカナ',
    'script.Han': '漢字',
    'script.Common': '共通 (記号・数字)',
    'script.Inherited': '結合文字',
    'script.Other': 'その他',
    'script.Unknown': '不明',
  },
};
