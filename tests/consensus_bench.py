"""A bench of sentence pairs written for this project: two outlets' sentences about one story,
and whether a reader would call them one statement ("several outlets report") or two.

The judgments follow the Facts section of benchmarks/compare_real/RULES.md: the same
happening and the same main statement, even in other words (a copula either way round, the
passive, a noun for the verb, another name of the same person, a number written another
way, "at least 23" / 23, another value of the same attribute, a piece of the other's
quotation); not the same topic, people or story while each states something else (a bill's
provision beside its passing, a vow beside the plan, two sentences of one speech, the news
beside a past event of the same kind, a refusal to say whether X beside X, one verb with
other participants, the same participants doing something else, one night's count beside the
next night's, a reaction beside what it reacts to, one idea in two people's words, named
members beside a count they do not make, what a statement concedes beside the statement, a
claim stated beside its rejection).

Each report opens with a sentence of its own unless the case says the two sentences are the
reports' leads, so that a pair is judged as a sentence inside a report. The sentences are
invented; no case is taken from a data set. Run this file to print the bench's precision and
recall of linking and the cases it gets wrong.
"""

from __future__ import annotations

from typing import Any

# (class, first outlet's sentence, second outlet's sentence, one statement, the two leads)
Case = tuple[str, str, str, bool, bool]

PUBLISHED = "2026-03-04T15:00:00+00:00"  # a Wednesday
OPENINGS = (
    "Reporters from around the region gathered downtown as the news spread.",
    "Residents crowded into the town hall to hear from local officials.",
)

SAME: list[Case] = [
    # --- a copula either way round ------------------------------------------------
    (
        "copula",
        "The only senator to vote against the plan was Carla Ortiz.",
        "Sen. Carla Ortiz was the only senator who voted against the plan.",
        True,
        False,
    ),
    (
        "copula",
        "The gunman was a 24-year-old former employee of the plant, police said.",
        "Police said a 24-year-old former employee of the plant was the gunman.",
        True,
        False,
    ),
    (
        "copula",
        "The cause of the fire was a faulty heater, the fire department said.",
        "A faulty heater was the cause of the blaze, according to the fire department.",
        True,
        False,
    ),
    (
        "copula",
        "Twelve of the victims were children.",
        "Twelve children were among the victims.",
        True,
        False,
    ),
    (
        "copula",
        "The winner of the lottery jackpot was a retired teacher from Dayton.",
        "A retired teacher from Dayton was the winner of the lottery jackpot.",
        True,
        False,
    ),
    # --- passive and active -------------------------------------------------------
    (
        "voice",
        "Police arrested a 31-year-old man in connection with the shooting on Tuesday.",
        "A 31-year-old man was arrested by police on Tuesday in connection with the shooting.",
        True,
        False,
    ),
    (
        "voice",
        "The Senate confirmed Maria Lopez as labor secretary on Monday.",
        "Maria Lopez was confirmed by the Senate as labor secretary on Monday.",
        True,
        False,
    ),
    (
        "voice",
        "The storm destroyed more than 200 homes along the coast.",
        "More than 200 homes along the coast were destroyed by the storm.",
        True,
        False,
    ),
    (
        "voice",
        "A federal judge blocked the state's new voting law on Friday.",
        "The state's new voting law was blocked Friday by a federal judge.",
        True,
        False,
    ),
    (
        "voice",
        "Firefighters rescued two children from the burning building.",
        "Two children were rescued from the burning building by firefighters.",
        True,
        False,
    ),
    # --- a noun for the verb ------------------------------------------------------
    (
        "nominalization",
        "The council approved the budget on Tuesday by a vote of 7-2.",
        "The council's approval of the budget came on Tuesday in a 7-2 vote.",
        True,
        False,
    ),
    (
        "nominalization",
        "Governor Tom Reyes resigned on Monday amid a bribery investigation.",
        "The resignation of Gov. Tom Reyes on Monday came amid a bribery investigation.",
        True,
        False,
    ),
    (
        "nominalization",
        "The company announced on Wednesday that it will close its plant in Dayton.",
        "The closure of the Dayton plant was announced by the company on Wednesday.",
        True,
        False,
    ),
    (
        "nominalization",
        "The two sides agreed to a ceasefire late Sunday.",
        "A ceasefire agreement between the two sides was reached late Sunday.",
        True,
        False,
    ),
    # --- other names of one person ------------------------------------------------
    (
        "names",
        "Sen. Carla Ortiz introduced a bill on Tuesday to ban the sale of the drug.",
        "Ortiz, a Democrat from Nevada, introduced legislation Tuesday that would ban sales "
        "of the drug.",
        True,
        False,
    ),
    (
        "names",
        'Robert "Bobby" Kane was sentenced to 12 years in prison on Thursday.',
        "Bobby Kane was sentenced Thursday to 12 years in prison.",
        True,
        False,
    ),
    (
        "names",
        "The nominee, Judge Alan Price, promised senators he would respect precedent.",
        "Alan Price promised the committee that he would respect precedent.",
        True,
        False,
    ),
    (
        "names",
        "Mayor Dana Whitfield declared a state of emergency on Sunday.",
        "Dana Whitfield, the city's mayor, declared a state of emergency Sunday.",
        True,
        False,
    ),
    (
        "names",
        "The president signed the measure into law on Friday.",
        "President Helen Marsh signed the bill into law Friday.",
        True,
        False,
    ),
    # --- a number written two ways, a vaguer number --------------------------------
    (
        "numbers",
        "Twelve people were injured in the crash.",
        "The crash injured 12 people.",
        True,
        False,
    ),
    (
        "numbers",
        "The city will spend $1.5 million on the new park.",
        "The city will spend 1.5 million dollars on the new park.",
        True,
        False,
    ),
    (
        "numbers",
        "About a dozen protesters were detained outside the embassy.",
        "Police detained 12 protesters outside the embassy.",
        True,
        False,
    ),
    (
        "numbers",
        "At least 23 people were killed when the building collapsed.",
        "The collapse of the building killed 23 people.",
        True,
        False,
    ),
    (
        "numbers",
        "At least 40 homes were damaged by the tornado.",
        "The tornado damaged 40 homes, officials said.",
        True,
        False,
    ),
    # --- the same attribute, another value -----------------------------------------
    (
        "values",
        "Thirty-one people died in the fire, the fire chief said.",
        "The fire killed 27 people.",
        True,
        False,
    ),
    (
        "values",
        "The strike began on Monday, the union said.",
        "The strike began on Tuesday morning.",
        True,
        False,
    ),
    (
        "values",
        "The old bridge was built in 1962.",
        "The old bridge was built in 1958.",
        True,
        False,
    ),
    (
        "values",
        "Rescuers pulled 150 people from the water.",
        "Rescuers had pulled 156 survivors from the water by Thursday evening.",
        True,
        False,
    ),
    (
        "another value",
        "Consumer prices climbed 3.1 percent in March from a year earlier.",
        "The consumer price index rose 3.1% in March compared with a year ago.",
        True,
        False,
    ),
    (
        "another value",
        "The jobless rate ticked up to 5.4% in May.",
        "The unemployment rate rose to 5.4 percent last month, the Labor Department said.",
        True,
        False,
    ),
    # --- a quotation and a piece of it, or it reported ----------------------------
    (
        "quotation",
        '"We will rebuild this town, and we will do it together," Whitfield said.',
        '"We will rebuild this town," the mayor said.',
        True,
        False,
    ),
    (
        "quotation",
        '"This is a dark day for our state," Reyes said in a statement.',
        'Reyes called it "a dark day for our state."',
        True,
        False,
    ),
    (
        "quotation",
        '"Nobody is above the law," said Attorney General Ruth Okafor.',
        'Okafor told reporters that "nobody is above the law."',
        True,
        False,
    ),
    (
        "quotation",
        "Ortiz said she would vote against the bill.",
        '"I will vote against this bill," Ortiz said.',
        True,
        False,
    ),
    (
        "quotation",
        "The company said it had fired the manager.",
        '"We have fired the manager," a company spokesman said.',
        True,
        False,
    ),
    # --- the central event in each outlet's own verb (the leads) --------------------
    (
        "leads",
        "A passenger train derailed near Brandon on Sunday, killing four people.",
        "Four people died when a passenger train left the tracks near Brandon on Sunday.",
        True,
        True,
    ),
    (
        "leads",
        "The House passed a bill on Thursday that would raise the minimum wage to $15 an hour.",
        "House lawmakers voted Thursday to raise the federal minimum wage to $15 an hour.",
        True,
        True,
    ),
    # --- other words for one act ----------------------------------------------------
    (
        "wording",
        "The suspect fled the scene in a stolen car.",
        "The suspect escaped from the scene in a stolen car.",
        True,
        False,
    ),
    (
        "wording",
        "The plane landed safely in Denver.",
        "The plane, with 150 passengers aboard, landed safely in Denver after an engine "
        "failed shortly after takeoff.",
        True,
        False,
    ),
    (
        "wording",
        "The school will remain closed until Monday.",
        "Officials said the school will remain closed until Monday while the damage is repaired.",
        True,
        False,
    ),
    (
        "wording",
        "Investigators found a gas leak in the basement, the fire chief said.",
        "A gas leak was found in the basement, according to the fire chief.",
        True,
        False,
    ),
    (
        "wording",
        "The jury found Kane guilty of fraud.",
        "Kane was convicted of fraud by a jury.",
        True,
        False,
    ),
    (
        "wording",
        "The union rejected the company's latest offer on Saturday.",
        "On Saturday, union members turned down the company's latest offer.",
        True,
        False,
    ),
    (
        "wording",
        "Ortiz won the primary with 54 percent of the vote.",
        "Ortiz took 54 percent of the vote to win the primary.",
        True,
        False,
    ),
    (
        "wording",
        "The storm knocked out power to 300,000 customers.",
        "About 300,000 customers lost power in the storm.",
        True,
        False,
    ),
    (
        "wording",
        "The company will cut 500 jobs at its factory in Toledo.",
        "About 500 workers will lose their jobs at the company's Toledo factory.",
        True,
        False,
    ),
    (
        "wording",
        "Officials evacuated 2,000 residents from the flooded area.",
        "Some 2,000 residents were evacuated from the flooded area.",
        True,
        False,
    ),
    (
        "wording",
        "The museum reopened to the public on Saturday after two years of renovation.",
        "After a two-year renovation, the museum opened its doors to the public again on Saturday.",
        True,
        False,
    ),
    (
        "wording",
        "The court ruled 5-4 that the law was unconstitutional.",
        "In a 5-4 decision, the court struck down the law as unconstitutional.",
        True,
        False,
    ),
    (
        "wording",
        "Kane pleaded not guilty to all charges on Friday.",
        "On Friday, Kane entered a plea of not guilty to all the charges.",
        True,
        False,
    ),
    (
        "wording",
        "The hospital said three of the injured were in critical condition.",
        "Three of the injured were in critical condition, according to the hospital.",
        True,
        False,
    ),
    (
        "wording",
        "The governor vetoed the spending bill on Friday.",
        "On Friday the governor vetoed the state's spending bill, saying it cost too much.",
        True,
        False,
    ),
    # --- two leads: one act, told actively, passively or as expected ----------------
    (
        "leads",
        "Mayor Ana Ruiz is expected to announce a new housing plan for Dunmore on Friday.",
        "Mayor Ana Ruiz plans to unveil a sweeping housing plan for Dunmore on Friday.",
        True,
        True,
    ),
    (
        "leads",
        "Senator Paul Hart was defeated on Tuesday by a first-time candidate.",
        "Lena Ward, a first-time candidate, defeated Senator Paul Hart on Tuesday.",
        True,
        True,
    ),
    (
        "leads",
        "Dana Cole took the oath of office on Friday as the city's mayor.",
        "Dana Cole was sworn in as mayor of the city on Friday.",
        True,
        True,
    ),
    # --- a list of named participants that adds up to the count ------------------------
    (
        "part and whole",
        "Arizona, Ohio and Utah will lose seats in the House after the census.",
        "Three states will lose seats in the House after the census.",
        True,
        False,
    ),
    # --- a contrast after the statement is a statement of its own ----------------------
    (
        "concession",
        "Prices rose sharply in April, while wages fell for the third month in a row.",
        "Wages fell for the third straight month in April.",
        True,
        False,
    ),
    # --- one verb with the same participants -------------------------------------
    (
        "participants",
        "Federal agents arrested the former aide at his home before dawn on Friday.",
        "The former aide was arrested by FBI agents at his Florida home on Friday.",
        True,
        False,
    ),
    (
        "participants",
        "Investigators found the second package in a mail facility in Florida.",
        "The FBI said the second package was found at a Florida mail facility.",
        True,
        False,
    ),
    # --- what one says in a statement is said ---------------------------------------
    (
        "weighed",
        "The plant will close in June, the company said.",
        "The company said in a statement that the plant will close in June.",
        True,
        False,
    ),
]

APART: list[Case] = [
    # --- a bill's provision beside its passing --------------------------------------
    (
        "provision",
        "The Senate passed the farm bill on Thursday by a vote of 68-32.",
        "The farm bill would cut subsidies for large farms by $5 billion over ten years.",
        False,
        False,
    ),
    (
        "provision",
        "The House approved the gun measure on Tuesday.",
        "The gun measure, which requires background checks for all sales, also bans "
        "high-capacity magazines.",
        False,
        False,
    ),
    (
        "provision",
        "The House passed the highway bill on Wednesday, 240-190.",
        "The highway bill, which passed the House 240-190, lets states set their own speed limits.",
        False,
        False,
    ),
    # --- a vow beside the plan, a plan beside its defence --------------------------
    (
        "vow",
        "Governor Tom Reyes said he is considering an executive order to end the program.",
        'Reyes vowed Thursday that the program will end "one way or another."',
        False,
        True,
    ),
    (
        "vow",
        "The mayor has proposed a tax on sugary drinks.",
        "The mayor promised on Monday to fight any court challenge to the drinks tax.",
        False,
        False,
    ),
    # --- two sentences of one speech ------------------------------------------------
    (
        "speech",
        '"We will not raise taxes on working families," Ortiz said.',
        '"We will bring good jobs back to working families in this state," Ortiz said.',
        False,
        False,
    ),
    (
        "speech",
        '"Our schools are failing our children," Reyes said.',
        '"I will hire 5,000 new teachers for our schools in my first year," Reyes said.',
        False,
        False,
    ),
    (
        "speech",
        '"The economy is stronger than it has been in a decade," the president said.',
        '"We still have work to do to make the economy work for everyone," the president said.',
        False,
        False,
    ),
    (
        "speech",
        '"We will not back down from this fight," Dunn said.',
        '"We will see them in court, and we will win," Dunn said.',
        False,
        False,
    ),
    (
        "speech",
        "Whitfield said the city would rebuild the bridge within two years.",
        "Whitfield said the bridge collapse was caused by years of neglect.",
        False,
        False,
    ),
    # --- the news beside a past event of the same kind -----------------------------
    (
        "past",
        "Ortiz announced Tuesday she will run for governor.",
        "Ortiz ran for governor in 2018 and lost narrowly.",
        False,
        False,
    ),
    (
        "past",
        "The river flooded the town on Monday, forcing hundreds to flee.",
        "The river last flooded the town in 1997, destroying dozens of homes.",
        False,
        False,
    ),
    (
        "past",
        "Kane was arrested on Tuesday on fraud charges.",
        "Kane was arrested in 2015 on drunk driving charges.",
        False,
        False,
    ),
    (
        "past",
        "A tanker spilled oil into the bay on Sunday.",
        "In 2010, another tanker spilled 2 million gallons of oil into the same bay.",
        False,
        False,
    ),
    (
        "past",
        "The ferry sank on Wednesday after being hit by a large wave.",
        "Another ferry sank in 1987 after colliding with a tanker.",
        False,
        False,
    ),
    # --- a refusal to say whether X beside X ------------------------------------------
    (
        "whether",
        "The company declined to say whether its servers were breached.",
        "The company's servers were breached last week, investigators said.",
        False,
        False,
    ),
    (
        "whether",
        "Police would not say whether the suspect was armed.",
        '"He was armed and dangerous," a witness said of the suspect.',
        False,
        False,
    ),
    (
        "whether",
        "The ministry refused to confirm whether the minister had resigned.",
        "The minister resigned on Monday, two aides said.",
        False,
        False,
    ),
    # --- one verb, other participants ---------------------------------------------------
    (
        "participants",
        "Police arrested the driver of the truck.",
        "Police arrested two protesters outside the courthouse.",
        False,
        False,
    ),
    (
        "participants",
        "Ortiz criticized the governor's budget.",
        "Reyes criticized the senator's proposal.",
        False,
        False,
    ),
    (
        "participants",
        "The Senate approved the defense bill.",
        "The Senate approved the nomination of Maria Lopez.",
        False,
        False,
    ),
    (
        "participants",
        "The storm hit Florida on Monday.",
        "The storm hit Georgia on Tuesday.",
        False,
        False,
    ),
    (
        "participants",
        "Whitfield met with the families of the victims on Sunday.",
        "Whitfield met with union leaders on Sunday.",
        False,
        False,
    ),
    # --- the same participants, another act -----------------------------------------------
    (
        "act",
        "Ortiz endorsed Reyes for governor.",
        "Ortiz criticized Reyes over the budget.",
        False,
        False,
    ),
    (
        "act",
        "The board hired Anna Bell as chief executive in 2019.",
        "The board praised Anna Bell for her work as chief executive.",
        False,
        False,
    ),
    (
        "act",
        "Kane sued the newspaper for defamation.",
        "Kane threatened a reporter from the newspaper.",
        False,
        False,
    ),
    (
        "act",
        "The company hired a law firm to investigate the leak.",
        "The company's data was leaked on Friday.",
        False,
        False,
    ),
    (
        "act",
        "Ortiz voted for the bill in committee.",
        "Ortiz spoke against the bill on the Senate floor.",
        False,
        False,
    ),
    # --- one night's count beside the next night's ----------------------------------------
    (
        "nights",
        "On Friday night, police arrested 45 protesters.",
        "Police arrested 30 more protesters on Saturday night.",
        False,
        False,
    ),
    (
        "nights",
        "The virus killed 12 people on Monday.",
        "The virus killed another 15 people on Tuesday.",
        False,
        False,
    ),
    (
        "the time of another",
        "When the mayor announced the curfew on Monday, shop owners on Main Street were furious.",
        "The mayor announced a citywide curfew on Monday.",
        False,
        False,
    ),
    (
        "the time of another",
        "Within hours of the governor signing the bill, protesters gathered outside the capitol.",
        "The governor signed the bill into law on Thursday.",
        False,
        True,
    ),
    (
        "another occasion",
        "Police released additional video of the arrest on Wednesday.",
        "Police showed reporters video of the arrest hours after it happened.",
        False,
        True,
    ),
    (
        "another occasion",
        "The senator issued another statement on the shooting on Friday.",
        "The senator issued a statement on the shooting on Thursday night.",
        False,
        False,
    ),
    # --- a reaction beside what it reacts to ----------------------------------------------
    (
        "reaction",
        "Police arrested a suspect in the bombing on Friday.",
        "The mayor praised police for quickly arresting a suspect in the bombing.",
        False,
        False,
    ),
    (
        "reaction",
        "The court struck down the law on Monday.",
        "Reyes criticized the court's decision to strike down the law.",
        False,
        False,
    ),
    (
        "reaction",
        "The House voted to impeach the judge.",
        'Ortiz called the House vote to impeach the judge a "disgrace."',
        False,
        False,
    ),
    # --- one idea in two people's words -----------------------------------------------
    (
        "speakers",
        '"This bill will cost jobs," Ortiz said.',
        '"This bill will destroy jobs," said Sen. Mark Dunn.',
        False,
        False,
    ),
    (
        "speakers",
        "Reyes said the report should be released in full.",
        "Dunn demanded that the report be released in full.",
        False,
        False,
    ),
    (
        "speakers",
        "Reyes said the tax cuts would pay for themselves.",
        "Economists at the university said the tax cuts would not pay for themselves.",
        False,
        False,
    ),
    # --- an offer beside a demand ---------------------------------------------------
    (
        "quantities",
        "The company offered a 3 percent raise.",
        "The union is demanding a 6 percent raise.",
        False,
        False,
    ),
    (
        "quantities",
        "The city offered the team $200 million for a new stadium.",
        "The team has asked the city for $350 million for the stadium.",
        False,
        False,
    ),
    (
        "quantities",
        "The plant employs 1,200 people.",
        "The plant will lay off 300 workers.",
        False,
        False,
    ),
    # --- an event beside what came of it ---------------------------------------------
    (
        "sequel",
        "A man shot three people at a shopping mall on Saturday.",
        "The man was charged on Monday with three counts of attempted murder.",
        False,
        False,
    ),
    (
        "sequel",
        "The committee could issue subpoenas as early as next week.",
        "The committee issued subpoenas to three former officials on Tuesday.",
        False,
        False,
    ),
    (
        "sequel",
        "Whitfield is expected to announce her decision on Monday.",
        "Whitfield announced on Monday that she will not seek re-election.",
        False,
        False,
    ),
    (
        "sequel",
        "Lawmakers debated the bill for six hours on Monday.",
        "Lawmakers passed the bill on Tuesday.",
        False,
        False,
    ),
    (
        "sequel",
        "The strike could last for weeks, union leaders warned.",
        "The strike ended on Friday.",
        False,
        False,
    ),
    (
        "sequel",
        "Reyes has denied any wrongdoing.",
        "Reyes was indicted on bribery charges on Thursday.",
        False,
        False,
    ),
    # --- background beside the news -------------------------------------------------
    (
        "background",
        "Ortiz, a former prosecutor, was elected to the Senate in 2014.",
        "Ortiz was elected chair of the committee on Tuesday.",
        False,
        False,
    ),
    (
        "background",
        "The president spoke at a factory in Ohio on Tuesday.",
        "The president signed the trade bill on Tuesday.",
        False,
        False,
    ),
    (
        "background",
        "The bill would raise the minimum wage to $15 by 2030.",
        "The bill faces strong opposition in the Senate.",
        False,
        False,
    ),
    (
        "background",
        "Investigators are still searching for the cause of the crash.",
        "The crash killed all 80 people on board.",
        False,
        False,
    ),
    (
        "background",
        "Kane resigned as chairman in March.",
        "Kane was named chairman in 2019.",
        False,
        False,
    ),
    # --- two leads: one party acts upon another, or acts when something else happened ---
    (
        "acted on",
        "A divided Supreme Court on Tuesday weighed whether states may bar drivers from "
        "filming police officers.",
        "The Justice Department and a group of Ohio police unions urged a skeptical Supreme "
        "Court to let states ban the filming of officers on duty.",
        False,
        True,
    ),
    (
        "acted on",
        "Residents booed Governor Lee Park on Wednesday when Park laid out a plan for the "
        "Harbor Pier.",
        "Governor Lee Park on Wednesday unveiled a plan to rebuild the Harbor Pier.",
        False,
        True,
    ),
    (
        "acted on",
        "When Governor Lee Park announced a plan to rebuild the Harbor Pier last week, many "
        "residents were surprised.",
        "Governor Lee Park on Wednesday detailed how the state would pay for a new pier.",
        False,
        True,
    ),
    # --- a part beside the whole: named members beside a count they do not make ---------
    (
        "part and whole",
        "Arizona, Ohio and Utah will each lose a seat in the House after the census.",
        "Thirteen states will gain or lose seats in the House after the census.",
        False,
        False,
    ),
    (
        "part and whole",
        "Police arrested Dana Cole, Lee Park and Sam Ortiz at the scene.",
        "Police arrested nine people at the scene.",
        False,
        False,
    ),
    # --- what a statement is set against: a clause opening with "although" or "while" ---
    (
        "concession",
        "Although the mayor closed the shelter in the spring, the number of people sleeping "
        "outside fell this year.",
        "The mayor closed the downtown shelter after a fire inspection.",
        False,
        False,
    ),
    (
        "concession",
        "While critics have claimed that the agency ignored the warnings, the agency's director "
        "said the report reached her only last week.",
        "The agency ignored repeated warnings about the dam, the report found.",
        False,
        False,
    ),
    # --- one verb, the object another's ----------------------------------------------
    (
        "participants",
        "The state has cut $40 million from the transit budget, the governor's office said.",
        "The governor's plan would cut the housing program by $25 million, critics said.",
        False,
        False,
    ),
    (
        "participants",
        "The new rules cut overtime pay for nurses at the county hospital.",
        "Hospital managers cut the night shift at the county hospital last month.",
        False,
        False,
    ),
    # --- two leads sharing the doer, another act --------------------------------------
    (
        "leads",
        "Sen. Maria Lopez testified before the veterans committee on Thursday about the "
        "delays at the hospitals.",
        "Sen. Maria Lopez angered her critics on Thursday when she called the hospital delays "
        "a scandal during a committee hearing.",
        False,
        True,
    ),
    # --- a claim stated beside its rejection --------------------------------------------
    (
        "weighed",
        "The shelter closed because the city ran out of money, the mayor's office said.",
        "Council members disputed the mayor's claim that the shelter closed because the city "
        "ran out of money.",
        False,
        False,
    ),
    (
        "weighed",
        "The fire started in a faulty heater in the basement, the landlord said.",
        "Tenants rejected the landlord's claim that the fire started in a faulty heater in the "
        "basement.",
        False,
        False,
    ),
]

CASES: list[Case] = SAME + APART


def reports(case: Case) -> tuple[str, str]:
    """The two outlets' reports of a case: each sentence after an opening of its own, or
    alone when the two are the reports' leads."""
    _, first, second, _, leads = case
    if leads:
        return first, second
    return f"{OPENINGS[0]}\n\n{first}", f"{OPENINGS[1]}\n\n{second}"


def annotated(cases: list[Case]) -> list[tuple[Any, Any]]:
    """The two reports of every case, annotated in one batch."""
    from newsprism.config import Settings
    from newsprism.ingest.prepare import prepare
    from newsprism.model import RawArticle
    from newsprism.nlp.annotation import annotate

    settings = Settings.load()
    raws = [
        prepare(
            RawArticle(origin=f"{n}-{side}", source=side, text=text, published=PUBLISHED), settings
        )
        for n, case in enumerate(cases)
        for side, text in zip(("First", "Second"), reports(case), strict=True)
    ]
    articles = annotate(raws, settings)
    return [(articles[2 * n], articles[2 * n + 1]) for n in range(len(cases))]


def linked(pair: tuple[Any, Any]) -> bool:
    """Whether `align_facts` puts the two reports' sentences (not their openings) into one
    shared fact."""
    from newsprism.comparison.align import align_facts
    from newsprism.nlp import resolve_times
    from newsprism.nlp.entities import resolve_entities

    articles = list(pair)
    times = {a.id: resolve_times(a) for a in articles}
    facts = align_facts(articles, resolve_entities(articles), (), times)

    def told(fact: Any, article: Any) -> bool:
        return any(
            s.article == article.id and (s.text or "").strip() not in OPENINGS
            for s in fact.sentences
        )

    return any(
        fact.kind == "consensus" and told(fact, articles[0]) and told(fact, articles[1])
        for fact in facts
    )


def main() -> None:
    found = [(case, linked(pair)) for case, pair in zip(CASES, annotated(CASES), strict=True)]
    true_links = sum(1 for case, link in found if link and case[3])
    links = sum(1 for _, link in found if link)
    precision = true_links / links if links else 1.0
    recall = true_links / len(SAME)
    print(f"{len(SAME)} same, {len(APART)} apart; linked {links}, of them right {true_links}")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    for case, link in found:
        if link != case[3]:
            verdict = "linked, two statements" if link else "not linked, one statement"
            print(f"  [{case[0]}] {verdict}: {case[1]!r} / {case[2]!r}")


if __name__ == "__main__":
    main()
