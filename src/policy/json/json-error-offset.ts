// Where a JSON text first goes wrong, as a character offset: JSON.parse's messages differ between engines
// and some name no position at all ("Unexpected token ']', ... is not valid JSON"), so parseJsonText finds
// it itself. A small recursive-descent reader of the JSON grammar (https://www.json.org/); null when valid.

class Stop extends Error {
  constructor(readonly offset: number) {
    super('JSON syntax error');
  }
}

export function jsonErrorOffset(text: string): number | null {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const expect = (word: string) => {
    for (const character of word) {
      if (text[at] !== character) throw new Stop(at);
      at += 1;
    }
  };
  const string = () => {
    expect('"');
    while (at < text.length && text[at] !== '"') {
      const character = text[at]!;
      if (character < ' ') throw new Stop(at);
      if (character === '\\') {
        at += 1;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) throw new Stop(at);
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) throw new Stop(at);
      }
      at += 1;
    }
    expect('"');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (match === null) throw new Stop(at);
    at += match[0].length;
  };
  const list = <T>(close: string, item: () => T) => {
    at += 1;
    space();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === close) {
        at += 1;
        return;
      }
      expect(',');
      space();
    }
  };
  const value = (): void => {
    space();
    const character = text[at];
    if (character === '{') {
      list('}', () => {
        string();
        space();
        expect(':');
        value();
      });
    } else if (character === '[') list(']', value);
    else if (character === '"') string();
    else if (character === 't') expect('true');
    else if (character === 'f') expect('false');
    else if (character === 'n') expect('null');
    else number();
  };
  try {
    value();
    space();
    return at < text.length ? at : null;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
