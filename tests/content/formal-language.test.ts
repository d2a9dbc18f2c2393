import { RESOURCES } from '../../lambda/speech/i18n';
import { spokenStrings } from '../helpers/strings';

/**
 * German and US Spanish speak to the person formally ("Sie", "usted"), in words a native speaker of
 * that region expects, and the one-shot cramp path stays short in every language.
 */

/**
 * A whole word or phrase. JavaScript's `\b` only knows ASCII letters, so it finds a boundary inside
 * "túmbese" or before "ü"; these boundaries know every letter.
 */
const word = (alternatives: string, flags = 'iu'): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);

/** What the person is told to say to Alexa ("Alexa, öffne Calf Coach", "Alexa, abre Calf Coach") is said to Alexa, who is addressed informally. */
const TO_ALEXA = /Alexa,[^.?!]*[.?!]?/g;
const toThePerson = (text: string): string => text.replace(TO_ALEXA, ' ');

interface Rule {
  readonly why: string;
  readonly pattern: RegExp;
}

/** "Sagen sie", "können sie": the formal "Sie" written as "sie" (she, they). */
const LOWERCASE_SIE = new RegExp(
  `(?<![\\p{L}])(?:${[
    'sagen',
    'können',
    'möchten',
    'fühlen',
    'spüren',
    'bleiben',
    'nehmen',
    'setzen',
    'legen',
    'stellen',
    'rufen',
    'gehen',
    'lassen',
    'halten',
    'hören',
    'ziehen',
    'strecken',
    'wickeln',
    'streichen',
  ]
    .map((verb) => `[${verb[0]?.toUpperCase() ?? ''}${verb[0] ?? ''}]${verb.slice(1)}`)
    .join('|')}) sie(?![\\p{L}])`,
  'u',
);

const GERMAN: readonly Rule[] = [
  {
    why: 'informal pronoun (du, dich, dir, dein…, euch)',
    pattern: word('du|dich|dir|dein\\p{L}*|euch|euer\\p{L}*'),
  },
  {
    why: 'informal imperative to the person ("erzähl mir", "setz dich")',
    pattern: word(
      'erzähl|erzähle mir|sag mir|mach|hör auf|nimm|setz|leg|stell|zieh|streck|ruf|geh|bleib|lass|schau|hol',
    ),
  },
  { why: 'formal "Sie" written in lower case', pattern: LOWERCASE_SIE },
  // "wund" is broken, raw skin: a calf that aches is "schmerzend". Lower case only, so the noun "Wunde" passes.
  {
    why: '"wund" for a sore calf (it means broken skin)',
    pattern: word('wund|wunde|wundem|wunden|wunder|wundes', 'u'),
  },
  { why: '"wunde Wade"', pattern: word('wunden? Waden?') },
  {
    why: 'a bruise is "einen Bluterguss", not a plural or a feminine',
    pattern: word(
      'k?einen Blutergüss\\p{L}*|k?einem Blutergüss\\p{L}*|eine Blutergüss\\p{L}*|k?eine Bluterguss',
    ),
  },
  { why: '"Bluterguß" is the old spelling', pattern: word('Bluterguß\\p{L}*') },
  { why: 'a tear is "ein Muskel- oder Sehnenriss", not a bare "Riss"', pattern: word('einen Riss') },
];

const SPANISH: readonly Rule[] = [
  {
    why: 'informal pronoun (tú, te, ti, contigo, tu, tus, vos)',
    pattern: word('tú|te|ti|contigo|tu|tus|vos'),
  },
  {
    why: 'informal verb form addressed to the person',
    pattern: word(
      [
        'repite|repítelo|repítemelo|di|dime|cuéntame|cuéntale|dile|haz|pon|ponte|oye',
        'puedes|tienes|quieres|estás|eres|necesitas|sientes|debes|haces|sabes|vas|has',
        'dijiste|sentiste|corriste|estuviste|tuviste|pudiste|quisiste|hiciste',
        'siéntate|acuéstate|túmbate|levántate|relájate|cuídate|quédate|tómate|apóyate|párate|inclínate|estírate',
      ].join('|'),
    ),
  },
  { why: '"túmbese" is Spain: in the US, "acuéstese"', pattern: word('túmbese|tumbarse|tumbad[oa]s?') },
  { why: '"agujetas" is Spain: in the US, "dolor muscular"', pattern: word('agujetas?') },
  { why: '"matrona" is Spain: in the US, "partera" or the hospital', pattern: word('matronas?') },
  { why: '"tirón" sounds like a strain in US Spanish', pattern: word('tirón|tirones') },
  { why: '"conducir" is Spain: in the US, "manejar"', pattern: word('conduzca|conducir|conduce') },
  {
    why: '"Bienvenido" is masculine only: "Le damos la bienvenida"',
    pattern: new RegExp('(?<![\\p{L}])(?<!la )bienvenid[oa]s?(?![\\p{L}])', 'iu'),
  },
  {
    why: 'masculine- or feminine-only words to the person ("cuando esté listo", "usted mismo")',
    pattern: word(
      'est[éá] list[oa]s?|est[éá] preparad[oa]s?|usted mism[oa]|quédese sentad[oa]|quédese acostad[oa]',
    ),
  },
  { why: '"o diga para si quiere terminar" is heard as "for if"', pattern: word('diga para si') },
  { why: 'one minute is "Queda un minuto", singular', pattern: word('quedan un[oa]?') },
  { why: '"Diez más" says ten of what? "Diez segundos más"', pattern: word('diez más') },
];

const LANGUAGES = { de: GERMAN, es: SPANISH } as const;

const problems = (rules: readonly Rule[], texts: readonly { key: string; text: string }[]): string[] =>
  texts.flatMap(({ key, text }) =>
    rules
      .filter(({ pattern }) => pattern.test(toThePerson(text)))
      .map(({ why }) => `${key}: ${why}: "${text}"`),
  );

describe.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])('%s', (lng) => {
  const strings = spokenStrings(RESOURCES[lng]);

  it('reads every string', () => {
    expect(strings.length).toBeGreaterThan(200);
  });

  it('speaks formally, in the words of the region, with no known mistranslation', () => {
    expect(problems(LANGUAGES[lng], strings)).toEqual([]);
  });
});

describe('the patterns', () => {
  const flag = (rules: readonly Rule[], text: string): boolean =>
    problems(rules, [{ key: 'k', text }]).length > 0;

  it.each([
    'Hast du Schmerzen?',
    'Erzähl mir mehr.',
    'Setz dich hin.',
    'Sagen sie weiter.',
    'Die Wade kann wund sein.',
    'Legen Sie ihn auf die wunde Wade.',
    'Ist eine Wade geschwollen oder hat sie einen Blutergüsse?',
    'Das kann auf einen Riss hindeuten.',
  ])('German: flag "%s"', (text) => {
    expect(flag(GERMAN, text)).toBe(true);
  });

  it.each([
    'Sie können sagen: weiter, wiederholen, zurück, mehr dazu oder Pause.',
    'Wenn Sie so weit sind, sagen Sie: Alexa, öffne Calf Coach.',
    'Sagen Sie: Alexa, frag Calf Coach nach einer Dehnung vor dem Schlafen.',
    'Sie haben keine Dehn-Erinnerung von mir.',
    'Oder hat sie einen Bluterguss?',
    'Die Wade hat keine Blutergüsse.',
    'Das kann auf einen Muskel- oder Sehnenriss hindeuten.',
    'Direkt danach ist eine offene Wunde zu versorgen.',
  ])('German: pass "%s"', (text) => {
    expect(flag(GERMAN, text)).toBe(false);
  });

  it.each([
    'Puede decir siguiente, repite, atrás o para.',
    'Cuéntame más.',
    '¿Puedes estirar?',
    'Si tienes dolor, para.',
    'Te voy a guiar.',
    'Siéntese o túmbese.',
    'Tener agujetas es normal.',
    'Pregunte a su matrona.',
    'el tirón de los dedos',
    'No conduzca usted mismo.',
    'Bienvenido a Calf Coach.',
    'Cuando esté listo, diga siguiente.',
    'Diga siguiente, o diga para si quiere terminar.',
    'Quedan un minuto.',
    'Diez más.',
  ])('Spanish: flag "%s"', (text) => {
    expect(flag(SPANISH, text)).toBe(true);
  });

  it.each([
    'Le doy la bienvenida a Calf Coach.',
    'Cuando quiera, diga: Alexa, abre Calf Coach.',
    'Diga: Alexa, pide a Calf Coach estiramientos antes de dormir.',
    '¿Tiene la orina oscura, como té o refresco de cola?',
    'Siga. Si le duele, pare. El dolor sigue empeorando.',
    'Puede decir siguiente, otra vez, atrás o parar.',
    'Queda un minuto. Diez segundos más.',
    'Así se estira el músculo acalambrado.',
  ])('Spanish: pass "%s"', (text) => {
    expect(flag(SPANISH, text)).toBe(false);
  });
});

describe('the one-shot cramp path to the first stretch', () => {
  /** Everything said before the first stretch starts: the not-advice line, two questions, the stretch, its cue, "Hold." */
  const KEYS = [
    'start.cramp',
    'screen.emergencySigns',
    'screen.injuryOrClot',
    'routines.cramp.steps.toePull.instruction',
    'cue.stretch',
    'hold.start.stretch',
  ] as const;
  // 35 before "did this start with" (facts §5 decision 1) and the full toe-pull wording (§2.1) came back.
  const MAX_WORDS = 45;

  /** What must still be said, however short: every symptom asked about, and that it is not medical advice. */
  const MUST_SAY = {
    en: [
      /not medical advice/i,
      /chest pain/i,
      /trouble breathing/,
      /faint/,
      /injury/,
      /pop/,
      /swollen/,
      /hot/,
      /\bred\b/,
      /darker/,
    ],
    de: [
      /keine medizinische Beratung/i,
      /Brustschmerz|Schmerzen in der Brust/,
      /Atemnot/,
      /Ohnmacht/,
      /Verletzung/i,
      /Knacken/,
      /geschwollen/,
      /heiß/,
      /gerötet|\brot/,
      /dunkler/,
    ],
    es: [
      /no es (un )?consejo médico/i,
      /dolor (de|en el) pecho/i,
      /falta de aire|cuesta respirar/,
      /desmay/,
      /lesión/i,
      /chasquido/,
      /hinchad/,
      /caliente/,
      /roj[ao]/,
      /más oscura/,
    ],
  } as const;

  const path = (lng: keyof typeof MUST_SAY): string[] => {
    const texts = new Map(spokenStrings(RESOURCES[lng]).map(({ key, text }) => [key, text]));
    return KEYS.map((key) => texts.get(key) ?? `(missing ${key})`);
  };

  it.each(Object.keys(MUST_SAY) as (keyof typeof MUST_SAY)[])(
    `%s: at most ${String(MAX_WORDS)} words, counted as spoken`,
    (lng) => {
      const words = path(lng)
        .join(' ')
        .split(/\s+/)
        .filter((w) => w !== '');
      expect([lng, words.length <= MAX_WORDS, words.length]).toEqual([lng, true, words.length]);
      expect(path(lng).filter((text) => text.startsWith('(missing'))).toEqual([]);
    },
  );

  it.each(Object.keys(MUST_SAY) as (keyof typeof MUST_SAY)[])(
    '%s: every symptom and "not medical advice" are still there',
    (lng) => {
      const said = path(lng).join(' ');
      expect(MUST_SAY[lng].filter((pattern) => !pattern.test(said))).toEqual([]);
    },
  );
});

describe('the wall stretch, as in English: hands on the wall, the left foot back', () => {
  it('German', () => {
    const text = RESOURCES.de.routines.afterRun.steps.wallStretch.instruction;
    expect(text).toMatch(/Stellen Sie sich vor eine Wand und stützen Sie sich mit beiden Händen ab\./);
    expect(text).toMatch(/linken Fuß/);
  });
  it('Spanish', () => {
    const text = RESOURCES.es.routines.afterRun.steps.wallStretch.instruction;
    expect(text).toMatch(/las dos manos/);
    expect(text).toMatch(/pie izquierdo/);
  });
});
