"""Quote speakers on the shapes real coverage takes: names and titles that nobody says,
words put to someone rather than said by them, and descriptions that name one person."""

from __future__ import annotations

import pytest

from newsprism.comparison.quotes import extract_quotes
from newsprism.comparison.quotes.extract import traced_quotes
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, QuoteOccurrence, RawArticle
from newsprism.nlp.annotation import annotate


def _article(text: str) -> Article:
    settings = Settings.load(cache=False)
    raw = RawArticle(origin="t.txt", text=text, source="t")
    return annotate([prepare(raw, settings)], settings, embed=False)[0]


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text or "": q.speaker_text for q in extract_quotes(_article(text))}


def _one(text: str, needle: str) -> QuoteOccurrence | None:
    found = [q for q in extract_quotes(_article(text)) if needle in (q.text or "")]
    assert len(found) <= 1
    return found[0] if found else None


# --- names, titles and scare quotes get no speaker ---------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a programme in the adjunct of the speech verb
        ('Governor Lena Park said in an interview with "Morning Report" that taxes would fall.', "Morning Report"),
        # a nickname in front of a name, inside the speech verb's subject
        ('Detectives who caught "Night Owl" Martin Cole told reporters on Friday that the case was closed.', "Night Owl"),
        # a term the writer names with "known as"
        ('Senator Ruth Hale said her party could use what is known as the "budget shortcut" to pass the bill.', "budget shortcut"),
    ],
)  # fmt: skip
def test_a_name_in_quote_marks_is_credited_to_no_one(text: str, needle: str) -> None:
    quote = _one(text, needle)
    assert quote is None or quote.speaker_text is None


def test_a_passive_speech_verb_is_not_said_by_its_subject() -> None:
    # "was confirmed" is what the Senate did to the judge; she said nothing here.
    quote = _one('Judge Ann Ward was confirmed 90-8 and "aye" votes have grown rarer since.', "aye")
    assert quote is None or quote.speaker_text is None


# --- words put to someone ---------------------------------------------------------------


def test_a_question_put_to_someone_is_not_credited_to_who_answers() -> None:
    speakers = _speakers(
        'Asked by a reporter, "Did you sign the order?" Grant Miller replied, "I did."'
    )
    assert speakers["Did you sign the order?"] != "Grant Miller"
    assert speakers["I did."] == "Grant Miller"


def test_a_contracted_has_is_not_a_passive() -> None:
    # "she's asked" with an object is "she has asked": the mayor speaks.
    quote = _one(
        'Mayor Nora Bell said she\'s asked the police chief to take a "close look" at the budget.',
        "close look",
    )
    assert quote is not None and quote.speaker_text == "Nora Bell"


# --- which sentence tells who speaks ------------------------------------------------------


def test_a_speech_verb_in_a_subordinate_clause_next_door_introduces_no_quotation() -> None:
    text = (
        "On Monday, the day Paul Grey vowed to stay in the race, Ida Stone mocked his campaign."
        '\n\n"Worst Campaign in the History of our City!" she wrote online.'
    )
    assert _one(text, "Worst Campaign").speaker_text == "Ida Stone"


def test_a_quotation_inside_the_writers_sentence_takes_no_speaker_from_next_door() -> None:
    text = (
        "Coach Dan Ruiz called up Leo Park after the game.\n\n"
        'Park thanked the fans "for standing with us all season long, even in the rain."'
    )
    assert _one(text, "standing with us").speaker_text != "Dan Ruiz"


def test_an_attribution_after_a_quote_that_ends_a_sentence_still_belongs_to_it() -> None:
    text = (
        "Dr. Omar Reyes studied the outbreak for a year.\n\n"
        'Cases rose in the north, and "the south seems to have escaped almost entirely." he said.'
    )
    assert _one(text, "south seems").speaker_text == "Omar Reyes"


# --- descriptions that name one person --------------------------------------------------


def test_the_office_an_article_gives_someone_refers_back_to_them() -> None:
    text = (
        "Rep. Tom Hale met the reporter Jim Cobb outside the hall on Monday.\n\n"
        'Then the congressman, speaking very quietly, said Cobb was "not fair at all" and left.'
    )
    assert _one(text, "not fair").speaker_text == "Tom Hale"


def test_a_lawyers_name_hung_on_the_client_is_still_the_lawyers() -> None:
    text = (
        "A lawyer for Mr. Dale Crane, Peter Voss of Voss & Lane, said that Mr. Crane "
        '"denies every charge" and would fight.'
    )
    assert _one(text, "denies every charge").speaker_text == "Peter Voss"


def test_an_office_before_a_name_tells_who_a_noun_with_an_organization_is() -> None:
    text = (
        "House Speaker Ann Lowe met the president on Monday.\n\n"
        '"We will not pass this bill," the House speaker said on Tuesday.'
    )
    assert _one(text, "pass this bill").speaker_text == "Ann Lowe"


def test_a_spokesman_of_an_agency_is_a_person_not_the_agency() -> None:
    text = (
        "Officials argued for days about the draft.\n\n"
        'A NASA spokesman warned that the plan had "serious flaws."'
    )
    assert _one(text, "serious flaws").speaker_text != "NASA"


def test_a_phrase_in_what_the_verb_says_keeps_its_speaker() -> None:
    # "as" and "of" carry what was said, unlike "in an interview with".
    speakers = _speakers(
        'Mayor Ida Stone described the plan as a "shameful mistake" on Monday. '
        'Chief Tom Ruiz warned of "grave risks" for the city.'
    )
    assert speakers["shameful mistake"] == "Ida Stone"
    assert speakers["grave risks"] == "Tom Ruiz"


def test_a_name_the_tagger_misses_still_speaks_and_is_referred_back_to() -> None:
    # Whatever label the tagger gives "Zephyr's Quill Marlowe", a proper noun that writes is
    # a person, and the "He" of the next sentence.
    text = (
        'A Zephyr official sent tips to the staff. "Change your passwords often," '
        "Zephyr's Quill Marlowe wrote.\n\n"
        'He urged them to use a "long passphrase" for every account.'
    )
    quote = _one(text, "long passphrase")
    assert quote is not None and quote.speaker_text != "Zephyr official"


def test_a_letter_that_speaks_is_its_writers() -> None:
    text = (
        "In a letter sent on Monday, Attorney General Rosa Diaz told two senators that "
        "the program had been reviewed.\n\n"
        'The letter said the committees had been briefed "many times over the past year."'
    )
    assert _one(text, "many times").speaker_text == "Rosa Diaz"


# --- terms inside the writer's noun phrase, hearers, and requests reported by another ----


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said she opposed an "open door" policy on the border.',
        'The report mentions a "Batman" villain who robs banks, the lawyer said.',
    ],
)
def test_a_quoted_noun_that_modifies_the_writers_noun_is_a_term(text: str) -> None:
    assert _speakers(text) == {}


def test_quoted_praise_in_a_reported_clause_stays_the_speakers() -> None:
    assert _speakers('Leah Brown said the deal was a "disaster" for workers.') == {
        "disaster": "Leah Brown"
    }


# --- who a pronoun means when the sentence before names someone else ---------------------


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # a definite role subject keeps the president in focus; the vice president is a
        # companion named further on in that sentence
        (
            "Robert Johnson took office as the new president of the company on Monday, vowing "
            "to cut costs. The president spoke to a packed hall after signing the contract "
            'along with Vice President David Clark. "The time for talk is over," he said.',
            "time for talk",
            "Robert Johnson",
        ),
        # a pronoun subject does the same
        (
            'Tom Baker won the race for mayor on Tuesday. "We did it," he said. He later '
            "thanked volunteers at a rally along with his rival Sam Ortiz. "
            '"This city is one family," he said.',
            "one family",
            "Tom Baker",
        ),
        # a sentence about something else leaves the person named in it in focus
        (
            "Tom Baker won the race for mayor on Tuesday. The award went to Carl Diaz, a "
            'teacher. "I am grateful," he said.',
            "grateful",
            "Carl Diaz",
        ),
    ],
)
def test_a_pronoun_follows_the_subject_that_refers_back(
    text: str, needle: str, speaker: str
) -> None:
    quote = _one(text, needle)
    assert quote is not None and (quote.speaker_text or "").endswith(speaker)


# --- whose wording a phrase is, and what was asked ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "According to the report, Mr. Dale told “senior city party officials” about the funds.",
        "Mr. Dale told “senior city party officials” about the funds, according to the report.",
    ],
)
def test_a_phrase_in_a_sentence_told_according_to_a_source_is_the_sources(text: str) -> None:
    quote = _one(text, "senior city party officials")
    assert quote is not None and quote.speaker_text == "report"


def test_a_whole_quotation_according_to_a_source_is_still_the_speakers() -> None:
    text = "According to the report, Mr. Dale told the board, “We lost the money and I am sorry.”"
    quote = _one(text, "lost the money")
    assert quote is not None and quote.speaker_text == "Dale"


def test_a_question_between_who_asked_and_who_replied_is_the_askers() -> None:
    text = (
        "Asked by one of the mayor’s aides, “Is this the final draft you want to send to the "
        "council,” Mr. Gomez replied with a single word: “Yes.”"
    )
    speakers = _speakers(text)
    assert speakers["Yes."] == "Gomez"
    question = next(k for k in speakers if k.startswith("Is this"))
    assert "…" not in question and speakers[question] != "Gomez"


def test_an_answer_after_asked_about_something_is_the_answerers() -> None:
    quote = _one('Asked about the budget, "We will balance it," Mayor Ann Gomez said.', "balance")
    assert quote is not None and quote.speaker_text == "Ann Gomez"


def test_a_statement_from_a_named_lawyer_is_the_lawyers() -> None:
    speakers = _speakers(
        '"We are disappointed by the decision, but hardly surprised," said the statement from '
        'Grimes’s attorney, Paul Crane. The statement said Grimes "will be cleared" of every '
        "charge."
    )
    assert speakers == {
        "We are disappointed by the decision, but hardly surprised": "Paul Crane",
        "will be cleared": "Paul Crane",
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In 2013, Microsoft was hacked in California, and the company said in a statement "
            'that "all user accounts were affected" by the theft.',
            "Microsoft",
        ),
        # no organization named before it: the description stays
        ('Officials in Texas met on Monday. The company said the plan was "a serious mistake."', "company"),
    ],
)  # fmt: skip
def test_the_company_is_the_organization_named_before_it(text: str, speaker: str) -> None:
    quote = next(iter(_speakers(text).items()))
    assert quote[1] == speaker


# --- who a statement is not from -----------------------------------------------------------


def test_a_speaker_is_never_inside_the_quotation() -> None:
    # "that" leads back to the quoted noun: the plan's name says nothing.
    quote = _one(
        'Mayor Ana Ruiz opened the park. Workers plan a set of "green corridors" that reportedly '
        "call for new trees.",
        "green corridors",
    )
    assert quote is None or quote.speaker_text is None


def test_a_repeated_pronoun_keeps_its_person_past_the_subject_of_what_was_said() -> None:
    text = (
        "Senator Tom Vale spoke on Friday. Amplifying the party's message, he said Ruiz's plan is "
        'dragging down growth - he also claimed the "old promise has become a new burden."'
    )
    assert _one(text, "old promise").speaker_text == "Tom Vale"


def test_a_speech_verb_with_an_unnamed_subject_does_not_lend_the_words_to_another() -> None:
    text = (
        "Ana Ruiz spoke at the plaza as guards stood watch; one warned photographers to "
        '"stay back" during the event.'
    )
    quote = _one(text, "stay back")
    assert quote is None or quote.speaker_text != "Ana Ruiz"


def test_a_phrase_in_a_request_is_the_wording_of_who_reports_the_request() -> None:
    text = (
        'Jo Park, the chief of staff, asked Mr. Lane last year to explore "paths to service" on '
        "an advisory board, the city council said in a statement."
    )
    assert "council" in (_one(text, "paths to service").speaker_text or "")
    # with no one reporting it, the one who asked still speaks
    text = 'Mayor Ann Hill urged residents to use "strong locks" on their doors.'
    assert _one(text, "strong locks").speaker_text == "Ann Hill"


def test_a_programme_named_beside_a_quotation_is_not_glued_to_it() -> None:
    text = 'Ruiz praised a soundtrack fit for an episodic drama like "Homeland" and said the show "gets it right."'
    quotes = extract_quotes(_article(text))
    assert not any("Homeland" in (q.text or "") for q in quotes)
    assert [q.text for q in quotes] == ["gets it right."]
    # a title-cased phrase a speech verb says through the parse is still someone's
    text = 'Tom Vale argued that he took on rivals in "Bill Clinton\'s Arkansas" after the vote.'
    assert _one(text, "Arkansas").speaker_text == "Tom Vale"


def test_a_phrase_set_beside_the_writers_noun_names_it() -> None:
    text = (
        "The agency said Ruiz sent an e-mail to every member on Sunday with the subject "
        'line, "budget talk".'
    )
    quote = _one(text, "budget talk")
    assert quote is None or quote.speaker_text is None
    # what a speech verb calls its object is still said
    text = 'Sen. Tom Vale called Ruiz\'s speech "a tawdry stunt" in a statement.'
    assert _one(text, "tawdry stunt").speaker_text == "Tom Vale"


def test_the_man_is_the_unnamed_man_brought_in_before_not_the_person_named() -> None:
    text = (
        "A young man approached the governor on a sidewalk.\n\nGovernor Ana Ruiz grabbed his arm."
        '\n\nWhen the man asked Ruiz to "please let go of me," she refused.'
    )
    assert _one(text, "please let go").speaker_text == "young man"


def test_an_organization_named_after_a_person_is_not_the_person() -> None:
    text = 'The Vale campaign said that Ms. Ruiz\'s plan "would end the program as we know it" and shift costs.'
    assert _one(text, "would end the program").speaker_text == "Vale campaign"


def test_it_is_the_thing_in_focus_before_an_organization_named_beside_it() -> None:
    text = (
        'The cable warned the office that the Ansar Brigade was "within the city." It said '
        '"requests for more guards have gone unanswered."'
    )
    assert _one(text, "requests for more guards").speaker_text == "cable"
    # a thing that was not speaking is not what "it" says
    text = (
        "Google released the tool on Monday. The decision came after months of delay. "
        'It said "the tool is safe for users."'
    )
    assert _one(text, "tool is safe").speaker_text == "Google"


def test_an_unnamed_subject_inside_what_someone_said_leaves_the_words_to_them() -> None:
    text = 'Gore said they would ask the film studios for a voluntary "cease-fire" in marketing.'
    assert _one(text, "cease-fire").speaker_text == "Gore"


def test_a_lead_s_unnamed_role_is_the_person_named_just_after() -> None:
    text = (
        'The company broke the law and kept "a heavy hand on the market," a federal judge ruled '
        "Monday.\n\nThe judge, Ann Roe of the District Court, sided with the state on most points."
    )
    assert _one(text, "heavy hand").speaker_text == "Ann Roe"


def test_a_statement_never_mentioned_before_is_the_one_just_reported() -> None:
    text = (
        "The ministry's statements last year seemed to end the decree.\n\n"
        'The decree remains in force, "and nothing will change that," the Guards Corps said, '
        'according to a radio report.\n\n"Based on old principles, the ruling is still valid," '
        "the statement said."
    )
    assert _one(text, "old principles").speaker_text == "Guards Corps"


def test_a_name_that_only_owns_a_thing_is_not_who_a_pronoun_means() -> None:
    text = (
        'Speaking on the radio, Senator Tom Vale also attacked Lee for what he called his "total '
        "failure on roads.\" Echoing the Clinton campaign slogan, he said Lee's spending is "
        'hurting towns – he also claimed the "old promise has become a burden."'
    )
    assert _one(text, "old promise").speaker_text == "Tom Vale"


def test_a_thing_that_speaks_is_the_words_of_whoever_acted_with_it() -> None:
    text = (
        "The Vale campaign answered with an ad of its own on Tuesday. The ad says: "
        '"You paid in for years and now you get less."'
    )
    assert _one(text, "You paid in").speaker_text == "Vale campaign"
    # the one a document is about is not its author
    text = 'Stone\'s indictment came after a long inquiry. "He lied to the panel," the indictment said.'
    assert _one(text, "He lied").speaker_text == "indictment"


def test_a_title_with_the_name_in_apposition_is_the_person_named() -> None:
    text = (
        "Senate Democratic Leader Chuck Harmon (D-N.Y.) told Politico that the nominee "
        '"gave no straight answer all day."'
    )
    assert _one(text, "no straight answer").speaker_text == "Chuck Harmon"


# --- works and addressees: words no speech verb says ------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a programme the speech verb addresses, with what was said in its own clause
        ('Ann Lee told "Morning Report" that the bridge was "perfectly safe for cars."', "Morning Report"),
        # a law's name reached through the verb the speech verb reports
        ('The council voted to approve the "Safe Bridges Act" on Monday, Ann Lee said.', "Safe Bridges Act"),
        # a relative clause on a work's name is about it, not said by it
        ('It was a nod to the hero of "The Long Bridge Home," whom the report says Lee admired.', "Long Bridge Home"),
    ],
)  # fmt: skip
def test_a_work_or_an_addressee_is_no_quotation(text: str, needle: str) -> None:
    assert _one(text, needle) is None


def test_the_words_said_to_an_addressee_stay_the_speakers() -> None:
    text = 'Ann Lee told "Morning Report" that the bridge was "perfectly safe for cars."'
    assert _one(text, "perfectly safe").speaker_text == "Ann Lee"


def test_a_short_piece_cut_by_the_attribution_is_part_of_the_quotation() -> None:
    # Three words alone would be a term; the quotation goes on after "he declared".
    text = '"This bridge project," Mayor Ann Lee declared, "stops right here and right now."'
    quote = _one(text, "stops")
    assert quote is not None and quote.speaker_text == "Ann Lee"
    assert quote.text == "This bridge project … stops right here and right now."


def test_a_naming_verb_with_an_agent_is_the_agents_words() -> None:
    quote = _one('Ann Lee was called "a disaster for this state" by Tom Baker.', "disaster")
    assert quote is not None and quote.speaker_text == "Tom Baker"


# --- documents speak for whoever issued them --------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ('The bridge is "in worse shape than anyone admitted," according to a report by the state inspector.', "worse shape", "state inspector"),
        ('The letter, signed by 40 senators, said the plan was "dead on arrival in the Senate."', "dead on arrival", "40 senators"),
        ('House Republicans released a memo on Friday that said the agency had "abused its power for years."', "abused", "House Republicans"),
    ],
)  # fmt: skip
def test_a_document_speaks_for_whoever_issued_it(text: str, needle: str, speaker: str) -> None:
    assert _one(text, needle).speaker_text == speaker


def test_the_document_meant_is_the_one_brought_in_nearest() -> None:
    text = (
        "The Daily Star reported in March that tolls would rise. "
        "A Bridge Safety Board report found on Monday that the repairs were late. "
        '"Without new money, the bridge will close within two years," said the report.'
    )
    assert _one(text, "Without new money").speaker_text == "Bridge Safety Board"


# --- who speaks for whom, and relatives ---------------------------------------------------


def test_someone_who_speaks_for_a_person_is_not_that_person() -> None:
    text = (
        "Mayor Ann Lee was out of town on Monday. "
        'Lee\'s spokesman said the mayor was "fully committed to the plan."'
    )
    assert _one(text, "committed").speaker_text == "Lee's spokesman"


def test_a_person_whose_colleague_speaks_is_not_the_speaker() -> None:
    # The tagger types "Varga's" as an organization here; the article names Varga a person.
    text = (
        "Rep. Dale Varga faced new calls to resign on Tuesday.\n\n"
        '"His conduct is unbecoming of a member of this House," Varga\'s colleague said.'
    )
    assert _one(text, "unbecoming").speaker_text == "Varga's colleague"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # "as X once said" credits the words over the pronoun that says them
        ("Referees are servants of the game, as commissioner Dana Pruitt once said, and they "
         'call "what they see, not what they hope."', "what they see", "Dana Pruitt"),
        # "as X put it" is a credit
        ('As Sen. Orla Finch put it on Tuesday, the bill is "a gift to the lenders."',
         "gift to the lenders", "Orla Finch"),
        # a named speaker keeps the words: "as X said" then only agrees with them
        ('As Gov. Ray Lund said last year, Mayor Ida Cole called the dam "a lifeline."',
         "lifeline", "Ida Cole"),
    ],
)  # fmt: skip
def test_as_someone_said_credits_the_sentence(text: str, needle: str, speaker: str) -> None:
    assert _one(text, needle).speaker_text == speaker


def test_a_joined_clause_with_a_subject_of_its_own_is_that_subjects() -> None:
    text = (
        "Rep. Owen Tarrant returned on Monday.\n\n"
        'Tarrant\'s office first said the account was "hacked," but the congressman has since '
        'taken to calling the episode a "bad joke."'
    )
    assert _one(text, "bad joke").speaker_text in ("Tarrant", "Owen Tarrant")


def test_a_role_a_place_gives_is_the_person_who_holds_it() -> None:
    text = (
        "Schools will reopen in March, Dr. Anita Fauvel said Thursday.\n\n"
        "The nation's top infectious disease expert called the plan "
        '"a careful first step."'
    )
    assert _one(text, "careful first step").speaker_text == "Anita Fauvel"


def test_relatives_who_share_a_surname_keep_their_own_titles() -> None:
    text = (
        "Gov. Tom Hale and his son, Mark Hale, spoke at the rally. "
        '"My son will serve the state well," the governor said.'
    )
    assert _one(text, "serve").speaker_text == "Tom Hale"


# --- how a speaker was found, and words cut off with their credit --------------------------


def test_each_quotation_tells_how_its_speaker_was_found() -> None:
    text = (
        'Rep. Tom Vance said the vote would be "very close" on Thursday. '
        '"We need every member in the room."\n\n'
        'Asked about the delay, Sen. Ada Moss was blunt: "It is a disgrace."'
    )
    paths = {o.text: a.path if a else None for o, a in traced_quotes(_article(text))}
    assert paths == {
        "very close": "verb",
        "We need every member in the room.": "sentence before",
        "It is a disgrace.": "colon",
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # cut off, after a paragraph that tells what she did: their credit was cut
        ("Sen. Dana Ruiz announced her opposition to the bill on Monday.\n\n"
         '"Nobody in this chamber has read the last two hundred pages of it...', None),
        # cut off, after a report of what they said in its own words
        ("The governors said there would be no new tolls.\n\n"
         '"Our compact was written in good faith by people who disagree...', None),
        # cut off after a closing comma: the credit after it was cut
        ("The governors said there would be no new tolls.\n\n"
         '"Our compact was written in good faith," ...', None),
        # whole, after a report of what he said: his, as wire copy writes it
        ("Senate leader Tom Lutz said the matter was closed.\n\n"
         '"The trouble with the resolution is that the Senate is tired."', "Tom Lutz"),
        # cut off, after a report that quotes her: the quotation goes on
        ('Gov. Ann Reed called the ruling "a gift to polluters" on Friday.\n\n'
         '"We will appeal it, and we will win...', "Ann Reed"),
        # cut off, after a report that says nothing of its own
        ("Mayor Lena Ortiz spoke to reporters outside City Hall on Tuesday.\n\n"
         '"We will rebuild every home on this street...', "Lena Ortiz"),
    ],
)  # fmt: skip
def test_cut_off_words_take_the_speaker_before_only_from_a_report_that_hands_over(
    text: str, speaker: str | None
) -> None:
    last = extract_quotes(_article(text))[-1]
    assert last.speaker_text == speaker


# --- words about a person are not that person's words ----------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the carried speaker is who the words speak of, in the third person only
        ("Sen. Hal Brody said on Monday that he would keep his seat.\n\n"
         '"His votes have shamed this state, and he knows it."', None),
        # the carried speaker is named in the words
        ("Mayor Rita Vance said on Friday that the pool would stay closed.\n\n"
         '"Vance has never once asked the swimmers what they need."', None),
        # a pronoun credit resolved to the one the words are about
        ("Sen. Hal Brody said on Monday that he would keep his seat.\n\n"
         '"His votes have shamed this state," he said.', None),
        # the speaker speaks of himself in the first person: his words
        ("Sen. Hal Brody said on Monday that he would keep his seat.\n\n"
         '"Let them audit me. I have nothing to hide."', "Hal Brody"),
        # someone else is in reach for the pronoun to mean
        ("Mayor Rita Vance spoke about the new fire chief, Dan Pruitt, on Friday.\n\n"
         '"He has already cut the response times in half."', "Rita Vance"),
    ],
)  # fmt: skip
def test_a_carried_speaker_the_words_are_about_is_not_who_says_them(
    text: str, speaker: str | None
) -> None:
    assert extract_quotes(_article(text))[-1].speaker_text == speaker


def test_a_pronoun_subject_is_not_the_one_its_verb_asks() -> None:
    text = (
        "Sen. Ruth Hale sat beside Rep. Tom Alder at the hearing on Tuesday. He asked the "
        'senator whether she would "back the bill a second time."'
    )
    assert _one(text, "second time").speaker_text == "Tom Alder"


# --- titles and terms ------------------------------------------------------------------


def test_a_programme_right_after_told_is_who_was_told() -> None:
    speakers = _speakers('"The numbers do not lie," Gov. Eva Lund told "Face the State" on Sunday.')
    assert speakers == {"The numbers do not lie": "Eva Lund"}


def test_a_work_inside_according_to_names_the_source() -> None:
    text = (
        'The minister knew of the leak in March, according to chapters of "Quiet Rooms," a '
        "book by the journalist Ada Finch."
    )
    quote = _one(text, "Quiet Rooms")
    assert quote is None or quote.speaker_text is None


def test_a_by_phrase_the_parser_hangs_on_the_quoted_word_is_the_agent() -> None:
    text = (
        "The singer talked about her first tour on the podcast, in remarks that were called "
        '"careless" by fans.'
    )
    quote = _one(text, "careless")
    assert quote is not None and quote.speaker_text == "fans"


# --- groups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "they" after people named together is all of them
        ("Dr. Ann Roe and Dr. Tim Lee resigned from the board on Tuesday. "
         '"We could not sign the report," they said.', "Ann Roe and Dr. Tim Lee"),
        # "the couple" is the people named together before it
        ("Mara Quist and Leo Quist bought the farm in 1990.\n\n"
         "The couple sold it this spring.\n\n"
         '"We are too old for the winters," they wrote to neighbors.', "Mara Quist and Leo Quist"),
        # people named together beside a noun for them are that noun
        ("The novelists Ruth Adler and Sam Adler closed their bookshop on Friday. "
         '"Forty years was enough," they wrote.', "Ruth Adler and Sam Adler"),
        # a person and a body together: "they" may be either
        ("Mayor Ann Roe and the city council clashed on Tuesday. "
         '"We will not give up the pool," they said.', None),
    ],
)  # fmt: skip
def test_they_is_the_people_named_together(text: str, speaker: str | None) -> None:
    assert extract_quotes(_article(text))[-1].speaker_text == speaker


def test_an_announcement_just_reported_is_its_writers() -> None:
    text = (
        "Mara Quist and Leo Quist announced their divorce on Monday.\n\n"
        '"We have decided to part," they wrote.\n\n'
        'The announcement concluded, "We will keep running the school together."'
    )
    assert _one(text, "running the school").speaker_text == "Mara Quist and Leo Quist"


def test_a_friend_who_texts_is_who_speaks() -> None:
    text = 'The storm reached the coast by noon.\n\n"Get out of town now," a cousin texted this morning.'
    assert _one(text, "Get out of town").speaker_text == "cousin"


def test_sources_of_a_body_are_people_not_the_body() -> None:
    quote = _one(
        'White House sources told reporters that the deal was "all but done."', "all but done"
    )
    assert quote is not None and quote.speaker_text == "White House sources"


# --- misparses, and things that speak inside someone's report ---------------------------


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # a verb the parser takes for the subject names no one
        ('"I will vote against the bill," the senior Ohio Republican wrote wrote in an essay '
         "for a Columbus paper.", "vote against the bill", None),
        # "it" is a subject in focus, not a place named inside a phrase
        ("A key passage of the memo on the militias in Mosul seemed to predict the raid.\n\n"
         '"The post cannot be defended against a coordinated assault," it said.',
         "cannot be defended", None),
        # a thing's relative clause inside what someone reports is that someone's account
        ("A dismissed Navy commander said on Sunday that the ministry had shown sailors a film "
         'that claimed the old officers were "traitors."', "traitors", "Navy commander"),
        ("State Attorney General Dana Whitlow said in a filing with the court that the 2001 "
         'ruling and a later 2009 decision that upheld it were both "badly reasoned" and should '
         "be reversed.", "badly reasoned", "Dana Whitlow"),
    ],
)  # fmt: skip
def test_the_speaker_the_parse_gives_through_a_clause(
    text: str, needle: str, speaker: str | None
) -> None:
    quote = _one(text, needle)
    assert quote is not None
    found = quote.speaker_text
    assert found is None if speaker is None else (found or "").endswith(speaker)
