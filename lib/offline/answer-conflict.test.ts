import { describe, expect, it } from 'vitest';
import { describeConflicts, differingFields, keepMineChanges, type AnswerFields } from './answer-conflict';

const answer = (value: AnswerFields['value'], naReason: string | null = null, note: string | null = null): AnswerFields => ({
  value,
  naReason,
  note,
});

describe('differingFields', () => {
  it('shows the lead’s Not applicable beside my No and my note (issue 20, key question 3.1.2)', () => {
    const mine = answer('no', null, 'Plan ignored the school’s concerns.');
    const theirs = answer('na', 'Child not in education', null);
    expect(differingFields(mine, theirs)).toEqual(['value', 'naReason', 'note']);
  });

  it('finds nothing when the server already holds my answer (the reply was lost)', () => {
    expect(differingFields(answer('na', 'Out of scope ', 'x'), answer('na', 'Out of scope', 'x'))).toEqual([]);
    expect(differingFields(answer(null), answer(null, null, ''))).toEqual([]);
  });

  it('compares reasons only where one of them is not applicable', () => {
    expect(differingFields(answer('na', 'A'), answer('na', 'B'))).toEqual(['naReason']);
    expect(differingFields(answer('yes', 'stale'), answer('yes', null))).toEqual([]);
  });
});

describe('keepMineChanges', () => {
  it('sends exactly what the box showed as mine: the value and the note', () => {
    expect(keepMineChanges(answer('no', null, 'Mine'), answer('na', 'Theirs', null))).toEqual([
      { field: 'value', value: 'no' },
      { field: 'note', note: 'Mine' },
    ]);
  });

  it('sends only the note when the values agree, and the reason with a not-applicable value', () => {
    expect(keepMineChanges(answer('yes', null, 'Mine'), answer('yes', null, 'Theirs'))).toEqual([{ field: 'note', note: 'Mine' }]);
    expect(keepMineChanges(answer('na', ' Mine '), answer('na', 'Theirs'))).toEqual([{ field: 'value', value: 'na', naReason: 'Mine' }]);
    expect(keepMineChanges(answer(null, null, ''), answer(null, null, 'Theirs'))).toEqual([{ field: 'note', note: '' }]);
    expect(keepMineChanges(answer('yes'), answer('yes'))).toEqual([]);
  });
});

describe('describeConflicts', () => {
  it('names every conflict on the page', () => {
    expect(describeConflicts(['3.1.1.a'])).toBe('someone else changed 3.1.1.a (see below)');
    expect(describeConflicts(['3.1.1.a', '3.1.2', '3.2.1', '3.2.2'])).toBe(
      'someone else changed 3.1.1.a, 3.1.2, 3.2.1 and 3.2.2 (see below)',
    );
    expect(describeConflicts([])).toBe('');
  });
});
