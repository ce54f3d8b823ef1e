// `npm run common-passwords -w server`: writes server/reference-data/common-passwords.txt, the list of common
// passwords that the password rules refuse (case-insensitively). Only entries that meet every other rule
// are kept: the rest are refused anyway. The sources are the usual leaked-password favourites written to
// fit the rules (Password1, Qwerty123...) and what people in Canada build from a word and a number:
// seasons and months (English and French) with a year, cities, provinces and sports teams with digits.
// A spec checks the shipped file equals this generator's output. It is a data file, one password a line, read
// lazily by the server (modules/credentials/common-passwords.ts) and fetched in a chunk of its own by the client.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPassword } from '../common/rules/credential-rules.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Written as people type them: they already have an uppercase letter, a lowercase letter and a digit. */
const FAVOURITES = words(`
Password1 Password12 Password123 Password1234 Password!1 Password1! Passw0rd Passw0rd! Passw0rd1
P@ssw0rd P@ssw0rd1 P@ssword1 P@ssword123 Pa$$w0rd Pa$$word1 Pass1234 Pass12345 Pass@123 Password01
Qwerty123 Qwerty1234 Qwerty12 Qwerty1! Qwertyuiop1 Qwerty123! Azerty123 Azerty1234 Azertyuiop1
Welcome1 Welcome123 Welcome1! Welc0me1 Abc12345 Abcd1234 Abcd@1234 Abc123456 Aa123456 Aa12345678
Zaq12wsx 1Qaz2wsx Zaq1Xsw2 1q2w3e4R Q1w2e3r4 Q1w2e3r4t5 Admin123 Admin1234 Administrator1 Changeme1
Changeme123 Letmein1 Letmein123 Iloveyou1 Iloveyou2 Test1234 Test12345 Testing123 Trustno1
Monkey123 Dragon123 Master123 Shadow123 Sunshine1 Princess1 Football1 Baseball1 Superman1 Batman123
Starwars1 Pokemon1 Hello123 Hello1234 Secret123 Computer1 Internet1 Freedom1 Whatever1 Michael1
Jennifer1 Jordan23 Charlie1 Bonjour1 Bonjour123 Soleil123 Motdepasse1 Motdepasse123 Jetaime1
Jetaime123 Doudou123 Loulou123 Chocolat1 Canada123 Canada2024 Hockey123 Montreal1 Toronto1
Ottawa123 Maple123 Poutine1 Beaver123
`);

/** Words people add a number to. */
const WORDS = words(`
password welcome qwerty azerty letmein iloveyou monkey dragon sunshine princess football baseball
hockey soccer basketball master shadow superman batman starwars pokemon freedom whatever michael
jennifer jordan charlie jessica daniel thomas nicolas alexandre gabriel samuel bonjour soleil
motdepasse chocolat doudou loulou amour jetaime admin changeme secret computer internet hello
family maple beaver poutine passe salut coucou cheval chien chat tigre lapin
`);

/** Cities, provinces and the country. */
const PLACES = words(`
canada quebec ontario alberta manitoba montreal toronto ottawa vancouver calgary edmonton winnipeg
halifax gatineau laval longueuil mississauga brampton hamilton london victoria regina saskatoon
kingston windsor sherbrooke moncton fredericton saguenay levis
`);

/** Sports teams (and their cheers). */
const TEAMS = words(`
canadiens habs gohabsgo leafs mapleleafs goleafsgo senators oilers flames canucks jets bruins
rangers nordiques raptors bluejays expos alouettes redblacks argonauts roughriders stampeders
tigercats blueBombers lions elks
`);

const SEASONS = words(`
spring summer autumn fall winter printemps automne hiver
`);

const MONTHS = words(`
january february march april may june july august september october november december janvier
fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
`);

const FIRST_YEAR = 2015;
const LAST_YEAR = 2030;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));
const DIGIT_SUFFIXES = ['1', '12', '123', '1234', '12345', '123456', '1!', '123!', '01', '99', '007'];

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Keeps an entry only when every rule but "not common" accepts it (no username involved). */
function meetsOtherRules(candidate: string): boolean {
  return checkPassword(candidate).every((check) => check.id === 'notCommon' || check.passed);
}

/** The list, deduplicated case-insensitively, in a stable order. */
export function buildCommonPasswordList(): string[] {
  const candidates: string[] = [...FAVOURITES];
  for (const word of [...WORDS, ...PLACES, ...TEAMS]) {
    for (const suffix of DIGIT_SUFFIXES) candidates.push(capitalize(word) + suffix);
  }
  for (const word of [...PLACES, ...TEAMS, ...SEASONS, ...MONTHS]) {
    for (const year of YEARS) {
      candidates.push(
        capitalize(word) + year,
        `${capitalize(word)}${year}!`,
        capitalize(word) + year.slice(2),
      );
    }
  }
  const seen = new Set<string>();
  const list: string[] = [];
  for (const candidate of candidates) {
    const key = candidate.toLowerCase();
    if (seen.has(key) || !meetsOtherRules(candidate)) continue;
    seen.add(key);
    list.push(candidate);
  }
  return list;
}

/** The data file: one password a line. */
export function renderCommonPasswordsFile(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}

const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference-data/common-passwords.txt',
);

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const list = buildCommonPasswordList();
  writeFileSync(target, renderCommonPasswordsFile(list));
  console.warn(`wrote ${path.relative(process.cwd(), target)} (${list.length} passwords)`);
}
