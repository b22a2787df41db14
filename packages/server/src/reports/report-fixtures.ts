import type { ReportData } from './report-data';

/**
 * Two assessments to render documents from in tests: Khmilnyk hromada (Vinnytsia oblast) with
 * its real KATOTTG code and 2022 population and illustrative everything else, and a Bulgarian
 * mountain municipality with illustrative figures.
 */
export function khmilnykReport(): ReportData {
  return {
    language: 'uk',
    generatedOn: '2026-07-10',
    assessment: {
      title: 'Визначення потреб населення Хмільницької громади у соціальних послугах на 2026 рік',
      periodFrom: '2026-03-01',
      periodTo: '2026-06-30',
      year: 2026,
      status: 'reported',
      rulesOfWork: 'Засідання робочої групи проводяться щомісяця; рішення ухвалюються більшістю голосів.',
      planApprovedOn: '2026-03-12',
      planDecision: '145',
      conclusions:
        'Потреба в догляді вдома перевищує наявну потужність територіального центру: черга становить 14 осіб, а оцінка за опитуванням удвічі більша за кількість місць.\n\nУ віддалених селах громади люди похилого віку майже не мають доступу до денного догляду.',
      recommendations: 'Розширити відділення догляду вдома на 60 місць у 2027 році.\nСтворити мобільну бригаду для сіл, віддалених від Хмільника понад 15 км.\nОблаштувати пандус біля ґанку відділення денного перебування.',
      demo: true,
    },
    territory: { code: 'UA05120170000013778', name: 'Хмільницька', nameEn: 'Khmilnytska', level: 'municipality', country: 'UA', parents: ['Вінницька', 'Хмільницький'] },
    members: [
      { name: 'Тетяна Мельник', organisation: 'Управління праці та соціального захисту населення', role: 'Секретар', chair: false },
      { name: 'Олена Ковальчук', organisation: 'Хмільницька міська рада', role: 'Заступниця міського голови', chair: true },
      { name: 'Юрій Ґудзь', organisation: 'Територіальний центр соціального обслуговування', role: 'Член робочої групи', chair: false },
      { name: 'Ірина Бондар', organisation: 'ГО «Єдність заради майбутнього»', role: 'Член робочої групи', chair: false },
    ],
    measures: [
      { activity: 'Затвердити положення про робочу групу та її план заходів', responsible: 'Олена Ковальчук', dueDate: '2026-03-12', status: 'done' },
      { activity: 'Зібрати адміністративні дані з єдиної інформаційної системи соціальної сфери', responsible: 'Тетяна Мельник', dueDate: '2026-04-15', status: 'done' },
      { activity: 'Провести анкетування та ґендерний аналіз відповідей', responsible: 'Ірина Бондар', dueDate: '2026-05-31', status: 'in_progress' },
      { activity: 'Оприлюднити звіт з висновками', responsible: 'Олена Ковальчук', dueDate: null, status: 'planned' },
    ],
    methods: [
      { method: 'questionnaire', description: 'Анкета для мешканців, онлайн і на папері' },
      { method: 'focus_group', description: 'Дві фокус-групи з людьми похилого віку в селах' },
      { method: 'administrative_data', description: null },
    ],
    groups: [
      { key: 'older_people', name: 'Люди похилого віку', targetRespondents: 120, responses: 96, population: 9270, populationSource: 'Пенсійний фонд, 2025 (ілюстративно)' },
      { key: 'adults_with_disability', name: 'Особи з інвалідністю', targetRespondents: 50, responses: 38, population: 2140, populationSource: 'УПСЗН, 2025 (ілюстративно)' },
      { key: 'families_with_children', name: "Сім'ї з дітьми", targetRespondents: 100, responses: 78, population: 5400, populationSource: null },
    ],
    profile: {
      population: { year: 2022, total: 42994, how: 'direct' },
      ageBands: [
        { ageFrom: 0, ageTo: 9, female: 1890, male: 1985 },
        { ageFrom: 10, ageTo: 19, female: 2010, male: 2120 },
        { ageFrom: 20, ageTo: 29, female: 2150, male: 2240 },
        { ageFrom: 30, ageTo: 39, female: 2780, male: 2810 },
        { ageFrom: 40, ageTo: 49, female: 2960, male: 2870 },
        { ageFrom: 50, ageTo: 59, female: 3120, male: 2790 },
        { ageFrom: 60, ageTo: 69, female: 3480, male: 2650 },
        { ageFrom: 70, ageTo: 79, female: 2610, male: 1560 },
        { ageFrom: 80, ageTo: null, female: 1964, male: 1005 },
      ],
      settlements: 42,
      indicators: [
        { indicator: 'persons_with_disability', year: 2025, value: 3140, source: 'УПСЗН (ілюстративно)' },
        { indicator: 'idp', year: 2025, value: 2870, source: 'Єдина інформаційна база даних про ВПО (ілюстративно)' },
        { indicator: 'older_living_alone', year: 2025, value: 1180, source: 'Територіальний центр (ілюстративно)' },
      ],
    },
    services: [
      { name: 'Відділення соціальної допомоги вдома', serviceType: 'ua.home_care', serviceTypeName: 'Догляд вдома', unit: 'persons_per_year', provider: 'Територіальний центр соціального обслуговування', settlement: 'Хмільник', capacity: 180, users: 172, waitingList: 14, demo: true },
      { name: 'Відділення денного перебування', serviceType: 'ua.day_care', serviceTypeName: 'Денний догляд', unit: 'places', provider: 'Територіальний центр соціального обслуговування', settlement: 'Хмільник', capacity: 25, users: 22, waitingList: 3, demo: true },
      { name: 'Центр соціальних служб', serviceType: 'ua.social_accompaniment', serviceTypeName: 'Соціальний супровід', unit: 'persons_per_year', provider: 'Хмільницька міська рада', settlement: 'Хмільник', capacity: 120, users: 96, waitingList: null, demo: true },
    ],
    gaps: [
      { serviceType: 'ua.home_care', serviceTypeName: 'Догляд вдома', unit: 'persons_per_year', needUnit: 'persons_per_year', comparable: true, method: 'normative', need: 260, needLow: null, needHigh: null, capacity: 180, gap: 80, coverage: 0.69 },
      { serviceType: 'ua.home_care', serviceTypeName: 'Догляд вдома', unit: 'persons_per_year', needUnit: 'persons_per_year', comparable: true, method: 'observed', need: 186, needLow: null, needHigh: null, capacity: 180, gap: 6, coverage: 0.97 },
      { serviceType: 'ua.home_care', serviceTypeName: 'Догляд вдома', unit: 'persons_per_year', needUnit: 'persons', comparable: true, method: 'survey', need: 3523, needLow: 2790, needHigh: 4380, capacity: 180, gap: 3343, coverage: 0.05 },
      { serviceType: 'ua.day_care', serviceTypeName: 'Денний догляд', unit: 'places', needUnit: 'places', comparable: true, method: 'normative', need: 40, needLow: null, needHigh: null, capacity: 25, gap: 15, coverage: 0.63 },
      // A survey's persons who would use day care at some time, against places: no gap, no coverage.
      { serviceType: 'ua.day_care', serviceTypeName: 'Денний догляд', unit: 'places', needUnit: 'persons', comparable: false, method: 'survey', need: 2974, needLow: 2410, needHigh: 3600, capacity: 25, gap: null, coverage: null },
      { serviceType: 'ua.social_accompaniment', serviceTypeName: 'Соціальний супровід', unit: 'persons_per_year', needUnit: 'persons_per_year', comparable: true, method: 'observed', need: 96, needLow: null, needHigh: null, capacity: 120, gap: -24, coverage: 1 },
    ],
    noEstimates: [],
    estimates: [
      {
        serviceType: 'ua.home_care',
        serviceTypeName: 'Догляд вдома',
        need: 3523,
        needLow: 2790,
        needHigh: 4380,
        prevalence: 0.209,
        low: 0.166,
        high: 0.26,
        respondents: 212,
        byGroup: [
          { group: 'older_people', answered: 96, positive: 31, prevalence: 0.323, population: 9270 },
          { group: 'adults_with_disability', answered: 38, positive: 9, prevalence: 0.237, population: 2140 },
          { group: 'families_with_children', answered: 78, positive: 3, prevalence: 0.038, population: 5400 },
        ],
      },
    ],
    recipients: [
      { serviceType: 'ua.home_care', serviceTypeName: 'Догляд вдома', potentialNeed: { count: 40, of: 174, share: 0.23, low: 0.173, high: 0.298 }, currentSatisfaction: { count: 3, of: 4, share: 0.75, low: 0.3, high: 0.954 } },
      { serviceType: 'ua.day_care', serviceTypeName: 'Денний догляд', potentialNeed: { count: 12, of: 174, share: 0.069, low: 0.04, high: 0.117 }, currentSatisfaction: null },
    ],
    questions: [
      {
        title: 'Чи потребуєте ви допомоги вдома?',
        respondents: 212,
        items: [
          { text: 'Так, щодня', count: 21, share: 0.099 },
          { text: 'Так, кілька разів на тиждень', count: 22, share: 0.104 },
          { text: 'Ні', count: 165, share: 0.778 },
          { text: 'Важко відповісти', count: null, share: null },
          { text: 'Інше', count: null, share: null },
        ],
      },
    ],
    findings: [
      {
        method: 'focus_group',
        topic: 'Доступність послуг у віддалених селах',
        group: 'older_people',
        text: 'Учасники з сіл, віддалених від Хмільника, кажуть, що не можуть щодня їздити до відділення денного перебування.',
        quote: 'До Хмільника їздить один автобус на тиждень, а допомога потрібна щодня.',
        serviceTypes: ['ua.day_care', 'ua.home_care'],
      },
      { method: 'interview', topic: 'Кадри', group: null, text: 'Соціальних робітників бракує: на одну вакансію немає жодного кандидата.', quote: null, serviceTypes: [] },
    ],
    suppressionThreshold: 5,
  };
}

export function velingradReport(): ReportData {
  return {
    language: 'bg',
    generatedOn: '2026-05-20',
    assessment: {
      title: 'Анализ на потребностите от социални услуги в община Велинград',
      periodFrom: '2026-01-15',
      periodTo: '2026-04-30',
      year: 2026,
      status: 'analysing',
      rulesOfWork: null,
      planApprovedOn: null,
      planDecision: null,
      conclusions: 'Потребността от домашна грижа в отдалечените населени места не е покрита.',
      recommendations: null,
      demo: false,
    },
    territory: { code: 'PAZ08', name: 'Велинград', nameEn: 'Velingrad', level: 'municipality', country: 'BG', parents: ['Пазарджик'] },
    members: [
      { name: 'Мария Петрова', organisation: 'Община Велинград', role: 'Заместник-кмет', chair: true },
      { name: 'Георги Събев', organisation: 'Дирекция „Социално подпомагане“', role: 'Член', chair: false },
    ],
    measures: [{ activity: 'Събиране на административни данни от Агенцията за социално подпомагане', responsible: 'Георги Събев', dueDate: '2026-02-28', status: 'done' }],
    methods: [{ method: 'questionnaire', description: 'Анкета сред възрастни хора' }],
    groups: [{ key: 'older_people', name: 'Възрастни хора', targetRespondents: 80, responses: 61, population: 7350, populationSource: 'НСИ, 2021' }],
    profile: {
      population: { year: 2021, total: 31828, how: 'sum_of_parts' },
      ageBands: [
        { ageFrom: 0, ageTo: 17, female: 2510, male: 2670 },
        { ageFrom: 18, ageTo: 64, female: 9820, male: 10110 },
        { ageFrom: 65, ageTo: null, female: 3810, male: 2908 },
      ],
      settlements: 21,
      indicators: [{ indicator: 'persons_with_disability', year: 2025, value: 2410, source: 'ТЕЛК' }],
    },
    services: [
      { name: 'Домашен социален патронаж', serviceType: 'bg.home_care', serviceTypeName: 'Домашна грижа / домашен социален патронаж', unit: 'persons_per_year', provider: 'Община Велинград', settlement: 'Велинград', capacity: 150, users: 141, waitingList: 22, demo: false },
      { name: 'Дневен център за възрастни хора', serviceType: 'bg.day_care_elderly', serviceTypeName: 'Дневна грижа за възрастни хора', unit: 'places', provider: 'Сдружение „Бъдеще“', settlement: 'Велинград', capacity: 30, users: 30, waitingList: 4, demo: false },
    ],
    gaps: [
      { serviceType: 'bg.home_care', serviceTypeName: 'Домашна грижа / домашен социален патронаж', unit: 'persons_per_year', needUnit: 'persons_per_year', comparable: true, method: 'observed', need: 163, needLow: null, needHigh: null, capacity: 150, gap: 13, coverage: 0.92 },
    ],
    noEstimates: [{ method: 'normative', missing: 'no_norm' }],
    estimates: [
      {
        serviceType: 'bg.home_care',
        serviceTypeName: 'Домашна грижа / домашен социален патронаж',
        need: 1690,
        needLow: 1180,
        needHigh: 2280,
        prevalence: 0.23,
        low: 0.16,
        high: 0.31,
        respondents: 61,
        byGroup: [{ group: 'older_people', answered: 61, positive: 14, prevalence: 0.23, population: 7350 }],
      },
    ],
    recipients: [],
    questions: [
      {
        title: 'Имате ли нужда от помощ в дома?',
        respondents: 61,
        items: [
          { text: 'Да', count: 14, share: 0.23 },
          { text: 'Не', count: 44, share: 0.72 },
          { text: 'Не мога да преценя', count: null, share: null },
        ],
      },
    ],
    findings: [],
    suppressionThreshold: 5,
  };
}
