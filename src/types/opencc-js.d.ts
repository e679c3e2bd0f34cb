// opencc-js ships its raw character dictionaries as ES modules without type declarations.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
