// Deterministic demo content for The Gazette, a fictional city newsroom. Every word here is
// invented for this project. The seed script and the tests build articles, people and images
// from these factories, so a test can make "an article like the ones on the site" in one call.
//
// Determinism: everything is drawn from a seeded PRNG (mulberry32). Each article gets its own
// stream (`articleRng(seed, index)`), so its words do not depend on the order it is built in.

import type {
  BlockNode,
  BodyDoc,
  InlineNode,
  ListItemNode,
  Mark,
  ParagraphNode,
  TextNode,
  VideoNode,
} from '../lib/body/types';
import { bodyToPlainText, countWords } from '../lib/body/text';
import type { BylineKind } from '../lib/domain';

export const SEED = 20261126;

// ---------------------------------------------------------------------------------------------
// Random numbers

export type Rng = () => number;

// mulberry32: tiny, fast and good enough for demo data. Returns floats in [0, 1).
export function createRng(seed: number = SEED): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An independent stream per article, so one article's content never shifts another's.
export function articleRng(seed: number, index: number): Rng {
  return createRng((Math.imul(index + 1, 0x9e3779b1) ^ seed) >>> 0);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick() from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

// Integer in [min, max], both inclusive.
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

// Skewed towards the start of the list: a few items are picked far more often than the rest.
export function pickSkewed<T>(rng: Rng, items: readonly T[], power = 2): T {
  if (items.length === 0) throw new Error('pickSkewed() from an empty list');
  return items[Math.floor(rng() ** power * items.length)] as T;
}

export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

// n distinct items (fewer if the list is shorter).
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return shuffle(rng, items).slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Word counts

const LETTER_JOINERS = new Set(['.', "'", '\u2018', '\u2019', ':', '\u00b7']);
const DIGIT_JOINERS = new Set(['.', "'", '\u2018', '\u2019', ',', ';']);
// Non-ASCII characters the factories use that are never part of a word.
const KNOWN_PUNCTUATION = new Set(['\u2018', '\u2019', '\u201c', '\u201d', '\u2014', '\u2013', '\u2026']);

function charClass(code: number): 0 | 1 | 2 {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return 1;
  if (code >= 48 && code <= 57) return 2;
  return 0;
}

// Equals lib/body/text countWords (Unicode word boundaries via Intl.Segmenter) for the text
// these factories write, at a fraction of the cost: a 100,000-article seed counts ~60 million
// words. Text with any other non-ASCII character goes to the real thing.
export function countWordsFast(text: string): number {
  let count = 0;
  let inWord = false;
  let prevClass: 0 | 1 | 2 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127 && !KNOWN_PUNCTUATION.has(text[i] as string)) return countWords(text);
    const cls = charClass(code);
    if (cls !== 0) {
      if (!inWord) count++;
      inWord = true;
      prevClass = cls;
      continue;
    }
    if (inWord && i + 1 < text.length) {
      const ch = text[i] as string;
      const nextClass = charClass(text.charCodeAt(i + 1));
      if (
        (prevClass === 1 && nextClass === 1 && LETTER_JOINERS.has(ch)) ||
        (prevClass === 2 && nextClass === 2 && DIGIT_JOINERS.has(ch))
      ) {
        continue;
      }
    }
    inWord = false;
    prevClass = 0;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Templates: "{slot}" is filled from the variables; "{Slot}" is the same value capitalised.

export type Vars = Record<string, string | ((rng: Rng) => string)>;

const compiledTemplates = new Map<string, string[]>();

export function capitalize(text: string): string {
  const first = text.charAt(0);
  if (first === '\u201c' || first === '"') return first + capitalize(text.slice(1));
  return first.toUpperCase() + text.slice(1);
}

function slotValue(rng: Rng, key: string, vars: Vars): string {
  const direct = vars[key];
  if (direct !== undefined) return typeof direct === 'function' ? direct(rng) : direct;
  const lower = key.charAt(0).toLowerCase() + key.slice(1);
  const value = vars[lower];
  if (value === undefined) throw new Error(`Template slot {${key}} has no value`);
  return capitalize(typeof value === 'function' ? value(rng) : value);
}

export function fill(rng: Rng, template: string, vars: Vars): string {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    out += slotValue(rng, parts[i] as string, vars) + (parts[i + 1] as string);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The city

export const TOPICS = ['politics', 'city', 'business', 'climate', 'culture', 'sport'] as const;
export type Topic = (typeof TOPICS)[number];
export type SectionTopic = Topic | 'opinion' | 'feed';

export interface SectionDef {
  name: string;
  slug: string;
  description: string;
  topic: SectionTopic;
}

// In navigation order. The News Feed holds the short items of kind 'feed'.
export const SECTION_DEFS: readonly SectionDef[] = [
  { name: 'News Feed', slug: 'news-feed', topic: 'feed', description: 'Short updates from the newsroom, as they happen.' },
  { name: 'Politics', slug: 'politics', topic: 'politics', description: 'City hall, the council, elections and the people who run the city.' },
  { name: 'City', slug: 'city', topic: 'city', description: 'Transit, housing, schools, courts and life in the neighbourhoods.' },
  { name: 'Business', slug: 'business', topic: 'business', description: 'Companies, jobs, the port and the cost of living.' },
  { name: 'Climate', slug: 'climate', topic: 'climate', description: 'Heat, floods, air, trees and how the city is adapting.' },
  { name: 'Culture', slug: 'culture', topic: 'culture', description: 'Stages, galleries, books, film and the people who make them.' },
  { name: 'Sport', slug: 'sport', topic: 'sport', description: 'The clubs, the leagues, the marathon and the grounds.' },
  { name: 'Opinion', slug: 'opinion', topic: 'opinion', description: 'Arguments from our columnists and readers.' },
];

export const DISTRICTS = [
  'Riverside', 'Old Town', 'Harbour Quarter', 'North Hills', 'Millbrook', 'Eastgate',
  'Cedar Park', 'Foundry Row', 'Westbank', 'Station Hill', 'Brickfields', 'Orchard Lane',
  'Saltmarsh', 'Tannery Quarter', 'Lower Meadow', 'Bell Tower', 'Canal Side', 'Pinegrove',
  'Kiln Street', 'Willow Bend',
] as const;

const STREETS = [
  'Embankment Road', 'Foundry Street', 'Linden Avenue', 'Market Square', 'Station Road',
  'Bell Street', 'Canal Walk', 'Orchard Lane', 'Tannery Street', 'Harbour Road', 'Mill Lane',
  'Chestnut Boulevard', 'Victory Avenue', 'Ropewalk', 'Glassworks Street',
];

const VENUES = [
  'Grand Theatre', 'Riverside Library', 'Municipal Gallery', 'Bell Tower Hall', 'Old Tannery stage',
  'Philharmonic', 'Cinema Aurora', 'city hall assembly room', 'Foundry Row community centre',
  'Eastgate sports hall', 'House of Culture', 'Harbour Arena',
];

const SCHOOLS = ['Lyceum No. 4', 'Cedar Park primary school', 'Riverside gymnasium', 'School No. 17', 'Millbrook secondary school'];

export const FIRST_NAMES = [
  'Olena', 'Taras', 'Iryna', 'Andriy', 'Mariya', 'Dmytro', 'Sofia', 'Bohdan', 'Kateryna', 'Yurii',
  'Nadia', 'Oksana', 'Petro', 'Larysa', 'Roman', 'Halyna', 'Marta', 'Ivan', 'Ada', 'Daniel',
  'Lena', 'Marco', 'Hanna', 'Samuel', 'Nora', 'Felix', 'Ruth', 'Omar', 'Ines', 'Viktor',
  'Zoryana', 'Ostap', 'Solomiya', 'Maksym', 'Vira', 'Lev', 'Daryna', 'Artem', 'Ulyana', 'Yaroslav',
] as const;

export const LAST_NAMES = [
  'Marchenko', 'Koval', 'Bondar', 'Tkachenko', 'Shevchuk', 'Melnyk', 'Kravets', 'Hnatiuk', 'Lysenko',
  'Savchuk', 'Demchuk', 'Rudenko', 'Petrenko', 'Moroz', 'Palamar', 'Horak', 'Fischer', 'Lindqvist',
  'Okafor', 'Moreau', 'Brennan', 'Costa', 'Novak', 'Weller', 'Haddad', 'Sato', 'Quinn', 'Adler',
  'Rossi', 'Varga', 'Hrytsenko', 'Yatsenko', 'Kostiuk', 'Pasichnyk', 'Zaporozhets', 'Boiko',
] as const;

const COMPANIES = [
  'Larkspur Foods', 'Northbank Logistics', 'Kiln and Co', 'Harbour Works', 'Meridian Textiles',
  'Foundry Labs', 'Bluefinch Bakeries', 'Old Mill Brewing', 'Cedar Freight', 'Lantern Software',
  'Pinewood Furniture', 'Saltmarsh Energy', 'Ropewalk Coffee', 'Station Hill Motors',
];

const CLUBS = [
  'FC Riverside', 'Harbour United', 'Eastgate Rovers', 'North Hills Athletic', 'Millbrook Wolves',
  'Brickfields Town', 'Cedar Park Rangers', 'Westbank Dynamo',
];

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth'];

const QUOTES = [
  'We have waited long enough. Now it has to work.',
  'Nobody asked the people who actually use it every day.',
  'It is a start, but it is not the finish line.',
  'If it works here, it can work anywhere in the city.',
  'The money is there. What we need now is patience.',
  'I have lived here for thirty years and I have never seen a meeting this full.',
  'We are not against change. We are against change that nobody explains.',
  'Give it a year, and then judge us on the numbers.',
  'Every week of delay costs the city money it does not have.',
  'This is what people asked for, and we listened.',
  'Small steps are still steps.',
  'The details matter more than the headline.',
  'We will publish everything, including the parts that do not look good.',
  'My children will be the ones who live with this decision.',
  'Ask me again in winter. That is when we will know.',
  'There is no plan B, so plan A had better be good.',
  'People here are tired of promises. They want to see the work.',
  'It is not perfect, but it is honest.',
];

const DOC_NAMES = ['report', 'budget annex', 'consultation paper', 'impact assessment', 'audit', 'feasibility study'];

// ---------------------------------------------------------------------------------------------
// Topic banks

// A part of the city's machinery that a story can be about: who acts, which office answers
// the phone, who speaks for it and what it works on.
interface Desk {
  actor: string;
  dept: string;
  roles: string[];
  subjects: string[];
}

interface TopicBank {
  desks: Desk[];
  expertRoles: string[];
  headlines: string[];
  sentences: string[];
  subheads: string[];
  deks: string[];
}

const TOPIC_BANKS: Record<Topic, TopicBank> = {
  politics: {
    desks: [
      { actor: 'city council', dept: 'city clerk\u2019s office', roles: ['the city secretary', 'a council member for {district}', 'chair of the budget committee'], subjects: ['participatory budget', 'ward boundary review', 'council pay freeze', 'public hearings rule', 'youth council', 'district mergers plan'] },
      { actor: 'the mayor\u2019s office', dept: 'mayor\u2019s office', roles: ['the deputy mayor for finance', 'the mayor\u2019s chief of staff'], subjects: ['municipal bond issue', 'emergency reserve fund', 'property tax relief', 'open-data charter'] },
      { actor: 'the city ethics commission', dept: 'ethics commission', roles: ['chair of the ethics commission', 'a member of the ethics commission'], subjects: ['lobbying register', 'procurement reform', 'asset declaration rules'] },
      { actor: 'opposition deputies', dept: 'council opposition bloc', roles: ['leader of the opposition bloc'], subjects: ['council pay freeze', 'procurement reform', 'participatory budget'] },
    ],
    expertRoles: ['a political scientist at the city university', 'who runs the Open Council watchdog', 'a former city secretary'],
    headlines: [
      '{Actor} approves {subject} after {nWord}-hour debate',
      'Council delays vote on {subject} until {month}',
      'Mayor pledges review of {subject} before winter',
      'Opposition demands audit of {subject}',
      '{District} deputies split over {subject}',
      'What the {subject} means for {district}',
      '{Subject} clears first reading by {votesFor} votes',
      'Ethics panel opens inquiry into {subject} contracts',
      'Budget committee trims {subject} by {pct}%',
      'Petition on {subject} forces council debate',
      'Who wins and who loses under the {subject}',
      '{NWord} things to know about the {subject}',
      'City council approves {subject} in late-night session',
    ],
    sentences: [
      'The mayor\u2019s coalition holds a narrow majority, and two of its members abstained.',
      'Campaign finance filings show that {n} donors gave more than the legal limit last year, a matter the ethics commission is now reviewing.',
      'Council sessions have been streamed online since {yearPast}, and the recordings are archived on the city website.',
      'The city charter requires a two-thirds majority for changes to the budget after March.',
      'Deputies spent most of the session arguing over a single paragraph of the draft.',
      'The next municipal election is due in {yearFuture}, and several deputies are already campaigning.',
    ],
    subheads: ['How the vote went', 'Inside the chamber', 'The politics of it'],
    deks: [
      'The vote followed {nWord} months of hearings and a petition signed by {bigN} residents.',
      'Supporters call it overdue; critics in {district} say nobody asked them.',
    ],
  },
  city: {
    desks: [
      { actor: 'the transit authority', dept: 'transit authority', roles: ['head of the transit authority', 'the deputy mayor for transport'], subjects: ['night-bus pilot', 'tram line extension', 'bus lane network', 'river ferry timetable', 'parking permit reform'] },
      { actor: 'the school board', dept: 'education department', roles: ['the school board chair', 'head of the education department'], subjects: ['school meals programme', 'school catchment map', 'after-school clubs scheme', 'school roof repairs'] },
      { actor: 'the housing office', dept: 'housing office', roles: ['director of the housing office', 'the city\u2019s chief planner'], subjects: ['rent registry', 'social housing project', 'building insulation programme'] },
      { actor: 'the roads department', dept: 'roads department', roles: ['head of the roads department', 'the city\u2019s chief engineer'], subjects: ['bridge repair schedule', 'street lighting upgrade', 'pedestrian zone', 'bike lane network'] },
      { actor: 'the water utility', dept: 'water utility', roles: ['director of the water utility'], subjects: ['water main replacement', 'leak detection programme'] },
      { actor: 'the parks department', dept: 'parks department', roles: ['the parks commissioner'], subjects: ['playground renovation', 'riverside promenade'] },
      { actor: 'the district court', dept: 'district court', roles: ['presiding judge of the district court', 'the court\u2019s press officer'], subjects: ['courthouse renovation', 'online small-claims service', 'court interpreter scheme'] },
    ],
    expertRoles: ['an urban planner at the city university', 'who chairs the {district} residents\u2019 association', 'a transport researcher'],
    headlines: [
      'City council approves night-bus pilot on four routes',
      '{Actor} approves {subject} for {district}',
      '{Subject} to start in {month}, officials say',
      '{District} residents push back on {subject}',
      '{Actor} unveils {subject} after years of complaints',
      'Delays hit {subject} as costs climb to {money}',
      'Court orders pause to {subject} in {district}',
      '{Subject} extended to {nWord} more districts',
      'First week of {subject} brings long queues in {district}',
      'How the {subject} was decided',
      'Parents in {district} question {subject}',
      'The {subject}, explained',
    ],
    sentences: [
      'Buses on the busiest routes already run at {pct}% above capacity at rush hour, the transit authority says.',
      'Parents at {school} have asked for a safer crossing outside the gates.',
      'The district court has a backlog of about {bigN} cases, according to its annual report.',
      'Rents in {district} have risen by {pct}% in two years.',
      'Road works on {street} are expected to last until {month}.',
      'The water utility says old pipes cause about a third of the city\u2019s leaks.',
      'Night-shift workers have long complained that the last tram leaves before their shifts end.',
    ],
    subheads: ['What changes for commuters', 'What parents should know', 'On the ground in {district}'],
    deks: [
      'The trial will cost {money} and could be extended citywide if ridership holds up.',
      'Commuters in {district} will be the first to notice the change.',
    ],
  },
  business: {
    desks: [
      { actor: 'the chamber of commerce', dept: 'chamber of commerce', roles: ['president of the chamber of commerce'], subjects: ['small-business grant scheme', 'night-time economy plan', 'shop-front renewal fund'] },
      { actor: 'the port authority', dept: 'port authority', roles: ['head of the port authority'], subjects: ['port logistics centre', 'shipyard', 'container terminal'] },
      { actor: 'the city investment office', dept: 'city investment office', roles: ['director of the city investment office', 'chief executive of {company}', 'founder of {company}'], subjects: ['startup hub', 'co-working campus', 'tech incubator', 'riverside market', 'food hall', 'shopping arcade', 'craft brewery district', 'farmers\u2019 cooperative'] },
    ],
    expertRoles: ['an economist at the city university', 'who advises small firms on exports', 'an analyst at a local bank'],
    headlines: [
      '{Company} to open {nWord} new stores in {district}',
      '{Company} cuts {n} jobs as orders slow',
      '{Company} plans {money} expansion at the {subject}',
      'Rents at the {subject} rise {pct}% in a year',
      'Small firms in {district} brace for higher energy bills',
      'Why {company} is betting on the {subject}',
      'Chamber survey finds {pct}% of shops hiring this winter',
      '{Company} wins city contract worth {money}',
      'Inflation eases to {decimal}% in the region',
      'The {subject} that changed {district}',
    ],
    sentences: [
      '{Company} employs about {bigN} people in the region, most of them in {district}.',
      'Retail sales in the city rose {decimal}% in the third quarter, according to the regional statistics office.',
      'Energy bills remain the biggest worry for small firms, the chamber of commerce says.',
      'The port handled a record volume of containers last year.',
      'Commercial rents along {street} are among the highest in the city.',
      '{Company} declined to comment on its plans for next year.',
      'Analysts expect hiring to slow in the first months of next year.',
      'The company\u2019s founders started out in a garage in {district} in {yearPast}.',
      'Wages in the city have risen faster than prices for the past {nWord} quarters.',
    ],
    subheads: ['The balance sheet', 'What it means for jobs', 'Who is hiring'],
    deks: [
      'The company says the move will create {n} jobs by the end of next year.',
      'Owners say energy costs, not demand, are the biggest worry.',
    ],
  },
  climate: {
    desks: [
      { actor: 'the city environment office', dept: 'environment office', roles: ['head of the city environment office', 'the deputy mayor for climate'], subjects: ['heat action plan', 'air quality network', 'cooling centres', 'composting programme', 'green roof grants'] },
      { actor: 'the water utility', dept: 'water utility', roles: ['director of the water utility'], subjects: ['flood barrier', 'river clean-up', 'rain garden programme'] },
      { actor: 'the parks department', dept: 'parks department', roles: ['the city\u2019s chief forester', 'the parks commissioner'], subjects: ['tree canopy survey', 'urban forest plan'] },
      { actor: 'the city energy department', dept: 'energy department', roles: ['head of the energy department'], subjects: ['district heating upgrade', 'solar roof scheme', 'electric bus fleet'] },
    ],
    expertRoles: ['a climate scientist at the city university', 'who leads the River Keepers volunteer group', 'a hydrologist'],
    headlines: [
      '{Actor} expands {subject} to {district}',
      '{Subject} falls behind schedule, audit finds',
      'Record heat puts {subject} to the test',
      'Volunteers plant {bigN} trees in {district}',
      'Air quality in {district} worst in {nWord} years, monitors show',
      'How the {subject} works, and who it leaves out',
      'Storm season: is the {subject} ready?',
      'City sets {yearFuture} target for {subject}',
      'River levels rise as {subject} nears completion',
      'The {subject} is working. Just not everywhere',
    ],
    sentences: [
      'Last summer, the city recorded {nWord} days above 35 degrees.',
      'The river rose {n} centimetres above its usual level during the spring floods.',
      'Tree cover in {district} is below {pct}%, well under the city average.',
      'Air quality monitors in {district} exceeded the safe limit on {n} days last month.',
      'The city wants to cut emissions from municipal buildings by half by {yearFuture}.',
      'Cooling centres opened in {n} libraries during the last heatwave.',
      'Older apartment blocks lose much of their heat through single-glazed stairwell windows.',
    ],
    subheads: ['The science', 'What the data shows', 'Heat, water and money'],
    deks: [
      'Scientists say the next {nWord} summers will decide whether the plan works.',
      'Neighbourhoods with the fewest trees are also the hottest.',
    ],
  },
  culture: {
    desks: [
      { actor: 'the Grand Theatre', dept: 'Grand Theatre', roles: ['artistic director of the Grand Theatre', 'principal conductor at the Grand Theatre'], subjects: ['opera season', 'puppet theatre', 'orchestra residency'] },
      { actor: 'the city culture department', dept: 'culture department', roles: ['head of the city culture department', 'director of the {subject}'], subjects: ['street art festival', 'jazz weekend', 'film festival', 'book fair', 'open studios weekend', 'photography biennale'] },
      { actor: 'the city archive', dept: 'city archive', roles: ['director of the city archive', 'chief librarian'], subjects: ['archive reading room', 'river museum', 'library late nights'] },
    ],
    expertRoles: ['a theatre critic', 'who teaches art history at the city university', 'a painter with a studio in {district}'],
    headlines: [
      '{Venue} announces {subject} programme',
      'Review: a bold {subject} at the {venue}',
      '{Subject} draws record crowds to {district}',
      'Inside the restoration of the {venue}',
      'Artists in {district} fight to keep their studios',
      '{NWord} things to see at the {subject}',
      'The {subject} returns after a {nWord}-year break',
      'City archive opens letters from the 1920s',
      'Budget cuts threaten the {subject}, organisers warn',
      'A night at the {subject}',
    ],
    sentences: [
      'The {venue} seats about {seats} people and sold out its opening night.',
      'Tickets start at {price} hryvnias, with free entry for students on {weekday}s.',
      'The programme mixes new work with pieces that have not been staged here for decades.',
      'Much of the collection was stored in a damp basement until {yearPast}.',
      'The festival relies on {n} volunteers and a small city grant.',
      'Critics have praised the staging, if not the length.',
      'The director said the aim was for the audience to leave arguing.',
      'Admission to the archive reading room is free with a library card.',
      'Rehearsals ran late into the night for most of {month}.',
    ],
    subheads: ['The programme', 'Behind the scenes', 'Tickets and times'],
    deks: [
      'The programme runs until {month}, with free events in {district}.',
      'A small team with a smaller budget has made it one of the busiest weekends of the year.',
    ],
  },
  sport: {
    desks: [
      { actor: 'the city sports department', dept: 'sports department', roles: ['head of the city sports department'], subjects: ['youth football league', 'swimming pool renovation', 'community sports grants', 'ice rink'] },
      { actor: 'marathon organisers', dept: 'marathon office', roles: ['race director of the city marathon'], subjects: ['city marathon', 'cycling criterium', 'rowing regatta'] },
      { actor: 'the stadium operator', dept: 'stadium operator', roles: ['head coach of {club}', 'captain of {club}'], subjects: ['stadium roof', 'basketball derby', 'women\u2019s league final'] },
    ],
    expertRoles: ['a former national team player', 'who coaches the under-14s at {club}', 'a sports physician'],
    headlines: [
      '{Club} beat {club2} {score} to go {ordinal} in the league',
      '{Club} coach signs new {nWord}-year deal',
      'Late goal gives {club} {score} win over {club2}',
      '{Subject} brings road closures to {district}',
      '{Club} fans raise {money} for {subject}',
      'How {club} built the league\u2019s best defence',
      '{Subject} sells out in {nWord} hours',
      '{Club} and {club2} draw in tense derby',
      'Youth teams in {district} get new pitches',
    ],
    sentences: [
      '{Club} have won {n} of their last {n2} matches at home.',
      'The crowd of {bigN} was the largest at the ground this season.',
      'Tickets for the derby sold out in under an hour.',
      'Training sessions for the youth league are held at the {venue} every {weekday}.',
      'The club\u2019s academy has produced {n} first-team players in the last five years.',
      'The marathon route passes through {district} and along {street}.',
      'The league table is tighter than it has been in years.',
      '{Club2} had the better of the first half but could not find a way through.',
      'The winning goal came from a corner that was cleared only as far as the edge of the box.',
    ],
    subheads: ['How the match was won', 'The turning point', 'What comes next for {club}'],
    deks: [
      'The result leaves {club} {nWord} points clear with {nWord} games to play.',
      'Organisers expect {bigN} runners and plenty of closed roads.',
    ],
  },
};

// Sentences that fit any subject.
const NEUTRAL_SENTENCES = [
  '{Official}, {officialRole}, said the first results would be reviewed in {month}.',
  'The {subject} will cost {money} over {nWord} years, according to figures seen by the Gazette.',
  'Residents of {district} have followed the plans closely, and a petition last spring gathered {bigN} signatures.',
  'Critics say the timetable is too ambitious and the budget too thin.',
  '{Expert}, {expertRole}, said similar projects elsewhere had taken {years} years to show results.',
  'A spokesperson for the {dept} did not respond to a request for comment by {weekday} evening.',
  'Only {pct}% of those surveyed said they had heard of the {subject} before this month.',
  'Supporters point to {district2}, where a smaller version has run since {yearPast}.',
  '{Resident}, {residentDesc}, said the change could not come soon enough.',
  'Others were less sure.',
  'The figures have not been independently verified.',
  'The {dept} said it would publish monthly progress reports online.',
  'Business owners along {street} said they had not been consulted.',
  'Costs have risen by about {pct}% since the project was first announced.',
  'For many families in {district}, the question is simply whether it will work.',
  'At a packed meeting at the {venue}, speakers queued for more than an hour.',
  'The timetable leaves little room for error.',
  '{Official} acknowledged the risks but said doing nothing would cost more.',
  'Data from the first {nWord} weeks will decide what happens next.',
  'Neighbouring towns are watching closely.',
  '{Expert} said the real test would come in winter.',
  'A final decision is expected before the end of the year.',
  'Some of the work will be done at night to limit disruption on {street}.',
  'In a written statement, the {dept} said it had \u201clistened carefully\u201d to residents.',
  'The Gazette has asked for the full list of contractors; the request is pending.',
  'It is not the first time the idea has come up.',
  'Volunteers handed out leaflets in {district} over the weekend, explaining what would change.',
  'Turnout at the information evenings was higher than organisers expected.',
  'The numbers tell only part of the story.',
  '{Official} said the {dept} would meet residents again in {month}.',
  'According to the {dept}, about {bigN} people could be affected in the first year.',
  'There is still no agreement on who will pay for maintenance.',
  '{Resident} said the best thing about the plan was that it was finally happening.',
  'The {dept} says it has learned from the mistakes of {yearPast}.',
];

// Sentences about council decisions, for the civic topics.
const CIVIC_SENTENCES = [
  '{Actor} voted on {weekday} to go ahead with the {subject}, ending months of debate.',
  'The vote was {votesFor} to {votesAgainst}, with {abstentions} abstentions.',
  'Opposition deputies called the decision rushed and asked for an independent audit.',
  'The plan was first proposed in {yearPast} but stalled after a change of leadership at the {dept}.',
  'The council set aside an extra {money} in the autumn budget as a reserve.',
  'Under the plan, {district} would be the first neighbourhood to see the changes.',
  'Similar plans were shelved twice in the last decade.',
  'The {dept} has hired {n} extra staff to manage the rollout.',
  'Council members from {district} have asked for a separate hearing.',
  'The proposal now goes to a second reading, expected in {month}.',
];

const OPINION_SENTENCES = [
  'I have lived in {district} for {years} years, and I have seen plans like this come and go.',
  'Let us be honest about what the {subject} can and cannot do.',
  'The city has a habit of announcing things and then forgetting them.',
  'None of this is an argument for doing nothing.',
  'The people who will feel the change first are the ones least likely to be at a council hearing.',
  'If the council wants trust, it should publish the numbers, all of them, every month.',
  'We should judge the {subject} on what it delivers, not on what it promises.',
  'There is a better way, and it is not complicated.',
  'Ask anyone who waits for the last tram on a winter night.',
];

const OPINION_HEADLINES = [
  'The {subject} is a good idea. Make it bigger',
  '{District} deserves better than this {subject}',
  'Stop treating the {subject} as an afterthought',
  'What the debate over the {subject} gets wrong',
  'Letter from {district}: the {subject} and the people it forgets',
  'The city can afford the {subject}. It cannot afford to wait',
  'In defence of the {subject}',
  'Three questions the council must answer about the {subject}',
];

const OPINION_DEKS = [
  'The plan is not perfect, but the alternative is another decade of waiting.',
  'Before the council votes again, it owes residents some straight answers.',
  'Good intentions are not a timetable.',
];

// A News Feed item is a small, complete event: the headline, dek and lines belong together.
export interface FeedScenario {
  topic: Topic;
  headline: string;
  dek: string;
  // The first line leads; the rest follow in any order.
  lines: string[];
}

export const FEED_SCENARIOS: readonly FeedScenario[] = [
  { topic: 'city', headline: '{Street} closed for repairs until {weekday}', dek: 'Drivers are asked to use {street2} while crews replace a damaged section of road.', lines: [
    'The roads department closed {street} in {district} early this morning after a section of the road surface gave way.',
    'Drivers are asked to use {street2} instead, and buses on the affected routes will stop at temporary stops nearby.',
    'Crews expect to finish the repairs by {weekday} evening if the weather holds.',
    'Pedestrians can still use the pavement on the north side of the street.',
    'The department said the damage was caused by an old drainage pipe that collapsed under the road.',
  ] },
  { topic: 'city', headline: 'Power cut hits parts of {district}', dek: 'The grid operator says most homes should be back on within hours.', lines: [
    'Several streets in {district} lost power shortly after {hour}, the city grid operator said.',
    'About {bigN} households were affected at the peak of the outage.',
    'Engineers traced the fault to a damaged cable near {street}.',
    'Traffic lights at two junctions were out, and police directed traffic by hand.',
    'Residents who rely on medical equipment at home can call the city hotline for help.',
  ] },
  { topic: 'city', headline: 'Tram line {n} diverted after burst water main', dek: 'Trams will run on a shorter route through {district} until the pipe is fixed.', lines: [
    'A burst water main flooded the tracks on {street} this morning, forcing the transit authority to divert trams.',
    'Replacement buses run every ten minutes between {district} and the city centre.',
    'The water utility said crews were working to repair the pipe and pump water from the road.',
    'Passengers should allow extra time for their journeys.',
    'Water pressure in nearby buildings may be low until the afternoon.',
  ] },
  { topic: 'city', headline: 'Police appeal for witnesses after collision in {district}', dek: 'A cyclist was taken to hospital with injuries that are not thought to be life-threatening.', lines: [
    'A cyclist was injured in a collision with a delivery van on {street} in {district} on {weekday} evening.',
    'Paramedics took the cyclist to hospital, where the injuries were described as not life-threatening.',
    'The driver stopped at the scene and is helping police with their inquiries.',
    'Police have asked anyone who saw the collision, or has dashboard camera footage, to call the city hotline.',
    'The junction has been the subject of complaints from residents for several years.',
  ] },
  { topic: 'sport', headline: '{Club} name new captain', dek: 'The defender takes the armband after {nWord} seasons at the club.', lines: [
    '{Club} have named {person} as their new captain ahead of the weekend match against {club2}.',
    'The defender came through the club\u2019s academy and has played more than {n2} league matches.',
    'The previous captain retired at the end of last season.',
    'The head coach said the choice had been easy and the dressing room agreed.',
    '{Club} are currently {ordinal} in the league table.',
  ] },
  { topic: 'climate', headline: 'Heavy rain expected over the city tonight', dek: 'Forecasters warn of local flooding in low-lying streets near the river.', lines: [
    'Forecasters expect up to {n} millimetres of rain over the city tonight, with the heaviest showers after midnight.',
    'The water utility has cleared storm drains in {district} and {district2}, where streets flooded in the spring.',
    'Drivers are advised to avoid the underpass on {street}, which fills quickly in heavy rain.',
    'The rain should ease by {weekday} morning, with cooler air behind it.',
    'Sandbags are available from the district office for residents of ground-floor flats.',
  ] },
  { topic: 'politics', headline: 'Council publishes agenda for {weekday} session', dek: 'The {subject} and the winter budget top the list.', lines: [
    'City council has published the agenda for its next session, which opens on {weekday} at ten in the morning.',
    'Deputies will debate the {subject} and a set of changes to the winter budget.',
    'The session will be streamed on the city website, and residents can watch from the public gallery.',
    'Anyone who wants to speak must register with the city clerk\u2019s office by the day before.',
    'The full agenda runs to {n} items.',
  ] },
  { topic: 'culture', headline: '{Venue} extends opening hours', dek: 'The trial runs until the end of {month}, with free evening entry for students.', lines: [
    'The {venue} will stay open until ten in the evening from {weekday}, the city culture department said.',
    'The longer hours are a trial that runs until the end of {month}.',
    'Entry after six in the evening is free for students and pensioners.',
    'Staff said evening visits had been the most requested change in a survey of visitors last year.',
    'The small cafe on the ground floor will also stay open later.',
  ] },
  { topic: 'city', headline: 'Fire crews tackle blaze at warehouse in {district}', dek: 'No one was hurt, but smoke could be seen across the river.', lines: [
    'Fire crews were called to a warehouse fire in {district} shortly after {hour}.',
    '{NWord} engines and more than {n} firefighters worked to bring the blaze under control.',
    'No one was hurt, according to the emergency services.',
    'Smoke could be seen across the river, and residents nearby were asked to keep their windows closed.',
    'The cause of the fire is not yet known.',
  ] },
  { topic: 'business', headline: '{Company} recalls batch of products over labelling error', dek: 'Customers can return the affected items to any store for a refund.', lines: [
    '{Company} is recalling a batch of its products after a labelling error left out an allergy warning.',
    'The company said customers could return the affected items to any store for a full refund.',
    'No illnesses have been reported.',
    'The batch was sold in shops in {district} and {district2} over the past {nWord} weeks.',
    'The regional food safety office said it had been informed and was satisfied with the company\u2019s response.',
  ] },
  { topic: 'city', headline: 'Bridge on {street} reopens ahead of schedule', dek: 'The repairs finished early and slightly under budget, the roads department says.', lines: [
    'The bridge on {street} reopened to traffic this morning after {nWord} months of repairs.',
    'The roads department said the work had finished ahead of schedule and slightly under budget.',
    'Cyclists now have a separate lane on the eastern side of the bridge.',
    'Buses will return to their usual routes from {weekday}.',
    'A final layer of paint will be added in spring, which may mean short closures at night.',
  ] },
  { topic: 'climate', headline: 'Heating season starts in {district} on {weekday}', dek: 'Schools and hospitals first, then apartment buildings over the following days.', lines: [
    'The city will switch on central heating in {district} on {weekday}, the energy department said.',
    'Schools, hospitals and kindergartens will be connected first, followed by apartment buildings.',
    'It usually takes {nWord} days for every building to be connected.',
    'Residents whose radiators are still cold after a week should contact their building manager.',
    'The start date was brought forward because of a cold spell.',
  ] },
  { topic: 'city', headline: 'School board confirms snow-day rules', dek: 'Parents will get a text message by half past six on days when schools close.', lines: [
    'The school board has confirmed how parents will be told if schools close because of snow this winter.',
    'Messages will go out by half past six in the morning, and closures will be listed on the city website.',
    'Kindergartens will stay open unless the roads are declared unsafe.',
    'Lessons missed on snow days will be taught online where possible.',
    'Last winter, schools closed on {nWord} days.',
  ] },
  { topic: 'city', headline: 'Ferry timetable changes this weekend', dek: 'Fewer crossings on {weekday}, with the last boat leaving earlier than usual.', lines: [
    'The river ferry will run a reduced timetable this weekend while one of its boats is serviced.',
    'Boats will leave every {n} minutes instead of every quarter hour.',
    'The last crossing from {district} will leave at nine in the evening.',
    'Season tickets remain valid on replacement buses that run across the upper bridge.',
    'The usual timetable returns on Monday.',
  ] },
  { topic: 'city', headline: 'Hearing on {subject} adjourned until {month}', dek: 'The judge asked both sides for more documents.', lines: [
    'The district court has adjourned a hearing on the {subject} until {month}.',
    'Residents of {district} brought the case, arguing that the city had not consulted them properly.',
    'The judge asked both sides to submit further documents within {nWord} weeks.',
    'Lawyers for the city said they were confident the plans were lawful.',
    'Work on the {subject} is on hold until the court rules.',
  ] },
  { topic: 'politics', headline: '{Actor} confirms {subject} consultation dates', dek: 'Residents can comment online or at meetings in every district.', lines: [
    '{Actor} has announced the dates for public meetings on the {subject}.',
    'The first meeting takes place at the {venue} on {weekday}, with others to follow in each district.',
    'Residents can also send comments through the city website until the end of {month}.',
    'A summary of the comments will be published before the council votes.',
    'Sign language interpretation will be available at every meeting.',
  ] },
  { topic: 'city', headline: 'Water supply restored in {district}', dek: 'Residents are advised to run their taps for a few minutes before drinking.', lines: [
    'Water supply has been restored to homes in {district} after a repair that took most of the night.',
    'The water utility advised residents to run their taps for a few minutes before drinking.',
    'Water trucks had been parked on {street} for residents who needed supplies overnight.',
    'The utility said the pipe that failed was more than {n2} years old.',
    'It will replace the whole section next year.',
  ] },
  { topic: 'city', headline: 'Lost dog reunited with owner after three days on {street}', dek: 'Neighbours in {district} kept watch until the owner arrived.', lines: [
    'A dog that went missing in {district} earlier this week has been found, safe and hungry, on {street}.',
    'Neighbours spotted the dog in a courtyard and kept it warm until its owner arrived.',
    'The owner thanked everyone who had shared posters of the missing dog online.',
    'The city animal shelter says most lost pets are found within a few streets of home.',
    'It recommends that owners register a microchip with the city database.',
  ] },
  { topic: 'business', headline: 'Market Square fair moves indoors', dek: 'Stalls will set up in the old tram depot because of the forecast.', lines: [
    'The weekend craft fair will move from Market Square to the old tram depot because of the forecast.',
    'Organisers expect about {n} stallholders, selling food, ceramics and knitwear.',
    'The fair opens at ten in the morning on {weekday} and closes at six in the evening.',
    'The depot is a short walk from the square, and there will be signs along the way.',
    'Entry is free.',
  ] },
  { topic: 'city', headline: 'New pedestrian crossing opens near {school}', dek: 'Parents had campaigned for the crossing for {nWord} years.', lines: [
    'A new pedestrian crossing with traffic lights has opened on {street}, outside {school}.',
    'Parents had campaigned for the crossing since a near miss involving two pupils {nWord} years ago.',
    'The speed limit on the street has also been cut to 30 kilometres an hour.',
    'The roads department said it would check traffic speeds again in the spring.',
    'Pupils helped paint a mural on the wall next to the crossing.',
  ] },
];

const FEED_CLOSERS = [
  'The Gazette will update this item as more details become available.',
  'Updates will be posted on the city website.',
  'Readers can send tips and photos to the news desk.',
  'The {dept} said it would publish more details later today.',
];

const GENERIC_DEKS = [
  '{Official}, {officialRole}, says the first results will be published in {month}.',
  'A {pct}% rise in costs has put the timetable in doubt.',
  'What the plan changes, what it costs and what happens next.',
  'The decision follows {nWord} months of talks and a crowded public hearing in {district}.',
  'Residents of {district} will be the first to see the difference.',
];

const GENERIC_SUBHEADS = [
  'What changes', 'What happens next', 'The cost', 'Who pays', 'What residents say',
  'A long time coming', 'The numbers', 'Not everyone is convinced', 'How we got here',
  'The view from {district}', 'What the critics say', 'The bigger picture', 'Why now', 'The fine print',
];

const RESIDENT_DESCRIPTIONS = [
  'a nurse who lives in {district}', 'who runs a bakery on {street}', 'a retired teacher',
  'a student at the city university', 'who has driven a taxi in the city for {years} years',
  'a father of two from {district}', 'who owns a bicycle repair shop in {district}',
  'a pensioner who has lived on {street} since {yearPast}',
];

const LIST_POINTS: Array<[string, string]> = [
  ['Cost:', ' {money} over {nWord} years, with a reserve for overruns.'],
  ['Where:', ' {district} first, then {district2} if the pilot works.'],
  ['When:', ' from {month}, if the second vote passes.'],
  ['Who decides:', ' {actor}, after a public hearing.'],
  ['What critics say:', ' the plan is rushed and the budget is too thin.'],
  ['How to take part:', ' comments are open on the city website until {month} {day}.'],
  ['Who is affected:', ' about {bigN} residents and {n} local businesses.'],
  ['What happens if it fails:', ' the {dept} says the money can be moved to other projects.'],
];

const LIST_STEPS = [
  'public consultation opens',
  'committee hearing at the {venue}',
  'second reading in the council chamber',
  'contracts signed and work begins',
  'first progress report published',
  'review of the first results',
];

const CAPTION_ENDINGS = [
  'The {subject} is expected to start in {month}.',
  'Residents here will be among the first affected by the {subject}.',
  'The {dept} says work could begin within weeks.',
  '{Actor} will debate the plans again in {month}.',
];

const CORRECTION_NOTES = [
  'An earlier version of this article misstated the cost of the {subject}.',
  'This article has been updated with a response from the {dept}.',
  'An earlier version of this article gave the wrong date for the next hearing.',
];

const INTERNAL_NOTES = [
  'Needs a second source on the cost figures.',
  'Waiting for comment from the {dept}.',
  'Check the vote count against the council minutes.',
  'Photo desk: need a fresh picture from {district}.',
  'Legal to read before publishing.',
];

// ---------------------------------------------------------------------------------------------
// Slots drawn afresh every time they are used.

function money(rng: Rng): string {
  return chance(rng, 0.7)
    ? `${(rng() * 90 + 2).toFixed(1)} million hryvnias`
    : `${int(rng, 150, 950)},000 hryvnias`;
}

const RANDOM_SLOTS: Vars = {
  n: (rng) => String(int(rng, 3, 40)),
  n2: (rng) => String(int(rng, 41, 60)),
  nWord: (rng) => pick(rng, NUMBER_WORDS),
  bigN: (rng) => `${int(rng, 1, 24)},${String(int(rng, 0, 999)).padStart(3, '0')}`,
  pct: (rng) => String(int(rng, 4, 68)),
  decimal: (rng) => (rng() * 8 + 0.4).toFixed(1),
  money,
  month: (rng) => pick(rng, MONTHS),
  weekday: (rng) => pick(rng, WEEKDAYS),
  day: (rng) => String(int(rng, 1, 28)),
  hour: (rng) => `${pick(rng, NUMBER_WORDS.slice(3, 8))} in the ${chance(rng, 0.5) ? 'morning' : 'evening'}`,
  years: (rng) => String(int(rng, 3, 25)),
  yearPast: (rng) => String(int(rng, 2009, 2023)),
  yearFuture: (rng) => String(int(rng, 2028, 2035)),
  votesFor: (rng) => String(int(rng, 28, 41)),
  votesAgainst: (rng) => String(int(rng, 9, 22)),
  abstentions: (rng) => String(int(rng, 0, 6)),
  seats: (rng) => String(int(rng, 2, 14) * 100),
  price: (rng) => String(int(rng, 2, 12) * 50),
  score: (rng) => `${int(rng, 1, 4)}-${int(rng, 0, 1)}`,
  ordinal: (rng) => pick(rng, ORDINALS),
  quote: (rng) => pick(rng, QUOTES),
  person: (rng) => makePersonName(rng),
};

// ---------------------------------------------------------------------------------------------
// Stories: the cast and subject an article's sentences share.

export interface Person {
  name: string;
  role: string;
}

export interface Story {
  topic: Topic;
  subject: string;
  district: string;
  official: Person;
  vars: Vars;
}

export function makePersonName(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
}

export function makeStory(rng: Rng, topic: Topic): Story {
  const bank = TOPIC_BANKS[topic];
  const district = pick(rng, DISTRICTS);
  let district2 = pick(rng, DISTRICTS);
  if (district2 === district) district2 = pick(rng, DISTRICTS);
  const company = pick(rng, COMPANIES);
  const club = pick(rng, CLUBS);
  let club2 = pick(rng, CLUBS);
  if (club2 === club) club2 = CLUBS[(CLUBS.indexOf(club) + 1) % CLUBS.length] as string;
  const desk = pick(rng, bank.desks);
  const subject = pick(rng, desk.subjects);
  const street = pick(rng, STREETS);
  let street2 = pick(rng, STREETS);
  if (street2 === street) street2 = STREETS[(STREETS.indexOf(street) + 1) % STREETS.length] as string;
  const venue = pick(rng, VENUES);
  const school = pick(rng, SCHOOLS);
  const base: Vars = { ...RANDOM_SLOTS, district, district2, company, club, club2, subject, street, street2, venue, school };
  const official: Person = { name: makePersonName(rng), role: fill(rng, pick(rng, desk.roles), base) };
  const expert: Person = { name: makePersonName(rng), role: fill(rng, pick(rng, bank.expertRoles), base) };
  const resident: Person = { name: makePersonName(rng), role: fill(rng, pick(rng, RESIDENT_DESCRIPTIONS), base) };
  const vars: Vars = {
    ...base,
    actor: desk.actor,
    dept: desk.dept,
    official: official.name,
    officialRole: official.role,
    expert: expert.name,
    expertRole: expert.role,
    resident: resident.name,
    residentDesc: resident.role,
  };
  return { topic, subject, district, official, vars };
}

// ---------------------------------------------------------------------------------------------
// Headlines and deks

// Headlines are sentence case without a full stop; a News Feed headline comes from its scenario.
export function makeHeadline(rng: Rng, story: Story, section: SectionTopic = story.topic, feed?: FeedScenario): string {
  if (section === 'feed') return capitalize(fill(rng, (feed ?? pick(rng, FEED_SCENARIOS)).headline, story.vars));
  const templates = section === 'opinion' ? OPINION_HEADLINES : TOPIC_BANKS[story.topic].headlines;
  return capitalize(fill(rng, pick(rng, templates), story.vars));
}

// One sentence under the headline.
export function makeDek(rng: Rng, story: Story, section: SectionTopic = story.topic, feed?: FeedScenario): string {
  if (section === 'feed') return capitalize(fill(rng, (feed ?? pick(rng, FEED_SCENARIOS)).dek, story.vars));
  let templates: readonly string[];
  if (section === 'opinion') templates = OPINION_DEKS;
  else templates = chance(rng, 0.5) ? TOPIC_BANKS[story.topic].deks : GENERIC_DEKS;
  return capitalize(fill(rng, pick(rng, templates), story.vars));
}

// ---------------------------------------------------------------------------------------------
// Bodies

const text = (value: string, marks?: Mark[]): TextNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: InlineNode[]): ParagraphNode => ({ type: 'paragraph', content });
const listItem = (...content: InlineNode[]): ListItemNode => ({ type: 'listItem', content: [paragraph(...content)] });

// An inline image: any media row; width and height come from the row at render time.
export interface InlineImage {
  mediaId: number;
  alt: string;
  credit: string;
}

export interface VideoRef {
  provider: 'youtube' | 'vimeo';
  videoId: string;
  url: string;
  title: string;
}

export interface RelatedLink {
  title: string;
  href: string; // "/section/slug"
}

export interface BodyOptions {
  // Inclusive word range the body lands in.
  minWords?: number;
  maxWords?: number;
  section?: SectionTopic;
  images?: readonly InlineImage[];
  related?: RelatedLink | null;
  video?: VideoRef | null;
  // Short News Feed item: paragraphs only, maybe one link.
  short?: boolean;
  // The event a News Feed item reports; drawn when omitted.
  feed?: FeedScenario;
}

export interface MadeBody {
  doc: BodyDoc;
  text: string;
  wordCount: number;
}

const YOUTUBE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// The last character of a real YouTube id carries only 4 bits.
const YOUTUBE_LAST = 'AEIMQUYcgkosw048';

export function makeVideo(rng: Rng, story: Story): VideoRef {
  const title = `Video: ${fill(rng, pick(rng, ['the {subject}, explained', 'inside the {subject}', '{district} and the {subject}', 'what the {subject} looks like']), story.vars)}`;
  if (chance(rng, 0.2)) {
    const videoId = String(int(rng, 100_000_000, 999_999_999));
    return { provider: 'vimeo', videoId, url: `https://vimeo.com/${videoId}`, title };
  }
  let videoId = '';
  for (let i = 0; i < 10; i++) videoId += YOUTUBE_ALPHABET[Math.floor(rng() * 64)];
  videoId += YOUTUBE_LAST[Math.floor(rng() * 16)];
  return { provider: 'youtube', videoId, url: `https://www.youtube.com/watch?v=${videoId}`, title };
}

class BodyBuilder {
  readonly blocks: BlockNode[] = [];
  words = 0;
  private deck: string[] = [];
  private deckAt = 0;

  constructor(
    private readonly rng: Rng,
    private readonly story: Story,
    private readonly pool: readonly string[],
  ) {}

  // Sentences come off a shuffled deck, so an article repeats itself only when it runs out.
  sentence(): string {
    if (this.deckAt >= this.deck.length) {
      this.deck = shuffle(this.rng, this.pool);
      this.deckAt = 0;
    }
    return capitalize(fill(this.rng, this.deck[this.deckAt++] as string, this.story.vars));
  }

  sentences(count: number): string {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.sentence());
    return out.join(' ');
  }

  fill(template: string): string {
    return fill(this.rng, template, this.story.vars);
  }

  add(block: BlockNode, words: number): void {
    this.blocks.push(block);
    this.words += words;
  }

  paragraph(sentenceCount: number, budget = Infinity): boolean {
    const value = this.sentences(sentenceCount);
    const words = countWordsFast(value);
    if (this.words + words > budget) return false;
    this.add(paragraph(text(value)), words);
    return true;
  }

  heading(template: string, level: 2 | 3 = 2): void {
    const value = capitalize(this.fill(template));
    this.add({ type: 'heading', attrs: { level }, content: [text(value)] }, countWordsFast(value));
  }
}

function sentencePool(topic: Topic, section: SectionTopic): string[] {
  const civic = topic === 'politics' || topic === 'city' || topic === 'climate' ? CIVIC_SENTENCES : [];
  const opinion = section === 'opinion' ? OPINION_SENTENCES : [];
  return [...TOPIC_BANKS[topic].sentences, ...NEUTRAL_SENTENCES, ...civic, ...opinion];
}

function externalLinkParagraph(b: BodyBuilder, rng: Rng, story: Story): [ParagraphNode, number] {
  const docName = pick(rng, DOC_NAMES);
  const year = int(rng, 2024, 2026);
  const folder = String(story.vars.dept).replace(/\u2019s/g, 's').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const href = `https://example.org/${folder}/${story.subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${docName.replace(/[^a-z]+/g, '-')}-${year}`;
  const before = `The ${b.fill('{dept}')} published its `;
  const linked = `${docName} on the ${story.subject}`;
  const after = b.fill(` on {weekday}; it runs to ${int(rng, 12, 140)} pages and includes the first cost estimates.`);
  const node = paragraph(text(before), text(linked, [{ type: 'link', attrs: { href } }]), text(after));
  return [node, countWordsFast(before + linked + after)];
}

// A 250–900 word article body (or a 60–150 word News Feed item with `short`): paragraphs,
// subheadings, a quote, a list, links (one to example.org, one relative to another article),
// bold and italic, and sometimes a pull quote, an inline image or a video.
export function makeArticleBody(rng: Rng, story: Story, options: BodyOptions = {}): MadeBody {
  const short = options.short ?? false;
  const minWords = options.minWords ?? (short ? 60 : 250);
  const maxWords = options.maxWords ?? (short ? 150 : 900);
  const section = options.section ?? story.topic;
  const b = new BodyBuilder(rng, story, short ? FEED_CLOSERS : sentencePool(story.topic, section));
  // Leave headroom for the closing blocks so the total stays inside the range.
  const target = int(rng, minWords + 10, Math.max(minWords + 10, maxWords - (short ? 30 : 120)));

  if (short) {
    // The scenario's lines, lead first, in two or three paragraphs; closers fill up to the range.
    const scenario = options.feed ?? pick(rng, FEED_SCENARIOS);
    const [lead, ...rest] = scenario.lines.map((line) => capitalize(b.fill(line)));
    const lines = [lead as string, ...shuffle(rng, rest)];
    const breaks = new Set([int(rng, 1, 2), int(rng, 3, 4)]);
    let current: string[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const value = current.join(' ');
      b.add(paragraph(text(value)), countWordsFast(value));
      current = [];
    };
    lines.forEach((line, i) => {
      if (breaks.has(i)) flush();
      current.push(line);
    });
    flush();
    if (chance(rng, 0.35)) {
      const href = `https://example.org/city/notices/${int(rng, 10_000, 99_999)}`;
      const before = 'Details are published on the ';
      b.add(paragraph(text(before), text('city notices page', [{ type: 'link', attrs: { href } }]), text('.')), countWordsFast(`${before}city notices page.`));
    }
    while (b.words < minWords && b.paragraph(1, maxWords));
    if (b.words < target && chance(rng, 0.5)) b.paragraph(1, maxWords);
  } else {
    b.paragraph(int(rng, 2, 3));
    if (options.video) {
      const video: VideoNode = {
        type: 'video',
        attrs: { provider: options.video.provider, videoId: options.video.videoId, title: options.video.title },
      };
      b.add(video, 0);
    }
    const [linkNode, linkWords] = externalLinkParagraph(b, rng, story);
    b.add(linkNode, linkWords);
    b.paragraph(int(rng, 1, 3));

    const subheads = [...TOPIC_BANKS[story.topic].subheads, ...GENERIC_SUBHEADS];
    const headings = sample(rng, subheads, 3);
    b.heading(headings[0] as string);
    b.paragraph(int(rng, 2, 4));

    // A quote from the story's official, as a blockquote.
    const intro = b.fill(pick(rng, [
      'In a letter to residents, {official} wrote:',
      '{Official}, {officialRole}, put it this way at the hearing:',
      'Asked about the criticism, {official} said:',
    ]));
    b.add(paragraph(text(intro)), countWordsFast(intro));
    const quoteText = `\u201c${sample(rng, QUOTES, int(rng, 1, 2)).join(' ')}\u201d`;
    b.add({ type: 'blockquote', content: [paragraph(text(quoteText))] }, countWordsFast(quoteText));

    const images = options.images ?? [];
    if (images.length > 0 && chance(rng, 0.35)) {
      const image = pick(rng, images);
      const caption = capitalize(b.fill(`${pick(rng, ['{district} on a weekday morning.', 'A public hearing on the {subject} at the {venue}.', 'The view from {street}.'])} ${pick(rng, CAPTION_ENDINGS)}`));
      b.add({ type: 'image', attrs: { mediaId: image.mediaId, alt: image.alt, caption, credit: image.credit } }, 0);
    }

    b.heading(headings[1] as string);
    b.paragraph(int(rng, 2, 3), target);

    // A list: the key points in bullets, or the key dates in order.
    if (chance(rng, 0.55)) {
      const lead = pick(rng, ['What we know so far:', 'The plan at a glance:', 'The key points:']);
      b.add(paragraph(text(lead, [{ type: 'bold' }])), countWordsFast(lead));
      const points = sample(rng, LIST_POINTS, int(rng, 3, 5));
      let words = 0;
      const items = points.map(([label, rest]) => {
        const value = b.fill(rest);
        words += countWordsFast(`${label}${value}`);
        return listItem(text(label, [{ type: 'bold' }]), text(value));
      });
      b.add({ type: 'bulletList', content: items }, words);
    } else {
      const lead = 'Key dates:';
      b.add(paragraph(text(lead, [{ type: 'bold' }])), countWordsFast(lead));
      const start = int(rng, 0, 11);
      const steps = LIST_STEPS.slice(0, int(rng, 3, LIST_STEPS.length));
      let words = 0;
      const items = steps.map((step, i) => {
        const date = `${MONTHS[(start + i) % 12]} ${int(rng, 1, 28)}:`;
        const value = ` ${b.fill(step)}`;
        words += countWordsFast(date + value);
        return listItem(text(date, [{ type: 'bold' }]), text(value));
      });
      b.add({ type: 'orderedList', attrs: { start: 1 }, content: items }, words);
    }

    if (chance(rng, 0.35)) {
      const quote = pick(rng, QUOTES);
      b.add(
        { type: 'pullQuote', attrs: { attribution: story.official.name }, content: [text(quote)] },
        countWordsFast(quote),
      );
    }

    b.heading(headings[2] as string, chance(rng, 0.2) ? 3 : 2);
    b.paragraph(int(rng, 2, 3), maxWords - 40);
    while (b.words < target) {
      if (!b.paragraph(int(rng, 2, 4), maxWords - 40) && !b.paragraph(1, maxWords - 40)) break;
    }

    // A sentence with emphasis, then a link to earlier coverage.
    const stress = b.fill(pick(rng, ['{nWord} weeks', 'the second vote', 'the winter', 'the first report']));
    const around = [b.fill('For now, everything depends on '), '.'] as const;
    b.add(
      paragraph(text(around[0]), text(stress, [{ type: 'italic' }]), text(around[1])),
      countWordsFast(around[0] + stress),
    );
    const related = options.related ?? { title: `More from ${capitalize(story.topic)}`, href: `/${story.topic}` };
    b.add(
      paragraph(text('Read more: ', [{ type: 'italic' }]), text(related.title, [{ type: 'italic' }, { type: 'link', attrs: { href: related.href } }])),
      countWordsFast(`Read more: ${related.title}`),
    );
    while (b.words < minWords && b.paragraph(2, maxWords));
    if (chance(rng, 0.15)) {
      const note = 'This article is part of the Gazette\u2019s series on how the city is changing.';
      b.add({ type: 'horizontalRule' }, 0);
      b.add(paragraph(text(note, [{ type: 'italic' }])), countWordsFast(note));
    }
  }

  const doc: BodyDoc = { type: 'doc', content: b.blocks };
  const plain = bodyToPlainText(doc);
  return { doc, text: plain, wordCount: countWordsFast(plain) };
}

// ---------------------------------------------------------------------------------------------
// Whole articles

export interface ArticleContent {
  topic: Topic;
  title: string;
  dek: string;
  body: MadeBody;
  story: Story;
  video: VideoRef | null;
}

export interface ArticleContentOptions {
  section: SectionTopic;
  // Which topic the story is about; drawn when omitted (opinion and feed borrow one).
  topic?: Topic;
  images?: readonly InlineImage[];
  related?: RelatedLink | null;
  // Probability of a video; about one article in twelve.
  videoChance?: number;
  // For feed items: which scenario to tell. Consecutive items take consecutive
  // scenarios, so the rail never shows the same headline twice in a row.
  feedScenario?: number;
}

export function makeArticleContent(rng: Rng, options: ArticleContentOptions): ArticleContent {
  const short = options.section === 'feed';
  const feed = !short
    ? undefined
    : options.feedScenario !== undefined
      ? FEED_SCENARIOS[options.feedScenario % FEED_SCENARIOS.length]
      : pick(rng, FEED_SCENARIOS);
  const topic = feed?.topic ?? options.topic ?? pick(rng, TOPICS);
  const story = makeStory(rng, topic);
  const title = makeHeadline(rng, story, options.section, feed);
  const dek = makeDek(rng, story, options.section, feed);
  const video = !short && chance(rng, options.videoChance ?? 1 / 12) ? makeVideo(rng, story) : null;
  const body = makeArticleBody(rng, story, {
    short,
    feed,
    section: options.section,
    images: options.images,
    related: options.related,
    video,
  });
  return { topic, title, dek, body, story, video };
}

export function makeHeroCaption(rng: Rng, story: Story, scene: string): string {
  return `${capitalize(fill(rng, scene, story.vars))} ${capitalize(fill(rng, pick(rng, CAPTION_ENDINGS), story.vars))}`;
}

export function makeCorrection(rng: Rng, story: Story): string {
  return fill(rng, pick(rng, CORRECTION_NOTES), story.vars);
}

export function makeInternalNote(rng: Rng, story: Story): string {
  return fill(rng, pick(rng, INTERNAL_NOTES), story.vars);
}

// ---------------------------------------------------------------------------------------------
// Tags

export interface TagDef {
  name: string;
  topic: Topic;
}

export const CORE_TAGS: readonly TagDef[] = [
  ...['City council', 'Mayor\u2019s office', 'Elections', 'City budget', 'Transparency', 'Local government'].map((name) => ({ name, topic: 'politics' as const })),
  ...['Transit', 'Night buses', 'Trams', 'Cycling', 'Housing', 'Schools', 'Courts', 'Public safety', 'Roads', 'Parks'].map((name) => ({ name, topic: 'city' as const })),
  ...['Small business', 'Jobs', 'Port', 'Startups', 'Markets', 'Energy prices', 'Retail'].map((name) => ({ name, topic: 'business' as const })),
  ...['Heatwaves', 'Flooding', 'Air quality', 'Trees', 'Renewable energy', 'River'].map((name) => ({ name, topic: 'climate' as const })),
  ...['Theatre', 'Music', 'Museums', 'Festivals', 'Books', 'Film'].map((name) => ({ name, topic: 'culture' as const })),
  ...['Football', 'Basketball', 'Marathon', 'Rowing', 'Youth sport'].map((name) => ({ name, topic: 'sport' as const })),
];

const TAG_NOUNS: Record<Topic, string[]> = {
  politics: ['elections', 'budget', 'council', 'deputies', 'petitions', 'town hall', 'voting', 'policing', 'courts', 'public services', 'heritage', 'zoning'],
  city: ['housing', 'schools', 'transit', 'parks', 'traffic', 'libraries', 'buses', 'trams', 'bridges', 'roads', 'cycling', 'noise', 'waste', 'water supply', 'playgrounds', 'hospitals', 'seniors', 'youth'],
  business: ['markets', 'startups', 'jobs', 'shops', 'restaurants', 'tourism', 'hotels', 'factories', 'rents', 'construction', 'offices'],
  climate: ['flooding', 'air quality', 'trees', 'heat', 'energy', 'solar', 'recycling', 'storms', 'wildlife', 'snow', 'gardens'],
  culture: ['music', 'theatre', 'cinema', 'books', 'history', 'museums', 'festivals', 'public art', 'architecture', 'food', 'nightlife'],
  sport: ['football', 'basketball', 'rowing', 'running', 'pools', 'stadium', 'cycling races', 'volleyball', 'chess', 'tennis'],
};

const TAG_PLACES = [
  ...DISTRICTS,
  'Upper Town', 'Lindenfeld', 'Greenhill', 'Fisher\u2019s Wharf', 'Quarry Hill', 'Ashford',
  'Seven Wells', 'Poplar Row', 'Copper Hill', 'Mill Pond', 'Windmill Hill', 'Ferry Landing',
  'Three Bridges', 'Southgate', 'Rosewood', 'Elm Court', 'Heron Bay', 'Crossways',
];

// The 40 core tags, then (for big benchmark runs) "{Place} {noun}" tags up to `count`.
export function makeTagDefs(rng: Rng, count: number): TagDef[] {
  const defs: TagDef[] = CORE_TAGS.slice(0, count);
  if (count <= defs.length) return defs;
  const combos: TagDef[] = [];
  for (const place of TAG_PLACES) {
    for (const topic of TOPICS) {
      for (const noun of TAG_NOUNS[topic]) combos.push({ name: `${place} ${noun}`, topic });
    }
  }
  return defs.concat(sample(rng, combos, count - defs.length));
}

// ---------------------------------------------------------------------------------------------
// Bylines

export interface BylineDef {
  name: string;
  kind: BylineKind;
  jobTitle: string;
  bio: string;
  beat: SectionTopic;
}

export const DESK_BYLINE: BylineDef = {
  name: 'The Gazette news desk',
  kind: 'desk',
  jobTitle: 'Newsroom',
  beat: 'feed',
  bio: 'Short updates from the Gazette newsroom, written and checked by the duty editors around the clock. Send tips and corrections to the desk at any hour.',
};

export const CORE_BYLINES: readonly BylineDef[] = [
  { name: 'Iryna Bondar', kind: 'person', jobTitle: 'City hall reporter', beat: 'politics', bio: 'Iryna Bondar has covered city hall for the Gazette since 2019, from budget nights to ward boundary fights. She grew up in Old Town and still takes the tram to work.' },
  { name: 'Dmytro Savchuk', kind: 'person', jobTitle: 'Transport and city reporter', beat: 'city', bio: 'Dmytro Savchuk writes about buses, trams, bridges and the people who wait for them. Before joining the Gazette he drove a delivery van across every district in the city.' },
  { name: 'Kateryna Lysenko', kind: 'person', jobTitle: 'Business editor', beat: 'business', bio: 'Kateryna Lysenko edits the business desk and writes about the port, small firms and the cost of living. She trained as an accountant, which makes her hard to fool with a spreadsheet.' },
  { name: 'Marta Hnatiuk', kind: 'person', jobTitle: 'Climate correspondent', beat: 'climate', bio: 'Marta Hnatiuk reports on heat, floods, trees and air, with a soft spot for the river. She keeps a weather diary that now runs to eleven notebooks.' },
  { name: 'Felix Moreau', kind: 'person', jobTitle: 'Culture critic', beat: 'culture', bio: 'Felix Moreau reviews theatre, music and exhibitions, and sometimes the buildings they happen in. He has seen every production at the Grand Theatre since 2015.' },
  { name: 'Bohdan Melnyk', kind: 'person', jobTitle: 'Sports reporter', beat: 'sport', bio: 'Bohdan Melnyk covers the city\u2019s clubs, from the league leaders to the under-fourteens. He has run the city marathon four times and finished it three.' },
  { name: 'Nadia Okafor', kind: 'person', jobTitle: 'Opinion editor', beat: 'opinion', bio: 'Nadia Okafor edits the opinion pages and writes a weekly column about how the city works, and how it could work better. Readers\u2019 letters are welcome.' },
];

const BEAT_TITLES: Record<SectionTopic, string> = {
  politics: 'Politics reporter', city: 'City reporter', business: 'Business reporter', climate: 'Climate reporter',
  culture: 'Culture writer', sport: 'Sports writer', opinion: 'Columnist', feed: 'Duty editor',
};

// 7 core people and the desk; more generated people when `count` is larger.
export function makeBylineDefs(rng: Rng, count: number): BylineDef[] {
  const defs: BylineDef[] = [...CORE_BYLINES.slice(0, Math.max(0, count - 1)), DESK_BYLINE];
  const names = new Set(defs.map((d) => d.name));
  const beats: SectionTopic[] = [...TOPICS, 'opinion'];
  while (defs.length < count) {
    const name = makePersonName(rng);
    if (names.has(name)) continue;
    names.add(name);
    const beat = beats[defs.length % beats.length] as SectionTopic;
    const first = name.split(' ')[0] as string;
    defs.push({
      name,
      kind: 'person',
      jobTitle: BEAT_TITLES[beat],
      beat,
      bio: `${name} writes about ${beat === 'opinion' ? 'the city and its arguments' : beat} for the Gazette. ${first} joined the newsroom in ${int(rng, 2012, 2025)} and lives in ${pick(rng, DISTRICTS)}.`,
    });
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Images, drawn as SVG and rendered by sharp in the seed script.

export interface PhotoCredit {
  photographer: string;
  agency: string;
}

export const PHOTO_CREDITS: readonly PhotoCredit[] = [
  { photographer: 'Olena Marchenko', agency: 'Gazette' },
  { photographer: 'Taras Koval', agency: 'Pixel Agency' },
  { photographer: 'Mykola Hrytsenko', agency: 'Gazette' },
  { photographer: 'Ada Lindqvist', agency: 'Northlight Images' },
  { photographer: 'Sofia Rudenko', agency: 'Gazette' },
  { photographer: 'Omar Haddad', agency: 'Pixel Agency' },
];

export function formatCredit(credit: PhotoCredit): string {
  return `${credit.photographer}/${credit.agency}`;
}

type SceneKind = 'skyline' | 'hills' | 'harbour' | 'night' | 'park' | 'bokeh' | 'stadium' | 'river';

interface Palette {
  skyTop: string;
  skyBottom: string;
  sun: string;
  layers: [string, string, string];
  accent: string;
}

export interface HeroSpec {
  kind: SceneKind;
  palette: Palette;
  alt: string;
  caption: string;
  // A caption opening for articles that use this picture; may use story slots.
  scene: string;
  topics: readonly SectionTopic[];
}

export const HERO_SPECS: readonly HeroSpec[] = [
  { kind: 'skyline', palette: { skyTop: '#2b1b4a', skyBottom: '#f29a4a', sun: '#ffd27a', layers: ['#7a4a6b', '#4a2e4f', '#1e1426'], accent: '#ffcf6e' },
    alt: 'City skyline in silhouette against an orange dusk sky', caption: 'Dusk over the city centre.', scene: 'Dusk over the rooftops of {district}.', topics: ['politics', 'city', 'opinion'] },
  { kind: 'hills', palette: { skyTop: '#9cc6e4', skyBottom: '#eef3e6', sun: '#fff6d8', layers: ['#9db8a0', '#5f8a6a', '#2f5a3e'], accent: '#ffffff' },
    alt: 'Green hills fading into morning haze under a pale sky', caption: 'Morning haze over the hills north of the city.', scene: 'Morning haze over the hills beyond {district}.', topics: ['climate', 'feed'] },
  { kind: 'harbour', palette: { skyTop: '#f6a5a0', skyBottom: '#fde2c4', sun: '#fff1d6', layers: ['#6c8c9c', '#3e5f70', '#1d3440'], accent: '#ffe0b8' },
    alt: 'Harbour cranes and warehouses against a pink sunset over calm water', caption: 'Cranes at the harbour at sunset.', scene: 'The harbour at sunset.', topics: ['business', 'city'] },
  { kind: 'night', palette: { skyTop: '#050b1f', skyBottom: '#1b2f5c', sun: '#f4f1de', layers: ['#24345a', '#151f3b', '#0a0f1f'], accent: '#ffd36b' },
    alt: 'Apartment blocks at night with lit windows under a starry sky', caption: 'Lit windows in the apartment blocks at night.', scene: 'Late evening in {district}.', topics: ['city', 'politics', 'feed'] },
  { kind: 'park', palette: { skyTop: '#7fc4ee', skyBottom: '#e4f4ff', sun: '#fff4b8', layers: ['#a6cf7e', '#6ea94f', '#3e7a32'], accent: '#2f5d22' },
    alt: 'Round trees on a sunny green slope in a city park', caption: 'A summer afternoon in the park.', scene: 'A park in {district}.', topics: ['climate', 'culture', 'city'] },
  { kind: 'bokeh', palette: { skyTop: '#1a0f0a', skyBottom: '#3a2012', sun: '#ffb347', layers: ['#ff9f43', '#ffd166', '#ef476f'], accent: '#ffe8a3' },
    alt: 'Out-of-focus warm street lights at night', caption: 'Street lights on a winter evening.', scene: 'An evening on {street}.', topics: ['culture', 'business', 'feed'] },
  { kind: 'stadium', palette: { skyTop: '#0b1026', skyBottom: '#27335e', sun: '#f8f8ff', layers: ['#2d6a3e', '#1f4d2c', '#0d1a12'], accent: '#e8f0ff' },
    alt: 'Floodlit football stadium at night seen from the stands', caption: 'Floodlights at the stadium on match night.', scene: 'Match night at the stadium.', topics: ['sport'] },
  { kind: 'river', palette: { skyTop: '#b8c4cc', skyBottom: '#e9ecee', sun: '#ffffff', layers: ['#9aa7ad', '#6f7f86', '#3d4a50'], accent: '#5a6a72' },
    alt: 'An arched bridge over a wide river in soft grey fog', caption: 'Fog over the river and the old bridge.', scene: 'Fog over the river near {district}.', topics: ['city', 'climate', 'opinion'] },
  { kind: 'hills', palette: { skyTop: '#f0b26b', skyBottom: '#fbe3b5', sun: '#fff0cf', layers: ['#c47a3d', '#8c4f26', '#4a2a14'], accent: '#ffffff' },
    alt: 'Rust and ochre hills in autumn under a warm sky', caption: 'Autumn colours on the hills outside the city.', scene: 'Autumn on the edge of {district}.', topics: ['climate', 'culture'] },
  { kind: 'skyline', palette: { skyTop: '#2f7fd0', skyBottom: '#bfe0fb', sun: '#fffbe6', layers: ['#8fb3cf', '#5b7f9c', '#2c4258'], accent: '#e6f1fa' },
    alt: 'Office towers under a bright midday sky', caption: 'The business district at midday.', scene: 'Midday in {district}.', topics: ['business', 'politics'] },
  { kind: 'harbour', palette: { skyTop: '#f7c873', skyBottom: '#fff3cf', sun: '#fffbe8', layers: ['#9a8a6a', '#6a5c42', '#33291a'], accent: '#fff2c2' },
    alt: 'Fishing boats and cranes in a golden harbour at dawn', caption: 'Dawn at the harbour.', scene: 'Dawn on the waterfront.', topics: ['business', 'city', 'feed'] },
  { kind: 'bokeh', palette: { skyTop: '#0a0a24', skyBottom: '#1c1245', sun: '#7f5cff', layers: ['#4cc9f0', '#7209b7', '#f72585'], accent: '#caf0f8' },
    alt: 'Blurred blue and magenta city lights at night', caption: 'City lights after dark.', scene: 'Night falls over {district}.', topics: ['culture', 'feed', 'opinion'] },
  { kind: 'stadium', palette: { skyTop: '#f08a5d', skyBottom: '#fbd1a2', sun: '#fff3e0', layers: ['#4f8a3c', '#2f5e24', '#1a2a12'], accent: '#fff8ec' },
    alt: 'A sports ground at sunset with floodlight towers', caption: 'The sports ground at sunset.', scene: 'Training at sunset.', topics: ['sport'] },
  { kind: 'park', palette: { skyTop: '#aebfd6', skyBottom: '#f3f6fb', sun: '#ffffff', layers: ['#e8eef5', '#cfdae6', '#9fb0c2'], accent: '#5b6b7c' },
    alt: 'Snow-covered slope with bare trees under a white winter sky', caption: 'Snow in the park.', scene: 'A snowy morning in {district}.', topics: ['city', 'climate', 'feed'] },
  { kind: 'river', palette: { skyTop: '#f25f5c', skyBottom: '#ffe066', sun: '#fff5cc', layers: ['#b85c5c', '#7a3b4e', '#3c1f33'], accent: '#ffd58a' },
    alt: 'A red and gold sunset over a river and a long bridge', caption: 'Sunset over the river.', scene: 'Sunset over the river at {district}.', topics: ['culture', 'climate', 'opinion'] },
  { kind: 'skyline', palette: { skyTop: '#3b4a48', skyBottom: '#8fa39a', sun: '#d9e4dc', layers: ['#6b7d76', '#44544f', '#222b28'], accent: '#c9d6cf' },
    alt: 'Dark storm clouds gathering over the city skyline', caption: 'Storm clouds over the city.', scene: 'Storm clouds over {district}.', topics: ['politics', 'climate', 'feed'] },
];

const f1 = (value: number): string => value.toFixed(1);

// A ridge line from left to right at about `base` with `amp` variation, closed at the bottom.
function ridgePath(rng: Rng, width: number, height: number, base: number, amp: number, points: number): string {
  const step = width / points;
  let d = `M0,${height} L0,${f1(base + (rng() - 0.5) * amp)}`;
  for (let i = 1; i <= points; i++) {
    const x = i * step;
    const y = base + (rng() - 0.5) * amp;
    d += ` Q${f1(x - step / 2)},${f1(y + (rng() - 0.5) * amp)} ${f1(x)},${f1(y)}`;
  }
  return `${d} L${width},${height} Z`;
}

function buildings(rng: Rng, width: number, ground: number, minH: number, maxH: number, fill: string, windows: string | null): string {
  let out = '';
  let x = -20;
  while (x < width) {
    const w = int(rng, 40, 150);
    const h = int(rng, minH, maxH);
    out += `<rect x="${x}" y="${ground - h}" width="${w}" height="${h + 2}" fill="${fill}"/>`;
    if (chance(rng, 0.25)) out += `<rect x="${x + w / 2 - 3}" y="${ground - h - 40}" width="6" height="40" fill="${fill}"/>`;
    if (windows) {
      for (let wy = ground - h + 14; wy < ground - 14; wy += 22) {
        for (let wx = x + 10; wx < x + w - 14; wx += 18) {
          if (chance(rng, 0.3)) out += `<rect x="${wx}" y="${wy}" width="8" height="11" fill="${windows}" opacity="${f1(0.5 + rng() * 0.5)}"/>`;
        }
      }
    }
    x += w + int(rng, 0, 12);
  }
  return out;
}

// An abstract but photo-like 1600×900 scene: gradient sky, sun, layered silhouettes, haze.
export function heroSvg(spec: HeroSpec, rng: Rng, width = 1600, height = 900): string {
  const p = spec.palette;
  const [far, mid, near] = p.layers;
  const sunX = int(rng, 250, width - 250);
  const sunY = int(rng, 160, 420);
  const sunR = int(rng, 50, 110);
  let scene = '';
  switch (spec.kind) {
    case 'skyline':
      scene += buildings(rng, width, 780, 160, 420, far, null);
      scene += buildings(rng, width, 830, 120, 340, mid, null);
      scene += buildings(rng, width, 900, 80, 260, near, p.accent);
      break;
    case 'hills':
      scene += `<path d="${ridgePath(rng, width, height, 520, 140, 6)}" fill="${far}"/>`;
      scene += `<rect width="${width}" height="${height}" fill="url(#haze)" opacity="0.5"/>`;
      scene += `<path d="${ridgePath(rng, width, height, 640, 160, 5)}" fill="${mid}"/>`;
      scene += `<path d="${ridgePath(rng, width, height, 770, 120, 4)}" fill="${near}"/>`;
      break;
    case 'harbour': {
      scene += buildings(rng, width, 610, 60, 220, far, null);
      for (let i = 0; i < 4; i++) {
        const cx = int(rng, 100, width - 200);
        const ch = int(rng, 200, 320);
        scene += `<path d="M${cx},610 L${cx},${610 - ch} L${cx + int(rng, 140, 260)},${610 - ch + 10} L${cx + 8},${610 - ch + 30} L${cx + 14},610 Z" fill="${mid}"/>`;
      }
      scene += `<rect y="610" width="${width}" height="${height - 610}" fill="url(#water)"/>`;
      for (let i = 0; i < 40; i++) {
        const y = int(rng, 620, height);
        scene += `<rect x="${int(rng, 0, width)}" y="${y}" width="${int(rng, 60, 300)}" height="3" fill="${p.sun}" opacity="${f1(0.1 + rng() * 0.3)}"/>`;
      }
      for (let i = 0; i < 3; i++) {
        const bx = int(rng, 100, width - 300);
        const by = int(rng, 680, 820);
        scene += `<path d="M${bx},${by} L${bx + 180},${by} L${bx + 150},${by + 30} L${bx + 25},${by + 30} Z" fill="${near}"/><rect x="${bx + 70}" y="${by - 40}" width="50" height="40" fill="${near}"/>`;
      }
      break;
    }
    case 'night':
      for (let i = 0; i < 140; i++) {
        scene += `<circle cx="${int(rng, 0, width)}" cy="${int(rng, 0, 520)}" r="${f1(0.6 + rng() * 1.6)}" fill="#ffffff" opacity="${f1(0.3 + rng() * 0.7)}"/>`;
      }
      scene += buildings(rng, width, 820, 200, 480, mid, p.accent);
      scene += buildings(rng, width, 900, 100, 280, near, p.accent);
      break;
    case 'park': {
      scene += `<path d="${ridgePath(rng, width, height, 600, 120, 5)}" fill="${far}"/>`;
      scene += `<path d="${ridgePath(rng, width, height, 720, 90, 4)}" fill="${mid}"/>`;
      for (let i = 0; i < 14; i++) {
        const tx = int(rng, 0, width);
        const ty = int(rng, 620, 780);
        const tr = int(rng, 40, 110);
        scene += `<rect x="${tx - 6}" y="${ty - 10}" width="12" height="${tr + 40}" fill="${p.accent}"/><circle cx="${tx}" cy="${ty - tr / 2}" r="${tr}" fill="${near}" opacity="0.95"/>`;
      }
      scene += `<path d="${ridgePath(rng, width, height, 840, 40, 3)}" fill="${mid}"/>`;
      break;
    }
    case 'bokeh':
      // One blur over the whole group: a filter per circle costs seconds in librsvg.
      scene += '<g filter="url(#soft)">';
      for (let i = 0; i < 70; i++) {
        const color = pick(rng, [...p.layers, p.accent]);
        scene += `<circle cx="${int(rng, -50, width + 50)}" cy="${int(rng, 100, height)}" r="${int(rng, 20, 120)}" fill="${color}" opacity="${f1(0.15 + rng() * 0.5)}"/>`;
      }
      scene += '</g>';
      break;
    case 'stadium': {
      scene += `<ellipse cx="${width / 2}" cy="${height + 80}" rx="${width * 0.75}" ry="330" fill="${far}"/>`;
      scene += `<ellipse cx="${width / 2}" cy="${height + 110}" rx="${width * 0.6}" ry="260" fill="${mid}"/>`;
      for (let i = 0; i < 7; i++) {
        scene += `<rect x="0" y="${f1(640 + i * 14)}" width="${width}" height="6" fill="${near}" opacity="0.25"/>`;
      }
      for (const lx of [180, width - 200, 620, width - 640]) {
        const top = int(rng, 170, 260);
        scene += `<rect x="${lx - 6}" y="${top}" width="12" height="${600 - top}" fill="${near}"/>`;
        scene += `<circle cx="${lx}" cy="${top}" r="120" fill="url(#glow)"/>`;
        scene += `<rect x="${lx - 40}" y="${top - 18}" width="80" height="26" rx="4" fill="${p.accent}"/>`;
      }
      scene += `<path d="M0,600 L${width},600 L${width},640 L0,650 Z" fill="${near}"/>`;
      break;
    }
    case 'river': {
      scene += `<path d="${ridgePath(rng, width, height, 560, 80, 6)}" fill="${far}"/>`;
      scene += `<rect y="640" width="${width}" height="${height - 640}" fill="url(#water)"/>`;
      scene += `<path d="${ridgePath(rng, width, 660, 620, 40, 5)}" fill="${mid}"/>`;
      const deck = 560;
      scene += `<rect x="0" y="${deck}" width="${width}" height="18" fill="${near}"/>`;
      for (let x = 0; x < width; x += 320) {
        scene += `<path d="M${x},${deck + 18} Q${x + 160},${deck - 90} ${x + 320},${deck + 18}" fill="none" stroke="${near}" stroke-width="10"/>`;
        scene += `<rect x="${x + 150}" y="${deck}" width="20" height="${height - deck}" fill="${near}" opacity="0.8"/>`;
      }
      break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.skyTop}"/><stop offset="1" stop-color="${p.skyBottom}"/></linearGradient>
<linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.skyBottom}" stop-opacity="0.9"/><stop offset="1" stop-color="${near}"/></linearGradient>
<linearGradient id="haze" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.skyBottom}" stop-opacity="0"/><stop offset="1" stop-color="${p.skyBottom}"/></linearGradient>
<radialGradient id="sun"><stop offset="0" stop-color="${p.sun}"/><stop offset="0.45" stop-color="${p.sun}" stop-opacity="0.95"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient>
<radialGradient id="glow"><stop offset="0" stop-color="#ffffff" stop-opacity="0.9"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>
<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>
<filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>
<filter id="blur" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="40"/></filter>
</defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${sunY}" r="${sunR * 3}" fill="url(#sun)" opacity="0.55"/>
<circle cx="${sunX}" cy="${sunY}" r="${sunR}" fill="${p.sun}" opacity="0.92"/>
<ellipse cx="${int(rng, 0, width)}" cy="${int(rng, 150, 400)}" rx="${int(rng, 300, 600)}" ry="${int(rng, 40, 90)}" fill="${p.skyBottom}" opacity="0.35" filter="url(#blur)"/>
${scene}
<rect width="${width}" height="${height}" fill="url(#vignette)"/>
</svg>`;
}

export interface AvatarSpec {
  background: [string, string];
  figure: string;
  hair: 'short' | 'long' | 'bun' | 'none';
  hairColor: string;
}

export const AVATAR_SPECS: readonly AvatarSpec[] = [
  { background: ['#f4d6c6', '#e9b49a'], figure: '#5a3d31', hair: 'long', hairColor: '#2b1d17' },
  { background: ['#c9e4de', '#9fcfc3'], figure: '#2f5d55', hair: 'short', hairColor: '#1a332e' },
  { background: ['#dcd3f2', '#b7a6e6'], figure: '#4b3c7a', hair: 'bun', hairColor: '#261c45' },
  { background: ['#f6e7b4', '#ecd27a'], figure: '#6b5521', hair: 'short', hairColor: '#3a2d0f' },
  { background: ['#d5e3f5', '#a8c5ea'], figure: '#2c4d75', hair: 'none', hairColor: '#1b2f48' },
  { background: ['#f3cfd6', '#e6a1b0'], figure: '#7a3346', hair: 'long', hairColor: '#40161f' },
  { background: ['#d9ead0', '#b5d6a2'], figure: '#3f6130', hair: 'short', hairColor: '#1f3317' },
  { background: ['#e8dccf', '#d3bda5'], figure: '#5b4a3a', hair: 'bun', hairColor: '#2a2017' },
];

// A head-and-shoulders silhouette on a soft gradient, 400×400.
export function avatarSvg(spec: AvatarSpec, size = 400): string {
  const hair = {
    short: `<path d="M128,150 Q130,78 200,74 Q270,78 272,150 Q262,112 200,108 Q138,112 128,150 Z" fill="${spec.hairColor}"/>`,
    long: `<path d="M120,160 Q118,70 200,68 Q282,70 280,160 L286,270 L252,270 L258,150 Q240,112 200,110 Q160,112 142,150 L148,270 L114,270 Z" fill="${spec.hairColor}"/>`,
    bun: `<circle cx="200" cy="62" r="30" fill="${spec.hairColor}"/><path d="M128,150 Q130,80 200,78 Q270,80 272,150 Q258,114 200,110 Q142,114 128,150 Z" fill="${spec.hairColor}"/>`,
    none: '',
  }[spec.hair];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 400 400">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${spec.background[0]}"/><stop offset="1" stop-color="${spec.background[1]}"/></linearGradient></defs>
<rect width="400" height="400" fill="url(#bg)"/>
<path d="M60,400 Q66,292 150,268 Q200,300 250,268 Q334,292 340,400 Z" fill="${spec.figure}"/>
<rect x="176" y="228" width="48" height="52" rx="18" fill="${spec.figure}"/>
<ellipse cx="200" cy="160" rx="70" ry="84" fill="${spec.figure}"/>
${hair}
</svg>`;
}

// The desk's avatar: a geometric "G" monogram drawn as a path, so no font is needed.
export function deskAvatarSvg(size = 400): string {
  const r = 110;
  const startX = 200 + r * Math.cos(-Math.PI / 4);
  const startY = 200 + r * Math.sin(-Math.PI / 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 400 400">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#14213d"/><stop offset="1" stop-color="#0b1324"/></linearGradient></defs>
<rect width="400" height="400" fill="url(#bg)"/>
<circle cx="200" cy="200" r="170" fill="none" stroke="#fca311" stroke-width="6"/>
<path d="M${f1(startX)},${f1(startY)} A${r},${r} 0 1 0 ${200 + r},200 L210,200" fill="none" stroke="#ffffff" stroke-width="42" stroke-linejoin="miter"/>
</svg>`;
}

// Deterministic film grain: a small tile of gaussian-ish noise around mid-grey.
export function grainTile(rng: Rng, size = 160, strength = 22): Buffer {
  const buf = Buffer.alloc(size * size);
  for (let i = 0; i < buf.length; i++) {
    const noise = (rng() + rng() + rng() - 1.5) * strength;
    buf[i] = Math.max(0, Math.min(255, Math.round(128 + noise)));
  }
  return buf;
}
