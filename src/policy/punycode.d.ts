// The npm package (not Node's deprecated built-in of the same name), imported by its file path so
// that Node and webpack both resolve the package.
declare module 'punycode/punycode.js' {
  const punycode: {
    toASCII(input: string): string;
    toUnicode(input: string): string;
  };
  export default punycode;
}
