import { describe, expect, it } from 'vitest';
import {
  checkCaseReference,
  explainCaseTypeForFramework,
  explainDisposalMismatch,
  isoDateOf,
  looksLikePersonalName,
  parseCalendarDate,
  parseCaseType,
  parseDisposal,
  parseLevel,
} from './case-fields';

describe('parseCaseType', () => {
  it('accepts the enum words and the words people write', () => {
    expect(parseCaseType('court')).toBe('court');
    expect(parseCaseType('Court')).toBe('court');
    expect(parseCaseType('Court disposal')).toBe('court');
    expect(parseCaseType('out_of_court')).toBe('out_of_court');
    expect(parseCaseType('Out of court')).toBe('out_of_court');
    expect(parseCaseType(' Out-of-court disposal ')).toBe('out_of_court');
    expect(parseCaseType('RESETTLEMENT')).toBe('resettlement');
  });

  it('refuses anything else', () => {
    expect(parseCaseType('custody')).toBeNull();
    expect(parseCaseType('')).toBeNull();
  });
});

describe('parseDisposal and parseLevel', () => {
  it('accept enum words and labels in any case', () => {
    expect(parseDisposal('referral_order')).toBe('referral_order');
    expect(parseDisposal('Youth rehabilitation order')).toBe('youth_rehabilitation_order');
    expect(parseDisposal('Other out-of-court disposal')).toBe('other_out_of_court');
    expect(parseDisposal('youth conditional caution')).toBe('youth_conditional_caution');
    expect(parseDisposal('ASBO')).toBeNull();
    expect(parseLevel('Very high')).toBe('very_high');
    expect(parseLevel('very-high')).toBe('very_high');
    expect(parseLevel('LOW')).toBe('low');
    expect(parseLevel('extreme')).toBeNull();
  });
});

describe('explainDisposalMismatch', () => {
  it('is null when the disposal fits the case type', () => {
    expect(explainDisposalMismatch('referral_order', 'court')).toBeNull();
    expect(explainDisposalMismatch('youth_caution', 'out_of_court')).toBeNull();
    expect(explainDisposalMismatch('custodial_sentence', 'resettlement')).toBeNull();
  });

  it('explains a court disposal on an out-of-court case and the other way round', () => {
    expect(explainDisposalMismatch('referral_order', 'out_of_court')).toBe(
      'Referral order is a court disposal, but the case type is out-of-court',
    );
    expect(explainDisposalMismatch('youth_caution', 'court')).toBe('Youth caution is an out-of-court disposal, but the case type is court');
    expect(explainDisposalMismatch('community_resolution', 'resettlement')).toMatch(/resettlement/);
  });
});

describe('explainCaseTypeForFramework', () => {
  it('refuses resettlement cases under the 2018 standards only', () => {
    expect(explainCaseTypeForFramework('resettlement', '2018')).toMatch(/July 2021/);
    expect(explainCaseTypeForFramework('resettlement', '2021')).toBeNull();
    expect(explainCaseTypeForFramework('court', '2018')).toBeNull();
  });
});

describe('parseCalendarDate', () => {
  it('accepts YYYY-MM-DD and DD/MM/YYYY, returning ISO', () => {
    expect(parseCalendarDate('2026-09-14')).toBe('2026-09-14');
    expect(parseCalendarDate('14/09/2026')).toBe('2026-09-14');
    expect(parseCalendarDate('1/2/2026')).toBe('2026-02-01');
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses dates that do not exist and other formats', () => {
    expect(parseCalendarDate('2026-02-29')).toBeNull();
    expect(parseCalendarDate('31/04/2026')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('09/14/2026')).toBeNull(); // US order: month 14
    expect(parseCalendarDate('14.09.2026')).toBeNull();
    expect(parseCalendarDate('yesterday')).toBeNull();
    expect(parseCalendarDate('1899-12-31')).toBeNull();
  });

  it('isoDateOf checks every part', () => {
    expect(isoDateOf(2026, 11, 16)).toBe('2026-11-16');
    expect(isoDateOf(2026, 0, 1)).toBeNull();
    expect(isoDateOf(2026, 1, 1.5)).toBeNull();
  });
});

describe('looksLikePersonalName and checkCaseReference', () => {
  it('flags two or more words of letters with no digits', () => {
    for (const name of ['Jayden Smith', 'SMITH, Jayden', 'Mary-Jane O’Neil', 'mary jane smith', 'Zoë Ørsted']) {
      expect(looksLikePersonalName(name), name).toBe(true);
    }
  });

  it('leaves real case references alone', () => {
    for (const ref of ['YJS-0042', 'C-1', 'NS 014', 'OOC 2026 7', 'Alpha', 'ABC123', 'Case 12']) {
      expect(looksLikePersonalName(ref), ref).toBe(false);
    }
  });

  it('explains what is wrong with a reference', () => {
    expect(checkCaseReference('  ')).toBe('Enter a case reference');
    expect(checkCaseReference('x'.repeat(41))).toBe('Case reference must be 40 characters or fewer');
    expect(checkCaseReference('x'.repeat(40))).toBeNull();
    expect(checkCaseReference('Jayden Smith')).toMatch(/looks like a name.*never a child’s name/);
    expect(checkCaseReference('a\tb')).toMatch(/one line/);
    expect(checkCaseReference('YJS-0042')).toBeNull();
  });
});
