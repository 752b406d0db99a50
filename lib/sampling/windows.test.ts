import { describe, expect, it } from 'vitest';
import { decideEligibility, defaultWindows, explainWindowProblem, monthsBefore, populationTypes } from './windows';

describe('monthsBefore', () => {
  it('moves back whole months and clamps the day', () => {
    expect(monthsBefore('2026-11-07', 6)).toBe('2026-05-07');
    expect(monthsBefore('2026-11-07', 9)).toBe('2026-02-07');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 2)).toBe('2025-11-15');
  });
});

describe('defaultWindows', () => {
  it('court 6–9 months, out-of-court 2–5 months, resettlement 4–12 months before fieldwork (2021)', () => {
    expect(defaultWindows('2022-11-07', '2021')).toEqual({
      court: { from: '2022-02-07', to: '2022-05-07' },
      out_of_court: { from: '2022-06-07', to: '2022-09-07' },
      resettlement: { from: '2021-11-07', to: '2022-07-07' },
    });
  });

  it('has no resettlement population under the 2018 standards', () => {
    expect(Object.keys(defaultWindows('2022-11-07', '2018'))).toEqual(['court', 'out_of_court']);
    expect(populationTypes('2018')).toEqual(['court', 'out_of_court']);
  });
});

describe('decideEligibility', () => {
  const windows = defaultWindows('2022-11-07', '2018');
  it('includes both ends of the window', () => {
    expect(decideEligibility({ type: 'court', disposalDate: '2022-02-07' }, windows).isEligible).toBe(true);
    expect(decideEligibility({ type: 'court', disposalDate: '2022-05-07' }, windows).isEligible).toBe(true);
  });
  it('says why a case is out', () => {
    expect(decideEligibility({ type: 'court', disposalDate: '2022-02-06' }, windows)).toEqual({
      isEligible: false,
      reason: 'Before the court window: it opens on 7 February 2022',
    });
    expect(decideEligibility({ type: 'out_of_court', disposalDate: '2022-09-08' }, windows).reason).toBe(
      'After the out-of-court window: it closes on 7 September 2022',
    );
    expect(decideEligibility({ type: 'resettlement', disposalDate: '2022-05-01' }, windows).reason).toBe(
      'This inspection does not sample resettlement cases',
    );
  });
});

describe('explainWindowProblem', () => {
  it('refuses a window that ends before it starts or reaches fieldwork', () => {
    expect(explainWindowProblem({ from: '2022-05-01', to: '2022-04-01' }, '2022-11-07')).toMatch(/start on or before/);
    expect(explainWindowProblem({ from: '2022-05-01', to: '2022-11-07' }, '2022-11-07')).toMatch(/before fieldwork/);
    expect(explainWindowProblem({ from: '2021-11-08', to: '2022-09-02' }, '2022-11-07')).toBeNull(); // St Helens 2023
  });
});
