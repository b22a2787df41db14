import { ZRoundTemplate, type TRoundTemplate, type TRoundTemplateInput } from './template';

/**
 * The three countries' templates as the law sets them (PRODUCT.md §1b), seeded into a new
 * database; an administrator edits copies. Where the law fixes a date it is a `fixed` rule; where
 * it fixes a length (Bulgaria's 30-day consultation) it is a period; where it sets only the order
 * of the steps, the periods are working defaults for the administrator to adjust, and say so.
 */

/**
 * Bulgaria. Social Services Act (Закон за социалните услуги, ДВ бр. 24 от 22.03.2019, in force
 * 01.07.2020) and the Ordinance on planning social services (Наредба за планирането на
 * социалните услуги, Decree No. 133 of the Council of Ministers of 06.04.2021): the municipality's
 * needs analysis and planning proposal on the АСП template, a public consultation of at least
 * 30 days, the municipal council's decision, the regional governor's discussion of regional
 * services and the mayors' agreement, submission to the Agency for Social Assistance, the National
 * Map of Social Services (Council of Ministers Decision No. 574 of 08.08.2024 adopted the first),
 * then each municipality's annual plan. The dates of the 2023 round (draft agreement by
 * 17 February, submission to АСП by 30 March) are the fixed dates.
 */
const BG_NPSU: TRoundTemplateInput = {
  key: 'bg.npsu',
  country: 'BG',
  legalBasis: 'Закон за социалните услуги; Наредба за планирането на социалните услуги, приета с ПМС № 133 от 06.04.2021 г.',
  stages: [
    {
      key: 'bg.needs_analysis',
      owner: 'municipality',
      documents: ['needs_analysis'],
      due: { kind: 'after_start', days: 15, unit: 'working' },
      legalBasis: 'Наредба за планирането на социалните услуги: анализ на потребностите по образец на АСП',
    },
    {
      key: 'bg.planning_proposal',
      owner: 'municipality',
      documents: ['planning_proposal'],
      due: { kind: 'after_stage', stage: 'bg.needs_analysis', from: 'due', days: 5, unit: 'working' },
      legalBasis: 'Наредба за планирането на социалните услуги: предложение за планиране по образец на АСП',
    },
    {
      key: 'bg.regional_discussion',
      owner: 'region',
      documents: ['meeting_minutes', 'draft_agreement'],
      due: { kind: 'fixed', month: 2, day: 17 },
      legalBasis: 'Наредба за планирането на социалните услуги: обсъждане на услугите на областно ниво, свикано от областния управител',
    },
    {
      key: 'bg.public_consultation',
      owner: 'municipality',
      documents: ['consultation_report'],
      due: { kind: 'after_stage', stage: 'bg.regional_discussion', from: 'due', days: 30, unit: 'calendar' },
      legalBasis: 'Наредба за планирането на социалните услуги: обществено обсъждане не по-кратко от 30 дни',
    },
    {
      key: 'bg.council_decision',
      owner: 'municipality',
      documents: ['council_decision'],
      due: { kind: 'after_stage', stage: 'bg.public_consultation', from: 'due', days: 5, unit: 'calendar' },
      legalBasis: 'Наредба за планирането на социалните услуги: решение на общинския съвет',
    },
    {
      key: 'bg.mayors_agreement',
      owner: 'region',
      documents: ['mayors_agreement'],
      due: { kind: 'after_stage', stage: 'bg.council_decision', from: 'due', days: 1, unit: 'working' },
      legalBasis: 'Наредба за планирането на социалните услуги: споразумение между кметовете за услугите на областно ниво',
    },
    {
      key: 'bg.submission_asp',
      owner: 'municipality',
      documents: ['planning_proposal', 'council_decision', 'mayors_agreement'],
      due: { kind: 'fixed', month: 3, day: 30 },
      legalBasis: 'Наредба за планирането на социалните услуги: внасяне в Агенцията за социално подпомагане',
    },
    {
      key: 'bg.national_map',
      owner: 'national',
      documents: ['national_map'],
      due: { kind: 'after_stage', stage: 'bg.submission_asp', from: 'due', days: 180, unit: 'calendar' },
      legalBasis: 'Закон за социалните услуги: Национална карта на социалните услуги, приета от Министерския съвет',
    },
    {
      key: 'bg.annual_plan',
      owner: 'municipality',
      documents: ['annual_plan'],
      due: { kind: 'after_stage', stage: 'bg.national_map', from: 'done', days: 60, unit: 'calendar' },
      legalBasis: 'Наредба за планирането на социалните услуги: годишен план за развитие на социалните услуги',
    },
  ],
};

/**
 * Ukraine. Law "On Social Services" (No. 2671-VIII of 17.01.2019) and the Procedure for
 * determining the needs of the population of a territorial community for social services (Order
 * of the Ministry of Social Policy No. 130-Н of 19.04.2023): the executive committee creates a
 * working group, which approves a plan of measures, collects administrative and demographic data
 * and runs questionnaires, compares the needs of potential recipients with the satisfaction of
 * current recipients, drafts the community's needs passport and publishes a report with
 * conclusions; the oblast aggregates the communities' results. The Procedure orders the steps but
 * sets no days: the periods here are defaults.
 */
const UA_ORDER_130: TRoundTemplateInput = {
  key: 'ua.order_130',
  country: 'UA',
  legalBasis: 'Закон України «Про соціальні послуги» № 2671-VIII; Порядок визначення потреб населення територіальної громади у соціальних послугах, наказ Мінсоцполітики від 19.04.2023 № 130-Н',
  stages: [
    {
      key: 'ua.working_group',
      owner: 'municipality',
      documents: ['working_group_decision'],
      due: { kind: 'after_start', days: 10, unit: 'working' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: утворення робочої групи виконавчим органом',
    },
    {
      key: 'ua.plan_of_measures',
      owner: 'municipality',
      documents: ['plan_of_measures'],
      due: { kind: 'after_stage', stage: 'ua.working_group', from: 'done', days: 10, unit: 'working' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: план заходів з визначення потреб',
    },
    {
      key: 'ua.data_collection',
      owner: 'municipality',
      documents: ['questionnaire', 'data_summary'],
      due: { kind: 'after_stage', stage: 'ua.plan_of_measures', from: 'done', days: 45, unit: 'calendar' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: збір адміністративних і демографічних даних, анкетування',
    },
    {
      key: 'ua.needs_analysis',
      owner: 'municipality',
      documents: ['needs_analysis'],
      due: { kind: 'after_stage', stage: 'ua.data_collection', from: 'done', days: 20, unit: 'working' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: порівняння потреб потенційних отримувачів із задоволеністю отримувачів',
    },
    {
      key: 'ua.needs_passport',
      owner: 'municipality',
      documents: ['needs_passport'],
      due: { kind: 'after_stage', stage: 'ua.needs_analysis', from: 'done', days: 10, unit: 'working' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: паспорт потреб (соціальний паспорт) громади',
    },
    {
      key: 'ua.report_published',
      owner: 'municipality',
      documents: ['needs_report'],
      due: { kind: 'after_stage', stage: 'ua.needs_passport', from: 'done', days: 10, unit: 'working' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: оприлюднення звіту з висновками',
    },
    {
      key: 'ua.oblast_summary',
      owner: 'region',
      documents: ['oblast_summary'],
      due: { kind: 'after_stage', stage: 'ua.report_published', from: 'done', days: 30, unit: 'calendar' },
      legalBasis: 'Наказ Мінсоцполітики № 130-Н: узагальнення потреб громад на рівні області',
    },
  ],
};

/**
 * Poland. Act of 19 July 2019 on the delivery of social services by a social services centre
 * (ustawa o realizowaniu usług społecznych przez centrum usług społecznych): the centre's
 * diagnosis of needs and potential, consulted with residents, and the programme of social
 * services adopted by the council; and art. 16a of the Social Assistance Act of 12 March 2004
 * (ustawa o pomocy społecznej): the gmina and the powiat present the assessment of
 * social-assistance resources (OZPS) to their council by 30 April, the voivodeship to its
 * assembly by 30 June. The diagnosis and programme have no statutory days: those are defaults.
 */
const PL_SOCIAL_SERVICES: TRoundTemplateInput = {
  key: 'pl.social_services',
  country: 'PL',
  legalBasis: 'Ustawa z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług społecznych; art. 16a ustawy z dnia 12 marca 2004 r. o pomocy społecznej',
  stages: [
    {
      key: 'pl.ozps',
      owner: 'municipality',
      documents: ['ozps'],
      due: { kind: 'fixed', month: 4, day: 30 },
      legalBasis: 'Art. 16a ustawy o pomocy społecznej: ocena zasobów pomocy społecznej przedstawiana radzie do 30 kwietnia',
    },
    {
      key: 'pl.ozps_voivodeship',
      owner: 'region',
      documents: ['ozps'],
      due: { kind: 'fixed', month: 6, day: 30 },
      legalBasis: 'Art. 16a ustawy o pomocy społecznej: ocena zasobów województwa przedstawiana sejmikowi do 30 czerwca',
    },
    {
      key: 'pl.diagnosis',
      owner: 'municipality',
      documents: ['diagnosis'],
      due: { kind: 'after_start', days: 60, unit: 'calendar' },
      legalBasis: 'Ustawa o realizowaniu usług społecznych przez centrum usług społecznych: diagnoza potrzeb i potencjału wspólnoty samorządowej',
    },
    {
      key: 'pl.resident_consultation',
      owner: 'municipality',
      documents: ['consultation_report'],
      due: { kind: 'after_stage', stage: 'pl.diagnosis', from: 'done', days: 21, unit: 'calendar' },
      legalBasis: 'Ustawa o realizowaniu usług społecznych przez centrum usług społecznych: konsultacje z mieszkańcami',
    },
    {
      key: 'pl.programme',
      owner: 'municipality',
      documents: ['programme'],
      due: { kind: 'after_stage', stage: 'pl.resident_consultation', from: 'done', days: 30, unit: 'calendar' },
      legalBasis: 'Ustawa o realizowaniu usług społecznych przez centrum usług społecznych: projekt programu usług społecznych',
    },
    {
      key: 'pl.council_resolution',
      owner: 'municipality',
      documents: ['council_resolution'],
      due: { kind: 'after_stage', stage: 'pl.programme', from: 'done', days: 30, unit: 'calendar' },
      legalBasis: 'Ustawa o realizowaniu usług społecznych przez centrum usług społecznych: uchwała rady gminy w sprawie programu usług społecznych',
    },
  ],
};

/** The seeded templates, checked once by their schema (defaults applied). */
export const SEEDED_TEMPLATES: readonly TRoundTemplate[] = Object.freeze([BG_NPSU, UA_ORDER_130, PL_SOCIAL_SERVICES].map((t) => ZRoundTemplate.parse(t)));

/** A seeded template by its key, or undefined. */
export const seededTemplate = (key: string): TRoundTemplate | undefined => SEEDED_TEMPLATES.find((t) => t.key === key);
