/**
 * HM Inspectorate of Probation youth standards (2018), as typed data.
 *
 * Taken from the inspection reports in /work/shared/seeds (see docs/frameworks.md for which
 * report each text came from and how printed inconsistencies were resolved):
 *   - 000_c1174f08f6b47fac.txt  Blackpool, September 2021: standards, key questions, and the full
 *                               prompt lists (Annexe 2), domain one questions
 *   - 001_f9e6377b473ce7bd.txt  Wigan, August 2021: the same prompt lists (printed with counts)
 *   - 002_b3ff77846e023e08.txt  Dudley, June 2019: key-question table (Annex 2)
 *
 * Ids are stable forever: answers in the database and in interchange files refer to them.
 */
import type { Framework } from './types';

export const FRAMEWORK_2018: Framework = {
  version: '2018',
  title: 'Youth justice standards (2018)',
  sources: ['000_c1174f08f6b47fac.txt', '001_f9e6377b473ce7bd.txt', '002_b3ff77846e023e08.txt'],
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
              text: 'Is there a clear local vision and strategy for the delivery of a high-quality, personalised and responsive service for all children?',
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
              text: 'Are the necessary policies and guidance in place to enable staff to deliver a quality service, meeting the needs of all children?',
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
              text: 'Is analysis, evidence and learning used effectively to drive improvement?',
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
                {
                  id: '2.1.1.b',
                  text: 'Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?',
                },
                { id: '2.1.1.c', text: "Does assessment focus on the child's strengths and protective factors?" },
                {
                  id: '2.1.1.d',
                  text: 'Does assessment analyse the key structural barriers facing the child?',
                  guidance: 'Where applicable: only where the child faces key structural barriers.',
                },
                {
                  id: '2.1.1.e',
                  text: "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?",
                },
                {
                  id: '2.1.1.f',
                  text: 'Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '2.1.1.g',
                  text: 'Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?',
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
                {
                  id: '2.2.1.b',
                  text: 'Does planning take sufficient account of the diversity and wider familial and social context of the child?',
                },
                {
                  id: '2.2.1.c',
                  text: "Does planning take sufficient account of the child's strengths and protective factors, and seek to reinforce or develop these as necessary?",
                },
                {
                  id: '2.2.1.d',
                  text: "Does planning take sufficient account of the child's levels of maturity, ability and motivation to change, and seek to develop these as necessary?",
                },
                {
                  id: '2.2.1.e',
                  text: 'Does planning give sufficient attention to the needs and wishes of the victim/s?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '2.2.1.f',
                  text: 'Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?',
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
                {
                  id: '2.3.1.b',
                  text: 'Does service delivery reflect the diversity and wider familial and social context of the child, involving parents/carers or significant others?',
                },
                { id: '2.3.1.c', text: "Does service delivery build upon the child's strengths and enhance protective factors?" },
                {
                  id: '2.3.1.d',
                  text: 'Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents/carers?',
                },
                {
                  id: '2.3.1.e',
                  text: 'Does service delivery promote opportunities for community integration including access to services post-supervision?',
                },
                {
                  id: '2.3.1.f',
                  text: "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
                },
                {
                  id: '2.3.1.g',
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
                  text: 'Is the involvement of other organisations in keeping the child safe sufficiently well coordinated?',
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
                { id: '2.3.3.c', text: 'Is the involvement of other agencies in managing the risk of harm sufficiently well coordinated?' },
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
              // Wigan 2021 prints only a)-d); e) is from Blackpool 2021, Annexe 2.
              id: '2.4.1',
              text: "Does reviewing focus sufficiently on supporting the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                { id: '2.4.1.a', text: 'Does reviewing identify and respond to changes in factors linked to desistance?' },
                {
                  id: '2.4.1.b',
                  text: "Does reviewing focus sufficiently on building upon the child's strengths and enhancing protective factors?",
                },
                { id: '2.4.1.c', text: 'Does reviewing consider motivation and engagement levels and any relevant barriers?' },
                {
                  id: '2.4.1.d',
                  text: 'Is the child and their parents/carers meaningfully involved in reviewing their progress and engagement, and are their views taken into account?',
                },
                {
                  id: '2.4.1.e',
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
                  text: 'Is the child and their parents/carers meaningfully involved in reviewing their risk of harm, and are their views taken into account?',
                },
                {
                  id: '2.4.3.d',
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
                  text: "Is there sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility, attitudes towards and motivations for their offending?",
                },
                {
                  id: '3.1.1.b',
                  text: 'Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?',
                },
                { id: '3.1.1.c', text: "Does assessment focus on the child's strengths and protective factors?" },
                {
                  id: '3.1.1.d',
                  text: 'Does assessment analyse the key structural barriers facing the child?',
                  guidance: 'Where applicable: only where the child faces key structural barriers.',
                },
                {
                  id: '3.1.1.e',
                  text: "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change?",
                },
                {
                  id: '3.1.1.f',
                  text: 'Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '3.1.1.g',
                  text: 'Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?',
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
          // Descriptor as printed by Wigan 2021 ('analytical'); Dudley 2019 prints 'holistic'.
          id: '3.2',
          title: 'Planning',
          descriptor: 'Planning is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
          kind: 'case_marked',
          caseType: 'out_of_court',
          keyQuestions: [
            {
              // Blackpool and Wigan print no 'sufficiently' here (Dudley 2019 does).
              id: '3.2.1',
              text: "Does planning focus on supporting the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '3.2.1.a',
                  text: 'Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing?',
                },
                {
                  id: '3.2.1.b',
                  text: 'Does planning take sufficient account of the diversity and wider familial and social context of the child?',
                },
                {
                  id: '3.2.1.c',
                  text: "Does planning take sufficient account of the child's strengths and protective factors, and seek to reinforce or develop these as necessary?",
                },
                {
                  id: '3.2.1.d',
                  text: "Does planning take sufficient account of the child's levels of maturity, ability and motivation to change, and seek to develop these as necessary?",
                },
                {
                  id: '3.2.1.e',
                  text: 'Does planning take sufficient account of opportunities for community integration, including access to mainstream services following completion of out-of-court disposal work?',
                },
                {
                  id: '3.2.1.f',
                  text: 'Does planning give sufficient attention to the needs and wishes of the victim/s?',
                  guidance: 'Where applicable: only where there is an identifiable victim.',
                },
                {
                  id: '3.2.1.g',
                  text: 'Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?',
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
              // 'effectively' as in Blackpool's ratings table and Wigan; Dudley and Blackpool Annexe 2 omit it.
              id: '3.3.1',
              text: "Does service delivery effectively support the child's desistance?",
              shortLabel: 'Desistance',
              prompts: [
                {
                  id: '3.3.1.a',
                  text: 'Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing and the available timescales?',
                },
                {
                  id: '3.3.1.b',
                  text: 'Does service delivery reflect the diversity and wider familial and social context of the child, involving parents/carers or significant others?',
                },
                {
                  id: '3.3.1.c',
                  text: 'Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents/carers?',
                },
                {
                  id: '3.3.1.d',
                  text: "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
                },
                {
                  id: '3.3.1.e',
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
                { id: '3.3.3.a', text: 'Is sufficient attention given to the protection of actual and potential victims?' },
                { id: '3.3.3.b', text: 'Are the delivered services sufficient to manage and minimise the risk of harm?' },
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
          title: 'Joint working',
          descriptor: 'Joint working with the police supports the delivery of high-quality, personalised and coordinated services.',
          kind: 'case_marked',
          caseType: 'out_of_court',
          keyQuestions: [
            {
              id: '3.4.1',
              text: "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
              shortLabel: 'Recommendations and joint decision-making',
              prompts: [
                {
                  id: '3.4.1.a',
                  text: 'Are the recommendations by the YOT for out-of-court disposal outcomes, conditions and interventions appropriate and proportionate?',
                },
                {
                  id: '3.4.1.b',
                  text: "Do the recommendations consider the degree of the child's understanding of the offence and their acknowledgement of responsibility?",
                },
                {
                  id: '3.4.1.c',
                  text: 'Is a positive contribution made by the YOT to determining the disposal?',
                  guidance:
                    "For example, the YOT's assessment and recommendation made a proportionate and timely contribution to the decision-making of the out-of-court disposal panel.",
                },
                {
                  id: '3.4.1.d',
                  text: "Is sufficient attention given to the child's understanding, and their parents/carers' understanding, of the implications of receiving an out-of-court disposal?",
                },
                {
                  id: '3.4.1.e',
                  text: 'Is the information provided to inform decision-making timely to meet the needs of the case, legislation and guidance?',
                },
                { id: '3.4.1.f', text: 'Is the rationale for joint disposal decisions appropriate and clearly recorded?' },
              ],
              // Asked of every out-of-court case, so no reason is offered: "We inspected the quality
              // of YOT recommendations and joint decision-making in all children's records"
              // (Blackpool 2021, 000_c1174f08f6b47fac.txt, 3. Out-of-court disposals); Wigan 2021
              // (001_…), 3.4: "Of the 5 cases inspected: Relevant cases 5"; Dudley 2019 (002_…),
              // Annex 2: 64% = 9 of its 14 out-of-court cases. A child not referred to the YOT
              // before the disposal was decided is a "No", not a case outside the sub-sample.
              naReasons: [],
              naGuidance:
                'This key question is asked of every out-of-court case. If the child was not referred to the YOT before the disposal was decided, the answer is No, not "not applicable".',
            },
            {
              // Only relevant in youth conditional caution cases (Blackpool 2021, footnote 22; Wigan 2021, footnote 25).
              id: '3.4.2',
              text: 'Does the YOT work effectively with the police in implementing the out-of-court disposal?',
              shortLabel: 'Joint working with the police',
              onlyForDisposals: ['youth_conditional_caution'],
              prompts: [
                {
                  id: '3.4.2.a',
                  text: 'Does the YOT inform the police of progress and outcomes in a sufficient and timely manner?',
                  guidance:
                    'For youth conditional cautions, the YOT is required to inform the police of progress and outcomes in a sufficient and timely manner.',
                },
                {
                  id: '3.4.2.b',
                  text: 'Is sufficient attention given to compliance with and enforcement of the conditions?',
                  guidance:
                    'For youth conditional cautions, the YOT is required to give proper attention to compliance with, and enforcement of, the conditions.',
                },
              ],
              // No reason is offered: the question is not asked on any other disposal
              // (onlyForDisposals), so "Not a youth conditional caution" could never be recorded.
              naReasons: [],
            },
          ],
        },
      ],
    },
  ],
  resettlementAspects: [],
};
