/**
 * HM Inspectorate of Probation revised youth standards (July 2021), as typed data.
 *
 * Taken from the inspection reports in /work/shared/seeds (see docs/frameworks.md for which
 * report each text came from and how printed inconsistencies were resolved):
 *   - 004_46eac8fc65744bcf.txt  Leicestershire, December 2021: standards, key questions, domain one,
 *                               3.4 and 4.1 questions, prompt lists a)... (Annexe 2)
 *   - 003_ce93bfaa3cc60c15.txt  St Helens, February 2023: standards, key questions, 3.4 and 4.1 text
 *   - 000_c1174f08f6b47fac.txt / 001_f9e6377b473ce7bd.txt  Blackpool / Wigan 2021 (2018 standards):
 *                               the one prompt the Leicestershire annexe does not print (3.3.3.b)
 *
 * The resettlement aspects (4.1.r01...) are Casemark's own illustrative questions, derived from
 * the reports' 4.1 text, not from a published prompt list: no report prints resettlement case
 * questions ("the data is for illustrative purposes only", Leicestershire 2021, Annexe 2). They
 * are labelled as Casemark's own wherever they appear. Ids are stable forever.
 */
import type { Framework } from './types';

export const FRAMEWORK_2021: Framework = {
  version: '2021',
  title: 'Youth justice standards (July 2021)',
  sources: ['004_46eac8fc65744bcf.txt', '003_ce93bfaa3cc60c15.txt', '000_c1174f08f6b47fac.txt', '001_f9e6377b473ce7bd.txt'],
  domains: [
    {
      id: '1',
      title: 'Organisational delivery',
      standards: [
        {
          id: '1.1',
          title: 'Governance and leadership',
          descriptor:
            'The governance and leadership of the YOT supports and promotes the delivery of a high-quality, personalised and responsive service for all children.',
          kind: 'qualitative',
          keyQuestions: [
            {
              id: '1.1.1',
              text: 'Is there an effective local vision and strategy for the delivery of a high-quality, personalised and responsive service for all children?',
              shortLabel: 'Vision and strategy',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.1.2',
              text: 'Do the partnership arrangements actively support effective service delivery?',
              shortLabel: 'Partnership arrangements',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.1.3',
              text: 'Does the leadership of the YOT support effective service delivery?',
              shortLabel: 'Leadership',
              prompts: [],
              naReasons: [],
            },
          ],
        },
        {
          id: '1.2',
          title: 'Staff',
          descriptor: 'Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service for all children.',
          kind: 'qualitative',
          keyQuestions: [
            {
              id: '1.2.1',
              text: 'Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service for all children?',
              shortLabel: 'Staffing and workload',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.2.2',
              text: 'Do the skills of YOT staff support the delivery of a high-quality, personalised and responsive service for all children?',
              shortLabel: 'Staff skills',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.2.3',
              text: 'Does the oversight of work support high-quality delivery and professional development?',
              shortLabel: 'Oversight of work',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.2.4',
              text: 'Are arrangements for learning and development comprehensive and responsive?',
              shortLabel: 'Learning and development',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.2.5',
              text: 'Do managers pay sufficient attention to staff engagement?',
              shortLabel: 'Staff engagement',
              prompts: [],
              naReasons: [],
            },
          ],
        },
        {
          id: '1.3',
          title: 'Partnerships and services',
          descriptor:
            'A comprehensive range of high-quality services is in place, enabling personalised and responsive provision for all children.',
          kind: 'qualitative',
          keyQuestions: [
            {
              id: '1.3.1',
              text: 'Is there a sufficiently comprehensive and up-to-date analysis of the profile of children, to ensure that the YOT can deliver well-targeted services?',
              shortLabel: 'Profile analysis',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.3.2',
              text: 'Does the YOT partnership have access to the volume, range and quality of services and interventions to meet the needs of all children?',
              shortLabel: 'Services and interventions',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.3.3',
              text: 'Are arrangements with statutory partners, providers and other agencies established, maintained and used effectively to deliver high-quality services?',
              shortLabel: 'Partner arrangements',
              prompts: [],
              naReasons: [],
            },
          ],
        },
        {
          id: '1.4',
          title: 'Information and facilities',
          descriptor:
            'Timely and relevant information is available and appropriate facilities are in place to support a high-quality, personalised and responsive approach for all children.',
          kind: 'qualitative',
          keyQuestions: [
            {
              id: '1.4.1',
              text: 'Do the policies and guidance in place enable staff to deliver a high-quality service, meeting the needs of all children?',
              shortLabel: 'Policies and guidance',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.4.2',
              text: "Does the YOT's delivery environment(s) meet the needs of all children and enable staff to deliver a quality service?",
              shortLabel: 'Delivery environment',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.4.3',
              text: 'Do the information and communication technology (ICT) systems enable staff to deliver a quality service, meeting the needs of all children?',
              shortLabel: 'ICT systems',
              prompts: [],
              naReasons: [],
            },
            {
              id: '1.4.4',
              text: 'Are analysis, evidence and learning used effectively to drive improvement?',
              shortLabel: 'Analysis, evidence and learning',
              prompts: [],
              naReasons: [],
            },
          ],
        },
      ],
    },
    {
      id: '2',
      title: 'Court disposals',
      standards: [
        {
          id: '2.1',
          title: 'Assessment',
          descriptor: 'Assessment is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'court',
          keyQuestions: [
            {
              id: '2.1.1',
              text: "Does assessment sufficiently analyse how to support the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '2.1.1.a',
                  text: "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
                },
                { id: '2.1.1.b', text: 'Does assessment sufficiently analyse diversity issues?' },
                {
                  id: '2.1.1.c',
                  text: 'Does assessment consider personal circumstances, including the wider familial and social context of the child?',
                },
                { id: '2.1.1.d', text: 'Does assessment utilise information held by other agencies?' },
                { id: '2.1.1.e', text: "Does assessment focus on the child's strengths and protective factors?" },
                {
                  id: '2.1.1.f',
                  text: 'Does assessment analyse the key structural barriers facing the child?',
                  guidance: 'Where applicable: only where the child faces key structural barriers.',
                },
                {
                  id: '2.1.1.g',
                  text: "Is enough attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?",
                },
                {
                  id: '2.1.1.h',
                  text: 'Does assessment give sufficient attention to the needs and wishes of victims, and opportunities for restorative justice?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '2.1.1.i',
                  text: 'Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?',
                },
              ],
              naReasons: ['No assessment was due (e.g. the case was transferred out or the order ended before an assessment was required)'],
            },
            {
              id: '2.1.2',
              text: 'Does assessment sufficiently analyse how to keep the child safe?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                {
                  id: '2.1.2.a',
                  text: 'Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?',
                  guidance:
                    'AssetPlus defines safety and wellbeing concerns as "those outcomes where the young person\'s safety and wellbeing may be compromised through their own behaviour, personal circumstances or because of the acts/omissions of others".',
                },
                {
                  id: '2.1.2.b',
                  text: 'Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?',
                },
                {
                  id: '2.1.2.c',
                  text: 'Does assessment analyse controls and interventions to promote the safety and wellbeing of the child?',
                },
              ],
              naReasons: ['No assessment was due (e.g. the case was transferred out or the order ended before an assessment was required)'],
            },
            {
              id: '2.1.3',
              text: 'Does assessment sufficiently analyse how to keep other people safe?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                {
                  id: '2.1.3.a',
                  text: 'Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?',
                  guidance:
                    "'Risk of harm' is broader than the risk of serious harm classification (low/medium/high/very high): it also covers lower-impact harmful behaviour that is probable, not only behaviour with a 'serious' impact.",
                },
                {
                  id: '2.1.3.b',
                  text: 'Does assessment draw sufficiently on available sources of information, including past behaviour and convictions, and involve other agencies where appropriate?',
                },
                {
                  id: '2.1.3.c',
                  text: 'Does assessment analyse controls and interventions to manage and minimise the risk of harm presented by the child?',
                },
              ],
              naReasons: ['No assessment was due (e.g. the case was transferred out or the order ended before an assessment was required)'],
            },
          ],
        },
        {
          id: '2.2',
          title: 'Planning',
          descriptor: 'Planning is well-informed, holistic and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'court',
          keyQuestions: [
            {
              id: '2.2.1',
              text: "Does planning focus sufficiently on supporting the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '2.2.1.a',
                  text: 'Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing?',
                },
                { id: '2.2.1.b', text: 'Does planning sufficiently address diversity issues?' },
                {
                  id: '2.2.1.c',
                  text: "Does planning take sufficient account of the child's personal circumstances, including the wider familial and social context of the child?",
                },
                {
                  id: '2.2.1.d',
                  text: "Does planning take sufficient account of the child's strengths and protective factors, and seek to reinforce or develop these as necessary?",
                },
                {
                  id: '2.2.1.e',
                  text: "Does planning take sufficient account of the child's levels of maturity, ability and motivation to change, and seek to develop these as necessary?",
                },
                {
                  id: '2.2.1.f',
                  text: 'Does planning give sufficient attention to the needs and wishes of victims?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '2.2.1.g',
                  text: 'Are the child and their parents or carers meaningfully involved in planning, and are their views taken into account?',
                },
              ],
              naReasons: ['No plan was expected (e.g. disposal too short / case closed early)'],
            },
            {
              id: '2.2.2',
              text: 'Does planning focus sufficiently on keeping the child safe?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                { id: '2.2.2.a', text: 'Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?' },
                {
                  id: '2.2.2.b',
                  text: 'Does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (e.g. child protection or care plans) concerning the child?',
                },
                {
                  id: '2.2.2.c',
                  text: 'Does planning set out the necessary controls and interventions to promote the safety and wellbeing of the child?',
                },
                {
                  id: '2.2.2.d',
                  text: 'Does planning set out necessary and effective contingency arrangements to manage those risks that have been identified?',
                  guidance:
                    'There should be a clear plan of action if the risk were to increase or decrease: should anticipated events occur (for example, the child becoming homeless), the plan sets out what action is to be taken.',
                },
              ],
              naReasons: [
                "No factors related to the child's safety and wellbeing",
                'No plan was expected (e.g. disposal too short / case closed early)',
              ],
            },
            {
              id: '2.2.3',
              text: 'Does planning focus sufficiently on keeping other people safe?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                { id: '2.2.3.a', text: 'Does planning promote the safety of other people, sufficiently addressing risk of harm factors?' },
                { id: '2.2.3.b', text: 'Does planning involve other agencies where appropriate?' },
                { id: '2.2.3.c', text: 'Does planning address any specific concerns and risks related to actual and potential victims?' },
                {
                  id: '2.2.3.d',
                  text: 'Does planning set out the necessary controls and interventions to promote the safety of other people?',
                },
                {
                  id: '2.2.3.e',
                  text: 'Does planning set out necessary and effective contingency arrangements to manage those risks that have been identified?',
                  guidance:
                    'There should be a clear plan of action if the risk were to increase or decrease: should anticipated events occur (for example, the child becoming homeless), the plan sets out what action is to be taken.',
                },
              ],
              naReasons: [
                'No factors related to the risk of harm to others',
                'Risk of serious harm judged low by the inspector, so no meaningful work to keep others safe was expected',
                'No plan was expected (e.g. disposal too short / case closed early)',
              ],
            },
          ],
        },
        {
          id: '2.3',
          title: 'Implementation and delivery',
          descriptor: 'High-quality, well-focused, personalised and coordinated services are delivered, engaging and assisting the child.',
          kind: 'case_marked',
          caseType: 'court',
          keyQuestions: [
            {
              id: '2.3.1',
              text: "Does the implementation and delivery of services effectively support the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '2.3.1.a',
                  text: 'Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing and the available timescales?',
                },
                { id: '2.3.1.b', text: 'Does service delivery account for the diversity issues of the child?' },
                {
                  id: '2.3.1.c',
                  text: 'Does service delivery reflect the wider familial and social context of the child, involving parents or carers, or significant others?',
                },
                { id: '2.3.1.d', text: "Does service delivery build upon the child's strengths and enhance protective factors?" },
                {
                  id: '2.3.1.e',
                  text: 'Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents or carers?',
                },
                {
                  id: '2.3.1.f',
                  text: 'Does service delivery promote opportunities for community integration, including access to services post-supervision?',
                },
                {
                  id: '2.3.1.g',
                  text: "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
                },
                {
                  id: '2.3.1.h',
                  text: 'Are enforcement actions taken when appropriate?',
                  guidance: 'Only where enforcement action was required.',
                },
              ],
              naReasons: ['No services were due to be delivered (e.g. the case was transferred out or closed soon after the disposal)'],
            },
            {
              id: '2.3.2',
              text: 'Does the implementation and delivery of services effectively support the safety of the child?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                { id: '2.3.2.a', text: 'Does service delivery promote the safety and wellbeing of the child?' },
                {
                  id: '2.3.2.b',
                  text: 'Is the involvement of other organisations in keeping the child safe sufficiently well-coordinated?',
                },
              ],
              naReasons: ["No factors related to the child's safety and wellbeing"],
            },
            {
              id: '2.3.3',
              text: 'Does the implementation and delivery of services effectively support the safety of other people?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                { id: '2.3.3.a', text: 'Are the delivered services sufficient to manage and minimise the risk of harm?' },
                { id: '2.3.3.b', text: 'Is sufficient attention given to the protection of actual and potential victims?' },
                { id: '2.3.3.c', text: 'Is the involvement of other agencies in managing the risk of harm sufficiently well-coordinated?' },
              ],
              naReasons: [
                'No factors related to the risk of harm to others',
                'Risk of serious harm judged low by the inspector, so no meaningful work to keep others safe was expected',
              ],
            },
          ],
        },
        {
          id: '2.4',
          title: 'Reviewing',
          descriptor:
            'Reviewing of progress is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'court',
          keyQuestions: [
            {
              // Leicestershire Annexe 2 prints two d) prompts; lettered here in printed order (d, e, f, g).
              id: '2.4.1',
              text: "Does reviewing focus sufficiently on supporting the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                { id: '2.4.1.a', text: 'Does reviewing identify and respond to changes in factors linked to desistance?' },
                {
                  id: '2.4.1.b',
                  text: "Does reviewing focus sufficiently on building upon the child's strengths and enhancing protective factors?",
                },
                { id: '2.4.1.c', text: 'Does reviewing include analysis of, and respond to, diversity factors?' },
                {
                  id: '2.4.1.d',
                  text: 'Does reviewing consider the personal circumstances, including the wider familial and social context of the child?',
                },
                { id: '2.4.1.e', text: 'Does reviewing consider motivation and engagement levels and any relevant barriers?' },
                {
                  id: '2.4.1.f',
                  text: 'Are the child and their parents or carers meaningfully involved in reviewing their progress and engagement, and are their views taken into account?',
                },
                {
                  id: '2.4.1.g',
                  text: 'Does reviewing lead to the necessary adjustments in the ongoing plan of work to support desistance?',
                },
              ],
              naReasons: ['No review was needed (no significant change in factors related to desistance)'],
            },
            {
              id: '2.4.2',
              text: 'Does reviewing focus sufficiently on keeping the child safe?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                { id: '2.4.2.a', text: 'Does reviewing identify and respond to changes in factors related to safety and wellbeing?' },
                {
                  id: '2.4.2.b',
                  text: 'Is reviewing informed by the necessary input from other agencies involved in promoting the safety and wellbeing of the child?',
                },
                {
                  id: '2.4.2.c',
                  text: 'Does reviewing lead to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child?',
                },
              ],
              naReasons: [
                "No review was needed (no significant change in factors related to the child's safety and wellbeing)",
                "No factors related to the child's safety and wellbeing",
              ],
            },
            {
              // 2021 prints three prompts: the 2018 "meaningfully involved in reviewing their risk of harm" prompt is not printed.
              id: '2.4.3',
              text: 'Does reviewing focus sufficiently on keeping other people safe?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                { id: '2.4.3.a', text: 'Does reviewing identify and respond to changes in factors related to risk of harm?' },
                {
                  id: '2.4.3.b',
                  text: 'Is reviewing informed by the necessary input from other agencies involved in managing the risk of harm?',
                },
                {
                  id: '2.4.3.c',
                  text: 'Does reviewing lead to the necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm?',
                },
              ],
              naReasons: [
                'No review was needed (no significant change in factors related to the risk of harm to others)',
                'No factors related to the risk of harm to others',
              ],
            },
          ],
        },
      ],
    },
    {
      id: '3',
      title: 'Out-of-court disposals',
      standards: [
        {
          id: '3.1',
          title: 'Assessment',
          descriptor: 'Assessment is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'out_of_court',
          keyQuestions: [
            {
              id: '3.1.1',
              text: "Does assessment sufficiently analyse how to support the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '3.1.1.a',
                  text: "Is there sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility for, attitudes towards and motivations for their offending?",
                },
                { id: '3.1.1.b', text: 'Does assessment sufficiently analyse diversity issues?' },
                {
                  id: '3.1.1.c',
                  text: 'Does assessment consider personal circumstances, including the wider familial and social context of the child?',
                },
                { id: '3.1.1.d', text: 'Does assessment utilise information held by other agencies?' },
                { id: '3.1.1.e', text: "Does assessment focus on the child's strengths and protective factors?" },
                {
                  id: '3.1.1.f',
                  text: 'Does assessment analyse the key structural barriers facing the child?',
                  guidance: 'Where applicable: only where the child faces key structural barriers.',
                },
                {
                  id: '3.1.1.g',
                  text: "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change?",
                },
                {
                  id: '3.1.1.h',
                  text: 'Does assessment give sufficient attention to the needs and wishes of victims, and opportunities for restorative justice?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '3.1.1.i',
                  text: 'Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?',
                },
              ],
              naReasons: ['No assessment was due (e.g. a community resolution administered by the police without YOT involvement)'],
            },
            {
              id: '3.1.2',
              text: 'Does assessment sufficiently analyse how to keep the child safe?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                {
                  id: '3.1.2.a',
                  text: 'Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?',
                  guidance:
                    'AssetPlus defines safety and wellbeing concerns as "those outcomes where the young person\'s safety and wellbeing may be compromised through their own behaviour, personal circumstances or because of the acts/omissions of others".',
                },
                {
                  id: '3.1.2.b',
                  text: 'Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?',
                },
              ],
              naReasons: ['No assessment was due (e.g. a community resolution administered by the police without YOT involvement)'],
            },
            {
              id: '3.1.3',
              text: 'Does assessment sufficiently analyse how to keep other people safe?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                {
                  id: '3.1.3.a',
                  text: 'Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?',
                  guidance:
                    "'Risk of harm' is broader than the risk of serious harm classification (low/medium/high/very high): it also covers lower-impact harmful behaviour that is probable, not only behaviour with a 'serious' impact.",
                },
                {
                  id: '3.1.3.b',
                  text: 'Does assessment draw sufficiently on available sources of information, including any other assessments that have been completed, and other evidence of behaviour by the child?',
                },
              ],
              naReasons: ['No assessment was due (e.g. a community resolution administered by the police without YOT involvement)'],
            },
          ],
        },
        {
          // Descriptor as printed by St Helens 2023; Leicestershire misprints it as the 3.1 descriptor.
          id: '3.2',
          title: 'Planning',
          descriptor: 'Planning is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'out_of_court',
          keyQuestions: [
            {
              id: '3.2.1',
              text: "Does planning focus on supporting the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '3.2.1.a',
                  text: 'Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing?',
                },
                { id: '3.2.1.b', text: 'Does planning sufficiently address diversity issues?' },
                {
                  id: '3.2.1.c',
                  text: "Does planning take sufficient account of the child's personal circumstances, including the wider familial and social context of the child?",
                },
                {
                  id: '3.2.1.d',
                  text: "Does planning take sufficient account of the child's strengths and protective factors, and seek to reinforce or develop these as necessary?",
                },
                {
                  id: '3.2.1.e',
                  text: "Does planning take sufficient account of the child's levels of maturity, ability and motivation to change, and seek to develop these as necessary?",
                },
                {
                  id: '3.2.1.f',
                  text: 'Does planning take sufficient account of opportunities for community integration, including access to mainstream services following completion of out-of-court disposal work?',
                  guidance:
                    'Look for planned access to universal, mainstream and early help services that can continue to support the child after the out-of-court disposal ends.',
                },
                {
                  id: '3.2.1.g',
                  text: 'Does planning give sufficient attention to the needs and wishes of the victims?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '3.2.1.h',
                  text: 'Are the child and their parents or carers meaningfully involved in planning, and are their views taken into account?',
                },
              ],
              naReasons: [
                'No plan was expected (e.g. disposal too short / case closed early, or a community resolution with no YOT intervention)',
              ],
            },
            {
              id: '3.2.2',
              text: 'Does planning focus sufficiently on keeping the child safe?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                { id: '3.2.2.a', text: 'Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?' },
                {
                  id: '3.2.2.b',
                  text: 'Does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (e.g. child protection or care plans) concerning the child?',
                },
                {
                  id: '3.2.2.c',
                  text: 'Does planning include necessary contingency arrangements for those risks that have been identified?',
                  guidance:
                    'There should be a clear plan of action if the risk were to increase or decrease: should anticipated events occur (for example, the child becoming homeless), the plan sets out what action is to be taken.',
                },
              ],
              naReasons: [
                "No factors related to the child's safety and wellbeing",
                'No plan was expected (e.g. disposal too short / case closed early, or a community resolution with no YOT intervention)',
              ],
            },
            {
              id: '3.2.3',
              text: 'Does planning focus sufficiently on keeping other people safe?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                { id: '3.2.3.a', text: 'Does planning promote the safety of other people, sufficiently addressing risk of harm factors?' },
                { id: '3.2.3.b', text: 'Does planning involve other agencies where appropriate?' },
                { id: '3.2.3.c', text: 'Does planning address any specific concerns and risks related to actual and potential victims?' },
                {
                  id: '3.2.3.d',
                  text: 'Does planning include necessary contingency arrangements for those risks that have been identified?',
                  guidance:
                    'There should be a clear plan of action if the risk were to increase or decrease: should anticipated events occur (for example, the child becoming homeless), the plan sets out what action is to be taken.',
                },
              ],
              naReasons: [
                'No factors related to the risk of harm to others',
                'Risk of serious harm judged low by the inspector, so no meaningful work to keep others safe was expected',
                'No plan was expected (e.g. disposal too short / case closed early, or a community resolution with no YOT intervention)',
              ],
            },
          ],
        },
        {
          id: '3.3',
          title: 'Implementation and delivery',
          descriptor: 'High-quality, well-focused, personalised and coordinated services are delivered, engaging and assisting the child.',
          kind: 'case_marked',
          caseType: 'out_of_court',
          keyQuestions: [
            {
              id: '3.3.1',
              text: "Does service delivery effectively support the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '3.3.1.a',
                  text: 'Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing and the available timescales?',
                },
                { id: '3.3.1.b', text: 'Does service delivery account for the diversity issues of the child?' },
                {
                  id: '3.3.1.c',
                  text: 'Does service delivery reflect the wider familial and social context of the child, involving parents or carers, or significant others?',
                },
                {
                  id: '3.3.1.d',
                  text: 'Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents or carers?',
                },
                {
                  id: '3.3.1.e',
                  text: "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
                },
                {
                  id: '3.3.1.f',
                  text: 'Does service delivery promote opportunities for community integration, including access to mainstream services?',
                },
              ],
              naReasons: ['No services were due to be delivered (e.g. the case was transferred out or closed soon after the disposal)'],
            },
            {
              id: '3.3.2',
              text: 'Does service delivery effectively support the safety of the child?',
              shortLabel: 'Keeping the child safe',
              prompts: [
                { id: '3.3.2.a', text: 'Does service delivery promote the safety and wellbeing of the child?' },
                {
                  id: '3.3.2.b',
                  text: 'Is the involvement of other agencies in keeping the child safe sufficiently well utilised and coordinated?',
                },
              ],
              naReasons: ["No factors related to the child's safety and wellbeing"],
            },
            {
              id: '3.3.3',
              text: 'Does service delivery effectively support the safety of other people?',
              shortLabel: 'Keeping other people safe',
              prompts: [
                { id: '3.3.3.a', text: 'Are the delivered services sufficient to manage and minimise the risk of harm?' },
                // Not printed in any 2021 report (the Leicestershire annexe stops after a)); text from the 2018 list
                // (Blackpool/Wigan 2021), corroborated by St Helens 2023 3.3 text. See docs/frameworks.md.
                { id: '3.3.3.b', text: 'Is sufficient attention given to the protection of actual and potential victims?' },
              ],
              naReasons: [
                'No factors related to the risk of harm to others',
                'Risk of serious harm judged low by the inspector, so no meaningful work to keep others safe was expected',
              ],
            },
          ],
        },
        {
          id: '3.4',
          title: 'Out-of-court disposal policy and provision',
          descriptor:
            'There is a high-quality, evidence-based out-of-court disposal service in place that promotes diversion and supports sustainable desistance.',
          kind: 'qualitative',
          keyQuestions: [
            {
              id: '3.4.1',
              text: 'Is there a policy in place for out-of-court provision that promotes appropriate diversion and supports sustainable desistance?',
              shortLabel: 'Policy',
              prompts: [],
              naReasons: [],
            },
            {
              id: '3.4.2',
              text: 'Does out-of-court disposal provision promote diversion and support sustainable desistance?',
              shortLabel: 'Provision',
              prompts: [],
              naReasons: [],
            },
            {
              id: '3.4.3',
              text: 'Are the out-of-court disposal policy and provision regularly assessed and updated to ensure effectiveness and maintain alignment with the evidence base?',
              shortLabel: 'Review and evidence base',
              prompts: [],
              naReasons: [],
            },
          ],
        },
      ],
    },
    {
      id: '4',
      title: 'Resettlement',
      standards: [
        {
          // Rated separately: does not count towards the 0-36 score; an Inadequate rating here rules out an overall
          // 'Outstanding' (Leicestershire 2021, Annexe 2). Resettlement cases are marked against resettlementAspects.
          id: '4.1',
          title: 'Resettlement policy and provision',
          descriptor: 'There is a high-quality, evidence-based resettlement service for children leaving custody.',
          kind: 'qualitative',
          isRatedSeparately: true,
          keyQuestions: [
            {
              id: '4.1.1',
              text: 'Is there a resettlement policy in place that promotes a high-quality, constructive and personalised resettlement service for all children?',
              shortLabel: 'Policy',
              prompts: [],
              naReasons: [],
            },
            {
              id: '4.1.2',
              text: 'Does resettlement provision promote a high-quality, constructive and personalised resettlement service for all children?',
              shortLabel: 'Provision',
              prompts: [],
              naReasons: [],
            },
            {
              id: '4.1.3',
              text: 'Are resettlement policy and provision regularly assessed and updated to ensure effectiveness and maintain alignment with the evidence base?',
              shortLabel: 'Review and evidence base',
              prompts: [],
              naReasons: [],
            },
          ],
        },
      ],
    },
  ],
  // Casemark's own illustrative questions (CASEMARK_OWN_RESETTLEMENT_LABEL), not the inspectorate's.
  resettlementAspects: [
    {
      id: '4.1.r01',
      text: 'Did resettlement planning start at the beginning of the sentence?',
      shortLabel: 'Release planning from the start',
    },
    { id: '4.1.r02', text: "Was suitable accommodation planned and in place for the child's release?", shortLabel: 'Accommodation' },
    {
      id: '4.1.r03',
      text: "Was education, training or employment planned and in place for the child's release?",
      shortLabel: 'Education, training and employment',
    },
    {
      id: '4.1.r04',
      text: "Were the child's physical and mental health needs addressed, with health services in place on release?",
      shortLabel: 'Health',
    },
    {
      id: '4.1.r05',
      text: "Were the child's parents or carers and family involved in resettlement planning and provision?",
      shortLabel: 'Family involvement',
    },
    { id: '4.1.r06', text: "Did resettlement work take account of the child's diversity needs?", shortLabel: 'Diversity' },
    {
      id: '4.1.r07',
      text: 'Did the YOT work jointly with the custodial establishment, sharing information and reviewing progress together?',
      shortLabel: 'Joint work with custody',
    },
    {
      id: '4.1.r08',
      text: 'Where the child reached 18, was the transition to adult services (the Probation Service) planned and handed over effectively?',
      shortLabel: 'Transition at 18',
    },
    {
      id: '4.1.r09',
      text: "Was the child's safety and wellbeing managed effectively through custody and release?",
      shortLabel: 'Safety and wellbeing',
    },
    {
      id: '4.1.r10',
      text: 'Was the risk of harm the child poses to others managed effectively through custody and release?',
      shortLabel: 'Risk of harm to others',
    },
  ],
};
