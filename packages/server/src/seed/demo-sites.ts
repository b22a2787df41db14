/**
 * SYNTHETIC service sites for the demonstration province of Pazardzhik. The municipalities and
 * settlements are real (EKATTE); the sites, providers and figures are invented to look like a
 * typical Bulgarian province and are stored with `demo = true`, shown with a "demo" badge.
 * Providers named "Демо …" do not exist.
 */
export const DEMO_YEAR = 2025;

type DemoSite = {
  municipality: string;
  type: string;
  name: string;
  provider: string;
  kind: 'public' | 'ngo' | 'private';
  capacity: number;
  users: number;
  waiting: number;
  staff: number;
  vacancies: number;
  funding: 'state' | 'municipal' | 'project' | 'other';
  /** Codes of the units served; empty = its own municipality. */
  serves?: string[];
  mobile?: boolean;
  opened: string;
};

const municipal = (name: string) => `Община ${name}`;

export const DEMO_SITES: DemoSite[] = [
  // Pazardzhik, the provincial centre: most of the specialised services, some serving the province.
  { municipality: 'PAZ19', type: 'bg.home_care', name: 'Домашен социален патронаж – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 260, users: 255, waiting: 34, staff: 28, vacancies: 3, funding: 'municipal', opened: '2004-03-01' },
  { municipality: 'PAZ19', type: 'bg.day_care_elderly', name: 'Дневен център за възрастни хора „Демо“ – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 40, users: 40, waiting: 12, staff: 8, vacancies: 1, funding: 'state', opened: '2012-09-15' },
  { municipality: 'PAZ19', type: 'bg.residential_care_elderly', name: 'Дом за възрастни хора – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 60, users: 58, waiting: 21, staff: 31, vacancies: 4, funding: 'state', opened: '1998-01-01' },
  { municipality: 'PAZ19', type: 'bg.day_care_children_disability', name: 'Център за деца с увреждания „Демо“', provider: 'Демо фондация „Детство“', kind: 'ngo', capacity: 30, users: 28, waiting: 6, staff: 9, vacancies: 2, funding: 'state', serves: ['PAZ19', 'PAZ29', 'PAZ14'], opened: '2015-06-01' },
  { municipality: 'PAZ19', type: 'bg.therapy_rehabilitation', name: 'Център за рехабилитация – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 35, users: 35, waiting: 15, staff: 7, vacancies: 2, funding: 'state', serves: ['PAZ'], opened: '2016-02-01' },
  { municipality: 'PAZ19', type: 'bg.information_consulting', name: 'Център за обществена подкрепа – Пазарджик', provider: 'Демо сдружение „Подкрепа“', kind: 'ngo', capacity: 900, users: 820, waiting: 0, staff: 6, vacancies: 0, funding: 'state', serves: ['PAZ'], opened: '2010-10-01' },
  { municipality: 'PAZ19', type: 'bg.shelter', name: 'Кризисен център „Демо“', provider: 'Демо сдружение „Подкрепа“', kind: 'ngo', capacity: 12, users: 9, waiting: 0, staff: 6, vacancies: 1, funding: 'state', serves: ['PAZ'], opened: '2018-04-01' },
  { municipality: 'PAZ19', type: 'bg.assistant_support', name: 'Асистентска подкрепа – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 180, users: 176, waiting: 40, staff: 45, vacancies: 6, funding: 'state', opened: '2021-01-01' },
  { municipality: 'PAZ19', type: 'bg.residential_care_adults_disability', name: 'Център за настаняване от семеен тип за пълнолетни – Пазарджик', provider: municipal('Пазарджик'), kind: 'public', capacity: 28, users: 27, waiting: 5, staff: 14, vacancies: 2, funding: 'state', serves: ['PAZ'], opened: '2014-11-01' },
  // Velingrad: the second town, a spa resort with older residents.
  { municipality: 'PAZ08', type: 'bg.home_care', name: 'Домашен социален патронаж – Велинград', provider: municipal('Велинград'), kind: 'public', capacity: 90, users: 90, waiting: 18, staff: 11, vacancies: 2, funding: 'municipal', opened: '2006-05-01' },
  { municipality: 'PAZ08', type: 'bg.day_care_elderly', name: 'Дневен център за възрастни – Велинград', provider: municipal('Велинград'), kind: 'public', capacity: 25, users: 22, waiting: 0, staff: 5, vacancies: 0, funding: 'state', opened: '2013-03-01' },
  { municipality: 'PAZ08', type: 'bg.residential_care_elderly', name: 'Дом за стари хора „Демо“ – Велинград', provider: 'Демо „Сенекс“ ООД', kind: 'private', capacity: 40, users: 38, waiting: 4, staff: 18, vacancies: 1, funding: 'other', opened: '2019-07-01' },
  { municipality: 'PAZ08', type: 'bg.assistant_support', name: 'Асистентска подкрепа – Велинград', provider: municipal('Велинград'), kind: 'public', capacity: 60, users: 58, waiting: 11, staff: 15, vacancies: 3, funding: 'state', opened: '2021-01-01' },
  // Panagyurishte.
  { municipality: 'PAZ20', type: 'bg.home_care', name: 'Домашен социален патронаж – Панагюрище', provider: municipal('Панагюрище'), kind: 'public', capacity: 110, users: 104, waiting: 0, staff: 12, vacancies: 0, funding: 'municipal', opened: '2003-01-01' },
  { municipality: 'PAZ20', type: 'bg.day_care_elderly', name: 'Дневен център за възрастни – Панагюрище', provider: municipal('Панагюрище'), kind: 'public', capacity: 20, users: 20, waiting: 3, staff: 4, vacancies: 0, funding: 'state', opened: '2015-01-01' },
  { municipality: 'PAZ20', type: 'bg.day_care_adults_disability', name: 'Дневен център за пълнолетни с увреждания – Панагюрище', provider: municipal('Панагюрище'), kind: 'public', capacity: 15, users: 12, waiting: 0, staff: 4, vacancies: 1, funding: 'state', serves: ['PAZ20', 'PAZ32'], opened: '2017-09-01' },
  // Peshtera.
  { municipality: 'PAZ21', type: 'bg.home_care', name: 'Домашен социален патронаж – Пещера', provider: municipal('Пещера'), kind: 'public', capacity: 70, users: 66, waiting: 9, staff: 8, vacancies: 1, funding: 'municipal', opened: '2005-01-01' },
  { municipality: 'PAZ21', type: 'bg.day_care_children_disability', name: 'Дневен център за деца с увреждания – Пещера', provider: municipal('Пещера'), kind: 'public', capacity: 15, users: 15, waiting: 4, staff: 5, vacancies: 1, funding: 'state', serves: ['PAZ21', 'PAZ03', 'PAZ24'], opened: '2016-03-01' },
  { municipality: 'PAZ21', type: 'bg.community_work', name: 'Общностен център – Пещера', provider: 'Демо сдружение „Заедно“', kind: 'ngo', capacity: 40, users: 35, waiting: 0, staff: 3, vacancies: 0, funding: 'project', opened: '2022-02-01' },
  // Septemvri.
  { municipality: 'PAZ29', type: 'bg.home_care', name: 'Домашен социален патронаж – Септември', provider: municipal('Септември'), kind: 'public', capacity: 80, users: 80, waiting: 14, staff: 9, vacancies: 2, funding: 'municipal', opened: '2007-01-01' },
  { municipality: 'PAZ29', type: 'bg.assistant_support', name: 'Асистентска подкрепа – Септември', provider: municipal('Септември'), kind: 'public', capacity: 45, users: 45, waiting: 8, staff: 12, vacancies: 2, funding: 'state', opened: '2021-01-01' },
  // Rakitovo and Batak: mountain municipalities, a mobile team for the villages.
  { municipality: 'PAZ24', type: 'bg.home_care', name: 'Мобилен екип за домашна грижа – Ракитово', provider: municipal('Ракитово'), kind: 'public', capacity: 35, users: 35, waiting: 7, staff: 5, vacancies: 2, funding: 'project', mobile: true, opened: '2023-05-01' },
  { municipality: 'PAZ03', type: 'bg.home_care', name: 'Домашен социален патронаж – Батак', provider: municipal('Батак'), kind: 'public', capacity: 25, users: 24, waiting: 3, staff: 3, vacancies: 1, funding: 'municipal', opened: '2008-01-01' },
  // Bratsigovo: a care home serving neighbouring municipalities too.
  { municipality: 'PAZ06', type: 'bg.residential_care_elderly', name: 'Дом за възрастни хора – Брацигово', provider: municipal('Брацигово'), kind: 'public', capacity: 45, users: 45, waiting: 9, staff: 22, vacancies: 3, funding: 'state', serves: ['PAZ06', 'PAZ21', 'PAZ24', 'PAZ03'], opened: '1995-01-01' },
  { municipality: 'PAZ06', type: 'bg.home_care', name: 'Домашен социален патронаж – Брацигово', provider: municipal('Брацигово'), kind: 'public', capacity: 30, users: 28, waiting: 0, staff: 4, vacancies: 0, funding: 'municipal', opened: '2009-01-01' },
  // Belovo, Lesichovo, Strelcha, Sarnitsa: small municipalities with home care only.
  { municipality: 'PAZ04', type: 'bg.home_care', name: 'Домашен социален патронаж – Белово', provider: municipal('Белово'), kind: 'public', capacity: 30, users: 30, waiting: 5, staff: 4, vacancies: 1, funding: 'municipal', opened: '2010-01-01' },
  { municipality: 'PAZ14', type: 'bg.home_care', name: 'Домашен социален патронаж – Лесичово', provider: municipal('Лесичово'), kind: 'public', capacity: 20, users: 17, waiting: 0, staff: 2, vacancies: 0, funding: 'municipal', opened: '2011-01-01' },
  { municipality: 'PAZ32', type: 'bg.home_care', name: 'Домашен социален патронаж – Стрелча', provider: municipal('Стрелча'), kind: 'public', capacity: 25, users: 25, waiting: 6, staff: 3, vacancies: 1, funding: 'municipal', opened: '2012-01-01' },
  { municipality: 'PAZ39', type: 'bg.home_care', name: 'Мобилна социална услуга – Сърница', provider: municipal('Сърница'), kind: 'public', capacity: 15, users: 15, waiting: 4, staff: 2, vacancies: 1, funding: 'project', mobile: true, opened: '2024-03-01' },
];

/** The demo sites as a services import file (formats.md), settlements given by the municipal centre's EKATTE. */
export function demoSitesCsv(centreEkatte: Map<string, string>): string {
  const header = 'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened';
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = DEMO_SITES.map((s, i) => {
    const ekatte = centreEkatte.get(s.municipality);
    if (!ekatte) throw new Error(`no centre for ${s.municipality}`);
    return [
      `DEMO-${s.municipality}-${String(i + 1).padStart(3, '0')}`,
      quote(s.name),
      s.type,
      quote(s.provider),
      s.kind,
      ekatte,
      (s.serves ?? []).join('|'),
      DEMO_YEAR,
      s.capacity,
      s.users,
      s.waiting,
      s.staff,
      s.vacancies,
      s.funding,
      s.mobile ? 'yes' : 'no',
      s.opened,
    ].join(',');
  });
  return [header, ...lines].join('\n') + '\n';
}
