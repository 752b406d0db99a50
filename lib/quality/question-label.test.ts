import { describe, expect, it } from 'vitest';
import { getFramework, listKeyQuestionsForCase } from '@/lib/framework';
import { labelQueriedQuestion } from './question-label';

const fw = getFramework('2021');
const kq = listKeyQuestionsForCase(fw, { type: 'court', disposal: 'referral_order' })[0];

describe('labelQueriedQuestion', () => {
  it('names a key question as the marking pages do, with its standard for the change link', () => {
    expect(labelQueriedQuestion(fw, kq.id)).toEqual({
      label: `${kq.id} ${kq.shortLabel} (judgement)`,
      standardId: kq.id.split('.').slice(0, 2).join('.'),
    });
  });

  it('names a prompt by its key question and letter', () => {
    expect(labelQueriedQuestion(fw, kq.prompts[1].id).label).toBe(`${kq.id} b) ${kq.prompts[1].text}`);
  });

  it('names case-level items and resettlement aspects, and falls back to the id', () => {
    expect(labelQueriedQuestion(fw, 'case:agreesWithRosh')).toEqual({
      label: 'Agree with the risk of serious harm classification',
      standardId: null,
    });
    expect(labelQueriedQuestion(fw, fw.resettlementAspects[0].id)).toEqual({
      label: `${fw.resettlementAspects[0].id} ${fw.resettlementAspects[0].shortLabel}`,
      standardId: '4.1',
    });
    expect(labelQueriedQuestion(fw, '9.9.9')).toEqual({ label: '9.9.9', standardId: null });
  });
});
