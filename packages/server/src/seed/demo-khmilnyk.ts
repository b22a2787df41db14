import { romanise, type TAssessmentInput } from '@potreby/domain';

/**
 * The Ukrainian demonstration (issue 3): Khmilnyk hromada (KATOTTG UA05120170000013778, Vinnytsia
 * oblast; 42 settlements, 42,994 people on 1 January 2022 — real, from reference/ua/). Everything
 * else — the working group, the plan, group sizes, the questionnaire's answers, the findings — is
 * ILLUSTRATIVE: written to show story 4 of PRODUCT.md, stored with `demo = true` and marked so.
 * The people named here do not exist.
 */
export const KHMILNYK = 'UA05120170000013778';
export const KHMILNYK_YEAR = 2026;

export const KHMILNYK_ASSESSMENT: Omit<TAssessmentInput, 'territoryId'> = {
  title: 'Визначення потреб населення Хмільницької міської територіальної громади у соціальних послугах (демонстрація)',
  periodFrom: '2026-01-15',
  periodTo: '2026-04-30',
  year: KHMILNYK_YEAR,
  language: 'uk',
  status: 'analysing',
  rulesOfWork:
    'Робоча група діє відповідно до Порядку визначення потреб населення адміністративно-територіальної одиниці/територіальної громади у соціальних послугах (наказ Мінсоцполітики № 130-Н від 19.04.2023). Засідання проводяться щотижня; рішення ухвалюються більшістю голосів присутніх членів. (Ілюстративний текст для демонстрації.)',
  planApprovedOn: '2026-01-28',
  planDecision: '27 (ілюстративно)',
  conclusions: null,
  recommendations: null,
  suppressionThreshold: 5,
};

export const KHMILNYK_MEMBERS = [
  { name: 'Олена Коваленко (ілюстративно)', organisation: 'Хмільницька міська рада', role: 'Заступниця міського голови, голова робочої групи', chair: true },
  { name: 'Ігор Мельник (ілюстративно)', organisation: 'Управління праці та соціального захисту населення', role: 'Начальник управління, секретар', chair: false },
  { name: 'Наталія Бондар (ілюстративно)', organisation: 'Центр надання соціальних послуг', role: 'Директорка', chair: false },
  { name: 'Андрій Шевчук (ілюстративно)', organisation: 'Управління освіти', role: 'Заступник начальника', chair: false },
  { name: 'Світлана Ткач (ілюстративно)', organisation: 'ГО «Демо: Разом заради громади»', role: 'Голова громадської організації', chair: false },
];

export const KHMILNYK_MEASURES = [
  { activity: 'Затвердити склад робочої групи та регламент її роботи', responsible: 'Виконавчий комітет', dueDate: '2026-01-20', status: 'done' as const },
  { activity: 'Зібрати адміністративні та соціально-демографічні дані громади', responsible: 'Управління праці та соціального захисту населення', dueDate: '2026-02-10', status: 'done' as const },
  { activity: 'Розробити анкету та визначити групи респондентів', responsible: 'Робоча група, ГО «Демо: Разом заради громади»', dueDate: '2026-02-15', status: 'done' as const },
  { activity: 'Провести анкетування (онлайн і паперове) та фокус-групи', responsible: 'Центр надання соціальних послуг', dueDate: '2026-03-31', status: 'done' as const },
  { activity: 'Проаналізувати дані та порівняти потреби з наявними послугами', responsible: 'Робоча група', dueDate: '2026-04-15', status: 'in_progress' as const },
  { activity: 'Підготувати звіт з висновками та соціальний паспорт громади', responsible: 'Робоча група', dueDate: '2026-04-30', status: 'planned' as const },
  { activity: 'Оприлюднити звіт на офіційному вебсайті громади', responsible: 'Відділ інформаційної роботи', dueDate: '2026-05-10', status: 'planned' as const },
];

export const KHMILNYK_METHODS = [
  { method: 'questionnaire' as const, description: 'Анкетування мешканців за посиланням, QR-кодом і на папері (через старост та соціальних працівників).' },
  { method: 'focus_group' as const, description: 'Дві фокус-групи: люди похилого віку; батьки дітей з інвалідністю.' },
  { method: 'administrative_data' as const, description: 'Дані ПФУ, управління соцзахисту, ЦНСП: кількість отримувачів і черги.' },
];

/** Respondent groups; populations are ILLUSTRATIVE estimates (the reference data have no age structure for hromadas). */
export const KHMILNYK_GROUPS = [
  { key: 'older_people', name: 'Люди похилого віку (65+)', targetRespondents: 150, population: 8600, populationSource: 'Ілюстративна оцінка для демонстрації (≈20 % населення)' },
  { key: 'adults_with_disability', name: 'Особи з інвалідністю', targetRespondents: 80, population: 3300, populationSource: 'Ілюстративна оцінка для демонстрації' },
  { key: 'families_with_children', name: "Сім'ї з дітьми", targetRespondents: 100, population: 5200, populationSource: 'Ілюстративна оцінка для демонстрації' },
  { key: 'idp', name: 'Внутрішньо переміщені особи', targetRespondents: 60, population: 1900, populationSource: 'Ілюстративна оцінка для демонстрації' },
];

/** Share of each group that needs each service, used to generate the illustrative answers. */
export const KHMILNYK_PREVALENCE: Record<string, Record<string, number>> = {
  older_people: { needs_home_care: 0.34, needs_day_care: 0.18, needs_escort: 0.22, needs_counselling: 0.12, needs_in_kind: 0.25, uses_home_care: 0.14, lives_alone: 0.41 },
  adults_with_disability: { needs_home_care: 0.31, needs_day_care: 0.27, needs_escort: 0.38, needs_counselling: 0.2, needs_in_kind: 0.3, uses_home_care: 0.12, lives_alone: 0.22 },
  families_with_children: { needs_home_care: 0.02, needs_day_care: 0.08, needs_escort: 0.05, needs_counselling: 0.24, needs_in_kind: 0.19, uses_home_care: 0.01, lives_alone: 0.03 },
  idp: { needs_home_care: 0.07, needs_day_care: 0.06, needs_escort: 0.09, needs_counselling: 0.36, needs_in_kind: 0.52, uses_home_care: 0.02, lives_alone: 0.15 },
};
/** Answers per group (near the targets, one group behind). */
export const KHMILNYK_ANSWERS_PER_GROUP: Record<string, number> = { older_people: 142, adults_with_disability: 71, families_with_children: 104, idp: 38 };

const yesNo = (uk: string, en: string, name: string, extra: Record<string, unknown> = {}) => ({
  type: 'radiogroup',
  name,
  title: { default: uk, uk, en },
  choices: [
    { value: 'yes', text: { default: 'Так', uk: 'Так', en: 'Yes' } },
    { value: 'no', text: { default: 'Ні', uk: 'Ні', en: 'No' } },
  ],
  ...extra,
});

/** The questionnaire, in Ukrainian and English (SurveyJS JSON); settlements filled in from the codifier. */
export function khmilnykQuestionnaire(settlements: { code: string; name: string }[]) {
  return {
    title: { default: 'Анкета: потреби у соціальних послугах', uk: 'Анкета: потреби у соціальних послугах', en: 'Questionnaire: needs for social services' },
    description: {
      default: 'Анкета анонімна: ми не питаємо імені чи адреси. Відповіді допоможуть громаді спланувати соціальні послуги.',
      uk: 'Анкета анонімна: ми не питаємо імені чи адреси. Відповіді допоможуть громаді спланувати соціальні послуги.',
      en: 'The questionnaire is anonymous: we do not ask for your name or address. Your answers help the community plan its social services.',
    },
    locale: 'uk',
    pages: [
      {
        name: 'about',
        title: { default: 'Про вас', uk: 'Про вас', en: 'About you' },
        elements: [
          {
            type: 'dropdown',
            name: 'settlement',
            title: { default: 'У якому населеному пункті ви живете?', uk: 'У якому населеному пункті ви живете?', en: 'Which settlement do you live in?' },
            choices: settlements.map((s) => ({ value: s.code, text: { default: s.name, uk: s.name, en: romanise(s.name, 'UA') } })),
          },
          { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120, step: 1, title: { default: 'Скільки вам років?', uk: 'Скільки вам років?', en: 'How old are you?' } },
          yesNo('Ви живете самі?', 'Do you live alone?', 'lives_alone'),
        ],
      },
      {
        name: 'services',
        title: { default: 'Соціальні послуги', uk: 'Соціальні послуги', en: 'Social services' },
        elements: [
          yesNo('Чи потрібна вам або члену вашої родини допомога вдома (догляд вдома)?', 'Do you or a family member need help at home (home care)?', 'needs_home_care'),
          yesNo('Чи отримуєте ви зараз послугу догляду вдома?', 'Do you receive home care now?', 'uses_home_care'),
          {
            type: 'radiogroup',
            name: 'satisfied_home_care',
            visibleIf: "{uses_home_care} = 'yes'",
            title: { default: 'Наскільки ви задоволені послугою догляду вдома?', uk: 'Наскільки ви задоволені послугою догляду вдома?', en: 'How satisfied are you with home care?' },
            choices: [
              { value: 'satisfied', text: { default: 'Задоволений(-а)', uk: 'Задоволений(-а)', en: 'Satisfied' } },
              { value: 'partly', text: { default: 'Частково', uk: 'Частково', en: 'Partly' } },
              { value: 'not_satisfied', text: { default: 'Не задоволений(-а)', uk: 'Не задоволений(-а)', en: 'Not satisfied' } },
            ],
          },
          yesNo('Чи потрібен вам денний догляд (центр, де можна провести день)?', 'Do you need day care (a centre to spend the day)?', 'needs_day_care'),
          yesNo('Чи потрібен вам супровід (до лікаря, у справах)?', 'Do you need someone to accompany you (to the doctor, on errands)?', 'needs_escort'),
          yesNo('Чи потрібна вам консультація (психолога, юриста, соціального працівника)?', 'Do you need counselling (a psychologist, a lawyer, a social worker)?', 'needs_counselling'),
          yesNo('Чи потрібна вам натуральна допомога (продукти, одяг, засоби гігієни)?', 'Do you need in-kind aid (food, clothes, hygiene products)?', 'needs_in_kind'),
          {
            type: 'checkbox',
            name: 'information_sources',
            title: { default: 'Звідки ви дізнаєтеся про соціальні послуги?', uk: 'Звідки ви дізнаєтеся про соціальні послуги?', en: 'Where do you learn about social services?' },
            choices: [
              { value: 'starosta', text: { default: 'Від старости', uk: 'Від старости', en: 'From the village head (starosta)' } },
              { value: 'social_worker', text: { default: 'Від соціального працівника', uk: 'Від соціального працівника', en: 'From a social worker' } },
              { value: 'internet', text: { default: 'З інтернету', uk: 'З інтернету', en: 'From the internet' } },
              { value: 'neighbours', text: { default: 'Від сусідів, знайомих', uk: 'Від сусідів, знайомих', en: 'From neighbours, friends' } },
            ],
          },
          { type: 'comment', name: 'main_problem', title: { default: 'Що найбільше ускладнює вам отримання допомоги?', uk: 'Що найбільше ускладнює вам отримання допомоги?', en: 'What makes it hardest for you to get help?' } },
        ],
      },
    ],
  };
}

/** What the tagged questions tell (issue 3, items 6 and 7). */
export const KHMILNYK_TAGS = [
  { questionName: 'settlement', purpose: 'settlement' as const, serviceType: null, targetGroup: null, positiveValues: [] },
  { questionName: 'needs_home_care', purpose: 'need' as const, serviceType: 'ua.home_care', targetGroup: 'older_people', positiveValues: ['yes'] },
  { questionName: 'uses_home_care', purpose: 'current_use' as const, serviceType: 'ua.home_care', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'satisfied_home_care', purpose: 'satisfaction' as const, serviceType: 'ua.home_care', targetGroup: null, positiveValues: ['satisfied'] },
  { questionName: 'needs_day_care', purpose: 'need' as const, serviceType: 'ua.day_care', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'needs_escort', purpose: 'need' as const, serviceType: 'ua.physical_escort', targetGroup: 'adults_with_disability', positiveValues: ['yes'] },
  { questionName: 'needs_counselling', purpose: 'need' as const, serviceType: 'ua.counselling', targetGroup: null, positiveValues: ['yes'] },
  { questionName: 'needs_in_kind', purpose: 'need' as const, serviceType: 'ua.in_kind_aid', targetGroup: 'idp', positiveValues: ['yes'] },
];

/** Free-text answers the illustrative respondents give (the analysis screen tags them). */
export const KHMILNYK_PROBLEMS = [
  'Немає транспорту до районного центру',
  'Далеко до лікарні, автобус ходить раз на день',
  'Не знаю, куди звертатися',
  'Черга на догляд вдома',
  'Соціальний працівник приходить рідко',
  'Немає грошей на ліки',
  'Потрібна допомога з документами після переселення',
  'Самотність, ні з ким поговорити',
];

export const KHMILNYK_FINDINGS = [
  { method: 'focus_group' as const, topic: 'Доступність послуг у селах', groupKey: 'older_people', text: 'Мешканці віддалених сіл не можуть самостійно дістатися до Хмільника: автобус курсує раз на день, а послуга соціального таксі відсутня.', quote: '«До лікаря я їду з сусідом, бо автобус ходить тільки зранку.»', serviceTypes: ['ua.physical_escort', 'ua.home_care'] },
  { method: 'focus_group' as const, topic: 'Денний догляд для дітей з інвалідністю', groupKey: 'adults_with_disability', text: 'Батьки дітей з інвалідністю потребують денного догляду, щоб мати змогу працювати; найближчий центр — у Вінниці.', quote: '«Я не можу вийти на роботу, бо дитину ні з ким залишити.»', serviceTypes: ['ua.day_care', 'ua.respite_care'] },
  { method: 'administrative_data' as const, topic: 'Черги на догляд вдома', groupKey: null, text: 'За даними центру надання соціальних послуг, на догляд вдома очікують 37 осіб; середній час очікування — 3 місяці. (Ілюстративні дані.)', quote: null, serviceTypes: ['ua.home_care'] },
];

/** Illustrative service sites of the hromada, for the gap table. */
export const KHMILNYK_SITES = [
  { key: 'DEMO-KHM-001', name: 'Центр надання соціальних послуг: догляд вдома', type: 'ua.home_care', capacity: 160, users: 158, waiting: 37, staff: 24, vacancies: 3 },
  { key: 'DEMO-KHM-002', name: 'Відділення денного догляду', type: 'ua.day_care', capacity: 25, users: 23, waiting: 6, staff: 5, vacancies: 1 },
  { key: 'DEMO-KHM-003', name: 'Консультаційний пункт ЦНСП', type: 'ua.counselling', capacity: 600, users: 540, waiting: 0, staff: 3, vacancies: 0 },
  { key: 'DEMO-KHM-004', name: 'Пункт натуральної допомоги (ГО «Демо: Разом заради громади»)', type: 'ua.in_kind_aid', capacity: 900, users: 870, waiting: 0, staff: 2, vacancies: 0 },
];
