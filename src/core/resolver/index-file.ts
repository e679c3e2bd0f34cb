/**
 * The layout of the prebuilt index's file (see prebuilt.ts): one line of JSON with the hash
 * and the strings (topics, fields, terms), then the numbers as raw little-endian arrays.
 *
 * Why not all JSON: at 5,000 topics the index holds about three million term numbers; as
 * JSON they were a 25 MB parse into arrays of boxed numbers, and most of the garbage
 * collector's work at start. Raw arrays are read by copying bytes, and the start decodes the
 * header alone first, so a file made from other content is rejected before its bulk is decoded.
 */
import type { Field } from './scoring.js';

export interface Serialized {
  hash: string;
  /** The index's topics, in its order; `docTopic` numbers the documents' topics in `topics`. */
  indexTopics: string[];
  topics: string[];
  fields: Field[];
  /** Every term, numbered by position; `idf` holds each one's weight at the same position. */
  terms: string[];
  idf: Float64Array;
  unknownWeight: number;
  commonPostings: number;
  /** Per document: its topic's and field's number, its weight and norm. */
  docTopic: Int32Array;
  docField: Int32Array;
  docWeight: Float64Array;
  docNorm: Float64Array;
  /** The documents' terms, one run after the other; document i's run ends at docEnd[i]. */
  docTerms: Int32Array;
  docEnd: Int32Array;
}

/** The numeric arrays, which follow the header in this order. */
type ArrayName = 'idf' | 'docWeight' | 'docNorm' | 'docTopic' | 'docField' | 'docTerms' | 'docEnd';
type Header = Omit<Serialized, ArrayName> & { lengths: number[] };

export function encodeIndex(s: Serialized): Buffer {
  const { idf, docWeight, docNorm, docTopic, docField, docTerms, docEnd, ...strings } = s;
  const arrays = [idf, docWeight, docNorm, docTopic, docField, docTerms, docEnd];
  const header: Header = { ...strings, lengths: arrays.map((a) => a.length) };
  return Buffer.concat([
    Buffer.from(`${JSON.stringify(header)}\n`),
    ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
  ]);
}

/**
 * The file's hash, and a reader of the rest. Throws (a SyntaxError for a damaged header, a
 * RangeError for a cut-off body) when the file is not one this code wrote.
 */
export function decodeIndex(file: Buffer): { hash: string; read(): Serialized } {
  const newline = file.indexOf(10);
  const header = JSON.parse(file.subarray(0, newline < 0 ? file.length : newline).toString('utf8')) as Header;
  return {
    hash: header.hash,
    read() {
      let offset = newline + 1;
      // Copied out (not viewed in place): the file's bytes need not sit at an aligned offset.
      const next = <T extends Float64Array | Int32Array>(
        make: (b: ArrayBuffer) => T,
        i: number,
        size: number,
      ) => {
        const bytes = header.lengths[i]! * size;
        if (offset + bytes > file.length) throw new RangeError('the prebuilt index file is cut short');
        const copy = file.buffer.slice(
          file.byteOffset + offset,
          file.byteOffset + offset + bytes,
        ) as ArrayBuffer;
        offset += bytes;
        return make(copy);
      };
      const f64 = (i: number) => next((b) => new Float64Array(b), i, 8);
      const i32 = (i: number) => next((b) => new Int32Array(b), i, 4);
      const { lengths: _lengths, ...strings } = header;
      return {
        ...strings,
        idf: f64(0),
        docWeight: f64(1),
        docNorm: f64(2),
        docTopic: i32(3),
        docField: i32(4),
        docTerms: i32(5),
        docEnd: i32(6),
      };
    },
  };
}
