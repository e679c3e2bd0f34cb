import { describe, expect, it } from 'vitest';
import { intersect, seek } from '../../../src/core/resolver/postings.js';

describe('posting lists', () => {
  it('seeks the first id not below the target, from a position on', () => {
    const list = [2, 3, 5, 8, 13, 21, 34];
    expect(seek(list, 1)).toBe(0);
    expect(seek(list, 2)).toBe(0);
    expect(seek(list, 4)).toBe(2);
    expect(seek(list, 13)).toBe(4);
    expect(seek(list, 34)).toBe(6);
    expect(seek(list, 35)).toBe(7);
    expect(seek(list, 13, 5)).toBe(5); // never goes back
    expect(seek([], 1)).toBe(0);
  });

  it('finds exactly the candidates a list holds, like a set lookup would', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const list = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 1000))),
      ].sort((a, b) => a - b);
      const candidates = [
        ...new Set(Array.from({ length: Math.floor(random() * 100) }, () => Math.floor(random() * 1000))),
      ].sort((a, b) => a - b);
      const held = new Set(list);
      const found: number[] = [];
      intersect(candidates, list, (d) => found.push(d));
      expect(found).toEqual(candidates.filter((c) => held.has(c)));
    }
  });
});
