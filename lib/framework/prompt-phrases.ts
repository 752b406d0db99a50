/**
 * A short phrase for every prompt of the 2018 and 2021 standards, so that a prompt's count can be
 * written as the reports write it: "In 11 of the 13 cases inspected, <phrase>." Keyed by the
 * stable prompt id (lib/framework/types.ts): the framework data itself is left as it is.
 *
 * Reviewed against the five reports' chapters (issue 22). Wherever a report writes a prompt's
 * count as a clause after "In …", the phrase is that clause, with the report's verb, tense and
 * terms, cited above it:
 *   L  Leicestershire 2021, 004_46eac8fc65744bcf.txt (2021 standards)
 *   SH St Helens 2023, 003_ce93bfaa3cc60c15.txt (2021 standards)
 *   B  Blackpool 2021, 000_c1174f08f6b47fac.txt (2018 standards)
 *   W  Wigan 2021, 001_f9e6377b473ce7bd.txt (2018 standards)
 *   D  Dudley 2019, 002_b3ff77846e023e08.txt (2018 standards)
 * How the reports' clauses were made phrases:
 * - Where a report counts the cases that fell short ("in five cases there was insufficient
 *   analysis…"), the phrase is the positive of its clause ("there was sufficient analysis…"):
 *   the sentence counts the yeses.
 * - Where two reports word a prompt differently, the one chosen is, in this order: the one that
 *   states the prompt's figure (a number or a percentage, over "in all relevant cases"); then the
 *   one that keeps the terms the prompt names; then the one whose count is its report's annexe
 *   figure for the prompt. Each choice says why beside it.
 * - Dudley's "child or young person" is written "child", as the 2021 reports on the same
 *   standards (Blackpool, Wigan) and the standards themselves write it; a service's own name
 *   ("YOS", "YJS") is the standards' "YOT".
 * - No phrase starts with "we" or "inspectors": a count of none reads "In none of the four cases
 *   inspected did we find that <phrase>", and "did we find that we saw…" is not English.
 * - Where no report writes a prompt's count as a sentence, the phrase is the prompt's own
 *   question as a past-tense finding ("Does assessment analyse…?" → "the assessment analysed…",
 *   with the reports' "the assessment").
 * lib/report/prompt-phrases.test.ts reproduces report sentences from these phrases word for word
 * and checks each reads after "In N of the M cases inspected, ". The lead may rewrite any
 * inserted sentence.
 */
import type { FrameworkVersion } from './types';

export const PROMPT_PHRASES: Readonly<Record<FrameworkVersion, Readonly<Record<string, string>>>> = {
  '2018': {
    // D 2.1: "In the majority of cases, the assessment included sufficient analysis of offending behaviour, including the child or young person's attitudes towards, and motivation for, their offending."
    '2.1.1.a':
      "the assessment included sufficient analysis of offending behaviour, including the child's attitudes towards, and motivation for, their offending",
    // D 2.1: "In nearly all cases, staff had considered the diversity and wider social context of the child or young person by using information held by other agencies."
    '2.1.1.b': 'staff had considered the diversity and wider social context of the child by using information held by other agencies',
    // D 2.1: "In 88 per cent of cases, the assessment focused on the child or young person's strengths and their protective factors." Chosen over W 2.1 ("in all cases the child's strengths and protective factors had been taken into account"): D states the figure.
    '2.1.1.c': "the assessment focused on the child's strengths and their protective factors",
    '2.1.1.d': 'the assessment analysed the key structural barriers facing the child',
    // B 2.1: "The child's motivation to engage and change was carefully gauged in 12 of the 13 children's records" (Annexe 2: 92%).
    '2.1.1.e': "the child's motivation to engage and change was carefully gauged",
    // B 2.1: "Opportunities to attend to the needs and wishes of victims were not always pursued. This was the case in a third (four) of the children's records where there was an identifiable victim." (Annexe 2: 67%, eight of 12). Chosen over D 2.1 ("The needs and wishes of the victim, however, had not been taken into account in the majority of relevant cases"): B states the figure.
    '2.1.1.f': 'opportunities to attend to the needs and wishes of victims were pursued',
    // D 2.1: "The views of the child and their parents or carers had been considered in 96 per cent of cases." Chosen over B 2.1 ("the views of parents or carers were deemed to be meaningfully considered"), which leaves out the child the prompt names first.
    '2.1.1.g': 'the views of the child and their parents or carers had been considered',
    '2.1.2.a': 'the assessment clearly identified and analysed any risks to the safety and wellbeing of the child',
    // D 2.1: "In undertaking the assessments, 71 per cent drew appropriately on other assessments, or information held by other agencies." Chosen over B 2.1 ("There was good evidence of the involvement of other agencies … in 12 of the 13"), which drops the other sources of information the prompt names.
    '2.1.2.b': 'the assessment drew appropriately on other assessments, or information held by other agencies',
    // D 2.1: "In 12 out of 24 cases, staff had not given enough attention to analysing the controls or interventions which best promoted the child's safety and wellbeing."
    '2.1.2.c':
      "staff had given enough attention to analysing the controls or interventions which best promoted the child's safety and wellbeing",
    // D 2.1: "In 63 per cent of cases assessments identified and analysed any risk of harm to others posed by the child or young person, including identifying who is at risk and the nature of that risk."
    '2.1.3.a':
      'assessments identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    '2.1.3.b':
      'the assessment drew sufficiently on available sources of information, including past behaviour and convictions, and involved other agencies where appropriate',
    // D 2.1: "Case managers considered controls and interventions to manage and minimise the risk of harm to others presented by the child or young person in the majority of cases."
    '2.1.3.c':
      'case managers considered controls and interventions to manage and minimise the risk of harm to others presented by the child',
    // B 2.2: "Plans contained activities most likely to support the child in ceasing to offend in 10 out of 12 children's records" (Annexe 2: 83%). Chosen over D 2.2 ("case managers set out the services most likely to support desistance in nearly all cases") and W 2.2 ("In all cases, planning set out the services necessary to support desistance"): B states the figure.
    '2.2.1.a': 'plans contained activities most likely to support the child in ceasing to offend',
    // D 2.2: "in most cases planning took account of the diversity and social context of the child"; W 3.2 words 3.2.1 b) the same.
    '2.2.1.b': 'planning took account of the diversity and social context of the child',
    // W 2.2: "In all cases, planning … took account of the child's strengths and protective factors." Chosen over D 2.2 ("the plan had considered the child or young person's strengths"), which drops the protective factors the prompt names.
    '2.2.1.c': "planning took account of the child's strengths and protective factors",
    // D 2.2: "in all but one case staff had thought about the child's level of maturity and how that affected their motivation".
    '2.2.1.d': "staff had thought about the child's level of maturity and how that affected their motivation",
    // D 2.2: "Consideration of the needs and wishes of victims as part of the planning process was not evident in eight of the seventeen relevant cases."
    '2.2.1.e': 'consideration of the needs and wishes of victims as part of the planning process was evident',
    // D 2.2: "In most cases, there was evidence that the child or young person, or their parents or carers, had been involved in the planning, and their views taken into account."
    '2.2.1.f':
      'there was evidence that the child, or their parents or carers, had been involved in the planning, and their views taken into account',
    // D 2.2: "The risks to a child's safety and wellbeing were addressed in 78 per cent of cases".
    '2.2.2.a': "the risks to the child's safety and wellbeing were addressed",
    // D 2.2: "in most cases planning involved other agencies".
    '2.2.2.b': 'planning involved other agencies',
    '2.2.2.c': 'planning set out the necessary controls and interventions to promote the safety and wellbeing of the child',
    // B 2.2: "in too many children's records (six out of 11) there were no effective contingency arrangements to manage identified risks to the child's safety and wellbeing" (Annexe 2: 45%, five of 11). Chosen over D 2.2 ("contingency arrangements to manage those risks were not identified in 10 of the 23 relevant cases"), which drops the "effective" the prompt asks for.
    '2.2.2.d': "there were effective contingency arrangements to manage identified risks to the child's safety and wellbeing",
    // D 2.2: "There was sufficient planning to promote the safety of others in most of the cases inspected".
    '2.2.3.a': 'there was sufficient planning to promote the safety of others',
    '2.2.3.b': 'planning involved other agencies where appropriate',
    // D 2.2: "Planning to address any specific concerns and risks related to actual and potential victims … was not evident in just under half of the cases."
    '2.2.3.c': 'planning to address any specific concerns and risks related to actual and potential victims was evident',
    '2.2.3.d': 'planning set out the necessary controls and interventions to promote the safety of other people',
    // D 2.2: "Planning did not include effective contingency arrangements to manage the risks that have been identified in more than half of the cases inspected."
    '2.2.3.e': 'planning included effective contingency arrangements to manage the risks that have been identified',
    // D 2.3: "In 75 per cent of cases, the services delivered were most likely to support desistance".
    '2.3.1.a': 'the services delivered were most likely to support desistance',
    '2.3.1.b':
      'service delivery reflected the diversity and wider familial and social context of the child, involving parents/carers or significant others',
    // B 2.3: "The work of the YJS … built on strengths and positive factors in all children's records."
    '2.3.1.c': 'the work built on strengths and positive factors',
    // D 2.3: "In 91 per cent of cases, it was clear that focus was given to maintaining an effective working relationship with the child or young person, and their parents or carers." Chosen over W 2.3 ("the case manager developed a good relationship with the child"): D states the figure.
    '2.3.1.d':
      'it was clear that focus was given to maintaining an effective working relationship with the child, and their parents or carers',
    '2.3.1.e': 'service delivery promoted opportunities for community integration including access to services post-supervision',
    // D 2.3: "In nearly all cases, attention had been given by the case manager to encouraging the child or young person's compliance with their court order."
    '2.3.1.f': "attention had been given by the case manager to encouraging the child's compliance with their court order",
    // B 2.3: "Where necessary, appropriate enforcement action was taken in all circumstances."
    '2.3.1.g': 'appropriate enforcement action was taken',
    // D 2.3: "The delivery of services to promote the child or young person's safety and wellbeing was evident in 74 per cent of cases." Chosen over B 2.3 ("the identified risks to the child's safety and wellbeing were appropriately managed", 10 out of 11), which names management, not the delivery the prompt asks about, and W 2.3 ("In all cases"), which states no figure.
    '2.3.2.a': "the delivery of services to promote the child's safety and wellbeing was evident",
    '2.3.2.b': 'the involvement of other organisations in keeping the child safe was sufficiently well coordinated',
    // D 2.3: "Services delivered to keep other people safe were of an acceptable quality in 77 per cent of cases inspected".
    '2.3.3.a': 'services delivered to keep other people safe were of an acceptable quality',
    // D 2.3: "The protection of actual and potential victims had not been considered in 33 per cent of cases". Chosen over W 2.3 ("case managers considered the protection of actual and potential victims"): D states the figure.
    '2.3.3.b': 'the protection of actual and potential victims had been considered',
    // D 2.3: "in eight of the relevant nineteen cases staff had not coordinated the involvement of other agencies in managing risk of harm".
    '2.3.3.c': 'staff had coordinated the involvement of other agencies in managing risk of harm',
    // D 2.4: "Reviews resulted in the identification and subsequent response to changes in the factors linked to desistance in 83 per cent of cases". Chosen over W 2.4 ("case managers responded to changes in desistance factors as part of the reviewing process"): D states the figure.
    '2.4.1.a': 'reviews resulted in the identification and subsequent response to changes in the factors linked to desistance',
    // D 2.4: "Reviews … built on the child or young person's strengths in three quarter of the cases inspected."
    '2.4.1.b': "reviews built on the child's strengths",
    // D 2.4: "The motivation and engagement levels of the child or young person had been considered in most cases reviewed".
    '2.4.1.c': 'the motivation and engagement levels of the child had been considered',
    // D 2.4: "in 75 per cent of cases they, and their parents/carers, had been meaningfully involved in the process" (the process: reviewing, as D 2.4 names it).
    '2.4.1.d': 'the child, and their parents or carers, had been meaningfully involved in the reviewing process',
    // D 2.4: "In 78 per cent of cases, the reviews led to changes in the plan of work".
    '2.4.1.e': 'the reviews led to changes in the plan of work',
    '2.4.2.a': 'reviewing identified and responded to changes in factors related to safety and wellbeing',
    // D 2.4: "In 63 per cent of cases, information from other agencies had been considered".
    '2.4.2.b': 'information from other agencies had been considered',
    // D 2.4: "this had not led to the necessary changes in the ongoing plan in just under half of the relevant cases".
    '2.4.2.c': 'reviewing had led to the necessary changes in the ongoing plan',
    '2.4.3.a': 'reviewing identified and responded to changes in factors related to risk of harm',
    // D 2.4: "in five of the relevant thirteen cases the case manager did not take account of information from other agencies".
    '2.4.3.b': 'the case manager took account of information from other agencies',
    // D 2.4: "In only 60 per cent of cases had the child or young person, and their parents or carers, been meaningfully involved in reviewing the risk of harm to others, and their views considered."
    '2.4.3.c':
      'the child, and their parents or carers, had been meaningfully involved in reviewing the risk of harm to others, and their views considered',
    // D 2.4: "the reviewing process had not led to necessary adjustments in the ongoing plan of work to manage and minimise these risks" (these risks: the risk of harm).
    '2.4.3.d': 'the reviewing process had led to necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm',
    // D 3.1: "In nearly all cases, there was sufficient analysis of offending behaviour".
    '3.1.1.a': 'there was sufficient analysis of offending behaviour',
    // D 3.1: "the assessment had considered the diversity and wider familial and social context of the child or young person in 64 per cent of cases".
    '3.1.1.b': 'the assessment had considered the diversity and wider familial and social context of the child',
    // D 3.1: "In most cases, the assessment focused on the child or young person's strengths and protective factors"; W 3.1 the same ("In all cases, the assessment focused on the child's strengths").
    '3.1.1.c': "the assessment focused on the child's strengths and protective factors",
    '3.1.1.d': 'the assessment analysed the key structural barriers facing the child',
    // D 3.1: "in only half of cases had staff considered the child or young person's levels of maturity, ability and motivation to change". Chosen over W 3.1 ("understood their level of maturity and motivation"): D states the figure.
    '3.1.1.e': "staff had considered the child's levels of maturity, ability and motivation to change",
    '3.1.1.f':
      'the assessment gave sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice',
    // D 3.1: "In 71 per cent of cases, staff had involved the child or young person, and their parents or carers, in the assessment, and taken their views into account."
    '3.1.1.g': 'staff had involved the child, and their parents or carers, in the assessment, and taken their views into account',
    // D 3.1: "In 71 per cent of cases, the risk to a child's safety and wellbeing had not been identified or analysed".
    '3.1.2.a': "the risk to the child's safety and wellbeing had been identified and analysed",
    // D 3.1: "staff had used information from other agencies in less than half of the cases inspected".
    '3.1.2.b': 'staff had used information from other agencies',
    '3.1.3.a':
      'the assessment clearly identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    // D 3.1: "the case manager had used available sources of information, including other assessments, to inform their own judgement in only 54 per cent of cases".
    '3.1.3.b': 'the case manager had used available sources of information, including other assessments, to inform their own judgement',
    // D 3.2: "In 86 per cent of cases, staff set out the services most likely to support desistance, paying attention to appropriate timescales and sequencing."
    '3.2.1.a': 'staff set out the services most likely to support desistance, paying attention to appropriate timescales and sequencing',
    // D 3.2: "In 79 per cent of cases, planning took sufficient account of the diversity and wider familial and social context of the child or young person". Chosen over W 3.2 ("planning took account of the diversity and social context of the child"): D states the figure.
    '3.2.1.b': 'planning took sufficient account of the diversity and wider familial and social context of the child',
    // D 3.2: "In 86 per cent of cases, staff had taken account of the young person's strengths and protective factors".
    '3.2.1.c': "staff had taken account of the child's strengths and protective factors",
    // D 3.2: "in nearly all cases their level of maturity and motivation to change had been considered".
    '3.2.1.d': "the child's level of maturity and motivation to change had been considered",
    '3.2.1.e':
      'planning took sufficient account of opportunities for community integration, including access to mainstream services following completion of out-of-court disposal work',
    // D 3.2: "The needs and wishes of victims had been considered in only 29 per cent of relevant cases".
    '3.2.1.f': 'the needs and wishes of victims had been considered',
    // B 3.2: "The child and their parent or carer were meaningfully involved in planning in eight out of the nine children's records where this was possible" (Annexe 2: 89%). Chosen over D 3.2 ("had been involved in the planning process"): B states the figure.
    '3.2.1.g': 'the child and their parent or carer were meaningfully involved in planning',
    '3.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '3.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    // D 3.2: "Contingency arrangements for any changes to the level of risk, however, had been made in only 43 per cent of the cases inspected."
    '3.2.2.c': 'contingency arrangements for any changes to the level of risk had been made',
    // D 3.2: "Planning to address the factors related to risk of harm to others was evident in 73 per cent of cases".
    '3.2.3.a': 'planning to address the factors related to risk of harm to others was evident',
    // B 3.2: "Plans included the work of other agencies in four out of five children's records where this was appropriate" (Annexe 2: 80%). Chosen over D 3.2 ("involved other agencies in all cases where relevant"): B states the figure.
    '3.2.3.b': 'plans included the work of other agencies',
    // D 3.2: "planning to address concerns related to actual and potential victims was evident in more than half of cases".
    '3.2.3.c': 'planning to address concerns related to actual and potential victims was evident',
    // D 3.2: "Planning contingency arrangements to manage those risks had not been identified in most cases".
    '3.2.3.d': 'contingency arrangements to manage those risks had been identified',
    // D 3.3: "Interventions to support desistance … had been delivered in good time in 93 per cent of cases".
    '3.3.1.a': 'interventions to support desistance had been delivered in good time',
    // D 3.3: "Interventions … reflected the diversity of the child or young person, and involved parents or carers, in nearly all cases." Chosen over W 3.3 ("the interventions delivered reflected the diversity and social context of the child"), which leaves out the parents or carers the prompt names.
    '3.3.1.b': 'interventions reflected the diversity of the child, and involved parents or carers',
    // D 3.3: "Sufficient focus had been given to developing and maintaining an effective working relationship with the child or young person, and their parents or carers, in 93 per cent of cases."
    '3.3.1.c':
      'sufficient focus had been given to developing and maintaining an effective working relationship with the child, and their parents or carers',
    // D 3.3: "Case managers had given attention to encouraging and enabling the child or young person's compliance in all cases".
    '3.3.1.d': "case managers had given attention to encouraging and enabling the child's compliance",
    // W 3.3: "In all cases, the interventions delivered … promoted opportunities for community integration and access to mainstream services."
    '3.3.1.e': 'the interventions delivered promoted opportunities for community integration and access to mainstream services',
    '3.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '3.3.2.b': 'the involvement of other agencies in keeping the child safe was sufficiently well utilised and coordinated',
    // D 3.3: "sufficient attention had been given to the protection of actual and potential victims in just over half of the relevant cases".
    '3.3.3.a': 'sufficient attention had been given to the protection of actual and potential victims',
    '3.3.3.b': 'the delivered services were sufficient to manage and minimise the risk of harm',
    // D 3.4: "In most cases, the recommendations made by the YOS for out-of-court disposal outcomes, conditions and interventions had been appropriate and proportionate."
    '3.4.1.a':
      'the recommendations made by the YOT for out-of-court disposal outcomes, conditions and interventions had been appropriate and proportionate',
    // D 3.4: "the recommendation considered the child or young person's understanding of the offence and their acknowledgement of responsibility in nearly all cases".
    '3.4.1.b': "the recommendation considered the child's understanding of the offence and their acknowledgement of responsibility",
    // D 3.4: "There was evidence of a positive contribution made by the YOS to determining the disposal in 83 per cent of cases." Chosen over W 3.4 ("In all cases, a positive contribution was made by the YOT in determining the disposal"): D states the figure.
    '3.4.1.c': 'there was evidence of a positive contribution made by the YOT to determining the disposal',
    // D 3.4: "In all but one case, case managers had ensured that the child or young person, and their parents or carers, understood the implications of receiving an out-of-court disposal."
    '3.4.1.d':
      'case managers had ensured that the child, and their parents or carers, understood the implications of receiving an out-of-court disposal',
    '3.4.1.e': 'the information provided to inform decision-making was timely to meet the needs of the case, legislation and guidance',
    // D 3.4: "In only 21 per cent of cases, the rationale for disposal decisions was appropriate and clearly recorded." Chosen over W 3.4 ("the rationale for the disposal decision was clearly recorded"): D states the figure and keeps "appropriate".
    '3.4.1.f': 'the rationale for disposal decisions was appropriate and clearly recorded',
    '3.4.2.a': 'the YOT informed the police of progress and outcomes in a sufficient and timely manner',
    // D 3.4: "in all cases staff had given sufficient attention to compliance with, and enforcement of, the conditions".
    '3.4.2.b': 'staff had given sufficient attention to compliance with, and enforcement of, the conditions',
  },
  '2021': {
    // L 2.1: "In 11 of the 13 cases inspected, the assessment had sufficient analysis of offending behaviour, including the child's motivation and attitudes towards their behaviour."
    '2.1.1.a':
      "the assessment had sufficient analysis of offending behaviour, including the child's motivation and attitudes towards their behaviour",
    '2.1.1.b': 'the assessment sufficiently analysed diversity issues',
    '2.1.1.c': 'the assessment considered personal circumstances, including the wider familial and social context of the child',
    '2.1.1.d': 'the assessment utilised information held by other agencies',
    // L 2.1: "In 12 cases, the assessment focused on the child's strengths and protective factors".
    '2.1.1.e': "the assessment focused on the child's strengths and protective factors",
    '2.1.1.f': 'the assessment analysed the key structural barriers facing the child',
    // L 2.1: "in 11 cases sufficient attention was paid to the child's maturity, motivation and ability to engage".
    '2.1.1.g': "sufficient attention was paid to the child's maturity, motivation and ability to engage",
    // L 2.1: "In eight cases sufficient attention was paid to the wishes of the victim". Chosen over SH 2.1 ("Assessment of victims' needs and wishes was sufficient in every relevant case"): L states the figure.
    '2.1.1.h': 'sufficient attention was paid to the wishes of the victim',
    // L 2.1: "In 11 cases, children and carers were involved meaningfully in their assessment."
    '2.1.1.i': 'children and carers were involved meaningfully in their assessment',
    // L 2.1: "the risks to safety and wellbeing had been adequately assessed in only seven cases". Chosen over SH 2.1 (the prompt's own words, "in all inspected cases"): L states the figure.
    '2.1.2.a': 'the risks to safety and wellbeing had been adequately assessed',
    // L 2.1: "In nine out of 13 cases, information informed the assessment sufficiently".
    '2.1.2.b': 'information informed the assessment sufficiently',
    // L 2.1: "in five cases there was insufficient analysis of interventions and controls to promote wellbeing".
    '2.1.2.c': 'there was sufficient analysis of interventions and controls to promote wellbeing',
    // L 2.1: "the risk of serious harm presented by children to others was analysed sufficiently in only five cases".
    '2.1.3.a': 'the risk of serious harm presented by children to others was analysed sufficiently',
    // SH 2.1: "In every case, inspectors saw evidence that case managers had used information from other agencies and sources" ("inspectors saw evidence that" left out: the none-form reads "did we find that…").
    '2.1.3.b': 'case managers had used information from other agencies and sources',
    // L 2.1: "Analysis was also weak in the assessment of interventions and controls necessary to manage and minimise the risk of serious harm. This was judged sufficient in seven cases."
    '2.1.3.c':
      'the assessment of interventions and controls necessary to manage and minimise the risk of serious harm was judged sufficient',
    // L 2.2: "In 11 of the 13 cases, it [planning] set out the services most likely to help the child."
    '2.2.1.a': 'planning set out the services most likely to help the child',
    // SH 2.2: "planning to address the child's diversity was evident in most cases".
    '2.2.1.b': "planning to address the child's diversity was evident",
    '2.2.1.c':
      "planning took sufficient account of the child's personal circumstances, including the wider familial and social context of the child",
    // L 2.2: "In 12 of the cases, planning took account of the child's strengths and protective factors."
    '2.2.1.d': "planning took account of the child's strengths and protective factors",
    // L 2.2: "In all cases, planning incorporated a consideration of the child's maturity and motivation to change."
    '2.2.1.e': "planning incorporated a consideration of the child's maturity and motivation to change",
    '2.2.1.f': 'planning gave sufficient attention to the needs and wishes of victims',
    '2.2.1.g': 'the child and their parents or carers were meaningfully involved in planning, and their views were taken into account',
    // L 2.2: "Planning promoted the safety and wellbeing of the child, sufficiently addressing risks, in just over half of the cases."
    '2.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '2.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '2.2.2.c': 'planning set out the necessary controls and interventions to promote the safety and wellbeing of the child',
    // The prompt's own words: L 2.2 and SH 2.2 word it with "we" or "inspectors" as the subject ("We saw effective contingency planning"), which would read "did we find that we saw…" in the none-form.
    '2.2.2.d': 'planning set out necessary and effective contingency arrangements to manage those risks that have been identified',
    '2.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    // SH 2.2: "planning to manage the risk of harm to others involved other agencies in every relevant case".
    '2.2.3.b': 'planning to manage the risk of harm to others involved other agencies',
    // L 2.2: "There was a need to address specific concerns relating to victims in 11 cases but planning to do this was sufficient in only six cases."
    '2.2.3.c': 'planning to address specific concerns relating to victims was sufficient',
    '2.2.3.d': 'planning set out the necessary controls and interventions to promote the safety of other people',
    // SH 2.2: "In all relevant cases, inspectors found that contingency planning in relation to public protection was clear and detailed about specific actions to keep others safe." (L 2.2 counts cases as the subject: "only four of the cases set out the necessary arrangements".)
    '2.2.3.e': 'contingency planning in relation to public protection was clear and detailed about specific actions to keep others safe',
    '2.3.1.a':
      'the delivered services were those most likely to support desistance, with sufficient attention given to sequencing and the available timescales',
    // L 2.3: "In 11 of the cases, diversity issues affecting the child were taken into account in the delivery of services." Chosen over SH 2.3 ("variability in service delivery in reflecting the diversity needs of the child, which was deemed sufficient in only half the cases"): L states the count, and as a finding about the case.
    '2.3.1.b': 'diversity issues affecting the child were taken into account in the delivery of services',
    // SH 2.3: "the wider familial and social context of the child, and the involvement of their parents or carers or significant others, was evident in all but one case".
    '2.3.1.c':
      'the wider familial and social context of the child, and the involvement of their parents or carers or significant others, was evident',
    '2.3.1.d': "service delivery built upon the child's strengths and enhanced protective factors",
    // L 2.3: "In all cases, there was a clear focus on maintaining effective working relationships."
    '2.3.1.e': 'there was a clear focus on maintaining effective working relationships',
    '2.3.1.f': 'service delivery promoted opportunities for community integration, including access to services post-supervision',
    '2.3.1.g': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    // L 2.3: "In the cases inspected, enforcement was required in only one case, and this was taken appropriately."
    '2.3.1.h': 'enforcement action was taken appropriately',
    '2.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    // L 2.3: "In six of the 11 cases, this area of work [the safety of the child] was not well coordinated with other agencies."
    '2.3.2.b': 'the work to keep the child safe was well coordinated with other agencies',
    '2.3.3.a': 'the delivered services were sufficient to manage and minimise the risk of harm',
    // L 2.3: "the attention given to victims and potential victims, which was deemed insufficient in four out of the 12 cases where we considered this necessary". Chosen over SH 2.3 ("case managers had considered the protection of actual and potential victims"): L states the figure.
    '2.3.3.b': 'the attention given to victims and potential victims was deemed sufficient',
    '2.3.3.c': 'the involvement of other agencies in managing the risk of harm was sufficiently well-coordinated',
    '2.4.1.a': 'reviewing identified and responded to changes in factors linked to desistance',
    '2.4.1.b': "reviewing focused sufficiently on building upon the child's strengths and enhancing protective factors",
    '2.4.1.c': 'reviewing included analysis of, and responded to, diversity factors',
    '2.4.1.d': 'reviewing considered the personal circumstances, including the wider familial and social context of the child',
    '2.4.1.e': 'reviewing considered motivation and engagement levels and any relevant barriers',
    // L 2.4: "evidence of the child and the carers being involved meaningfully in reviews in 12 of the 13 cases".
    '2.4.1.f': 'the child and the carers were involved meaningfully in reviews',
    '2.4.1.g': 'reviewing led to the necessary adjustments in the ongoing plan of work to support desistance',
    // L 2.4: "In seven cases, reviewing identified and responded to changes in factors related to safety and wellbeing".
    '2.4.2.a': 'reviewing identified and responded to changes in factors related to safety and wellbeing',
    '2.4.2.b':
      'reviewing was informed by the necessary input from other agencies involved in promoting the safety and wellbeing of the child',
    // L 2.4: "In five out of the 10 cases where inspectors expected to see changes to the ongoing plan of work were these changes made." Chosen over SH 2.4 ("reviews … led to the necessary adjustments in the ongoing plan of work in all but one relevant case"): L states the figure.
    '2.4.2.c': 'changes to the ongoing plan of work were made',
    '2.4.3.a': 'reviewing identified and responded to changes in factors related to risk of harm',
    '2.4.3.b': 'reviewing was informed by the necessary input from other agencies involved in managing the risk of harm',
    '2.4.3.c': 'reviewing led to the necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm',
    // L 3.1: "In 10 of the 17 cases, inspectors judged that there had been sufficient analysis of offending behaviour and the child's attitudes and motivation." ("inspectors judged that" left out: the none-form reads "did we find that…".)
    '3.1.1.a': "there had been sufficient analysis of offending behaviour and the child's attitudes and motivation",
    // L 3.1: "diversity issues were analysed sufficiently in only eight of the cases". Chosen over SH 3.1 ("The case manager had considered the child's diversity in a majority of cases"): L states the figure.
    '3.1.1.b': 'diversity issues were analysed sufficiently',
    // L 3.1: "a comprehensive analysis of the child's personal circumstances was evident in only nine cases". Chosen over SH 3.1 ("their wider social and familial context in all inspected cases"): L states the figure.
    '3.1.1.c': "a comprehensive analysis of the child's personal circumstances was evident",
    '3.1.1.d': 'the assessment utilised information held by other agencies',
    '3.1.1.e': "the assessment focused on the child's strengths and protective factors",
    '3.1.1.f': 'the assessment analysed the key structural barriers facing the child',
    '3.1.1.g': "sufficient attention was given to understanding the child's levels of maturity, ability and motivation to change",
    // SH 3.1: "we saw victim issues and opportunities for restorative justice were considered in all relevant cases".
    '3.1.1.h': 'victim issues and opportunities for restorative justice were considered',
    // SH 3.1: "The involvement of the child and their parents or carers was evident in all cases."
    '3.1.1.i': 'the involvement of the child and their parents or carers was evident',
    // L 3.1: "Any risks to the child were identified and analysed in only five of the 17 cases."
    '3.1.2.a': 'any risks to the child were identified and analysed',
    '3.1.2.b':
      'the assessment drew sufficiently on available sources of information, including other assessments, and involved other agencies where appropriate',
    // SH 3.1: "Assessments drew on relevant information and, in all but one case, considered who was likely to be at risk from the child's behaviour, and the nature and imminence of any risk occurring."
    '3.1.3.a':
      "the assessment considered who was likely to be at risk from the child's behaviour, and the nature and imminence of any risk occurring",
    // SH 3.1: "In all cases, the YJS case manager had used available sources of information, including other assessments, to inform their own judgement." (the service's own name left out; Dudley 2019, 3.1, words 2018's 3.1.3 b) the same).
    '3.1.3.b': 'the case manager had used available sources of information, including other assessments, to inform their own judgement',
    '3.2.1.a':
      'planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing',
    // L 3.2: "In only seven of 17 cases was diversity considered in the planning". Chosen over SH 3.2 ("the response to the child's diversity needs was sufficient in a majority"): L states the figure.
    '3.2.1.b': 'diversity was considered in the planning',
    // SH 3.2: "Case managers considered victim wishes and the child's social and familial context in all relevant cases."
    '3.2.1.c': "case managers considered the child's social and familial context",
    // L 3.2: "just under half the of cases took account of a child's strengths and protective factors", as L 2.2 words 2.2.1 d) ("planning took account of").
    '3.2.1.d': "planning took account of the child's strengths and protective factors",
    // SH 3.2: "The work planned … considered the child's levels of maturity, ability, and motivation to change in every case."
    '3.2.1.e': "the work planned considered the child's levels of maturity, ability, and motivation to change",
    // SH 3.2: "In all cases, planning focused on supporting access to universal services to promote community integration."
    '3.2.1.f': 'planning focused on supporting access to universal services to promote community integration',
    // SH 3.2: "Case managers considered victim wishes and the child's social and familial context in all relevant cases."
    '3.2.1.g': 'case managers considered victim wishes',
    '3.2.1.h': 'the child and their parents or carers were meaningfully involved in planning, and their views were taken into account',
    // L 3.2: "In only five of the cases was the planning found to promote safety and wellbeing sufficiently, and to address the necessary risks."
    '3.2.2.a': 'the planning was found to promote safety and wellbeing sufficiently, and to address the necessary risks',
    '3.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '3.2.2.c': 'planning included necessary contingency arrangements for those risks that have been identified',
    '3.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    // SH 3.2: "case managers involved other agencies in their planning processes in every instance".
    '3.2.3.b': 'case managers involved other agencies in their planning processes',
    // SH 3.2: "in all of these cases, planning addressed specific concerns and risks related to actual and potential victims". Chosen over L 3.2 ("We saw planning to address specific victim issues in only four of the 11 cases"), whose "we" would read "did we find that we saw…" in the none-form.
    '3.2.3.c': 'planning addressed specific concerns and risks related to actual and potential victims',
    // SH 3.2: "Inspectors found contingency planning for risk of harm to others to be sufficient in every relevant case."
    '3.2.3.d': 'contingency planning for risk of harm to others was sufficient',
    // L 3.3: "In nine of the 17 cases, the delivered services were those most likely to achieve desistance."
    '3.3.1.a': 'the delivered services were those most likely to achieve desistance',
    // SH 3.3: "Practitioners matched interventions to children's needs and learning, and took account of their diversity and other commitments in a large majority of inspected cases."
    '3.3.1.b': "practitioners took account of the child's diversity and other commitments",
    '3.3.1.c':
      'service delivery reflected the wider familial and social context of the child, involving parents or carers, or significant others',
    // L 3.3: "in 11 of the cases, sufficient focus was identified in maintaining relationships with the parent or carer and child".
    '3.3.1.d': 'sufficient focus was identified in maintaining relationships with the parent or carer and child',
    '3.3.1.e': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    '3.3.1.f': 'service delivery promoted opportunities for community integration, including access to mainstream services',
    '3.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '3.3.2.b': 'the involvement of other agencies in keeping the child safe was sufficiently well utilised and coordinated',
    // SH 3.3: "Services were sufficient to manage and minimise the risk of harm in all relevant cases."
    '3.3.3.a': 'services were sufficient to manage and minimise the risk of harm',
    // SH 3.3: "Inspectors judged that the case manager paid attention to the protection of actual and potential victims in all relevant cases."
    '3.3.3.b': 'the case manager paid attention to the protection of actual and potential victims',
  },
};
