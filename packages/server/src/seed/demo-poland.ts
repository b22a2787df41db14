import type { TAssessmentInput, TTargetPopulation } from '@potreby/domain';

/**
 * The Polish demonstration (issue 9, story 5): gmina Niemce (TERYT 0609112, powiat lubelski,
 * Lubelskie; 22,039 people on 31 Dec 2023 — real, from reference/pl/). Its Social Services
 * Centre (CUS) prepares the "diagnoza potrzeb i potencjału" of the act of 19 July 2019 on
 * social services delivered by a CUS. Everything else — the centre's services and figures, the
 * team, the plan, the questionnaire's answers, the findings — is ILLUSTRATIVE: written to show
 * the story, stored with `demo = true` and marked so. The people named here do not exist.
 */
export const NIEMCE = '0609112';
/** The year of the service figures: the OZPS prepared by 30 April 2026 reports on 2025. */
export const NIEMCE_SITES_YEAR = 2025;
export const NIEMCE_YEAR = 2026;
export const NIEMCE_CUS = 'Centrum Usług Społecznych w Niemcach (demonstracja)';

export const NIEMCE_ASSESSMENT: Omit<TAssessmentInput, 'territoryId'> = {
  title: 'Diagnoza potrzeb i potencjału społeczności lokalnej gminy Niemce w zakresie usług społecznych (demonstracja)',
  periodFrom: '2026-01-12',
  periodTo: '2026-05-29',
  year: NIEMCE_YEAR,
  language: 'pl',
  status: 'analysing',
  rulesOfWork:
    'Zespół ds. diagnozy działa na podstawie ustawy z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług społecznych. Diagnozę konsultuje się z mieszkańcami; jej wyniki są podstawą programu usług społecznych gminy. Zespół spotyka się co dwa tygodnie, a decyzje podejmuje zwykłą większością głosów obecnych członków. (Tekst ilustracyjny na potrzeby demonstracji.)',
  planApprovedOn: '2026-01-26',
  planDecision: '12/2026 (ilustracyjnie)',
  conclusions: null,
  recommendations: null,
  suppressionThreshold: 5,
};

export const NIEMCE_MEMBERS = [
  { name: 'Anna Wiśniewska (ilustracyjnie)', organisation: NIEMCE_CUS, role: 'Dyrektorka centrum, przewodnicząca zespołu', chair: true },
  { name: 'Magdalena Zając (ilustracyjnie)', organisation: NIEMCE_CUS, role: 'Organizatorka społeczności lokalnej, sekretarz zespołu', chair: false },
  { name: 'Tomasz Kowalczyk (ilustracyjnie)', organisation: 'Urząd Gminy Niemce', role: 'Sekretarz gminy', chair: false },
  { name: 'Ewa Nowak (ilustracyjnie)', organisation: 'Gminna Rada Seniorów', role: 'Przewodnicząca rady', chair: false },
  { name: 'Krzysztof Lis (ilustracyjnie)', organisation: 'Stowarzyszenie „Demo: Razem dla Gminy”', role: 'Prezes stowarzyszenia', chair: false },
];

export const NIEMCE_MEASURES = [
  { activity: 'Powołać zespół ds. diagnozy i przyjąć plan jej przygotowania', responsible: 'Dyrektor centrum usług społecznych', dueDate: '2026-01-26', status: 'done' as const },
  { activity: 'Zebrać dane statystyczne GUS i dane administracyjne (centrum, szkoły, ośrodek zdrowia)', responsible: 'Organizator społeczności lokalnej', dueDate: '2026-02-20', status: 'done' as const },
  { activity: 'Opracować ankietę i określić grupy respondentów', responsible: 'Zespół ds. diagnozy', dueDate: '2026-02-27', status: 'done' as const },
  { activity: 'Przeprowadzić badanie ankietowe (przez internet i na papierze) oraz wywiady grupowe', responsible: 'Centrum usług społecznych, sołtysi', dueDate: '2026-04-10', status: 'done' as const },
  { activity: 'Przeanalizować wyniki i porównać potrzeby z dostępnymi usługami', responsible: 'Zespół ds. diagnozy', dueDate: '2026-04-30', status: 'in_progress' as const },
  { activity: 'Skonsultować wyniki diagnozy z mieszkańcami', responsible: 'Centrum usług społecznych', dueDate: '2026-05-20', status: 'planned' as const },
  { activity: 'Przygotować raport z diagnozy i projekt programu usług społecznych', responsible: 'Zespół ds. diagnozy', dueDate: '2026-05-29', status: 'planned' as const },
];

export const NIEMCE_METHODS = [
  { method: 'questionnaire' as const, description: 'Ankieta dla mieszkańców: przez internet (link, kod QR) i na papierze (za pośrednictwem sołtysów i pracowników socjalnych).' },
  { method: 'focus_group' as const, description: 'Dwa wywiady grupowe: seniorzy; rodzice i opiekunowie osób z niepełnosprawnościami.' },
  { method: 'interview' as const, description: 'Wywiady indywidualne z liderami lokalnymi: sołtysami, dyrektorami szkół, kierowniczką ośrodka zdrowia.' },
  { method: 'administrative_data' as const, description: 'Dane centrum o świadczeniach i usługach, sprawozdanie MRPiPS-03 oraz ocena zasobów pomocy społecznej za 2025 r.' },
];

/**
 * Respondent groups. The older people's number is real (GUS, 31 Dec 2020, the sum of the age
 * bands 65+ in reference/pl/population-by-age-gminas-lubelskie-2020.csv); the others are
 * illustrative estimates, as no public figure by gmina exists.
 */
export const NIEMCE_GROUPS = [
  { key: 'older_people', name: 'Seniorzy (65 lat i więcej)', targetRespondents: 120, population: 2941, populationSource: 'GUS, Bank Danych Lokalnych (tabl. P2137), stan na 31 grudnia 2020 r.' },
  { key: 'adults_with_disability', name: 'Osoby z niepełnosprawnościami i ich opiekunowie', targetRespondents: 60, population: 1900, populationSource: 'Szacunek ilustracyjny na potrzeby demonstracji' },
  { key: 'families_with_children', name: 'Rodziny z dziećmi', targetRespondents: 100, population: 2600, populationSource: 'Szacunek ilustracyjny na potrzeby demonstracji' },
];

/** Share of each group that answers "yes" to each question, used to make the illustrative answers. */
export const NIEMCE_PREVALENCE: Record<string, Record<string, number>> = {
  older_people: { lives_alone: 0.36, needs_care_services: 0.28, uses_care_services: 0.11, needs_day_support: 0.22, needs_respite: 0.05, needs_counselling: 0.1, needs_family_assistant: 0.01 },
  adults_with_disability: { lives_alone: 0.2, needs_care_services: 0.33, uses_care_services: 0.14, needs_day_support: 0.3, needs_respite: 0.45, needs_counselling: 0.25, needs_family_assistant: 0.06 },
  families_with_children: { lives_alone: 0.02, needs_care_services: 0.03, uses_care_services: 0.01, needs_day_support: 0.04, needs_respite: 0.06, needs_counselling: 0.27, needs_family_assistant: 0.12 },
};
/** Answers per group (near the targets, one group behind). */
export const NIEMCE_ANSWERS_PER_GROUP: Record<string, number> = { older_people: 112, adults_with_disability: 41, families_with_children: 96 };

const text = (pl: string, en: string) => ({ default: pl, pl, en });

const yesNo = (pl: string, en: string, name: string, extra: Record<string, unknown> = {}) => ({
  type: 'radiogroup',
  name,
  title: text(pl, en),
  choices: [
    { value: 'yes', text: text('Tak', 'Yes') },
    { value: 'no', text: text('Nie', 'No') },
  ],
  ...extra,
});

/** The short questionnaire of the diagnosis, in Polish and English (SurveyJS JSON). */
export function niemceQuestionnaire() {
  return {
    title: text('Ankieta: potrzeby mieszkańców w zakresie usług społecznych', 'Questionnaire: residents’ needs for social services'),
    description: text(
      'Ankieta jest anonimowa: nie pytamy o imię, nazwisko ani adres. Odpowiedzi pomogą gminie zaplanować usługi społeczne.',
      'The questionnaire is anonymous: we do not ask for your name or address. Your answers help the gmina plan its social services.',
    ),
    locale: 'pl',
    pages: [
      {
        name: 'about',
        title: text('O Panu/Pani', 'About you'),
        elements: [
          { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120, step: 1, title: text('Ile ma Pan/Pani lat?', 'How old are you?') },
          yesNo('Czy mieszka Pan/Pani sam/sama?', 'Do you live alone?', 'lives_alone'),
        ],
      },
      {
        name: 'services',
        title: text('Usługi społeczne', 'Social services'),
        elements: [
          yesNo(
            'Czy Pan/Pani lub ktoś z Pana/Pani rodziny potrzebuje pomocy w domu (usług opiekuńczych)?',
            'Do you or a family member need help at home (care services)?',
            'needs_care_services',
          ),
          yesNo('Czy korzysta Pan/Pani obecnie z usług opiekuńczych?', 'Do you receive care services now?', 'uses_care_services'),
          {
            type: 'radiogroup',
            name: 'satisfied_care_services',
            visibleIf: "{uses_care_services} = 'yes'",
            title: text('Jak ocenia Pan/Pani usługi opiekuńcze?', 'How satisfied are you with the care services?'),
            choices: [
              { value: 'satisfied', text: text('Jestem zadowolony/zadowolona', 'Satisfied') },
              { value: 'partly', text: text('Częściowo', 'Partly') },
              { value: 'not_satisfied', text: text('Nie jestem zadowolony/zadowolona', 'Not satisfied') },
            ],
          },
          yesNo(
            'Czy potrzebuje Pan/Pani miejsca dziennego pobytu (dzienny dom pomocy, klub seniora)?',
            'Do you need a place to spend the day (a day support centre, a seniors’ club)?',
            'needs_day_support',
          ),
          yesNo(
            'Czy jako opiekun osoby zależnej potrzebuje Pan/Pani opieki wytchnieniowej (zastępstwa w opiece)?',
            'As the carer of a dependent person, do you need respite care (someone to stand in for you)?',
            'needs_respite',
          ),
          yesNo(
            'Czy potrzebuje Pan/Pani porady specjalisty (psychologa, prawnika, terapeuty)?',
            'Do you need advice from a specialist (a psychologist, a lawyer, a therapist)?',
            'needs_counselling',
          ),
          yesNo('Czy Pana/Pani rodzina potrzebuje wsparcia asystenta rodziny?', 'Does your family need the support of a family assistant?', 'needs_family_assistant'),
          {
            type: 'checkbox',
            name: 'information_sources',
            title: text('Skąd dowiaduje się Pan/Pani o usługach społecznych?', 'Where do you learn about social services?'),
            choices: [
              { value: 'soltys', text: text('Od sołtysa', 'From the village head (sołtys)') },
              { value: 'social_worker', text: text('Od pracownika socjalnego', 'From a social worker') },
              { value: 'internet', text: text('Z internetu (strona gminy, media społecznościowe)', 'From the internet (the gmina’s website, social media)') },
              { value: 'neighbours', text: text('Od sąsiadów, znajomych', 'From neighbours, friends') },
            ],
          },
          { type: 'comment', name: 'main_problem', title: text('Co najbardziej utrudnia Panu/Pani korzystanie z pomocy?', 'What makes it hardest for you to get help?') },
        ],
      },
    ],
  };
}

/** What the tagged questions tell. */
export const NIEMCE_TAGS = [
  { questionName: 'needs_care_services', purpose: 'need' as const, serviceType: 'pl.care_services', targetGroup: 'older_people', positiveValues: ['yes'] },
  { questionName: 'uses_care_services', purpose: 'current_use' as const, serviceType: 'pl.care_services', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'satisfied_care_services', purpose: 'satisfaction' as const, serviceType: 'pl.care_services', targetGroup: null, positiveValues: ['satisfied'] },
  { questionName: 'needs_day_support', purpose: 'need' as const, serviceType: 'pl.day_support_centre', targetGroup: 'older_people', positiveValues: ['yes'] },
  { questionName: 'needs_respite', purpose: 'need' as const, serviceType: 'pl.respite_care', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'needs_counselling', purpose: 'need' as const, serviceType: 'pl.specialist_counselling', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'needs_family_assistant', purpose: 'need' as const, serviceType: 'pl.family_assistant', targetGroup: 'families_with_children', positiveValues: ['yes'] },
  { questionName: 'information_sources', purpose: 'information' as const, serviceType: null, targetGroup: null, positiveValues: [] },
];

/** Free-text answers the illustrative respondents give. */
export const NIEMCE_PROBLEMS = [
  'Trudno dojechać do Lublina, autobus kursuje rzadko',
  'Nie wiem, gdzie szukać pomocy',
  'Długo czeka się na usługi opiekuńcze',
  'Nie ma kto zająć się mamą, kiedy jestem w pracy',
  'Za mało zajęć dla seniorów w mojej miejscowości',
  'Do psychologa trzeba jeździć do Lublina',
  'Samotność, nie mam z kim porozmawiać',
  'Brak wsparcia dla rodziców dziecka z niepełnosprawnością',
];

export const NIEMCE_FINDINGS = [
  {
    method: 'focus_group' as const,
    topic: 'Dojazd do usług',
    groupKey: 'older_people',
    text: 'Seniorzy z miejscowości oddalonych od siedziby gminy nie mają jak dojechać do ośrodka zdrowia i na zajęcia: autobus kursuje kilka razy dziennie, a w niedziele wcale. Proponują transport „od drzwi do drzwi” i zajęcia w świetlicach wiejskich.',
    quote: '„Do lekarza wozi mnie sąsiad, bo w sobotę autobusu prawie nie ma.”',
    serviceTypes: ['pl.care_services', 'pl.senior_club'],
  },
  {
    method: 'focus_group' as const,
    topic: 'Opieka wytchnieniowa',
    groupKey: 'adults_with_disability',
    text: 'Rodzice i opiekunowie osób z niepełnosprawnościami nie mają zastępstwa w opiece; miejsc opieki wytchnieniowej jest za mało, a pobyt całodobowy jest możliwy tylko w Lublinie.',
    quote: '„Od pięciu lat nie wyszłam z domu na dłużej niż dwie godziny.”',
    serviceTypes: ['pl.respite_care', 'pl.personal_assistance'],
  },
  {
    method: 'administrative_data' as const,
    topic: 'Kolejka do usług opiekuńczych',
    groupKey: null,
    text: 'Według danych centrum na usługi opiekuńcze czeka 14 osób; średni czas oczekiwania wynosi dwa miesiące. (Dane ilustracyjne.)',
    quote: null,
    serviceTypes: ['pl.care_services'],
  },
  {
    method: 'interview' as const,
    topic: 'Potencjał społeczności',
    groupKey: null,
    text: 'Sołtysi, koła gospodyń wiejskich i wolontariusze parafialni są gotowi współprowadzić klub seniora i sąsiedzką pomoc dla osób samotnych; diagnoza ujmuje ten zasób obok potrzeb. (Wniosek ilustracyjny.)',
    quote: null,
    serviceTypes: ['pl.senior_club', 'pl.care_services'],
  },
];

/**
 * Illustrative service sites of the centre in the gmina (figures for 2025). `capacity` is places,
 * or persons a year for non-residential services, as the catalogue's unit says.
 */
export const NIEMCE_SITES = [
  { key: 'DEMO-NIE-001', name: 'Usługi opiekuńcze w miejscu zamieszkania', type: 'pl.care_services', capacity: 60, users: 58, waiting: 14, staff: 9, vacancies: 1, funding: 'municipal' },
  { key: 'DEMO-NIE-002', name: 'Praca socjalna', type: 'pl.social_work', capacity: 420, users: 395, waiting: 0, staff: 7, vacancies: 0, funding: 'municipal' },
  { key: 'DEMO-NIE-003', name: 'Asystent rodziny', type: 'pl.family_assistant', capacity: 45, users: 41, waiting: 3, staff: 3, vacancies: 0, funding: 'municipal' },
  { key: 'DEMO-NIE-004', name: 'Klub seniora w świetlicy wiejskiej', type: 'pl.senior_club', capacity: 25, users: 25, waiting: 8, staff: 2, vacancies: 0, funding: 'project' },
  { key: 'DEMO-NIE-005', name: 'Punkt poradnictwa specjalistycznego (psycholog, prawnik)', type: 'pl.specialist_counselling', capacity: 150, users: 132, waiting: 0, staff: 2, vacancies: 0, funding: 'municipal' },
  { key: 'DEMO-NIE-006', name: 'Opieka wytchnieniowa w miejscu zamieszkania', type: 'pl.respite_care', capacity: 12, users: 12, waiting: 9, staff: 4, vacancies: 1, funding: 'state' },
  { key: 'DEMO-NIE-007', name: 'Posiłki dla dzieci i osób potrzebujących', type: 'pl.meals', capacity: 180, users: 171, waiting: 0, staff: 1, vacancies: 0, funding: 'state' },
];

const ages = (from: number, to: number | null): TTargetPopulation => ({ kind: 'population', sex: 'T', age: { from, to } });

/**
 * ILLUSTRATIVE coverage norms for the Polish demonstration, per 1,000 of a target population.
 * Polish law sets no such standards for these services; the figures are NOT official and are
 * marked illustrative in the app. A gmina sets its own.
 */
export const DEMO_NORMS_PL: { serviceType: string; target: TTargetPopulation; ratePer1000: number }[] = [
  { serviceType: 'pl.social_work', target: ages(0, null), ratePer1000: 18 },
  { serviceType: 'pl.care_services', target: ages(65, null), ratePer1000: 25 },
  { serviceType: 'pl.day_support_centre', target: ages(65, null), ratePer1000: 5 },
  { serviceType: 'pl.senior_club', target: ages(65, null), ratePer1000: 10 },
  { serviceType: 'pl.family_assistant', target: ages(0, 17), ratePer1000: 8 },
  { serviceType: 'pl.specialist_counselling', target: ages(0, null), ratePer1000: 6 },
  { serviceType: 'pl.respite_care', target: ages(0, null), ratePer1000: 1 },
  { serviceType: 'pl.meals', target: ages(0, null), ratePer1000: 8 },
];
