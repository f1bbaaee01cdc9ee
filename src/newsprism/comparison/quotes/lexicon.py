"""The words speaker resolution reads: pronouns, titles that tell a gender, nouns that name a
person by role, and what an organization issues in writing."""

from __future__ import annotations

PERSON_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
# Every form of the third-person singular for a person, and of the first-person singular:
# who speaks of themselves uses the second, never the first.
THIRD_PERSON = {
    **PERSON_PRONOUNS,
    "his": "male",
    "himself": "male",
    "hers": "female",
    "herself": "female",
}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Words in front of a name that tell the person's gender.
MALE_TITLES = frozenset(
    "mr mr. sir king prince lord spokesman chairman congressman councilman businessman "
    "father son brother husband uncle grandfather dad man".split()
)
FEMALE_TITLES = frozenset(
    "mrs mrs. ms ms. miss madam queen princess lady spokeswoman chairwoman congresswoman "
    "councilwoman businesswoman mother daughter sister wife aunt grandmother actress mom "
    "woman".split()
)
# Nouns that name a person by role; "the top diplomat said" refers back to a named person.
ROLE_NOUNS = frozenset(
    "president leader diplomat minister secretary spokesman spokeswoman spokesperson "
    "official chairman chairwoman chair chief ambassador envoy senator governor mayor "
    "general premier chancellor king queen prince candidate lawmaker director executive "
    "founder commander negotiator lawyer attorney prosecutor judge coach manager "
    "officer adviser advisor aide representative congressman congresswoman investigator "
    "observer analyst expert witness resident native man woman dad mom father mother "
    "wife husband son daughter brother sister widow widower actor actress author activist "
    "singer reporter journalist writer columnist economist scientist researcher doctor "
    "physician nurse teacher professor student victim suspect defendant plaintiff survivor "
    "billionaire entrepreneur anchor comedian musician athlete pastor priest bishop rabbi "
    "imam veteran soldier sheriff commissioner superintendent historian strategist pollster "
    "donor nominee challenger incumbent owner publisher editor producer filmmaker source".split()
)
# Singular nouns for people together, whom "they" refers back to ("the couple … they").
COUPLES = frozenset("couple pair duo trio".split())
# Nouns that name an organization by its kind; "the company said" refers back to one named.
ORG_NOUNS = frozenset(
    "company firm corporation agency department ministry organization group committee "
    "network airline bank union".split()
)
# Possessive determiners that make a role noun point at one known person ("his wife").
OWNERS = frozenset({"his", "her", "their"})
# Nouns for what an organization or a person issues in writing ("a statement issued by X").
ISSUED = frozenset(
    "statement communique release letter declaration message note report memo tweet post "
    "email announcement".split()
)
# Verbs whose subject makes what they act on: "X released a memo that said" is X's memo.
ISSUING_VERBS = frozenset("release issue send write publish post sign draft file".split())
TITLE_WORDS = ROLE_NOUNS | frozenset(
    "mr mrs ms dr prof sen rep gov gen adm col lt sgt capt rev sir dame lord lady pope "
    "sheikh justice pm ceo".split()
)
# Lowercase words that belong inside names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("von van der den de da di du la le bin ibn al el".split())
# Spellings of one office: a title before a name and the noun that refers back to it.
ROLE_ALIASES = {
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "sen": "senator",
    "gov": "governor",
    "gen": "general",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
}
# Verbs that, as a participle ("a group called X", "what is known as X", "a bill titled
# X"), give a name: the words they govern are a name, nobody's speech.
NAMING_VERBS = frozenset("call name dub nickname title entitle label term know brand".split())
# Nouns for words as words: what is quoted beside them ("the word "negligent"", "the
# group's slogan, "Country First"") is the word named, nobody's speech.
NAMING_NOUNS = frozenset(
    "word term phrase expression slogan motto label name nickname hashtag catchphrase".split()
)
# Lemmas of verbs that introduce reported speech. "demand", "want" and the like are
# left out on purpose: their objects are what someone asked for, not their words.
SPEECH_VERBS = frozenset(
    "say tell announce insist add note state declare explain claim argue assert stress "
    "emphasize emphasise reiterate repeat confirm deny warn acknowledge admit concede "
    "remark comment reply respond answer ask write tweet post describe call suggest "
    "predict promise vow pledge urge recall observe hint joke quip exclaim shout complain "
    "boast contend maintain mention recount speak testify conclude caution lament "
    "proclaim affirm allege continue agree point disclose reveal report rule cry protest "
    "indicate object chant yell scream whisper mutter retort text".split()
)
# Verbs that judge in words: the quoted words they govern are their subject's ("accused the
# governor of "lying"", "blasted the plan as "cruel""). They say nothing of a quotation next
# door, so they count only for the words that hang from them.
JUDGING_VERBS = frozenset(
    "accuse blast praise mock criticize criticise slam condemn denounce decry dismiss hail "
    "laud applaud commend thank blame fault chide scold rebuke ridicule deride lambaste "
    "characterize characterise portray brand label".split()
)
