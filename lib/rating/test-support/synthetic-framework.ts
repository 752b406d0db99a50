/**
 * Small synthetic frameworks with the real shape (12 core standards; 2018: 3.4 case-marked
 * with 3.4.2 for youth conditional cautions only; 2021: 3.4 qualitative and 4.1 rated
 * separately), so engine tests do not depend on the framework data.
 */
import type { Framework, FrameworkVersion, KeyQuestion, Standard } from '@/lib/framework/types';

const LABELS = ['Desistance', 'Keeping the child safe', 'Keeping other people safe'];

function kq(id: string, shortLabel: string, extra: Partial<KeyQuestion> = {}): KeyQuestion {
  return {
    id,
    text: `Key question ${id}?`,
    shortLabel,
    prompts: [
      { id: `${id}.a`, text: `Prompt ${id}.a?` },
      { id: `${id}.b`, text: `Prompt ${id}.b?` },
    ],
    naReasons: [],
    ...extra,
  };
}

function caseMarked(id: string, title: string, caseType: 'court' | 'out_of_court'): Standard {
  return {
    id,
    title,
    descriptor: `${title} descriptor`,
    kind: 'case_marked',
    caseType,
    keyQuestions: LABELS.map((label, i) => kq(`${id}.${i + 1}`, label)),
  };
}

function qualitative(id: string, title: string, extra: Partial<Standard> = {}): Standard {
  return {
    id,
    title,
    descriptor: `${title} descriptor`,
    kind: 'qualitative',
    keyQuestions: [{ id: `${id}.1`, text: `Question ${id}.1?`, shortLabel: title, prompts: [], naReasons: [] }],
    ...extra,
  };
}

export function syntheticFramework(version: FrameworkVersion): Framework {
  const jointWorking: Standard = {
    id: '3.4',
    title: 'Joint working',
    descriptor: 'Joint working descriptor',
    kind: 'case_marked',
    caseType: 'out_of_court',
    keyQuestions: [
      kq('3.4.1', 'Recommendations'),
      kq('3.4.2', 'Working with the police', { onlyForDisposals: ['youth_conditional_caution'] }),
    ],
  };
  const domains: Framework['domains'] = [
    {
      id: '1',
      title: 'Organisational delivery',
      standards: [
        qualitative('1.1', 'Governance and leadership'),
        qualitative('1.2', 'Staff'),
        qualitative('1.3', 'Partnerships and services'),
        qualitative('1.4', 'Information and facilities'),
      ],
    },
    {
      id: '2',
      title: 'Court disposals',
      standards: [
        caseMarked('2.1', 'Assessment', 'court'),
        caseMarked('2.2', 'Planning', 'court'),
        caseMarked('2.3', 'Implementation and delivery', 'court'),
        caseMarked('2.4', 'Reviewing', 'court'),
      ],
    },
    {
      id: '3',
      title: 'Out-of-court disposals',
      standards: [
        caseMarked('3.1', 'Assessment', 'out_of_court'),
        caseMarked('3.2', 'Planning', 'out_of_court'),
        caseMarked('3.3', 'Implementation and delivery', 'out_of_court'),
        version === '2018' ? jointWorking : qualitative('3.4', 'Out-of-court disposal policy and provision'),
      ],
    },
  ];
  if (version === '2021') {
    domains.push({
      id: '4',
      title: 'Resettlement',
      standards: [qualitative('4.1', 'Resettlement policy and provision', { isRatedSeparately: true })],
    });
  }
  return {
    version,
    title: `Synthetic ${version}`,
    sources: [],
    domains,
    resettlementAspects:
      version === '2021'
        ? [
            { id: '4.1.r01', text: 'Accommodation planned before release?', shortLabel: 'Accommodation' },
            { id: '4.1.r02', text: 'Education, training or employment on release?', shortLabel: 'ETE' },
          ]
        : [],
  };
}

/** Counts helper: `c(8, 2)` = 8 yes, 2 no, 0 na. */
export function c(yes: number, no: number, na = 0) {
  return { yes, no, na };
}
