/**
 * Words of reported speech (see src/facts/statements.ts): the verbs that
 * attribute a statement, and the words a speaker may be named by.
 */

/** Verbs that say someone spoke, in the past or present tense ("said", "says", "pointed out"). */
export const SPEECH_VERBS = [
  'said',
  'says',
  'told',
  'tells',
  'noted',
  'notes',
  'added',
  'adds',
  'stated',
  'states',
  'warned',
  'warns',
  'stressed',
  'stresses',
  'emphasized',
  'emphasised',
  'emphasizes',
  'emphasises',
  'underlined',
  'underscored',
  'highlighted',
  'pointed out',
  'remarked',
  'explained',
  'declared',
  'announced',
  'affirmed',
  'reaffirmed',
  'assured',
  'recalled',
  'commented',
  'observed',
  'reiterated',
  'mentioned',
  'replied',
  'answered',
  'insisted',
  'argued',
  'admitted',
  'acknowledged',
  'confirmed',
  'claimed',
  'believes',
  'expressed',
  'continued',
  'concluded',
  'asserted',
  'maintained',
  'urged',
] as const;

/**
 * Verbs that only attribute words in quote marks ("…," expressed the minister):
 * after them a reported clause is not a statement ("expressed hope for…").
 */
export const QUOTE_ONLY_VERBS = new Set(['expressed', 'continued', 'urged']);

/** Verbs that report a clause without "that" ("Tokayev said the treaty…", "told reporters the…"). */
export const BARE_CLAUSE_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds']);

/** The verbs as one alternation, longest first so "pointed out" wins over a shorter word. */
export const VERB_PATTERN = [...SPEECH_VERBS]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(' ', '\\s+'))
  .join('|');

/** Words that may stand between a speaker and the verb ("Tokayev also said"). */
export const ADVERB_PATTERN =
  '(?:also|further|particularly|especially|then|later|again|once again|specifically|in turn|in particular|separately|repeatedly|earlier|previously|recently|firmly|strongly|clearly|notably)';

/** Words that make a phrase a person's title: "the Minister", "the head of the delegation". */
export const TITLE_WORDS = new Set([
  'president',
  'minister',
  'premier',
  'leader',
  'head',
  'chairman',
  'chairwoman',
  'chair',
  'ambassador',
  'envoy',
  'diplomat',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'secretary',
  'governor',
  'mayor',
  'deputy',
  'official',
  'director',
  'chief',
  'adviser',
  'advisor',
  'counterpart',
  'king',
  'emir',
  'sultan',
  'chancellor',
  'commissioner',
  'representative',
  'speaker',
  'senator',
  'ceo',
  'founder',
  'expert',
  'analyst',
  'economist',
  'professor',
  'guest',
  'interlocutor',
]);

/** Words that make a subject a group or an institution, not a person who spoke. */
export const NOT_A_SPEAKER = new Set([
  'parties',
  'sides',
  'ministers',
  'leaders',
  'presidents',
  'heads',
  'delegations',
  'officials',
  'participants',
  'interlocutors',
  'ministry',
  'government',
  'committee',
  'agency',
  'bureau',
  'service',
  'office',
  'administration',
  'press',
  'report',
  'reports',
  'statement',
  'data',
  'statistics',
  'document',
  'declaration',
  'agreement',
  'treaty',
  'study',
  'survey',
  'source',
  'sources',
  'media',
  'website',
  'company',
  'bank',
  'council',
  'commission',
  'organization',
  'organisation',
  'union',
  'embassy',
  'it',
  'they',
  'we',
  'both',
  'which',
  'who',
  'this',
  'that',
]);
