"""More cases for the attribution bench (`attribution_bench.py`): shapes of long US political
stories and of UK and wire copy that the first cases do not cover. Same format: (group,
report with paragraphs split by blank lines, {words inside a quotation: speaker or None}).
The sentences are invented; no case is taken from a data set."""

from __future__ import annotations

Case = tuple[str, str, dict[str, str | None]]

LONG_CASES: list[Case] = [
    # --- a quotation running over paragraphs: no closing mark until a later one ----------
    (
        "across",
        "Sen. Carla Whitfield opened the hearing with a warning.\n\n"
        '"This committee has waited eleven months for these documents,'
        " and we will not wait another day.\n\n"
        '"If the department does not comply by Friday, we will issue subpoenas," Whitfield said.',
        {"waited eleven months": "Carla Whitfield", "comply by Friday": "Carla Whitfield"},
    ),
    (
        "across",
        'Speaking at a union hall in Toledo, Gov. Reid Ostrander said: "Nobody in this room '
        "asked for the plant to close.\n\n"
        '"Nobody in this room was asked, either."\n\n'
        "The company has said the closure was unavoidable.",
        {"asked for the plant": "Reid Ostrander", "was asked, either": "Reid Ostrander"},
    ),
    (
        "across",
        "The defense secretary, Paul Haverford, was asked about the strike on Tuesday.\n\n"
        '"We followed every procedure we have.\n\n'
        '"We will review them anyway, because that is what a serious military does."',
        {"every procedure": "Paul Haverford", "serious military": "Paul Haverford"},
    ),
    (
        "across",
        'In her speech, Rep. Dana Molloy said the party had "lost its way on trade.\n\n'
        '"We told workers the jobs would come back. They did not," she said.',
        {"lost its way on trade": "Dana Molloy", "jobs would come back": "Dana Molloy"},
    ),
    (
        "across",
        "Investigators spent the night at the crash site.\n\n"
        '"We recovered the flight data recorder at about 3 a.m.," said Miriam Oduya, who leads '
        "the safety board's team.\n\n"
        '"It is damaged, but we expect to read it."\n\n'
        "The airline has not commented.",
        {"flight data recorder": "Miriam Oduya", "expect to read it": "Miriam Oduya"},
    ),
    (
        "across",
        "The senator's statement was long.\n\n"
        '"I have served this state for 24 years," Sen. Harold Kitt wrote. "I never took a dollar '
        "I did not report.\n\n"
        '"The allegations are false, and I will prove it."',
        {
            "served this state": "Harold Kitt",
            "took a dollar": "Harold Kitt",
            "prove it": "Harold Kitt",
        },
    ),
    (
        "across",
        "Judge Lorna Betts read her ruling from the bench.\n\n"
        '"The government had every opportunity to make its case.\n\n'
        '"It chose not to," Betts said, "and the court cannot make it for them."',
        {"every opportunity": "Lorna Betts", "chose not to": "Lorna Betts"},
    ),
    # --- a second speaker brought in mid-paragraph ------------------------------------
    (
        "second",
        '"The bill is dead," said Sen. Ross Calloway, a Republican from Kansas, but Sen. Irene '
        'Pak, a Democrat, said "nothing is dead until the session ends."',
        {"bill is dead": "Ross Calloway", "nothing is dead": "Irene Pak"},
    ),
    (
        "second",
        'Speaker Tom Garber called the vote "a victory for families." Minority leader Ellen '
        'Drury said it was "a gift to insurers."',
        {"victory for families": "Tom Garber", "gift to insurers": "Ellen Drury"},
    ),
    (
        "second",
        '"We were ready," fire chief Omar Sadiq said, while the city manager, Lyle Brandt, '
        'insisted that "every engine was out."',
        {"We were ready": "Omar Sadiq", "every engine was out": "Lyle Brandt"},
    ),
    (
        "second",
        'Trade talks broke up on Friday. "There is no deal," said the U.S. negotiator, Kim '
        'Alder. Her counterpart, Luis Ferrer, told reporters: "We are closer than she says."',
        {"There is no deal": "Kim Alder", "closer than she says": "Luis Ferrer"},
    ),
    (
        "second",
        'Mayor Nina Ortega defended the budget. "It\'s balanced," she said. Councilman Abe '
        'Stroud was not convinced. "It balances on paper," he said.',
        {"It's balanced": "Nina Ortega", "balances on paper": "Abe Stroud"},
    ),
    (
        "second",
        'Coach Bill Tanner said his team had "nothing left." His quarterback, Dev Morris, '
        'disagreed: "We had plenty left. We just ran out of time."',
        {"nothing left": "Bill Tanner", "ran out of time": "Dev Morris"},
    ),
    # --- "he added", "she continued" after another person's quotation ----------------
    (
        "added",
        'Gov. Helen Marsh said the state would appeal. "We think the judge got it wrong," she '
        'said.\n\n"This is not over," she added.',
        {"judge got it wrong": "Helen Marsh", "not over": "Helen Marsh"},
    ),
    (
        "added",
        '"The system worked," said Police Commissioner Raúl Ibarra. Ibarra\'s deputy, Jane Kopp, '
        'said officers had "acted within minutes." "We will learn from it anyway," Ibarra added.',
        {
            "system worked": "Raúl Ibarra",
            "acted within minutes": "Jane Kopp",
            "learn from it": "Ibarra",
        },
    ),
    (
        "added",
        'Senate Majority Leader Ray Dunn spoke first. "We have the votes," Dunn said.\n\n'
        'Sen. Alma Price, a Democrat, called that "wishful thinking."\n\n'
        '"We will see on Tuesday," Dunn continued.',
        {"have the votes": "Ray Dunn", "wishful thinking": "Alma Price", "see on Tuesday": "Dunn"},
    ),
    (
        "added",
        "Rep. Carl Owens praised the deal. His rival in the primary, Beth Yates, said it "
        '"sells out our farmers."\n\n"She has not read it," Owens said. "She should."',
        {
            "sells out our farmers": "Beth Yates",
            "has not read it": "Carl Owens",
            "She should": "Carl Owens",
        },
    ),
    (
        "added",
        '"The numbers are clear," said Ana Souza, an economist at the Brookfield Institute. '
        '"Wages are rising faster than prices," she added.',
        {"numbers are clear": "Ana Souza", "faster than prices": "Ana Souza"},
    ),
    # --- a pronoun across a paragraph break ---------------------------------------------
    (
        "break",
        "Attorney General Maya Lund announced the charges at a news conference in Denver.\n\n"
        '"No one in this state is above the law," she said.',
        {"No one in this state": "Maya Lund"},
    ),
    (
        "break",
        "The president met with Chancellor Olaf Brenner on Thursday. Brenner left without "
        "speaking to reporters.\n\n"
        'Later, in a radio interview, he said the meeting had been "frank and useful."',
        {"frank and useful": "Olaf Brenner"},
    ),
    (
        "break",
        "Sen. Lydia Crane, who chairs the panel, has pushed for the hearing for months.\n\n"
        "The agency's director, Mark Feld, is expected to testify.\n\n"
        '"I want answers," Crane said. "The public wants answers."',
        {"I want answers": "Lydia Crane", "public wants answers": "Lydia Crane"},
    ),
    (
        "break",
        "Jorge Ruiz, 52, lost his home in the fire.\n\n"
        '"I had 20 minutes to get out," he said. "I took my dog and my mother\'s photographs."',
        {"20 minutes to get out": "Jorge Ruiz", "my dog": "Jorge Ruiz"},
    ),
    (
        "break",
        "Kathleen Morrow became the first woman to lead the port authority in March.\n\n"
        "Since then, the authority has cut wait times by a third.\n\n"
        '"We had to start with the trucks," she said.',
        {"start with the trucks": "Kathleen Morrow"},
    ),
    # --- according to X --------------------------------------------------------------------
    (
        "according",
        'The president told aides he was "done negotiating," according to two people familiar '
        "with the meeting.",
        {"done negotiating": "president"},
    ),
    (
        "according",
        'According to Sheriff Dale Hoyt, the suspect said "I did it" when deputies arrived.',
        {"I did it": "suspect"},
    ),
    (
        "according",
        'The storm will be "the worst in a generation," according to the National Weather Service.',
        {"worst in a generation": "National Weather Service"},
    ),
    (
        "according",
        'According to the complaint, the manager called the workers "replaceable."',
        {"replaceable": "manager"},
    ),
    (
        "according",
        '"We are not leaving," the protesters chanted, according to a police report.',
        {"not leaving": "protesters"},
    ),
    # --- X's office said, a spokesman for X ------------------------------------------------
    (
        "office",
        "Rep. Gary Mott did not attend the vote. Mott's office said he was \"recovering from "
        'surgery and will be back next week."',
        {"recovering from surgery": "Mott's office"},
    ),
    (
        "office",
        'The governor\'s office said in an email that the report was "riddled with errors."',
        {"riddled with errors": "governor's office"},
    ),
    (
        "office",
        'A spokeswoman for Sen. Ada Voss, Lena Hart, said the senator "has always paid her taxes."',
        {"always paid her taxes": "Lena Hart"},
    ),
    (
        "office",
        '"The congressman has no comment," his chief of staff, Mike Dolan, said on Friday.',
        {"has no comment": "Mike Dolan"},
    ),
    (
        "office",
        'Asked about the letter, a spokesman for the mayor said it "tells the whole story."',
        {"tells the whole story": "spokesman"},
    ),
    # --- in a statement, X said -------------------------------------------------------------
    (
        "instatement",
        'In a statement, Sen. Paula Greer said the ruling "vindicates every voter in this state."',
        {"vindicates every voter": "Paula Greer"},
    ),
    (
        "instatement",
        '"We are deeply saddened by the loss of our colleague," the company said in a statement '
        "on Sunday.",
        {"deeply saddened": "company"},
    ),
    (
        "instatement",
        'Hartwell Energy said in a statement that it would "cooperate fully" with regulators.',
        {"cooperate fully": "Hartwell Energy"},
    ),
    (
        "instatement",
        'In a joint statement, Rep. Luis Vega and Rep. Sara Quinn said the cuts were "a broken '
        'promise."\n\nVega later told reporters he would vote no.',
        {"a broken promise": "Luis Vega"},
    ),
    (
        "instatement",
        "The family of Darnell Wright released a statement Thursday night.\n\n"
        '"Darnell was a loving father and son. We ask for privacy," the statement said.',
        {"loving father and son": "family"},
    ),
    # --- reported speech next to quotations: only the marked words are a quotation -------
    (
        "reported",
        "Sen. Bea Lowry said the bill would not pass this year. Her colleague, Sen. Ian Fold, said "
        'it might. "Count the votes," Fold said.',
        {"Count the votes": "Ian Fold"},
    ),
    (
        "reported",
        "Sen. Ken Mori said he had spoken to the president, who told him the deal was off. Mori "
        'called the news "a shame."',
        {"a shame": "Ken Mori"},
    ),
    (
        "reported",
        "Gov. Sam Pryor said in the '90s that he would never raise taxes. On Monday he said the "
        'state had "no other choice."',
        {"no other choice": "Sam Pryor"},
    ),
    # --- a quotation inside a quotation: the outer speaker said it to the outlet ------------
    (
        "nested",
        "\"My mother used to say, 'Never borrow what you can't pay back,'\" said Rep. Tina Block, "
        "explaining her vote.",
        {"My mother used to say": "Tina Block"},
    ),
    (
        "nested",
        "\"He looked at me and said, 'You're fired,' and that was it,\" said Marcus Lee, a former "
        "aide.",
        {"He looked at me": "Marcus Lee"},
    ),
    (
        "nested",
        'Sen. Hal Brewer read from a letter sent by a constituent in Ohio: "I have worked 30 '
        'years and cannot afford my insulin."',
        {"cannot afford my insulin": "constituent"},
    ),
    (
        "nested",
        "\"When the president told me 'we need a win,' I knew what he meant,\" said the former "
        "chief of staff, Gene Albers.",
        {"I knew what he meant": "Gene Albers"},
    ),
    # --- posts embedded in the page ---------------------------------------------------------
    (
        "social",
        "The mayor responded on Twitter.\n\n"
        '"The city did everything right. I will not apologize for keeping people safe." — '
        "Mayor Ken Alvarez (@MayorKenA) June 4, 2020\n\n"
        "Critics were quick to reply.",
        {"did everything right": "Ken Alvarez"},
    ),
    (
        "social",
        'Sen. Rita Munoz tweeted Tuesday that the nominee was "unfit for any office." The post '
        "was shared more than 10,000 times.",
        {"unfit for any office": "Rita Munoz"},
    ),
    (
        "social",
        "In a Facebook post, the sheriff's department said the road would be \"closed until "
        'further notice."',
        {"closed until further notice": "sheriff's department"},
    ),
    (
        "social",
        'Rep. Jon Keel posted a video on Instagram on Sunday. "I\'m staying right here," Keel '
        "says in the video.",
        {"staying right here": "Jon Keel"},
    ),
    (
        "social",
        'Hours later, Gov. Alice Penn wrote on Facebook: "Our prayers are with Millbrook."',
        {"prayers are with Millbrook": "Alice Penn"},
    ),
    # --- interviews and transcripts ---------------------------------------------------------
    (
        "qa",
        "In an interview with the Herald, Dr. Sunita Rao was asked whether schools should "
        'close. "Not yet," she said. "But we are watching every county."',
        {"Not yet": "Sunita Rao", "watching every county": "Sunita Rao"},
    ),
    (
        "qa",
        'Asked whether he would run again, Sen. Walt Gibbs said: "Ask me in January."',
        {"Ask me in January": "Walt Gibbs"},
    ),
    (
        "qa",
        'The interviewer asked Rep. Nora Flint, "Do you regret the vote?" "Not for one second," '
        "Flint replied.",
        {"regret the vote": "interviewer", "Not for one second": "Nora Flint"},
    ),
    (
        "qa",
        'When a reporter asked if the deal was done, Prime Minister Theo Vance said, "Almost."',
        {"Almost": "Theo Vance"},
    ),
    # --- a name in the headline only ---------------------------------------------------------
    (
        "headline",
        'Kline: "We will win this district"\n\n'
        "The Republican candidate told supporters on Saturday that the race was tightening.",
        {"win this district": "Kline"},
    ),
    (
        "headline",
        'Senator says cuts "went too far"\n\n'
        "Sen. Rosa Delgado said on Monday that the spending cuts passed last year had hurt "
        "veterans.",
        {"went too far": "Rosa Delgado"},
    ),
    # --- spokeswoman Jane Doe, a title before the name ---------------------------------------
    (
        "titles",
        'Pentagon spokeswoman Jane Doyle said the troops were "never in danger."',
        {"never in danger": "Jane Doyle"},
    ),
    (
        "titles",
        '"We will not be bullied," Sen. Mark Ridley, R-Texas, said.',
        {"not be bullied": "Mark Ridley"},
    ),
    (
        "titles",
        'Rep. Alma Fuentes (D-Calif.) called the plan "a tax on the poor."',
        {"tax on the poor": "Alma Fuentes"},
    ),
    (
        "titles",
        'Lord Ashworth, a former cabinet minister, told the House of Lords the bill was "a '
        'constitutional outrage."',
        {"constitutional outrage": "Ashworth"},
    ),
    (
        "titles",
        '"The science is settled," said Dr. Helen Strauss, director of the Baird Institute.',
        {"science is settled": "Helen Strauss"},
    ),
    (
        "titles",
        'Former Vice President Dick Harlan said in a speech that the party had "lost its nerve."',
        {"lost its nerve": "Dick Harlan"},
    ),
    (
        "titles",
        'Gov.-elect Mary Tolan told supporters: "Tomorrow, we go to work."',
        {"we go to work": "Mary Tolan"},
    ),
    (
        "titles",
        '"I never saw the memo," Secretary of State Warren Pike testified.',
        {"never saw the memo": "Warren Pike"},
    ),
    # --- possessives ---------------------------------------------------------------------------
    (
        "possessive",
        "Brennan's response was blunt: \"I don't take orders from donors.\"",
        {"take orders from donors": "Brennan"},
    ),
    (
        "possessive",
        'Sen. Lea Moran\'s aide, Colin Tate, said the senator "never received the letter."',
        {"never received the letter": "Colin Tate"},
    ),
    (
        "possessive",
        'The mayor\'s wife, Grace Holt, said her husband was "heartbroken."',
        {"heartbroken": "Grace Holt"},
    ),
    (
        "possessive",
        'Trump\'s lawyer, Rudy Blanc, said the subpoena was "dead the day it was signed."',
        {"dead the day it was signed": "Rudy Blanc"},
    ),
    # --- an organization speaking -------------------------------------------------------------
    (
        "org",
        'The White House said the president was "fully confident" in his chief of staff.',
        {"fully confident": "White House"},
    ),
    (
        "org",
        'The Kremlin called the sanctions "illegal and counterproductive."',
        {"illegal and counterproductive": "Kremlin"},
    ),
    (
        "org",
        '"The prime minister has full confidence in the chancellor," Downing Street said.',
        {"full confidence in the chancellor": "Downing Street"},
    ),
    (
        "org",
        'The Pentagon said in a statement that the strike had "eliminated a significant threat."',
        {"eliminated a significant threat": "Pentagon"},
    ),
    (
        "org",
        'The NAACP called the ruling "a step backward for voting rights."',
        {"step backward": "NAACP"},
    ),
    (
        "org",
        'The State Department said the embassy would remain open. "Our staff are safe," the '
        "department said.",
        {"Our staff are safe": "State Department"},
    ),
    # --- television and newspaper names --------------------------------------------------------
    (
        "media",
        'Sen. Owen Hale told CNN\'s "Inside Politics" on Sunday that the bill was "dead for this year."',
        {"Inside Politics": None, "dead for this year": "Owen Hale"},
    ),
    (
        "media",
        '"The votes are there," Rep. Joy Barnes said on "Fox News Sunday."',
        {"votes are there": "Joy Barnes", "Fox News Sunday": None},
    ),
    (
        "media",
        'Gov. Ted Lyle told The Washington Post that he was "not interested" in the job.',
        {"not interested": "Ted Lyle"},
    ),
    (
        "media",
        '"There was no cover-up," Mr. Abbot told The New York Times in an interview.',
        {"no cover-up": "Abbot"},
    ),
    (
        "media",
        'Appearing on MSNBC\'s "Hardball," Sen. Lisa Carr said the deal was "a mistake from '
        'day one."',
        {"Hardball": None, "mistake from day one": "Lisa Carr"},
    ),
    (
        "media",
        "Speaking to BBC Radio 4's Today programme, the health secretary, Anne Pryce, said "
        'waiting lists were "coming down."',
        {"coming down": "Anne Pryce"},
    ),
    # --- UK and wire conventions -----------------------------------------------------------
    (
        "uk",
        'Mr Hollis told MPs: "The government will not be lectured on honesty by this opposition."',
        {"lectured on honesty": "Hollis"},
    ),
    (
        "uk",
        'A Downing Street spokesman said: "The prime minister has been clear on this."',
        {"been clear on this": "spokesman"},
    ),
    (
        "uk",
        "LONDON, May 2 (Reuters) - Britain's opposition leader Keir Alden said on Thursday the "
        'vote was "a verdict on 14 years of failure."',
        {"verdict on 14 years": "Keir Alden"},
    ),
    (
        "uk",
        'BRUSSELS (AP) -- "We are not there yet," European Commission President Ilse Maier told '
        "reporters on Friday.",
        {"not there yet": "Ilse Maier"},
    ),
    (
        "uk",
        '"It is a sad day for the club," said manager Gareth Pole after the 3-0 defeat.',
        {"sad day for the club": "Gareth Pole"},
    ),
    (
        "uk",
        'Labour MP Jess Tallis said the plan was "cruel", adding: "Families will go hungry."',
        {"cruel": "Jess Tallis", "Families will go hungry": "Jess Tallis"},
    ),
    (
        "uk",
        "WASHINGTON (Reuters) - The Federal Reserve will keep rates steady, Fed Chair Nia "
        'Kaplan said on Wednesday, adding that inflation was "moving in the right direction."',
        {"right direction": "Nia Kaplan"},
    ),
    # --- long political stories: the speaker named once, far back -----------------------------
    (
        "long",
        "WASHINGTON — House Speaker Mike Danner said Tuesday that Republicans would pass the "
        "spending bill before the deadline, despite objections from the party's right flank.\n\n"
        "The bill would fund the government through September and add $12 billion for border "
        "security.\n\n"
        "Conservatives have threatened to vote against any bill that does not cut spending.\n\n"
        '"We are going to keep the government open," Danner said. "That is the job."',
        {"keep the government open": "Mike Danner", "That is the job": "Mike Danner"},
    ),
    (
        "long",
        "Rep. Sheila Grant of Ohio, a Democrat who has represented the district since 2007, "
        "announced Friday that she would not seek re-election.\n\n"
        "Grant, 71, has been a leading voice on manufacturing and trade.\n\n"
        '"It is time for a new generation," Grant said in a video posted to her campaign\'s '
        "website.",
        {"new generation": "Sheila Grant"},
    ),
    (
        "long",
        "Senate Minority Leader Joan Harper attacked the nomination in a floor speech, calling "
        'the nominee "the most extreme candidate in decades."\n\n'
        "The nominee, Judge Frank Osborne, has served on the appeals court since 2018.\n\n"
        '"Judge Osborne has a record, and the record speaks," Harper said.',
        {"most extreme candidate": "Joan Harper", "record speaks": "Joan Harper"},
    ),
    (
        "long",
        "President Ellis Ward met with Democratic leaders at the White House on Monday.\n\n"
        'Afterward, Sen. Nadia Bloom, the majority whip, said the meeting was "productive."\n\n'
        '"We have a path," she said. "Now we need the votes."',
        {
            "productive": "Nadia Bloom",
            "We have a path": "Nadia Bloom",
            "need the votes": "Nadia Bloom",
        },
    ),
    (
        "long",
        "The former Trump adviser, Roger Kemp, pleaded not guilty on Friday.\n\n"
        'Outside the courthouse, Kemp told reporters he was the victim of "a political '
        'witch hunt."\n\n'
        "His lawyer, Ben Stoll, said the defense would ask for a speedy trial.\n\n"
        '"We want our day in court," Stoll said.',
        {"political witch hunt": "Roger Kemp", "our day in court": "Ben Stoll"},
    ),
    (
        "long",
        "Democrats on the House Oversight Committee released a report on Wednesday that found "
        "the agency had ignored warnings.\n\n"
        '"The agency knew, and it did nothing," the report said.',
        {"it did nothing": "Democrats"},
    ),
    (
        "long",
        "Gov. Ron Hale of Florida signed the bill into law on Thursday. The law bans the sale of "
        "the devices to anyone under 21.\n\n"
        "Critics, including the state's largest retailers, say the law will hurt small "
        "businesses.\n\n"
        '"This law will save lives," Hale said at the signing ceremony.',
        {"save lives": "Ron Hale"},
    ),
    (
        "long",
        "The Senate voted 52-48 on Wednesday to confirm Lara Quist as labor secretary.\n\n"
        'Sen. Tim Ayers, the lone Republican to vote yes, said Quist was "qualified, whatever '
        'you think of her politics."\n\n'
        'Quist said in a statement that she was "humbled."',
        {"qualified, whatever": "Tim Ayers", "humbled": "Lara Quist"},
    ),
    # --- shapes read in the unlabelled reports of the tuning half ---------------------------
    (
        "inverted",
        "WASHINGTON — Senator Dale Brock posted a video on Monday, accusing the governor of "
        '"hiding the numbers," and calling his own Ethics Commission a "rubber stamp."',
        {"hiding the numbers": "Dale Brock", "rubber stamp": "Dale Brock"},
    ),
    (
        "inverted",
        "The campaign said the candidate stood by the remarks. Her remarks, said Tom Quill, the "
        'campaign manager, were "taken completely out of context."',
        {"taken completely out of context": "Tom Quill"},
    ),
    (
        "participle",
        "The campaign released a letter from her physician, Dr. Ada Lin, stating that the senator "
        'was in "excellent health and fit to serve."',
        {"excellent health": "Ada Lin"},
    ),
    (
        "participle",
        "The square was filled with supporters waving flags and chanting "
        '"Four more years!" as the motorcade passed.',
        {"Four more years": "supporters"},
    ),
    (
        "generic",
        "The photo was first posted by a website run by the commentator Andrew Breit. The site "
        "said the photo had been sent to a college student in Ohio. The woman told the Daily "
        'Ledger that there had "never been any contact" between them.',
        {"never been any contact": "woman"},
    ),
    (
        "participle",
        "A coalition of groups called Save Our Pensions has fought the cuts, recently releasing "
        'a report claiming "even the smallest adjustment is not safe."',
        {"smallest adjustment": "Save Our Pensions"},
    ),
    # --- shapes of real excerpts the parser misreads -------------------------------------
    (
        "misread",
        "Several board members who spoke with the chairman told the Herald that he would stand "
        "again at the spring meeting.\n\n"
        'Ballot Box On Air says the timing of the decision is a "closely held matter" and '
        'reports that "even his own staff do not know."',
        {"closely held matter": "Ballot Box On Air", "his own staff": "Ballot Box On Air"},
    ),
    (
        "misread",
        "A group of top engineers from around the globe has pushed back on the World Nuclear "
        "Association’s conclusion that it is “extremely unlikely” tritium leaked from a "
        "Fukushima tank — insisting the theory is “viable” and deserves “a proper inquiry.”",
        {"viable": "a group of top engineers", "a proper inquiry": "a group of top engineers"},
    ),
    (
        "misread",
        "Whether the drug works is still unclear, a group of leading doctors said.\n\n"
        "Dr. Ellen Marsh, who led the trial, has defended it.\n\n"
        '"More data is needed before anyone takes it," said the 12 doctors, including Omar Reyes.',
        {"More data is needed": "the 12 doctors"},
    ),
    (
        "misread",
        "The lockout option was first used by Democrats for county budget votes in 2013 and top "
        "Republicans – including President Trump – have indicated for weeks it’s a serious "
        "option in order to get Ames on the court.\n\n"
        "“If we end up with that gridlock, I would say, ‘If you can, Nora, go nuclear,'” Trump "
        "said Feb. 1.",
        {"end up with that gridlock": "Trump"},
    ),
    # --- words an excerpt cuts off, and their credit with them ---------------------------
    # A report that says what someone said or did is done with it; cut-off words with no
    # credit of their own are anyone's. Whole ones are the last speaker's, as wire copy
    # writes them.
    (
        "abstain",
        "Sen. Dana Ruiz announced her opposition to the highway bill on Monday, a week "
        "before the vote.\n\n"
        '"Nobody in this chamber has read the last two hundred pages of it...',
        {"read the last two hundred pages": None},
    ),
    (
        "abstain",
        "Four governors reached a deal on the river compact on Friday. The governors said "
        "there would be no new tolls.\n\n"
        '"Our compact was written in good faith by people who do not agree on much...',
        {"written in good faith": None},
    ),
    (
        "abstain",
        "Mayor Lena Ortiz spoke to reporters outside City Hall on Tuesday.\n\n"
        '"We will rebuild each house on this street, and we will start next week."',
        {"rebuild each house": "Lena Ortiz"},
    ),
    (
        "abstain",
        'Gov. Amos Reed called the ruling "a gift to polluters" on Friday.\n\n'
        '"We will appeal it to the highest court in this state, and we will win."',
        {"a gift to polluters": "Amos Reed", "appeal it to the highest court": "Amos Reed"},
    ),
    (
        "abstain",
        "Rep. Tom Vance said the vote would be close. "
        '"We need every member in that room on Thursday, sick or not."',
        {"every member in that room": "Tom Vance"},
    ),
    (
        "abstain",
        "Senate leader Tom Lutz said the matter was closed and the Senate would move on.\n\n"
        '"The trouble with the resolution right now is that the Senate is tired."\n\n'
        "Other senators disagreed.",
        {"the Senate is tired": "Tom Lutz"},
    ),
    (
        "abstain",
        "A night landing was not out of the question, pilot Ann Grove said.\n\n"
        '"We do have night goggles on board, and they are fairly powerful."',
        {"night goggles on board": "Ann Grove"},
    ),
    # In the same paragraph too, unless the report before quotes the same speaker, whose
    # quotation they go on.
    (
        "abstain",
        "Sen. Hal Brody said the farm bill would fail in the House this week. "
        '"Nobody on the committee has read the subsidy section, and the few who have...',
        {"subsidy section": None},
    ),
    (
        "abstain",
        '"We will fight this in every county," Sen. Hal Brody said on Friday. '
        '"Nobody on the committee has read the subsidy pages, and the few who have...',
        {"fight this in every county": "Hal Brody", "subsidy pages": "Hal Brody"},
    ),
    # A credit the excerpt cuts before its verb still names who spoke.
    (
        "abstain",
        "The county board voted on Tuesday to close two of its four libraries.\n\n"
        '"The board has weighed every other way to balance this budget," the board...',
        {"every other way to balance": "board"},
    ),
    (
        "abstain",
        "The governor signed the water bill into law on Monday.\n\n"
        '"Every farm in this valley will feel the difference by the spring," Agriculture '
        "Secretary Nadia Okafor...",
        {"feel the difference": "Nadia Okafor"},
    ),
    (
        "abstain",
        "Rep. Carl Dunn voted against the bill on Thursday.\n\n"
        '"It spends money the state does not have and hides the cost until 2030," Dunn, a '
        "third-term Republican...",
        {"hides the cost": "Carl Dunn"},
    ),
    # --- words about a person are not that person's words --------------------------------
    # An uncredited paragraph after one about someone is not theirs when it names them, or
    # speaks of them in the third person and never in the first, with no one else in reach.
    (
        "about",
        "Rep. Tom Alder said on Tuesday that he would not resign.\n\n"
        '"His conduct is unbecoming of a member of Congress, and he should step aside."',
        {"conduct is unbecoming": None},
    ),
    (
        "about",
        "Gov. Lena Marsh said on Friday that she would veto the school budget.\n\n"
        '"Marsh has put her pride ahead of every school in this state."',
        {"put her pride ahead": None},
    ),
    (
        "about",
        "Rep. Tom Alder said on Tuesday that he would not resign.\n\n"
        '"They can investigate me all they want. I did nothing wrong."',
        {"investigate me all they want": "Tom Alder"},
    ),
    (
        "about",
        "Gov. Ed Banks spoke warmly of Sen. Ross Hale at the dinner on Monday.\n\n"
        '"He has been a friend to this state for thirty years."',
        {"friend to this state": "Ed Banks"},
    ),
    (
        "about",
        "Gov. Ed Banks spoke about his late father on Monday.\n\n"
        '"He was a good man. He built this farm with his own hands."',
        {"built this farm": "Ed Banks"},
    ),
    # A pronoun is never its own verb's object: the one asked does not ask.
    (
        "about",
        "Rep. Tom Alder appeared on the program of the anchor Mark Dunn on Tuesday. He asked "
        'the congressman whether he would "step aside for the good of the party."',
        {"good of the party": "Mark Dunn"},
    ),
    (
        "about",
        "Sen. Ruth Hale sat beside Rep. Tom Alder at the hearing. He asked the senator if she "
        'would "take the oath again."',
        {"take the oath again": "Tom Alder"},
    ),
    # --- titles and terms no one says ------------------------------------------------
    # A programme right after "told" is who was told, not a piece of the quotation.
    (
        "titles",
        '"We did nothing wrong," Sen. Ann Bell told "Face the Voters" on Sunday.',
        {"nothing wrong": "Ann Bell", "Face the Voters": None},
    ),
    (
        "titles",
        '"It was a hard call," the coach told "Morning Sports Hour" host Dee Park.',
        {"hard call": "coach", "Morning Sports Hour": None},
    ),
    # A book named inside "according to" names the source, and is not its words.
    (
        "titles",
        'The general ordered the strike himself, according to passages of "Night Watch," a '
        "book by the reporter Sam Cole.",
        {"Night Watch": None},
    ),
    # "by critics" hung on the quoted word is still the passive verb's agent.
    (
        "titles",
        "The actress spoke about her childhood on the show, in comments that were labeled "
        '"disturbing" by critics.',
        {"disturbing": "critics"},
    ),
    # --- groups: people named together, a couple, sources, a friend who texts ----------
    (
        "group",
        "Ann Roe and Tim Lee announced on Monday that they would sell the paper.\n\n"
        "The couple had owned it for thirty years.\n\n"
        '"It is time for someone younger to run it," they wrote in a letter to readers.',
        {"someone younger": "Ann Roe and Tim Lee"},
    ),
    (
        "group",
        "Sen. Ann Roe and Sen. Tim Lee walked out of the hearing on Tuesday. "
        '"We will not take part in this," they said.',
        {"not take part in this": "Ann Roe and Tim Lee"},
    ),
    (
        "group",
        "Mayor Ann Roe and the city council clashed over the budget on Tuesday. "
        '"We will not give up the library," they said.',
        {"give up the library": None},
    ),
    (
        "group",
        "Ann Roe and Tim Lee announced their divorce on Monday.\n\n"
        '"We have made the decision to end our marriage," they wrote.\n\n'
        'The announcement concluded, "We will keep working together for the foundation."',
        {"end our marriage": "Ann Roe and Tim Lee", "keep working together": "Ann Roe and Tim Lee"},
    ),
    (
        "group",
        "Then came the panic over gas.\n\n"
        '"Fill your tank tonight," a neighbor texted this week. "The lines at the station are '
        'already long."',
        {"Fill your tank": "neighbor", "already long": "neighbor"},
    ),
    (
        "group",
        'Senate sources told reporters that the senator was "dug in" on the bill.',
        {"dug in": "Senate sources"},
    ),
    # A person named right before a speech verb with no subject of its own is its subject.
    (
        "misread",
        'The city will not close its schools again but "the next month will be hard" as cases '
        "rise, the county health director Dr. Rita Oyelaran said on Monday.",
        {"next month will be hard": "Rita Oyelaran"},
    ),
    # A verb is no one: a doubled verb the parser takes for the subject names nobody.
    (
        "misread",
        '"I will vote against the bill, and I will say so on the floor," the senior Ohio '
        "Republican wrote wrote in an essay for a Columbus paper.\n\n"
        '"The truth is that the bill was written by one party."',
        {"vote against the bill": None, "written by one party": None},
    ),
    # A thing's speech verb in a relative clause, inside what someone reports, is that
    # someone's account: "a video that claimed …", "a ruling that held …".
    (
        "reported",
        "A dismissed Navy commander said on Sunday that the ministry had shown sailors a film "
        'that claimed the old officers were "traitors."',
        {"traitors": "commander"},
    ),
    (
        "reported",
        "State Attorney General Dana Whitlow said in a filing with the court that the 2001 "
        'ruling and a later 2009 decision that upheld it were both "badly reasoned" and '
        "should be reversed.",
        {"badly reasoned": "Dana Whitlow"},
    ),
    (
        "reported",
        'The agency published a report on Friday that warned the river was "close to collapse."',
        {"close to collapse": "agency"},
    ),
    # "It" is a thing in focus: a subject, not a place named inside a phrase.
    (
        "misread",
        "A key passage of the memo on the militias in Mosul seemed to predict the raid.\n\n"
        '"The post cannot be defended against a coordinated assault," it said.',
        {"cannot be defended": None},
    ),
    # "They" for people named together beside a noun for them ("the philanthropists Ann and
    # Tim Lee").
    (
        "group",
        "The philanthropists Dora and Felix Amberg announced their separation on Monday. "
        '"We no longer believe we can grow together," they wrote.',
        {"grow together": "Dora and Felix Amberg"},
    ),
    (
        "group",
        "The architects Lena Ostrow and Paul Ostrow, who designed the library, said on Friday "
        "that they would not attend the opening.\n\n"
        '"The building was changed beyond recognition," they said.',
        {"beyond recognition": "Lena Ostrow and Paul Ostrow"},
    ),
    # Someone around a person ("Varga's colleague") is not that person, however the tagger
    # types the owner's name.
    (
        "misread",
        "Rep. Dale Varga faced new calls to resign on Tuesday.\n\n"
        '"His conduct is unbecoming of a member of this House," Varga\'s colleague said.',
        {"unbecoming of a member": "Varga's colleague"},
    ),
    (
        "misread",
        "Sen. Lydia Marsh skipped the vote on Thursday.\n\n"
        '"She was at a funeral in Tulsa," Marsh\'s neighbor told reporters.',
        {"funeral in Tulsa": "Marsh's neighbor"},
    ),
    # "As X said" credits the sentence's words to X, over a role or a pronoun that says
    # them; "as X put it" is a credit too.
    (
        "as said",
        "Referees are servants of the game, as league commissioner Dana Pruitt once said, and "
        'they call "what they see, not what they hope."',
        {"what they see": "Dana Pruitt"},
    ),
    (
        "as said",
        'As Sen. Orla Finch put it on Tuesday, the bill is "a gift to the payday lenders."',
        {"payday lenders": "Orla Finch"},
    ),
    (
        "as said",
        "The tariff, as Treasury Secretary Hal Brandt said in March, would be "
        '"a tax on every family."',
        {"tax on every family": "Hal Brandt"},
    ),
    # "As she spoke" without a comma tells when, and credits nothing.
    (
        "as said",
        "Gov. Alma Reyes arrived at the school with four troopers. Two officers stood by the "
        'door as she spoke; one warned reporters to "stay behind the rope" during the visit.',
        {"behind the rope": None},
    ),
    # A clause joined to the speech verb's with someone of its own as subject is theirs:
    # the office said one thing, the congressman calls it another.
    (
        "misread",
        "Rep. Owen Tarrant returned to Washington on Monday.\n\n"
        'Tarrant\'s office first said the account had been "taken over by strangers," but the '
        'congressman has since taken to calling the episode a "bad joke."',
        {"taken over by strangers": "Tarrant's office", "bad joke": "Owen Tarrant"},
    ),
    # "The nation's top expert", "Ohio's governor": a role a place gives one person is that
    # person, as "the expert" is.
    (
        "roles",
        "The government will buy antiviral pills for future pandemics, Dr. Anita Fauvel said "
        "Thursday.\n\n"
        "The nation's top infectious disease expert announced the purchase as part of a new "
        '"antiviral program for pandemics."',
        {"antiviral program": "Anita Fauvel"},
    ),
    (
        "roles",
        "Mayor Sal Bertone reopened the schools on Monday. Chicago's mayor said classrooms "
        'were "safer than the grocery store."',
        {"safer than the grocery": "Sal Bertone"},
    ),
]
