import { describe, expect, it } from 'vitest';
import { beginDrain, isDraining, onDrain } from './drain';

describe('drain', () => {
  it('tells each open stream once when the server starts stopping, and a later one at once', () => {
    const heard: string[] = [];
    onDrain(() => heard.push('a'));
    const unsubscribe = onDrain(() => heard.push('gone'));
    unsubscribe();
    expect(isDraining()).toBe(false);
    beginDrain();
    beginDrain();
    expect(isDraining()).toBe(true);
    expect(heard).toEqual(['a']);
    onDrain(() => heard.push('late'));
    expect(heard).toEqual(['a', 'late']);
  });
});
