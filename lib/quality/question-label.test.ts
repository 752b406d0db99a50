import { describe, expect, it } from 'vitest';
import { getFramework, listKeyQuestionsForCase } from '@/lib/framework';
import { labelQueriedQuestion } from './question-label';
import { at } from '@/lib/must';

const fw = getFramework('2021');
const kq = at(listKeyQuestionsForCase(fw, { type: 'court', disposal: 'referral_order' }), 0);
const prompt = at(kq.prompts, 1);
const aspect = at(fw.resettlementAspects, 0);

describe('labelQueriedQuestion', () => {
  it('names a key question as the marking pages do, with its standard for the change link', () => {
    expect(labelQueriedQuestion(fw, kq.id)).toEqual({
      label: `${kq.id} ${kq.shortLabel} (judgement)`,
      standardId: kq.id.split('.').slice(0, 2).join('.'),
    });
  });

  it('names a prompt by its key question and letter', () => {
    expect(labelQueriedQuestion(fw, prompt.id).label).toBe(`${kq.id} b) ${prompt.text}`);
  });

  it('names case-level items and resettlement aspects, and falls back to the id', () => {
    expect(labelQueriedQuestion(fw, 'case:agreesWithRosh')).toEqual({
      label: 'Agree with the risk of serious harm classification',
      standardId: null,
    });
    expect(labelQueriedQuestion(fw, aspect.id)).toEqual({
      label: `${aspect.id} ${aspect.shortLabel}`,
      standardId: '4.1',
    });
    expect(labelQueriedQuestion(fw, '9.9.9')).toEqual({ label: '9.9.9', standardId: null });
  });
});
