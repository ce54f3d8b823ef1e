// Writes server/reference-data/demo.json, the demo reference records (docs/reference-data.md). Deterministic:
// the same script always writes the same bytes. Each generated business draws from its own PRNG seeded by its
// index, so adding a business at the end leaves the others unchanged. Run: node server/reference-data/generate-demo.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// "Today" for the demo: every date is relative to it, never to the clock. The first start moves the dates
// forward by whole months to the day the demo is built (server/src/modules/registry/demo-dates.ts).
const TODAY = '2026-11-20';

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    digits: (n) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
  };
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function monthStart(iso, monthsBack) {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 10);
}

function monthEnd(firstOfMonth) {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Luhn check digit, as on real business numbers (not required by the import rules). */
function luhnComplete(eightDigits) {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    let d = Number(eightDigits[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${eightDigits}${(10 - (sum % 10)) % 10}`;
}

function slug(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .replace(/-(inc|ltd|ltee|corp|limited|limitee|s-e-n-c|llp)$/, '');
}

function emailFor(person, domain) {
  const parts = slug(person).split('-');
  return `${parts[0][0]}.${parts.at(-1)}@${domain}`;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

const CITIES = {
  ON: [
    ['Toronto', 'M5V', '416'],
    ['Ottawa', 'K1P', '613'],
    ['Mississauga', 'L5B', '905'],
    ['Windsor', 'N9A', '519'],
    ['Hamilton', 'L8P', '905'],
    ['Kingston', 'K7L', '613'],
  ],
  QC: [
    ['Montréal', 'H2Y', '514'],
    ['Québec', 'G1R', '418'],
    ['Laval', 'H7N', '450'],
    ['Sherbrooke', 'J1H', '819'],
    ['Gatineau', 'J8X', '819'],
    ['Trois-Rivières', 'G9A', '819'],
  ],
  BC: [
    ['Vancouver', 'V6B', '604'],
    ['Surrey', 'V3T', '604'],
    ['Richmond', 'V6X', '604'],
    ['Kelowna', 'V1Y', '250'],
  ],
  AB: [
    ['Calgary', 'T2P', '403'],
    ['Edmonton', 'T5J', '780'],
  ],
  MB: [['Winnipeg', 'R3C', '204']],
  SK: [
    ['Saskatoon', 'S7K', '306'],
    ['Regina', 'S4P', '306'],
  ],
  NS: [['Halifax', 'B3J', '902']],
  NB: [
    ['Moncton', 'E1C', '506'],
    ['Saint John', 'E2L', '506'],
  ],
  NL: [["St. John's", 'A1C', '709']],
  PE: [['Charlottetown', 'C1A', '902']],
  YT: [['Whitehorse', 'Y1A', '867']],
  NT: [['Yellowknife', 'X1A', '867']],
  NU: [['Iqaluit', 'X0A', '867']],
};
const ENGLISH_PROVINCES = [
  'ON',
  'ON',
  'ON',
  'BC',
  'BC',
  'AB',
  'MB',
  'SK',
  'NS',
  'NB',
  'NL',
  'PE',
  'YT',
  'NT',
  'NU',
];
const FRENCH_PROVINCES = ['QC', 'QC', 'QC', 'QC', 'NB', 'ON'];
const RURAL = {
  ON: ['Ilderton', 'N0M', '519'],
  QC: ['Saint-Hyacinthe', 'J2S', '450'],
  AB: ['Olds', 'T4H', '403'],
  SK: ['Humboldt', 'S0K', '306'],
  NS: ['Windsor', 'B0N', '902'],
  MB: ['Steinbach', 'R5G', '204'],
};
const US_CITIES = [
  ['Buffalo', 'NY', '14202'],
  ['Detroit', 'MI', '48226'],
  ['Seattle', 'WA', '98101'],
  ['Plattsburgh', 'NY', '12901'],
  ['Blaine', 'WA', '98230'],
  ['Champlain', 'NY', '12919'],
];
const EN_STREETS = [
  'King Street West',
  'Bay Street',
  'Main Street',
  'Portage Avenue',
  'Jasper Avenue',
  'Granville Street',
  'Water Street',
  'Industrial Parkway North',
  'Airport Road',
  'Commerce Drive',
  'Harbour Road',
  'Queen Street East',
];
const FR_STREETS = [
  'rue Sainte-Catherine Ouest',
  'boulevard René-Lévesque Est',
  'chemin de la Côte-de-Liesse',
  'rue Saint-Paul',
  'boulevard Saint-Laurent',
  'rue du Parc-Industriel',
  'avenue des Érables',
  'rue Notre-Dame Est',
  "chemin de l'Aéroport",
];
const US_STREETS = [
  'Delaware Avenue',
  'Woodward Avenue',
  'Pine Street',
  'Peace Portal Drive',
  'Margaret Street',
];
const PERSONS_EN = [
  'Alexandra Whitfield',
  'Daniel MacPherson',
  'Priya Natarajan',
  "Siobhán O'Neill",
  'Zoë McAllister',
  'Michael Chen',
  'Aisha Mohammed',
  'Robert Kowalski',
  'Emily Fraser',
  'Jonathan Singh',
  'Grace Abernathy',
  'Hiroshi Tanaka',
  'Laura Petrenko',
  'Owen Gallagher',
  'Fatima Haddad',
  'Marcus Delacroix',
];
const PERSONS_FR = [
  'Marie-Ève Tremblay',
  'Jean-François Côté',
  'Geneviève Bélanger',
  'Luc Gagnon',
  'Élise Lévesque',
  'François Bouchard',
  'Nathalie Roy',
  'Mathieu Gauthier',
  'Chloé Pelletier',
  'Étienne Morin',
  'Josée Lavoie',
  'Benoît Fortin',
  'Amélie Ouellet',
  'Stéphane Girard',
];
const TITLES_EN = [
  'President',
  'Director of Finance',
  'Customs Compliance Manager',
  'Controller',
  'Operations Manager',
];
const TITLES_FR = [
  'Présidente',
  'Directeur des finances',
  'Responsable de la conformité douanière',
  'Contrôleuse',
  'Directeur des opérations',
];
const SUB_PROGRAMS = [
  ['RPP', 'Release Prior to Payment', 'Mainlevée avant paiement'],
  ['CSA', 'Customs Self Assessment', 'Programme d’autocotisation des douanes'],
  ['PIP', 'Partners in Protection', 'Partenaires en protection'],
  ['CLVS', 'Courier Low Value Shipment', 'Expéditions de faible valeur par messager'],
];
const DESCRIPTIONS = {
  CAD: ['Commercial accounting declaration', 'Déclaration en détail commerciale'],
  CARD_BATCH: ['Card batch', 'Lot de cartes'],
  ADJUSTMENT: ['Adjustment request (B2)', 'Demande de rajustement (B2)'],
  INTEREST: ['Arrears interest', 'Intérêts sur arriérés'],
};
const PAYMENT_METHODS = ['PRE_AUTHORIZED_DEBIT', 'ONLINE_BANKING', 'WIRE_TRANSFER', 'CHEQUE', 'CREDIT_CARD'];

// Legal names of the generated businesses: [name, language, kind]. Kinds: corp, sole, partnership, broker,
// consultant, nonprofit, trust, coop. Sole proprietors' legal names are the person's name.
const GENERATED = [
  ['Pacific Rim Textiles Ltd.', 'en', 'corp'],
  ['Great Lakes Hardware Inc.', 'en', 'corp'],
  ['Rocky Mountain Outfitters Corp.', 'en', 'corp'],
  ['Atlantic Seafood Exporters Limited', 'en', 'corp'],
  ['Prairie Harvest Foods Inc.', 'en', 'corp'],
  ['Boreal Electronics Distribution Ltd.', 'en', 'corp'],
  ['Maritime Marine Supply Co. Ltd.', 'en', 'corp'],
  ['Cascade Coffee Roasters Inc.', 'en', 'corp'],
  ['True North Auto Parts Ltd.', 'en', 'corp'],
  ['Golden Wheat Milling Corp.', 'en', 'corp'],
  ['Aurora Medical Devices Inc.', 'en', 'corp'],
  ['Polar Bear Toys & Games Ltd.', 'en', 'corp'],
  ['Fraser Valley Nurseries Ltd.', 'en', 'corp'],
  ['Lakehead Mining Equipment Inc.', 'en', 'corp'],
  ['Kingsway Furniture Imports Ltd.', 'en', 'corp'],
  ['Summit Sporting Goods Inc.', 'en', 'corp'],
  ['Ridgeback Solar Technologies Corp.', 'en', 'corp'],
  ['Les Entreprises Gagnon-Roy Inc.', 'fr', 'corp'],
  ['Distribution Boréale Ltée', 'fr', 'corp'],
  ['Importations Saint-Laurent Inc.', 'fr', 'corp'],
  ['Les Aliments Bélanger & Frères Ltée', 'fr', 'corp'],
  ['Vêtements Île-d’Orléans Inc.', 'fr', 'corp'],
  ['Quincaillerie Lavoie et Fils Inc.', 'fr', 'corp'],
  ['Les Vins Fortin-Ouellet Ltée', 'fr', 'corp'],
  ['Pièces d’auto Morin (1998) Inc.', 'fr', 'corp'],
  ['Chocolaterie Pelletier Inc.', 'fr', 'corp'],
  ['Équipements agricoles Girard Ltée', 'fr', 'corp'],
  ['Priya Natarajan', 'en', 'sole'],
  ['Jean-François Côté', 'fr', 'sole'],
  ["Siobhán O'Neill", 'en', 'sole'],
  ['Zoë McAllister', 'en', 'sole'],
  ['Geneviève Bélanger', 'fr', 'sole'],
  ['Hiroshi Tanaka', 'en', 'sole'],
  ['Étienne Morin', 'fr', 'sole'],
  ['Whitfield & Haddad Trading LLP', 'en', 'partnership'],
  ['Textiles Côte-Nord S.E.N.C.', 'fr', 'partnership'],
  ['Kowalski, Fraser & Associates', 'en', 'partnership'],
  ['Border City Customs Brokers Ltd.', 'en', 'broker'],
  ['Courtiers en douane Gauthier-Lévesque Inc.', 'fr', 'broker'],
  ['Westcoast Clearance Services Inc.', 'en', 'broker'],
  ['Prairie Gateway Customs Brokerage Ltd.', 'en', 'broker'],
  ['Dédouanement Rive-Sud Ltée', 'fr', 'broker'],
  ['Ambassador Bridge Brokerage Corp.', 'en', 'broker'],
  ['Tariff & Trade Advisory Group Inc.', 'en', 'consultant'],
  ['Conseils en commerce international Roy Inc.', 'fr', 'consultant'],
  ['Northbound Compliance Consulting Ltd.', 'en', 'consultant'],
  ['Singh Trade Solutions Inc.', 'en', 'consultant'],
  ['Canadian Relief Supplies Foundation', 'en', 'nonprofit'],
  ['Société d’entraide alimentaire de l’Estrie', 'fr', 'nonprofit'],
  ['Gallagher Family Trust', 'en', 'trust'],
  ['Coopérative agricole des Appalaches', 'fr', 'coop'],
  ['Kootenay Timber Cooperative', 'en', 'coop'],
];
const OPERATING_NAMES = {
  'Priya Natarajan': 'Spice Route Imports',
  'Jean-François Côté': 'JF Côté Antiquités',
  "Siobhán O'Neill": "O'Neill Celtic Crafts",
  'Zoë McAllister': 'Zoë’s Yarn & Fibre',
  'Geneviève Bélanger': 'Boutique Geneviève',
  'Hiroshi Tanaka': 'Tanaka Knife Works',
  'Étienne Morin': 'Vélos Morin',
};

// ---------------------------------------------------------------------------------------------------------
// Builders

function postalCode(rng, prefix) {
  const letters = 'ABCEGHJKLMNPRSTVWXYZ';
  return `${prefix} ${rng.int(1, 9)}${rng.pick(letters)}${rng.int(0, 9)}`;
}

function phoneFor(rng, areaCode) {
  // 555-01xx numbers are reserved for fiction in North America.
  return `${areaCode}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

function streetAddress(rng, lang) {
  const street = rng.pick(lang === 'fr' ? FR_STREETS : EN_STREETS);
  return `${rng.int(10, 9800)} ${street}`;
}

function suite(rng, lang) {
  return lang === 'fr'
    ? rng.pick([`Bureau ${rng.int(100, 950)}`, `Local ${rng.int(1, 40)}`, '2e étage'])
    : rng.pick([`Suite ${rng.int(100, 2400)}`, `Unit ${rng.int(1, 60)}`, 'Floor 3']);
}

/** 1-3 addresses: physical (sometimes with a line 2 or rural route), maybe mailing PO box, maybe US books. */
function businessAddresses(rng, lang, province) {
  const [city, prefix] = rng.pick(CITIES[province]);
  const addresses = [];
  if (RURAL[province] && rng.chance(0.15)) {
    const [ruralCity, ruralPrefix] = RURAL[province];
    addresses.push({
      type: 'PHYSICAL',
      line1: `${rng.int(100, 9999)} ${lang === 'fr' ? `Rang ${rng.int(1, 9)}` : `Concession Road ${rng.int(1, 12)}`}`,
      poBox: `RR ${rng.int(1, 4)}`,
      city: ruralCity,
      provinceState: province,
      postalCode: postalCode(rng, ruralPrefix),
      country: 'CA',
    });
  } else {
    addresses.push({
      type: 'PHYSICAL',
      line1: streetAddress(rng, lang),
      ...(rng.chance(0.45) ? { line2: suite(rng, lang) } : {}),
      city,
      provinceState: province,
      postalCode: postalCode(rng, prefix),
      country: 'CA',
    });
  }
  if (rng.chance(0.35)) {
    addresses.push({
      type: 'MAILING',
      line1: lang === 'fr' ? 'Succursale centre-ville' : 'Station A',
      poBox: lang === 'fr' ? `C.P. ${rng.int(100, 9999)}` : `PO Box ${rng.int(100, 9999)}`,
      city,
      provinceState: province,
      postalCode: postalCode(rng, prefix),
      country: 'CA',
    });
  }
  if (rng.chance(0.1)) {
    const [usCity, state, zip] = rng.pick(US_CITIES);
    addresses.push({
      type: 'BOOKS_AND_RECORDS',
      line1: `${rng.int(10, 2500)} ${rng.pick(US_STREETS)}`,
      ...(rng.chance(0.5) ? { line2: `Suite ${rng.int(100, 900)}` } : {}),
      city: usCity,
      provinceState: state,
      postalCode: zip,
      country: 'US',
    });
  }
  return addresses;
}

function contacts(rng, lang, areaCode, domain, people) {
  const titles = lang === 'fr' ? TITLES_FR : TITLES_EN;
  return people.map((name, i) => ({
    name,
    title: titles[(i + rng.int(0, 4)) % titles.length],
    phone: phoneFor(rng, areaCode),
    ...(rng.chance(0.3) ? { phoneExtension: String(rng.int(100, 4999)) } : {}),
    email: emailFor(name, domain),
  }));
}

function transactionNumber(rng, used) {
  for (;;) {
    const n = `1${rng.digits(13)}`;
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

/** 5-8 transactions over the last 3 months, 1-3 payments, and monthly statements when billed monthly. */
function financialRecords(rng, lang, billingType, used, { closed = false } = {}) {
  const end = closed ? addDays(TODAY, -rng.int(200, 400)) : TODAY;
  const count = rng.int(5, 8);
  const transactions = [];
  for (let i = 0; i < count; i += 1) {
    const date = addDays(end, -rng.int(1, 95));
    const roll = rng.next();
    const type = roll < 0.72 ? 'CAD' : roll < 0.84 ? 'CARD_BATCH' : roll < 0.94 ? 'ADJUSTMENT' : 'INTEREST';
    const age = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
    let amountCents;
    let dutiesAndTaxesCents;
    let status;
    if (type === 'CAD') {
      dutiesAndTaxesCents = Math.round(Math.exp(rng.next() * 9.5 + 7)); // about $11 to $146,000
      amountCents = dutiesAndTaxesCents;
      status = closed || age > 35 ? 'PAID' : rng.pick(['POSTED', 'POSTED', 'PARTIALLY_PAID']);
    } else if (type === 'INTEREST') {
      dutiesAndTaxesCents = 0;
      amountCents = rng.int(150, 25_000);
      status = age > 35 ? 'PAID' : 'POSTED';
    } else {
      dutiesAndTaxesCents = 0;
      amountCents = -rng.int(1_000, 400_000);
      status = rng.chance(0.6) ? 'UNAPPLIED_CREDIT' : 'APPLIED_CREDIT';
    }
    transactions.push({
      transactionNumber: transactionNumber(rng, used),
      date,
      type,
      // Both languages, whatever the business's (issue 14, defect 7).
      description: DESCRIPTIONS[type][0],
      descriptionFr: DESCRIPTIONS[type][1],
      amountCents,
      dutiesAndTaxesCents,
      status,
    });
  }
  transactions.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  const method = rng.pick(PAYMENT_METHODS);
  const payments = Array.from({ length: rng.int(1, 3) }, (_, i) => {
    const date = addDays(end, -(i * 30 + rng.int(2, 25)));
    return {
      reference: `${method === 'PRE_AUTHORIZED_DEBIT' ? 'PAD' : 'PMT'}-${date.replaceAll('-', '')}-${rng.digits(4)}`,
      date,
      amountCents: Math.round(Math.exp(rng.next() * 8 + 9)),
      method,
    };
  });

  const statements =
    billingType !== 'MONTHLY_STATEMENT'
      ? []
      : Array.from({ length: rng.int(1, 3) }, (_, i) => {
          const periodStart = monthStart(end, i + 1);
          const periodEnd = monthEnd(periodStart);
          const statementDate = addDays(periodEnd, rng.int(2, 4));
          const balanceCents = rng.chance(0.15) ? 0 : Math.round(Math.exp(rng.next() * 8 + 9));
          return {
            statementDate,
            periodStart,
            periodEnd,
            balanceCents,
            amountDueCents: balanceCents,
            dueDate: `${statementDate.slice(0, 8)}18`,
          };
        });
  return { transactions, payments, statements };
}

function subPrograms(rng, lang) {
  const n = rng.pick([0, 0, 1, 1, 2]);
  const shuffled = [...SUB_PROGRAMS];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, n).map(([code, en, fr]) => ({ code, name: lang === 'fr' ? fr : en }));
}

function owners(rng, kind, legalName, people) {
  switch (kind) {
    case 'sole':
      return [{ name: legalName, role: 'OWNER' }];
    case 'partnership':
      return people.slice(0, 2).map((name) => ({ name, role: 'PARTNER' }));
    case 'trust':
      return [{ name: people[0], role: 'TRUSTEE' }];
    case 'nonprofit':
    case 'coop':
      return people.slice(0, 2).map((name) => ({ name, role: 'DIRECTOR' }));
    default:
      return [
        { name: people[0], role: 'DIRECTOR' },
        ...(rng.chance(0.6) ? [{ name: people[1], role: rng.pick(['OFFICER', 'SHAREHOLDER']) }] : []),
      ];
  }
}

const BUSINESS_TYPE = {
  corp: 'CORPORATION',
  broker: 'CORPORATION',
  consultant: 'CORPORATION',
  sole: 'SOLE_PROPRIETORSHIP',
  partnership: 'PARTNERSHIP',
  nonprofit: 'NON_PROFIT',
  trust: 'TRUST',
  coop: 'COOPERATIVE',
};

function generateBusiness(index, [legalName, lang, kind], usedBns, usedTransactions) {
  const rng = prng(0x5eed + index * 7919);
  let businessNumber;
  do businessNumber = luhnComplete(`${rng.int(1, 9)}${rng.digits(7)}`);
  while (usedBns.has(businessNumber));
  usedBns.add(businessNumber);

  // English businesses cycle through the provinces and territories so that every one of them appears.
  const province =
    lang === 'fr' ? rng.pick(FRENCH_PROVINCES) : ENGLISH_PROVINCES[index % ENGLISH_PROVINCES.length];
  const addresses = businessAddresses(rng, lang, province);
  const areaCode = (CITIES[province].find(([city]) => city === addresses[0].city) ??
    RURAL[province] ?? ['', '', '613'])[2];
  const domain = `${slug(OPERATING_NAMES[legalName] ?? legalName)}.example`;
  const pool = lang === 'fr' ? PERSONS_FR : PERSONS_EN;
  const people = [0, 1, 2]
    .map(() => rng.pick(pool))
    .filter((p, i, all) => all.indexOf(p) === i && p !== legalName);
  if (people.length === 0) people.push(pool[(index + 3) % pool.length]);
  if (people.length === 1) people.push(pool[(pool.indexOf(people[0]) + 5) % pool.length]);
  const contactPeople = kind === 'sole' ? [legalName] : people.slice(0, rng.int(1, 2));

  const serviceProviderKind =
    kind === 'broker' ? 'CUSTOMS_BROKER' : kind === 'consultant' ? 'TRADE_CONSULTANT' : null;
  const displayName = OPERATING_NAMES[legalName] ?? legalName;
  const accountContacts = contacts(rng, lang, areaCode, domain, contactPeople);
  const accountOwners = owners(rng, kind, legalName, people);
  const profile = (programType, name) => ({
    programType,
    name,
    addresses: [addresses[0]],
    contacts: accountContacts,
    owners: accountOwners,
  });

  const accounts = [];
  const rmType = serviceProviderKind ?? (rng.chance(0.15) ? 'EXPORTER' : 'IMPORTER');
  const rmCount = serviceProviderKind ? 1 : rng.pick([1, 1, 1, 2, 2, 3]);
  for (let n = 1; n <= rmCount; n += 1) {
    const closed = n > 1 && rng.chance(0.25);
    const billingType = rng.chance(0.8) ? 'MONTHLY_STATEMENT' : 'DAILY_NOTICE';
    const type = n === 1 ? rmType : rng.pick(['IMPORTER', 'EXPORTER']);
    accounts.push({
      accountNumber: `${businessNumber}RM000${n}`,
      ...profile(
        type,
        n === 1 ? displayName : `${displayName} (${lang === 'fr' ? 'compte' : 'account'} ${n})`,
      ),
      status: closed ? 'CLOSED' : 'ACTIVE',
      billingType,
      subPrograms: subPrograms(rng, lang),
      ...financialRecords(rng, lang, billingType, usedTransactions, { closed }),
    });
  }
  if (kind !== 'nonprofit' && kind !== 'trust' && rng.chance(0.7)) {
    accounts.push({ accountNumber: `${businessNumber}RT0001`, ...profile('GST_HST', displayName) });
  }
  if ((kind === 'corp' || kind === 'broker') && rng.chance(0.4)) {
    accounts.push({ accountNumber: `${businessNumber}RP0001`, ...profile('PAYROLL', displayName) });
  }
  if (kind === 'corp' && rng.chance(0.3)) {
    accounts.push({
      accountNumber: `${businessNumber}RC0001`,
      ...profile('CORPORATE_INCOME_TAX', legalName),
    });
  }

  return {
    businessNumber,
    legalName,
    ...(OPERATING_NAMES[legalName] ? { operatingName: OPERATING_NAMES[legalName] } : {}),
    businessType: BUSINESS_TYPE[kind],
    soleProprietor: kind === 'sole',
    serviceProvider: serviceProviderKind !== null,
    ...(serviceProviderKind ? { serviceProviderKind } : {}),
    addresses,
    programAccounts: accounts,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The businesses that tests, docs and issues rely on: written out in full so they never move.

const NORTHERN_LIGHTS_ADDRESS = {
  type: 'PHYSICAL',
  line1: '240 Sparks Street',
  line2: 'Suite 1200',
  city: 'Ottawa',
  provinceState: 'ON',
  postalCode: 'K1P 5B6',
  country: 'CA',
};

const WELL_KNOWN = [
  {
    businessNumber: '123456789',
    legalName: 'Northern Lights Imports Inc.',
    operatingName: 'Northern Lights',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: false,
    addresses: [
      NORTHERN_LIGHTS_ADDRESS,
      {
        type: 'MAILING',
        line1: 'Station B',
        poBox: 'PO Box 4521',
        city: 'Ottawa',
        provinceState: 'ON',
        postalCode: 'K1P 1G0',
        country: 'CA',
      },
    ],
    programAccounts: [
      {
        accountNumber: '123456789RM0001',
        programType: 'IMPORTER',
        name: 'Northern Lights Imports',
        status: 'ACTIVE',
        billingType: 'MONTHLY_STATEMENT',
        addresses: [NORTHERN_LIGHTS_ADDRESS],
        contacts: [
          {
            name: 'Alexandra Whitfield',
            title: 'President',
            phone: '613-555-0142',
            email: 'a.whitfield@northern-lights-imports.example',
          },
          {
            name: 'Daniel MacPherson',
            title: 'Customs Compliance Manager',
            phone: '613-555-0187',
            phoneExtension: '204',
            email: 'd.macpherson@northern-lights-imports.example',
          },
        ],
        owners: [
          { name: 'Alexandra Whitfield', role: 'DIRECTOR' },
          { name: 'Daniel MacPherson', role: 'OFFICER' },
        ],
        subPrograms: [{ code: 'RPP', name: 'Release Prior to Payment' }],
        transactions: [
          ['13409539086039', '2026-11-17', 'CAD', 482_915, 'POSTED'],
          ['13409539085981', '2026-11-10', 'CAD', 1_250_000, 'POSTED'],
          ['13409539085874', '2026-11-02', 'CARD_BATCH', -1_000, 'UNAPPLIED_CREDIT'],
          ['13409539085760', '2026-10-27', 'CAD', 367_842, 'PAID'],
          ['13409539085652', '2026-10-19', 'CAD', 91_575, 'PAID'],
          ['13409539085544', '2026-10-08', 'ADJUSTMENT', -12_500, 'APPLIED_CREDIT'],
          ['13409539085433', '2026-09-29', 'CAD', 2_204_310, 'PAID'],
          ['13409539085321', '2026-09-09', 'CARD_BATCH', -200_099, 'UNAPPLIED_CREDIT'],
          ['13409539085210', '2026-09-09', 'CARD_BATCH', -300_099, 'UNAPPLIED_CREDIT'],
        ].map(([transactionNumber, date, type, amountCents, status]) => ({
          transactionNumber,
          date,
          type,
          description: DESCRIPTIONS[type][0],
          descriptionFr: DESCRIPTIONS[type][1],
          amountCents,
          dutiesAndTaxesCents: type === 'CAD' ? amountCents : 0,
          status,
        })),
        payments: [
          {
            reference: 'PAD-20261118-0001',
            date: '2026-11-18',
            amountCents: 1_234_567,
            method: 'PRE_AUTHORIZED_DEBIT',
          },
          {
            reference: 'PAD-20261019-0001',
            date: '2026-10-19',
            amountCents: 2_584_210,
            method: 'PRE_AUTHORIZED_DEBIT',
          },
        ],
        invoices: [
          {
            invoiceNumber: 'INV-2026-004217',
            date: '2026-11-05',
            description: 'Release prior to payment: monthly service fee',
            descriptionFr: 'Mainlevée avant paiement : frais de service mensuels',
            amountCents: 4_500,
            dueDate: '2026-12-05',
            status: 'OUTSTANDING',
          },
          {
            invoiceNumber: 'INV-2026-003198',
            date: '2026-10-05',
            description: 'Release prior to payment: monthly service fee',
            descriptionFr: 'Mainlevée avant paiement : frais de service mensuels',
            amountCents: 4_500,
            dueDate: '2026-11-05',
            status: 'PAID',
          },
        ],
        financialSecurity: {
          type: 'SURETY_BOND',
          amountCents: 5_000_000,
          provider: 'Laurentian Surety Company',
          reference: 'SB-2024-118204',
          effectiveDate: '2024-03-01',
          expiryDate: '2027-02-28',
        },
        statements: [
          {
            statementDate: '2026-11-03',
            periodStart: '2026-10-01',
            periodEnd: '2026-10-31',
            balanceCents: 876_543,
            amountDueCents: 876_543,
            dueDate: '2026-11-18',
          },
          {
            statementDate: '2026-10-05',
            periodStart: '2026-09-01',
            periodEnd: '2026-09-30',
            balanceCents: 2_584_210,
            amountDueCents: 2_584_210,
            dueDate: '2026-10-19',
          },
          {
            statementDate: '2026-09-03',
            periodStart: '2026-08-01',
            periodEnd: '2026-08-31',
            balanceCents: 0,
            amountDueCents: 0,
            dueDate: '2026-09-18',
          },
        ],
      },
      {
        accountNumber: '123456789RT0001',
        programType: 'GST_HST',
        name: 'Northern Lights Imports',
        addresses: [NORTHERN_LIGHTS_ADDRESS],
        contacts: [{ name: 'Alexandra Whitfield', title: 'President', phone: '613-555-0142' }],
      },
    ],
  },
  {
    businessNumber: '234567891',
    legalName: 'Marie-Ève Tremblay',
    operatingName: 'Épicerie fine Tremblay',
    businessType: 'SOLE_PROPRIETORSHIP',
    soleProprietor: true,
    serviceProvider: false,
    addresses: [
      {
        type: 'PHYSICAL',
        line1: '1452 Rang Saint-Joseph',
        poBox: 'RR 2',
        city: 'Saint-Hyacinthe',
        provinceState: 'QC',
        postalCode: 'J2S 7B4',
        country: 'CA',
      },
    ],
    programAccounts: [
      {
        accountNumber: '234567891RM0001',
        programType: 'IMPORTER',
        name: 'Épicerie fine Tremblay',
        status: 'ACTIVE',
        billingType: 'DAILY_NOTICE',
        addresses: [
          {
            type: 'PHYSICAL',
            line1: '1452 Rang Saint-Joseph',
            poBox: 'RR 2',
            city: 'Saint-Hyacinthe',
            provinceState: 'QC',
            postalCode: 'J2S 7B4',
            country: 'CA',
          },
        ],
        contacts: [
          {
            name: 'Marie-Ève Tremblay',
            title: 'Propriétaire',
            phone: '450-555-0119',
            email: 'me.tremblay@epicerie-tremblay.example',
          },
        ],
        owners: [{ name: 'Marie-Ève Tremblay', role: 'OWNER' }],
        transactions: [
          ['20417730051128', '2026-11-16', 'CAD', 18_342, 'POSTED'],
          ['20417730051096', '2026-11-05', 'CAD', 7_519, 'PAID'],
          ['20417730051044', '2026-10-28', 'CARD_BATCH', -2_099, 'UNAPPLIED_CREDIT'],
          ['20417730050987', '2026-10-14', 'CAD', 26_004, 'PAID'],
          ['20417730050932', '2026-09-30', 'CAD', 4_875, 'PAID'],
          ['20417730050871', '2026-09-12', 'INTEREST', 312, 'PAID'],
        ].map(([transactionNumber, date, type, amountCents, status]) => ({
          transactionNumber,
          date,
          type,
          description: DESCRIPTIONS[type][0],
          descriptionFr: DESCRIPTIONS[type][1],
          amountCents,
          dutiesAndTaxesCents: type === 'CAD' ? amountCents : 0,
          status,
        })),
        payments: [
          {
            reference: 'PMT-20261107-4410',
            date: '2026-11-07',
            amountCents: 7_519,
            method: 'ONLINE_BANKING',
          },
          {
            reference: 'PMT-20261016-4410',
            date: '2026-10-16',
            amountCents: 26_004,
            method: 'ONLINE_BANKING',
          },
        ],
      },
    ],
  },
  {
    businessNumber: '345678902',
    legalName: 'Maple Leaf Customs Brokers Ltd.',
    operatingName: 'Maple Leaf Customs',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: true,
    serviceProviderKind: 'CUSTOMS_BROKER',
    addresses: [
      {
        type: 'PHYSICAL',
        line1: '5800 Ambler Drive',
        line2: 'Unit 14',
        city: 'Mississauga',
        provinceState: 'ON',
        postalCode: 'L4W 4J4',
        country: 'CA',
      },
    ],
    programAccounts: [
      {
        accountNumber: '345678902RM0001',
        programType: 'CUSTOMS_BROKER',
        name: 'Maple Leaf Customs Brokers',
        status: 'ACTIVE',
        billingType: 'MONTHLY_STATEMENT',
        addresses: [
          {
            type: 'PHYSICAL',
            line1: '5800 Ambler Drive',
            line2: 'Unit 14',
            city: 'Mississauga',
            provinceState: 'ON',
            postalCode: 'L4W 4J4',
            country: 'CA',
          },
        ],
        contacts: [
          {
            name: 'Michael Chen',
            title: 'Licensed Customs Broker',
            phone: '905-555-0163',
            email: 'm.chen@maple-leaf-customs.example',
          },
        ],
        owners: [{ name: 'Michael Chen', role: 'DIRECTOR' }],
        subPrograms: [{ code: 'CLVS', name: 'Courier Low Value Shipment' }],
      },
    ],
  },
  {
    businessNumber: '456789013',
    legalName: 'Harbourview Trade Consulting Inc.',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: true,
    serviceProviderKind: 'TRADE_CONSULTANT',
    addresses: [
      {
        type: 'PHYSICAL',
        line1: '1959 Upper Water Street',
        line2: 'Suite 1301',
        city: 'Halifax',
        provinceState: 'NS',
        postalCode: 'B3J 3N2',
        country: 'CA',
      },
    ],
    programAccounts: [
      {
        accountNumber: '456789013RM0001',
        programType: 'TRADE_CONSULTANT',
        name: 'Harbourview Trade Consulting',
        status: 'ACTIVE',
        billingType: 'DAILY_NOTICE',
        addresses: [
          {
            type: 'PHYSICAL',
            line1: '1959 Upper Water Street',
            line2: 'Suite 1301',
            city: 'Halifax',
            provinceState: 'NS',
            postalCode: 'B3J 3N2',
            country: 'CA',
          },
        ],
        contacts: [
          {
            name: 'Emily Fraser',
            title: 'Principal Consultant',
            phone: '902-555-0128',
            email: 'e.fraser@harbourview.example',
          },
        ],
        owners: [{ name: 'Emily Fraser', role: 'SHAREHOLDER' }],
      },
    ],
  },
  {
    businessNumber: '567890124',
    legalName: 'Les Importations Côté-Lévesque Inc.',
    operatingName: 'Importations Côté-Lévesque',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: false,
    addresses: [
      {
        type: 'PHYSICAL',
        line1: '4200 boulevard René-Lévesque Est',
        line2: 'Bureau 310',
        city: 'Montréal',
        provinceState: 'QC',
        postalCode: 'H1V 1A1',
        country: 'CA',
      },
      {
        type: 'MAILING',
        line1: 'Succursale Place-d’Armes',
        poBox: 'C.P. 1187',
        city: 'Montréal',
        provinceState: 'QC',
        postalCode: 'H2Y 3K2',
        country: 'CA',
      },
    ],
    programAccounts: [],
  },
  {
    businessNumber: '678901235',
    legalName: "O'Brien & Sons Trading Ltd.",
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: false,
    addresses: [
      {
        type: 'PHYSICAL',
        line1: '88 Hollis Street',
        city: 'Halifax',
        provinceState: 'NS',
        postalCode: 'B3J 1V1',
        country: 'CA',
      },
      {
        type: 'BOOKS_AND_RECORDS',
        line1: '300 Delaware Avenue',
        line2: 'Suite 210',
        city: 'Buffalo',
        provinceState: 'NY',
        postalCode: '14202',
        country: 'US',
      },
    ],
    programAccounts: [],
  },
];

// The well-known service providers and the two named businesses get generated financial records and extra
// accounts from their own seeds, so their profiles above stay readable.
function completeWellKnown(business, index, usedTransactions) {
  const rng = prng(0xbada55 + index);
  const lang = business.legalName.includes('Côté') ? 'fr' : 'en';
  for (const account of business.programAccounts) {
    if (account.accountNumber.slice(9, 11) === 'RM' && !account.transactions) {
      Object.assign(account, financialRecords(rng, lang, account.billingType, usedTransactions));
    }
  }
  if (business.programAccounts.length > 0) return business;
  // Côté-Lévesque and O'Brien: three RM accounts (one closed, one daily notice) and a GST/HST account.
  const address = business.addresses[0];
  const name = business.operatingName ?? business.legalName.replace(/ (Inc|Ltd)\.$/, '');
  const contact =
    lang === 'fr'
      ? {
          name: 'Élise Lévesque',
          title: 'Directrice des finances',
          phone: '514-555-0176',
          email: 'e.levesque@cote-levesque.example',
        }
      : {
          name: 'Owen Gallagher',
          title: 'Controller',
          phone: '902-555-0154',
          email: 'o.gallagher@obrien-sons.example',
        };
  const owner =
    lang === 'fr'
      ? [
          { name: 'Jean-François Côté', role: 'DIRECTOR' },
          { name: 'Élise Lévesque', role: 'SHAREHOLDER' },
        ]
      : [
          { name: "Patrick O'Brien", role: 'DIRECTOR' },
          { name: "Sean O'Brien", role: 'OFFICER' },
        ];
  const rm = (n, billingType, status) => ({
    accountNumber: `${business.businessNumber}RM000${n}`,
    programType: 'IMPORTER',
    name: n === 1 ? name : `${name} (${lang === 'fr' ? 'compte' : 'account'} ${n})`,
    status,
    billingType,
    addresses: [address],
    contacts: [contact],
    owners: owner,
    subPrograms:
      n === 1 ? [{ code: 'CSA', name: lang === 'fr' ? SUB_PROGRAMS[1][2] : SUB_PROGRAMS[1][1] }] : [],
    ...financialRecords(rng, lang, billingType, usedTransactions, { closed: status === 'CLOSED' }),
  });
  business.programAccounts = [
    rm(1, 'MONTHLY_STATEMENT', 'ACTIVE'),
    rm(2, 'DAILY_NOTICE', 'ACTIVE'),
    rm(3, 'MONTHLY_STATEMENT', 'CLOSED'),
    {
      accountNumber: `${business.businessNumber}RT0001`,
      programType: 'GST_HST',
      name,
      addresses: [address],
      contacts: [contact],
    },
  ];
  return business;
}

// ---------------------------------------------------------------------------------------------------------
// Agency invoices and financial security: drawn from a PRNG of their own per account (seeded by the account
// number), so adding them left every earlier record of the file unchanged.

const SURETIES = ['Laurentian Surety Company', 'Trans-Canada Bonding Ltd.', 'Garantie Boréale inc.'];
const BANKS = ['Royal Bank of Canada', 'Banque Nationale du Canada', 'TD Canada Trust'];
const INVOICE_TEXT = [
  ['Release prior to payment: monthly service fee', 'Mainlevée avant paiement : frais de service mensuels'],
  ['Administrative monetary penalty', 'Sanction administrative pécuniaire'],
  ['Special services fee', 'Frais de services spéciaux'],
];

function hashSeed(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function addFinanceRecords(account) {
  if (account.accountNumber.slice(9, 11) !== 'RM') return;
  const rng = prng(hashSeed(account.accountNumber));
  const end = account.status === 'CLOSED' ? addDays(TODAY, -300) : TODAY;
  if (!account.invoices) {
    account.invoices = Array.from({ length: rng.int(0, 3) }, (_, i) => {
      const date = addDays(end, -(i * 31 + rng.int(3, 20)));
      const [en, fr] = rng.pick(INVOICE_TEXT);
      return {
        invoiceNumber: `INV-${date.slice(0, 4)}-${rng.digits(6)}`,
        date,
        description: en,
        descriptionFr: fr,
        amountCents: rng.int(2_500, 150_000),
        dueDate: addDays(date, 30),
        status: i === 0 && account.status !== 'CLOSED' ? 'OUTSTANDING' : 'PAID',
      };
    });
  }
  if (account.financialSecurity === undefined && account.status !== 'CLOSED' && rng.chance(0.75)) {
    const bond = rng.chance(0.7);
    const effectiveDate = addDays(TODAY, -rng.int(60, 1500));
    account.financialSecurity = {
      type: bond ? 'SURETY_BOND' : 'CASH_DEPOSIT',
      amountCents: rng.int(5, 200) * 500_000,
      provider: bond ? rng.pick(SURETIES) : rng.pick(BANKS),
      reference: `${bond ? 'SB' : 'CD'}-${effectiveDate.slice(0, 4)}-${rng.digits(6)}`,
      effectiveDate,
      ...(bond ? { expiryDate: addDays(effectiveDate, 365 * 3) } : {}),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------

const usedBns = new Set(WELL_KNOWN.map((b) => b.businessNumber));
const usedTransactions = new Set(
  WELL_KNOWN.flatMap((b) =>
    b.programAccounts.flatMap((a) => (a.transactions ?? []).map((t) => t.transactionNumber)),
  ),
);
const businesses = [
  ...WELL_KNOWN.map((b, i) => completeWellKnown(b, i, usedTransactions)),
  ...GENERATED.map((spec, i) => generateBusiness(i, spec, usedBns, usedTransactions)),
];

for (const business of businesses) {
  for (const account of business.programAccounts) addFinanceRecords(account);
}

const file = {
  formatVersion: 1,
  // The agency's financial security rule (decision 0044), as the CBSA's release-prior-to-payment practice
  // sets it: 50% of the highest month's assessed duties and taxes over the last 12 months, never below
  // $25,000.00. Changeable by the file.
  securityRequirement: { percentOfHighestMonth: 50, minimumCents: 2_500_000 },
  businesses,
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo.json');
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
console.warn(`wrote ${out}: ${businesses.length} businesses`);
