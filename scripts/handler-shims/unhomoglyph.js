// ES-module twin of unhomoglyph@1.0.6 (index.js, MIT) for the handler bundle only. webpack inlines ES
// modules, but a CommonJS one brings its require() runtime, which classic Outlook's JS-only runtime must
// not get (research/officejs-smart-alerts.md §7). Same data file, same replacement;
// test/launchevent/bundle.test.ts checks that both give the same result.
import data from 'unhomoglyph/data.json';

function escapeRegexp(text) {
  return text.replace(/([.?*+^$[\]\\(){}|-])/g, '\\$1');
}

const REPLACE_RE = RegExp(Object.keys(data).map(escapeRegexp).join('|'), 'g');

export default function unhomoglyph(text) {
  return text.replace(REPLACE_RE, (match) => data[match]);
}
