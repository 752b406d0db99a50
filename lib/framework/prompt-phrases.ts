/**
 * A short phrase for every prompt of the 2018 and 2021 standards, so that a prompt's count can be
 * written as the reports write it: "In 11 of the 13 cases inspected, <phrase>." (Leicestershire
 * 2021, 004_46eac8fc65744bcf.txt, 2.1: "In 11 of the 13 cases inspected, the assessment had
 * sufficient analysis…"). Each phrase is the prompt's own question turned into a past-tense
 * statement of what inspectors found, keeping the prompt's wording so it can be checked against
 * it; the lead may rewrite the inserted sentence. Keyed by the stable prompt id
 * (lib/framework/types.ts): the framework data itself is left as it is.
 */
import type { FrameworkVersion } from './types';

export const PROMPT_PHRASES: Readonly<Record<FrameworkVersion, Readonly<Record<string, string>>>> = {
  '2018': {
    '2.1.1.a':
      "there was sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending",
    '2.1.1.b':
      'assessment considered the diversity and wider familial and social context of the child, utilising information held by other agencies',
    '2.1.1.c': "assessment focused on the child's strengths and protective factors",
    '2.1.1.d': 'assessment analysed the key structural barriers facing the child',
    '2.1.1.e':
      "sufficient attention was given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal",
    '2.1.1.f': 'assessment gave sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice',
    '2.1.1.g': 'the child and their parents/carers were meaningfully involved in their assessment, and their views were taken into account',
    '2.1.2.a': 'assessment clearly identified and analysed any risks to the safety and wellbeing of the child',
    '2.1.2.b':
      'assessment drew sufficiently on available sources of information, including other assessments, and involved other agencies where appropriate',
    '2.1.2.c': 'assessment analysed controls and interventions to promote the safety and wellbeing of the child',
    '2.1.3.a':
      'assessment clearly identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    '2.1.3.b':
      'assessment drew sufficiently on available sources of information, including past behaviour and convictions, and involved other agencies where appropriate',
    '2.1.3.c': 'assessment analysed controls and interventions to manage and minimise the risk of harm presented by the child',
    '2.2.1.a':
      'planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing',
    '2.2.1.b': 'planning took sufficient account of the diversity and wider familial and social context of the child',
    '2.2.1.c':
      "planning took sufficient account of the child's strengths and protective factors, and sought to reinforce or develop these as necessary",
    '2.2.1.d':
      "planning took sufficient account of the child's levels of maturity, ability and motivation to change, and sought to develop these as necessary",
    '2.2.1.e': 'planning gave sufficient attention to the needs and wishes of the victim/s',
    '2.2.1.f': 'the child and their parents/carers were meaningfully involved in planning, and their views were taken into account',
    '2.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '2.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '2.2.2.c': 'planning set out the necessary controls and interventions to promote the safety and wellbeing of the child',
    '2.2.2.d': 'planning set out necessary and effective contingency arrangements to manage those risks that have been identified',
    '2.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    '2.2.3.b': 'planning involved other agencies where appropriate',
    '2.2.3.c': 'planning addressed any specific concerns and risks related to actual and potential victims',
    '2.2.3.d': 'planning set out the necessary controls and interventions to promote the safety of other people',
    '2.2.3.e': 'planning set out necessary and effective contingency arrangements to manage those risks that have been identified',
    '2.3.1.a':
      'the delivered services were those most likely to support desistance, with sufficient attention given to sequencing and the available timescales',
    '2.3.1.b':
      'service delivery reflected the diversity and wider familial and social context of the child, involving parents/carers or significant others',
    '2.3.1.c': "service delivery built upon the child's strengths and enhanced protective factors",
    '2.3.1.d':
      'sufficient focus was given to developing and maintaining an effective working relationship with the child and their parents/carers',
    '2.3.1.e': 'service delivery promoted opportunities for community integration including access to services post-supervision',
    '2.3.1.f': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    '2.3.1.g': 'enforcement actions were taken when appropriate',
    '2.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '2.3.2.b': 'the involvement of other organisations in keeping the child safe was sufficiently well coordinated',
    '2.3.3.a': 'the delivered services were sufficient to manage and minimise the risk of harm',
    '2.3.3.b': 'sufficient attention was given to the protection of actual and potential victims',
    '2.3.3.c': 'the involvement of other agencies in managing the risk of harm was sufficiently well coordinated',
    '2.4.1.a': 'reviewing identified and responded to changes in factors linked to desistance',
    '2.4.1.b': "reviewing focused sufficiently on building upon the child's strengths and enhancing protective factors",
    '2.4.1.c': 'reviewing considered motivation and engagement levels and any relevant barriers',
    '2.4.1.d':
      'the child and their parents/carers were meaningfully involved in reviewing their progress and engagement, and their views were taken into account',
    '2.4.1.e': 'reviewing led to the necessary adjustments in the ongoing plan of work to support desistance',
    '2.4.2.a': 'reviewing identified and responded to changes in factors related to safety and wellbeing',
    '2.4.2.b':
      'reviewing was informed by the necessary input from other agencies involved in promoting the safety and wellbeing of the child',
    '2.4.2.c': 'reviewing led to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child',
    '2.4.3.a': 'reviewing identified and responded to changes in factors related to risk of harm',
    '2.4.3.b': 'reviewing was informed by the necessary input from other agencies involved in managing the risk of harm',
    '2.4.3.c':
      'the child and their parents/carers were meaningfully involved in reviewing their risk of harm, and their views were taken into account',
    '2.4.3.d': 'reviewing led to the necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm',
    '3.1.1.a':
      "there was sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility, attitudes towards and motivations for their offending",
    '3.1.1.b':
      'assessment considered the diversity and wider familial and social context of the child, utilising information held by other agencies',
    '3.1.1.c': "assessment focused on the child's strengths and protective factors",
    '3.1.1.d': 'assessment analysed the key structural barriers facing the child',
    '3.1.1.e': "sufficient attention was given to understanding the child's levels of maturity, ability and motivation to change",
    '3.1.1.f': 'assessment gave sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice',
    '3.1.1.g': 'the child and their parents/carers were meaningfully involved in their assessment, and their views were taken into account',
    '3.1.2.a': 'assessment clearly identified and analysed any risks to the safety and wellbeing of the child',
    '3.1.2.b':
      'assessment drew sufficiently on available sources of information, including other assessments, and involved other agencies where appropriate',
    '3.1.3.a':
      'assessment clearly identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    '3.1.3.b':
      'assessment drew sufficiently on available sources of information, including any other assessments that have been completed, and other evidence of behaviour by the child',
    '3.2.1.a':
      'planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing',
    '3.2.1.b': 'planning took sufficient account of the diversity and wider familial and social context of the child',
    '3.2.1.c':
      "planning took sufficient account of the child's strengths and protective factors, and sought to reinforce or develop these as necessary",
    '3.2.1.d':
      "planning took sufficient account of the child's levels of maturity, ability and motivation to change, and sought to develop these as necessary",
    '3.2.1.e':
      'planning took sufficient account of opportunities for community integration, including access to mainstream services following completion of out-of-court disposal work',
    '3.2.1.f': 'planning gave sufficient attention to the needs and wishes of the victim/s',
    '3.2.1.g': 'the child and their parents/carers were meaningfully involved in planning, and their views were taken into account',
    '3.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '3.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '3.2.2.c': 'planning included necessary contingency arrangements for those risks that have been identified',
    '3.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    '3.2.3.b': 'planning involved other agencies where appropriate',
    '3.2.3.c': 'planning addressed any specific concerns and risks related to actual and potential victims',
    '3.2.3.d': 'planning included necessary contingency arrangements for those risks that have been identified',
    '3.3.1.a':
      'the delivered services were those most likely to support desistance, with sufficient attention given to sequencing and the available timescales',
    '3.3.1.b':
      'service delivery reflected the diversity and wider familial and social context of the child, involving parents/carers or significant others',
    '3.3.1.c':
      'sufficient focus was given to developing and maintaining an effective working relationship with the child and their parents/carers',
    '3.3.1.d': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    '3.3.1.e': 'service delivery promoted opportunities for community integration, including access to mainstream services',
    '3.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '3.3.2.b': 'the involvement of other agencies in keeping the child safe was sufficiently well utilised and coordinated',
    '3.3.3.a': 'sufficient attention was given to the protection of actual and potential victims',
    '3.3.3.b': 'the delivered services were sufficient to manage and minimise the risk of harm',
    '3.4.1.a':
      'the recommendations by the YOT for out-of-court disposal outcomes, conditions and interventions were appropriate and proportionate',
    '3.4.1.b':
      "the recommendations considered the degree of the child's understanding of the offence and their acknowledgement of responsibility",
    '3.4.1.c': 'a positive contribution was made by the YOT to determining the disposal',
    '3.4.1.d':
      "sufficient attention was given to the child's understanding, and their parents/carers' understanding, of the implications of receiving an out-of-court disposal",
    '3.4.1.e': 'the information provided to inform decision-making was timely to meet the needs of the case, legislation and guidance',
    '3.4.1.f': 'the rationale for joint disposal decisions was appropriate and clearly recorded',
    '3.4.2.a': 'the YOT informed the police of progress and outcomes in a sufficient and timely manner',
    '3.4.2.b': 'sufficient attention was given to compliance with and enforcement of the conditions',
  },
  '2021': {
    '2.1.1.a':
      "there was sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending",
    '2.1.1.b': 'assessment sufficiently analysed diversity issues',
    '2.1.1.c': 'assessment considered personal circumstances, including the wider familial and social context of the child',
    '2.1.1.d': 'assessment utilised information held by other agencies',
    '2.1.1.e': "assessment focused on the child's strengths and protective factors",
    '2.1.1.f': 'assessment analysed the key structural barriers facing the child',
    '2.1.1.g':
      "enough attention was given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal",
    '2.1.1.h': 'assessment gave sufficient attention to the needs and wishes of victims, and opportunities for restorative justice',
    '2.1.1.i':
      'the child and their parents or carers were meaningfully involved in their assessment, and their views were taken into account',
    '2.1.2.a': 'assessment clearly identified and analysed any risks to the safety and wellbeing of the child',
    '2.1.2.b':
      'assessment drew sufficiently on available sources of information, including other assessments, and involved other agencies where appropriate',
    '2.1.2.c': 'assessment analysed controls and interventions to promote the safety and wellbeing of the child',
    '2.1.3.a':
      'assessment clearly identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    '2.1.3.b':
      'assessment drew sufficiently on available sources of information, including past behaviour and convictions, and involved other agencies where appropriate',
    '2.1.3.c': 'assessment analysed controls and interventions to manage and minimise the risk of harm presented by the child',
    '2.2.1.a':
      'planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing',
    '2.2.1.b': 'planning sufficiently addressed diversity issues',
    '2.2.1.c':
      "planning took sufficient account of the child's personal circumstances, including the wider familial and social context of the child",
    '2.2.1.d':
      "planning took sufficient account of the child's strengths and protective factors, and sought to reinforce or develop these as necessary",
    '2.2.1.e':
      "planning took sufficient account of the child's levels of maturity, ability and motivation to change, and sought to develop these as necessary",
    '2.2.1.f': 'planning gave sufficient attention to the needs and wishes of victims',
    '2.2.1.g': 'the child and their parents or carers were meaningfully involved in planning, and their views were taken into account',
    '2.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '2.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '2.2.2.c': 'planning set out the necessary controls and interventions to promote the safety and wellbeing of the child',
    '2.2.2.d': 'planning set out necessary and effective contingency arrangements to manage those risks that have been identified',
    '2.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    '2.2.3.b': 'planning involved other agencies where appropriate',
    '2.2.3.c': 'planning addressed any specific concerns and risks related to actual and potential victims',
    '2.2.3.d': 'planning set out the necessary controls and interventions to promote the safety of other people',
    '2.2.3.e': 'planning set out necessary and effective contingency arrangements to manage those risks that have been identified',
    '2.3.1.a':
      'the delivered services were those most likely to support desistance, with sufficient attention given to sequencing and the available timescales',
    '2.3.1.b': 'service delivery accounted for the diversity issues of the child',
    '2.3.1.c':
      'service delivery reflected the wider familial and social context of the child, involving parents or carers, or significant others',
    '2.3.1.d': "service delivery built upon the child's strengths and enhanced protective factors",
    '2.3.1.e':
      'sufficient focus was given to developing and maintaining an effective working relationship with the child and their parents or carers',
    '2.3.1.f': 'service delivery promoted opportunities for community integration, including access to services post-supervision',
    '2.3.1.g': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    '2.3.1.h': 'enforcement actions were taken when appropriate',
    '2.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '2.3.2.b': 'the involvement of other organisations in keeping the child safe was sufficiently well-coordinated',
    '2.3.3.a': 'the delivered services were sufficient to manage and minimise the risk of harm',
    '2.3.3.b': 'sufficient attention was given to the protection of actual and potential victims',
    '2.3.3.c': 'the involvement of other agencies in managing the risk of harm was sufficiently well-coordinated',
    '2.4.1.a': 'reviewing identified and responded to changes in factors linked to desistance',
    '2.4.1.b': "reviewing focused sufficiently on building upon the child's strengths and enhancing protective factors",
    '2.4.1.c': 'reviewing included analysis of, and responded to, diversity factors',
    '2.4.1.d': 'reviewing considered the personal circumstances, including the wider familial and social context of the child',
    '2.4.1.e': 'reviewing considered motivation and engagement levels and any relevant barriers',
    '2.4.1.f':
      'the child and their parents or carers were meaningfully involved in reviewing their progress and engagement, and their views were taken into account',
    '2.4.1.g': 'reviewing led to the necessary adjustments in the ongoing plan of work to support desistance',
    '2.4.2.a': 'reviewing identified and responded to changes in factors related to safety and wellbeing',
    '2.4.2.b':
      'reviewing was informed by the necessary input from other agencies involved in promoting the safety and wellbeing of the child',
    '2.4.2.c': 'reviewing led to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child',
    '2.4.3.a': 'reviewing identified and responded to changes in factors related to risk of harm',
    '2.4.3.b': 'reviewing was informed by the necessary input from other agencies involved in managing the risk of harm',
    '2.4.3.c': 'reviewing led to the necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm',
    '3.1.1.a':
      "there was sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility for, attitudes towards and motivations for their offending",
    '3.1.1.b': 'assessment sufficiently analysed diversity issues',
    '3.1.1.c': 'assessment considered personal circumstances, including the wider familial and social context of the child',
    '3.1.1.d': 'assessment utilised information held by other agencies',
    '3.1.1.e': "assessment focused on the child's strengths and protective factors",
    '3.1.1.f': 'assessment analysed the key structural barriers facing the child',
    '3.1.1.g': "sufficient attention was given to understanding the child's levels of maturity, ability and motivation to change",
    '3.1.1.h': 'assessment gave sufficient attention to the needs and wishes of victims, and opportunities for restorative justice',
    '3.1.1.i':
      'the child and their parents or carers were meaningfully involved in their assessment, and their views were taken into account',
    '3.1.2.a': 'assessment clearly identified and analysed any risks to the safety and wellbeing of the child',
    '3.1.2.b':
      'assessment drew sufficiently on available sources of information, including other assessments, and involved other agencies where appropriate',
    '3.1.3.a':
      'assessment clearly identified and analysed any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk',
    '3.1.3.b':
      'assessment drew sufficiently on available sources of information, including any other assessments that have been completed, and other evidence of behaviour by the child',
    '3.2.1.a':
      'planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing',
    '3.2.1.b': 'planning sufficiently addressed diversity issues',
    '3.2.1.c':
      "planning took sufficient account of the child's personal circumstances, including the wider familial and social context of the child",
    '3.2.1.d':
      "planning took sufficient account of the child's strengths and protective factors, and sought to reinforce or develop these as necessary",
    '3.2.1.e':
      "planning took sufficient account of the child's levels of maturity, ability and motivation to change, and sought to develop these as necessary",
    '3.2.1.f':
      'planning took sufficient account of opportunities for community integration, including access to mainstream services following completion of out-of-court disposal work',
    '3.2.1.g': 'planning gave sufficient attention to the needs and wishes of the victims',
    '3.2.1.h': 'the child and their parents or carers were meaningfully involved in planning, and their views were taken into account',
    '3.2.2.a': 'planning promoted the safety and wellbeing of the child, sufficiently addressing risks',
    '3.2.2.b':
      'planning involved other agencies where appropriate, and there was sufficient alignment with other plans (e.g. child protection or care plans) concerning the child',
    '3.2.2.c': 'planning included necessary contingency arrangements for those risks that have been identified',
    '3.2.3.a': 'planning promoted the safety of other people, sufficiently addressing risk of harm factors',
    '3.2.3.b': 'planning involved other agencies where appropriate',
    '3.2.3.c': 'planning addressed any specific concerns and risks related to actual and potential victims',
    '3.2.3.d': 'planning included necessary contingency arrangements for those risks that have been identified',
    '3.3.1.a':
      'the delivered services were those most likely to support desistance, with sufficient attention given to sequencing and the available timescales',
    '3.3.1.b': 'service delivery accounted for the diversity issues of the child',
    '3.3.1.c':
      'service delivery reflected the wider familial and social context of the child, involving parents or carers, or significant others',
    '3.3.1.d':
      'sufficient focus was given to developing and maintaining an effective working relationship with the child and their parents or carers',
    '3.3.1.e': "sufficient attention was given to encouraging and enabling the child's compliance with the work of the YOT",
    '3.3.1.f': 'service delivery promoted opportunities for community integration, including access to mainstream services',
    '3.3.2.a': 'service delivery promoted the safety and wellbeing of the child',
    '3.3.2.b': 'the involvement of other agencies in keeping the child safe was sufficiently well utilised and coordinated',
    '3.3.3.a': 'the delivered services were sufficient to manage and minimise the risk of harm',
    '3.3.3.b': 'sufficient attention was given to the protection of actual and potential victims',
  },
};
