"""A bench of attribution cases written for this project: who a reader names as the speaker
of each quotation, as US, UK and wire reports print them.

Each case is a short report (paragraphs split by blank lines) and, for quotations in it, the
speaker a reader would name: the person's name as the report gives it (any part of it), a
description when the report names no one ("a senior official"), or None when nobody is
credited (a title, a programme, a scare-quoted term, a sign). The sentences are invented;
no case is taken from a data set.
"""

from __future__ import annotations

# Long US political stories and UK and wire copy are kept in their own file, which also
# names a case's shape: (group, report, {words inside the quotation: speaker or None}).
from attribution_bench_long import LONG_CASES, Case

CASES: list[Case] = [
    # --- a quotation over several paragraphs, the speaker named only in the first ------
    (
        "paragraphs",
        "Senator Maria Lopez said the bill would hurt rural hospitals.\n\n"
        '"We have seen three clinics close in my state this year alone," Lopez said. '
        '"Families now drive two hours to see a doctor.\n\n'
        '"This bill makes that worse, not better."',
        {"three clinics": "Lopez", "two hours": "Lopez", "makes that worse": "Lopez"},
    ),
    (
        "paragraphs",
        'Mayor Tom Reed said: "We will rebuild every home that was lost in the flood.\n\n'
        '"It will take years, and it will cost more than anyone has said so far, but we will do it."',
        {"rebuild every home": "Reed", "take years": "Reed"},
    ),
    (
        "paragraphs",
        "Health Secretary Ann Cole defended the plan on Tuesday.\n\n"
        '"Nobody will lose coverage," she told reporters at the Capitol.\n\n'
        "The plan has drawn criticism from hospital groups, which say it underfunds rural care.\n\n"
        '"We listened to every hospital in this state," Cole said.',
        {"lose coverage": "Cole", "listened to every hospital": "Cole"},
    ),
    (
        "paragraphs",
        "The chief executive of Harlow Foods, Dev Mehta, spoke to investors on a call on Thursday.\n\n"
        '"Our second quarter was the strongest in the company\'s history," Mehta said.\n\n'
        '"We expect the third to be stronger still."',
        {"second quarter": "Mehta", "third to be stronger": "Mehta"},
    ),
    (
        "paragraphs",
        "Fire Chief Rosa Grant gave an update at the scene shortly before midnight.\n\n"
        '"The building is a total loss," Grant said. "Two of our firefighters were treated for '
        'smoke inhalation and released."\n\n'
        "Crews were expected to remain at the site through the night.",
        {"total loss": "Grant", "smoke inhalation": "Grant"},
    ),
    (
        "paragraphs",
        "LONDON (Reuters) - Britain's finance minister Paul Archer said on Monday the government "
        "would not raise income tax.\n\n"
        '"We made a promise to working people and we will keep it," Archer told parliament.\n\n'
        '"There will be no rise in the basic rate, none."',
        {"made a promise": "Archer", "no rise in the basic rate": "Archer"},
    ),
    (
        "paragraphs",
        "Residents of Elm Street described a night of fear.\n\n"
        '"I heard the first shot and grabbed my kids," said Nadia Bloom, 41, who has lived on '
        "the street for a decade.\n\n"
        '"We hid in the bathroom until the police came."\n\n'
        "Her neighbour, Carl Otis, said he slept through it.",
        {"grabbed my kids": "Nadia Bloom", "hid in the bathroom": "Nadia Bloom"},
    ),
    # --- said in a statement, an interview, on Twitter -------------------------------
    (
        "statement",
        "Southwest Airlines canceled more than 300 flights on Sunday after a computer failure.\n\n"
        'The airline said in a statement that it "deeply regrets" the disruption to travelers.',
        {"deeply regrets": "Southwest Airlines"},
    ),
    (
        "statement",
        '"We are reviewing the court\'s decision carefully," Governor Ron Pike said in a statement.',
        {"reviewing the court": "Ron Pike"},
    ),
    (
        "statement",
        'In a statement, the Justice Department said it would "vigorously defend" the law.',
        {"vigorously defend": "Justice Department"},
    ),
    (
        "statement",
        'Speaking in an interview with the BBC, Mr Hart said: "I have no regrets about the vote."',
        {"no regrets about the vote": "Hart"},
    ),
    (
        "statement",
        '"That is simply false," Rep. Joan Mill wrote on Twitter after the hearing.',
        {"simply false": "Joan Mill"},
    ),
    (
        "statement",
        "Judge Leon Smith's ruling drew quick criticism. Attorney General Kay Brandt said on "
        'Twitter that the ruling was "a disgrace to the bench."',
        {"disgrace to the bench": "Kay Brandt"},
    ),
    (
        "statement",
        'In an interview on "Face the Nation," Senator Ben Ash said the deal was "dead on arrival."',
        {"Face the Nation": None, "dead on arrival": "Ben Ash"},
    ),
    (
        "statement",
        'Kerry Dunn told CNN\'s "State of the Union" on Sunday that she would "never" vote for the plan.',
        {"State of the Union": None, "never": "Kerry Dunn"},
    ),
    (
        "statement",
        'The White House said in a statement late Friday: "The president has full confidence in '
        'the director."',
        {"confidence in the director": "White House"},
    ),
    (
        "statement",
        "Vera Lind died on Tuesday at the age of 88. A statement from her family said she was "
        '"a loving mother and a fierce friend."',
        {"loving mother": "family"},
    ),
    (
        "statement",
        "In a video posted to her campaign's website, Councilwoman Irma Soto said: \"I am running "
        'because this city deserves better."',
        {"running because": "Irma Soto"},
    ),
    (
        "statement",
        "Kline Motors said in a regulatory filing on Wednesday that sales had been "
        '"materially affected" by the strike.',
        {"materially affected": "Kline Motors"},
    ),
    # --- told reporters ---------------------------------------------------------------
    (
        "reporters",
        '"We\'re not going anywhere," House Speaker Paul Hyde told reporters on Capitol Hill.',
        {"not going anywhere": "Paul Hyde"},
    ),
    (
        "reporters",
        'Mr Grant told reporters outside Downing Street that the talks had been "constructive".',
        {"constructive": "Grant"},
    ),
    (
        "reporters",
        'Asked by reporters whether he would resign, Hale said: "Absolutely not."',
        {"Absolutely not": "Hale"},
    ),
    (
        "reporters",
        "Senator Tom Ivey accused the governor of lying on Monday.\n\n"
        "\"I don't know what he's talking about,\" Governor Ada Pell told reporters when asked "
        "about Ivey's remarks.",
        {"what he's talking about": "Ada Pell"},
    ),
    (
        "reporters",
        'Reporters asked Mayor Nina Vance about the memo on Tuesday. "I haven\'t read it," she said.',
        {"haven't read it": "Nina Vance"},
    ),
    (
        "reporters",
        "Coach Dale Briggs met reporters after the loss. \"We weren't good enough tonight, and "
        'that starts with me," he told them.',
        {"good enough tonight": "Dale Briggs"},
    ),
    (
        "reporters",
        "Prime Minister Joan Kerr flew home on Friday. The prime minister told journalists "
        'travelling with her that the summit had been "a success".',
        {"a success": "Joan Kerr"},
    ),
    # --- a quotation, then someone else's reaction ----------------------------------------
    (
        "reaction",
        '"We will cut taxes for every family," Governor Dana Price said at the rally.\n\n'
        'State Senator Luis Ortega, a Democrat, called the promise "a fantasy."\n\n'
        '"She has never explained how she would pay for it," Ortega said.',
        {"cut taxes": "Dana Price", "a fantasy": "Luis Ortega", "never explained": "Luis Ortega"},
    ),
    (
        "reaction",
        '"The strike is over," union leader Mark Webb announced on Friday.\n\n'
        'The company responded within the hour. "We welcome the union\'s decision," a spokeswoman '
        "for Halvorsen Steel said.",
        {"strike is over": "Mark Webb", "welcome the union": "spokeswoman"},
    ),
    (
        "reaction",
        '"We did nothing wrong," Coach Bill Dorn said after the hearing. Athletic director Sarah '
        'Kline disagreed. "The rules were clear, and they were broken," she said.',
        {"did nothing wrong": "Bill Dorn", "rules were clear": "Sarah Kline"},
    ),
    (
        "reaction",
        'President Ana Ruiz called the election result "a victory for democracy."\n\n'
        'Opposition leader Hugo Vela rejected that. "There was nothing democratic about it," he said.',
        {"victory for democracy": "Ana Ruiz", "nothing democratic": "Hugo Vela"},
    ),
    (
        "reaction",
        'Trent Hall, the team\'s owner, said the new stadium would be "the finest in the country."\n\n'
        "City Councilwoman Rita Moe was unimpressed. \"Taxpayers are paying for Mr. Hall's "
        'palace," she said.',
        {"finest in the country": "Trent Hall", "Hall's palace": "Rita Moe"},
    ),
    (
        "reaction",
        'Chancellor Erik Lang said the measures were "necessary and proportionate." Union leaders '
        'disagreed, calling them "an attack on working families."',
        {"necessary and proportionate": "Erik Lang", "attack on working families": "Union leaders"},
    ),
    (
        "reaction",
        '"This is the best deal we could get," Secretary of State Omar Haddad said. His critics '
        'in Congress were less kind. "It is a surrender," said Rep. Linda Fox, a Republican from '
        "Idaho.",
        {"best deal": "Omar Haddad", "a surrender": "Linda Fox"},
    ),
    (
        "reaction",
        'Dr. Maya Stein said the vaccine was "safe and effective." But Jon Pratt, a parent who '
        'attended the meeting, said he was "not convinced."',
        {"safe and effective": "Maya Stein", "not convinced": "Jon Pratt"},
    ),
    # --- a pronoun whose antecedent is two sentences back -----------------------------------
    (
        "pronoun",
        "Carla Diaz, the city's police chief, arrived at the scene shortly after 9 p.m. Officers "
        'had already sealed off the block. "We are asking everyone to stay away from the area," '
        "she said.",
        {"stay away from the area": "Carla Diaz"},
    ),
    (
        "pronoun",
        "Mrs. Elena Park met the Irish leader, Liam Byrne, in Dublin on Monday. The talks lasted "
        'three hours. "We made real progress," he said.',
        {"real progress": "Liam Byrne"},
    ),
    (
        "pronoun",
        "Senator Hal Dent voted against the bill on Wednesday. The measure passed 61-39 after a "
        'day of debate. "I could not support a bill that adds to the deficit," he said.',
        {"could not support": "Hal Dent"},
    ),
    (
        "pronoun",
        "Ms. June Alder has run the shelter for 12 years. Last winter it turned away more than "
        'a hundred people. "It broke my heart every single night," she said.',
        {"broke my heart": "June Alder"},
    ),
    (
        "pronoun",
        "Gov. Ray Cobb toured the flooded county on Saturday. Water still covered many roads, "
        'and the National Guard was handing out bottled water. "These people need help now, not '
        'next month," he said.',
        {"need help now": "Ray Cobb"},
    ),
    (
        "pronoun",
        "Police arrested Ian Forde, 32, on Thursday. A judge set his bail at $50,000. Speaking "
        'through his lawyer, Forde denied the charges. "He is innocent," the lawyer, Meg Sato, '
        "said.",
        {"He is innocent": "Meg Sato"},
    ),
    (
        "pronoun",
        "Lena Ortiz was 19 when she joined the army. She served two tours in Afghanistan. Now "
        'she runs a veterans\' charity. "Nobody should come home to nothing," she said.',
        {"come home to nothing": "Lena Ortiz"},
    ),
    # --- a spokesman for X, X's spokesman ----------------------------------------------
    (
        "spokesman",
        'A spokesman for Senator Ruth Ames said she "has no plans" to endorse anyone.',
        {"has no plans": "spokesman"},
    ),
    (
        "spokesman",
        '"The minister has been clear on this," a spokesman for the Home Office said.',
        {"minister has been clear": "spokesman"},
    ),
    (
        "spokesman",
        'A Downing Street spokesman said: "The Prime Minister has full confidence in the '
        'Chancellor."',
        {"confidence in the Chancellor": "spokesman"},
    ),
    (
        "spokesman",
        '"We do not comment on personnel matters," said Ted Burke, a spokesman for Orion Bank.',
        {"personnel matters": "Ted Burke"},
    ),
    (
        "spokesman",
        'The mayor\'s spokeswoman, Gail Tran, said the mayor "was not aware" of the payments.',
        {"was not aware": "Gail Tran"},
    ),
    (
        "spokesman",
        "Governor Eli Marsh was in Texas on Monday. His spokesman said the governor would "
        '"take no further questions" about the trip.',
        {"no further questions": "spokesman"},
    ),
    (
        "spokesman",
        'Pentagon spokesman Col. Dave Ruiz told reporters the strike had been "precise."',
        {"precise": "Dave Ruiz"},
    ),
    # --- said X, a Democrat from Y; said X, 54, a retired teacher ---------------------------
    (
        "said_x",
        '"This is a sad day for the state," said Rep. Ann Kowal, a Democrat from Ohio.',
        {"sad day": "Ann Kowal"},
    ),
    (
        "said_x",
        '"It\'s a power grab, plain and simple," said Sen. Jim Reese, R-Texas.',
        {"power grab": "Jim Reese"},
    ),
    (
        "said_x",
        '"We need answers," said Marta Gil, whose son was killed in the crash.',
        {"need answers": "Marta Gil"},
    ),
    (
        "said_x",
        '"Nobody ever told us the water was bad," said Tom Ng, 54, a retired teacher who lives '
        "two blocks from the plant.",
        {"water was bad": "Tom Ng"},
    ),
    (
        "said_x",
        '"The data are very clear," said Dr. Aisha Karim, an epidemiologist at Johns Hopkins '
        "University.",
        {"data are very clear": "Aisha Karim"},
    ),
    (
        "said_x",
        '"We will hold hearings in the spring," said Lee Park, the chairman of the Senate Budget '
        "Committee.",
        {"hold hearings": "Lee Park"},
    ),
    (
        "said_x",
        '"I have never seen anything like it," said Mike Dunn, who owns a bakery on Main Street.',
        {"never seen anything": "Mike Dunn"},
    ),
    (
        "said_x",
        '"The law is the law," said Jane Holt, a spokeswoman for the Arizona secretary of state, '
        "Mark Lyle.",
        {"law is the law": "Jane Holt"},
    ),
    # --- unnamed sources ------------------------------------------------------------
    (
        "unnamed",
        '"The president is furious," a senior administration official said.',
        {"furious": "official"},
    ),
    (
        "unnamed",
        'Fire crews worked through the night. Officials said the fire was "almost certainly" set '
        "deliberately.",
        {"almost certainly": "Officials"},
    ),
    (
        "unnamed",
        "One official, speaking on condition of anonymity because he was not authorized to "
        'discuss the matter, said the talks were "on life support."',
        {"life support": "official"},
    ),
    (
        "unnamed",
        'A person familiar with the negotiations said the deal was "very close."',
        {"very close": "person"},
    ),
    (
        "unnamed",
        'Two people briefed on the matter said the board had "lost confidence" in the chief '
        "executive, Nora Quinn.",
        {"lost confidence": "people"},
    ),
    (
        "unnamed",
        'Witnesses said they heard "three or four loud bangs" just after midnight.',
        {"loud bangs": "Witnesses"},
    ),
    (
        "unnamed",
        'Police said the driver, Ken Ames, was "known to officers" and had been arrested before.',
        {"known to officers": "Police"},
    ),
    (
        "unnamed",
        'According to a source close to the family, the singer was "in good spirits" on Sunday.',
        {"good spirits": "source"},
    ),
    (
        "unnamed",
        'Senator Kim Hollis stayed silent on Monday. Aides said privately that she was "deeply '
        'frustrated" with the leadership.',
        {"deeply frustrated": "Aides"},
    ),
    (
        "unnamed",
        '"We were told nothing," said one nurse, who asked not to be named for fear of losing '
        "her job.",
        {"told nothing": "nurse"},
    ),
    (
        "unnamed",
        'A senior European diplomat described the mood in the room as "tense but cordial."',
        {"tense but cordial": "diplomat"},
    ),
    # --- a tweet, a post or a letter quoted ---------------------------------------------
    (
        "written",
        'Mayor Kyle Bent tweeted on Sunday: "Proud of our firefighters tonight. Stay safe, everyone."',
        {"Proud of our firefighters": "Kyle Bent"},
    ),
    (
        "written",
        'In a letter to colleagues, House Speaker Rosa Day wrote that the House would "stay in '
        'session until the job is done."',
        {"stay in session": "Rosa Day"},
    ),
    (
        "written",
        'Gov. Ted Marsh congratulated the team on Monday. "What a season! Congratulations to the '
        'champions," the governor posted on Instagram.',
        {"What a season": "Ted Marsh"},
    ),
    (
        "written",
        'The letter, signed by 23 state attorneys general, warned that the rule was "unlawful and '
        'unworkable."',
        {"unlawful and unworkable": "attorneys general"},
    ),
    (
        "written",
        "In a Facebook post, the Ward County Sheriff's Office wrote: \"Please avoid the area of "
        'Route 9 while crews clear the wreck."',
        {"avoid the area": "Sheriff's Office"},
    ),
    (
        "written",
        'The chief executive, Laura Finch, apologized to employees on Friday. "I am sorry, and I '
        'take full responsibility," Finch wrote in an email to staff.',
        {"take full responsibility": "Laura Finch"},
    ),
    (
        "written",
        "Hours after the verdict, Olsen posted a photo of his family on Instagram with the caption: "
        '"Justice was served today." Olsen, the victim\'s brother, did not speak to reporters.',
        {"Justice was served": "Olsen"},
    ),
    (
        "written",
        "At the hearing, Senator Ann Ruiz read aloud from a letter written by a constituent, a "
        'widow in Dayton: "My husband\'s insulin cost more than our mortgage."',
        {"insulin cost more": "constituent"},
    ),
    (
        "written",
        'The two-page resignation letter was addressed to the board. "It has been an honour to '
        'serve this company for 30 years," Dean Holm wrote.',
        {"honour to serve": "Dean Holm"},
    ),
    # --- a quotation introduced with a colon --------------------------------------------
    (
        "colon",
        'Mr Patel said: "We are confident in our case and we look forward to our day in court."',
        {"confident in our case": "Patel"},
    ),
    (
        "colon",
        'Health Minister Greta Holm added: "It will be a long winter for the hospitals."',
        {"long winter": "Greta Holm"},
    ),
    (
        "colon",
        'The sign on the clinic door read: "Closed until further notice."',
        {"Closed until further notice": None},
    ),
    (
        "colon",
        'Asked about the deficit, Chancellor Ruth Bell replied: "We have a plan, and we will stick to it."',
        {"stick to it": "Ruth Bell"},
    ),
    (
        "colon",
        'The banner above the stage said it all: "Jobs Now."',
        {"Jobs Now": None},
    ),
    (
        "colon",
        'Mrs Dorothy Keane, whose shop was flooded for the third time, was blunt: "Nobody in '
        'charge cares about this town."',
        {"Nobody in charge cares": "Dorothy Keane"},
    ),
    (
        "colon",
        'Speaking outside the court, Ms Lowe said: "Today my son got justice. Nothing will bring '
        'him back."',
        {"my son got justice": "Lowe"},
    ),
    # --- questions -----------------------------------------------------------------
    (
        "question",
        '"Where was the oversight?" asked Sen. Carl Moss at the hearing.',
        {"Where was the oversight": "Carl Moss"},
    ),
    (
        "question",
        '"Why would anyone believe that?" asked Linda Vo, a neighbour of the family.',
        {"Why would anyone": "Linda Vo"},
    ),
    (
        "question",
        'Rep. Carl Moss pressed the witness on the costs. "Who pays for this?" Moss asked.',
        {"Who pays": "Carl Moss"},
    ),
    (
        "question",
        'Asked whether she would run again, Gov. Kim Tate said: "I haven\'t decided."',
        {"haven't decided": "Kim Tate"},
    ),
    (
        "question",
        'When asked about the deficit, the finance minister, Jonas Berg, replied: "We have a '
        'plan."',
        {"We have a plan": "Jonas Berg"},
    ),
    (
        "question",
        '"Is that a threat?" one reporter asked. "Take it however you like," Mayor Hank Hale replied.',
        {"Is that a threat": "reporter", "Take it however": "Hank Hale"},
    ),
    (
        "question",
        'Senator Rosa Vidal asked the nominee, "Will you recuse yourself from the case?" The '
        'nominee, Judge Alan Pike, answered: "I will follow the law."',
        {"recuse yourself": "Rosa Vidal", "follow the law": "Alan Pike"},
    ),
    # --- an interviewer and the one interviewed ------------------------------------------
    (
        "interview",
        "In an interview with the Herald, Pastor John Lee was asked whether the church would "
        'close. "Never," he said.',
        {"Never": "John Lee"},
    ),
    (
        "interview",
        "When the host, Amy Ross, asked whether he regretted the vote, Senator Paul Dean replied: "
        '"Not for a second."',
        {"Not for a second": "Paul Dean"},
    ),
    (
        "interview",
        "Asked by Fox News host Bret Cole whether she would endorse the nominee, Haley Moore said, "
        '"I will support whoever wins."',
        {"support whoever wins": "Haley Moore"},
    ),
    (
        "interview",
        '"Do you trust him?" CNN\'s Dana Lake asked. "I trust the process," Senator Roy Stone '
        "answered.",
        {"Do you trust him": "Dana Lake", "trust the process": "Roy Stone"},
    ),
    (
        "interview",
        '"Did you know about the payments?" the interviewer asked.\n\n"I did not," Marsh replied.',
        {"know about the payments": "interviewer", "I did not": "Marsh"},
    ),
    (
        "interview",
        'In a sit-down with NBC\'s Lester Ford, Governor Nia Cole called the report "nonsense." '
        'Ford pressed her: "So you deny every word of it?" "Every word," Cole said.',
        {"nonsense": "Nia Cole", "deny every word": "Lester Ford", "Every word": "Nia Cole"},
    ),
    (
        "interview",
        'Martin Hale told the Guardian he had "no idea" the money came from Russia. The paper '
        "had asked him about the donation in March.",
        {"no idea": "Martin Hale"},
    ),
    # --- a headline with a quotation ------------------------------------------------------
    (
        "headline",
        'Ruiz: "Nobody is above the law"\n\n'
        "Attorney General Elsa Ruiz said on Monday that her office would prosecute the case. "
        '"Nobody is above the law," Ruiz said.',
        {"above the law": "Elsa Ruiz"},
    ),
    (
        "headline",
        '"We were not ready," mayor admits after floods\n\n'
        "Mayor Jane Fox admitted on Monday that the city had not been prepared for the floods.",
        {"not ready": "Jane Fox"},
    ),
    (
        "headline",
        '"Not in our name": students march on the capitol\n\n'
        "Thousands of students marched through the city on Saturday to protest the war.",
        {"Not in our name": None},
    ),
    # --- scare quotes, terms and titles of works -----------------------------------------
    (
        "term",
        'Critics have dubbed the plan "Medicare lite." Senator Ann Bell said she liked it anyway.',
        {"Medicare lite": None},
    ),
    (
        "term",
        'The senator, Tim Rowe, who once called the tax "theft," voted for it on Tuesday.',
        {"theft": "Tim Rowe"},
    ),
    (
        "term",
        'The company built a "back door" into the software, and Lee Shaw said it must be removed.',
        {"back door": None},
    ),
    (
        "term",
        'So-called "dark money" groups spent $30 million on the race, Dana Wu said on Monday.',
        {"dark money": None},
    ),
    (
        "term",
        "The policy, known as \"don't ask, don't tell,\" was repealed in 2010. Governor Sam Hart "
        "said on Friday that he supported bringing it back.",
        {"don't ask": None},
    ),
    (
        "term",
        'The newspaper named more than "200 rising stars" in its annual list, and Mayor Ann Fox, '
        "who was on it, said she was honoured.",
        {"200 rising stars": None},
    ),
    (
        "term",
        'Mark Lyle appeared on "Meet the Nation" on Sunday and said the bill was "a mess."',
        {"Meet the Nation": None, "a mess": "Mark Lyle"},
    ),
    (
        "term",
        'Clara Voss\'s memoir, "Still Standing," was published in 2019, and she said on Tuesday '
        "that a second book was coming.",
        {"Still Standing": None},
    ),
    (
        "term",
        'The film "Northern Lights" opened on Friday, and its director, Paul Kim, said he was '
        '"thrilled" with the reviews.',
        {"Northern Lights": None, "thrilled": "Paul Kim"},
    ),
    (
        "term",
        'Protesters carried signs reading "No war" and "Bring them home," a police spokesman said.',
        {"No war": None, "Bring them home": None},
    ),
    (
        "term",
        'The "Fight for 15" campaign said it would strike at 40 restaurants on Thursday.',
        {"Fight for 15": None},
    ),
    (
        "term",
        'Sen. Ron Glass said the report used the word "negligent" eleven times.',
        {"negligent": None},
    ),
    (
        "term",
        'Neighbors described the couple as "quiet" and "polite."',
        {"quiet": "Neighbors"},
    ),
    (
        "term",
        'He was, in the words of one colleague, "the smartest person in any room."',
        {"smartest person": "colleague"},
    ),
    (
        "term",
        'The "gig economy" has changed how young people work, Professor Ann Lane said.',
        {"gig economy": None},
    ),
    (
        "term",
        'Vance, the party\'s nominee, has promised a "new deal for the middle class" and said on '
        "Monday that taxes would fall.",
        {"new deal for the middle class": "Vance"},
    ),
    (
        "term",
        'Governor Rick Holt has dismissed what he calls a "partisan witch hunt" by the legislature.',
        {"partisan witch hunt": "Rick Holt"},
    ),
    (
        "term",
        'The bill, titled the "Safe Streets Act," passed 52-48, and Senator Joy Park said she '
        "was proud of it.",
        {"Safe Streets Act": None},
    ),
    (
        "term",
        'The coach said his players had shown "real heart" in the second half.',
        {"real heart": "coach"},
    ),
    (
        "term",
        'Mayor Ivan Roth said the city would spend $2 million on "smart" traffic lights.',
        {"smart": None},
    ),
    (
        "term",
        'The Daily Ledger\'s survey of "600 influential Texans" found wide support for the plan, '
        "and Governor Lyle Dunn said he welcomed it.",
        {"600 influential Texans": None},
    ),
    (
        "term",
        'The group\'s slogan, "Country First," appeared on every sign, a spokeswoman said.',
        {"Country First": None},
    ),
    (
        "term",
        'The founder, Jay Kemp, said the company was "in talks" with two buyers.',
        {"in talks": "Kemp"},
    ),
    (
        "term",
        'The minister, Omar Said, warned of "grave consequences" if the talks failed.',
        {"grave consequences": "Omar Said"},
    ),
    # --- institutions, titles and common nouns as speakers; families ---------------------
    (
        "institution",
        'The House voted 230-190 to pass the bill. "This is a historic day," Speaker Nancy Roe said.',
        {"historic day": "Nancy Roe"},
    ),
    (
        "institution",
        "The Senate passed the measure late Tuesday. Majority Leader Ed Vance said it was "
        '"long overdue."',
        {"long overdue": "Ed Vance"},
    ),
    (
        "institution",
        'Facebook said the posts "violated our policies" and had been removed.',
        {"violated our policies": "Facebook"},
    ),
    (
        "institution",
        'Gov. Tom Hale and his wife, Lisa Hale, visited the shelter. "These families have lost '
        'everything," Lisa Hale said.',
        {"lost everything": "Lisa Hale"},
    ),
    (
        "institution",
        "Rep. Joe Carver and his son, Matt Carver, run the family farm. The congressman said the "
        'drought was "the worst in 50 years."',
        {"worst in 50 years": "Joe Carver"},
    ),
    (
        "institution",
        'The Times reported on Sunday that the mayor had "misled" voters, citing internal emails.',
        {"misled": "Times"},
    ),
    (
        "institution",
        "Dean Pruitt, the father of the victim, spoke first. His daughter, Kim Pruitt, also spoke. "
        '"My sister did not deserve this," she said.',
        {"did not deserve": "Kim Pruitt"},
    ),
    # --- wire and UK conventions -------------------------------------------------------
    (
        "wire",
        'BEIRUT (AP) — "The shelling has not stopped since dawn," said Hassan Ali, a resident of '
        "the city's east.",
        {"shelling has not stopped": "Hassan Ali"},
    ),
    (
        "wire",
        "WASHINGTON (Reuters) - Senator Ada Voss said on Tuesday that the trade deal was "
        '"dead in the water" after the vote.',
        {"dead in the water": "Ada Voss"},
    ),
    (
        "wire",
        'Mr Brown told the BBC\'s Today programme: "We will not be rushed into a decision."',
        {"not be rushed": "Brown"},
    ),
    (
        "wire",
        "Labour's shadow chancellor, Rachel Green, said: \"This budget fails the people it "
        'claims to help."',
        {"budget fails": "Rachel Green"},
    ),
    (
        "wire",
        'The Prime Minister, Sir Keith Marlow, told the Commons: "The government will act."',
        {"government will act": "Keith Marlow"},
    ),
    (
        "wire",
        'Sir Keith Marlow\'s official spokesman said the Prime Minister "does not accept" the '
        "report's findings.",
        {"does not accept": "spokesman"},
    ),
    (
        "wire",
        'Ms Kaur told MPs on the health committee that waiting lists were "unacceptable".',
        {"unacceptable": "Kaur"},
    ),
    (
        "wire",
        'The driver was "visibly drunk," according to Officer Dan Cho.',
        {"visibly drunk": "Dan Cho"},
    ),
    (
        "wire",
        'According to the police report, the driver "appeared confused" and could not stand.',
        {"appeared confused": "report"},
    ),
    (
        "wire",
        "MOSCOW, March 3 (Reuters) - Russia's foreign ministry said on Tuesday the sanctions "
        'were "a hostile act."',
        {"a hostile act": "foreign ministry"},
    ),
    # --- more shapes of attribution ----------------------------------------------------
    (
        "shape",
        'Kate Bryce, who chairs the panel, said the vote would be "a formality."',
        {"a formality": "Kate Bryce"},
    ),
    (
        "shape",
        'Joe Harris runs the campaign. "We are going to win this," Harris said, adding that the '
        'campaign had "never been stronger."',
        {"win this": "Harris", "never been stronger": "Harris"},
    ),
    (
        "shape",
        'Mae Ellis recalled what her father told her before he died: "Never stop fighting."',
        {"Never stop fighting": "father"},
    ),
    (
        "shape",
        'Tom Crane, the defendant, was described by prosecutors as "a danger to the community."',
        {"danger to the community": "prosecutors"},
    ),
    (
        "shape",
        'Clara Benz, the director, insisted the museum would reopen. "We have been here for a '
        'hundred years. We will be here for a hundred more."',
        {"hundred years": "Clara Benz"},
    ),
    (
        "shape",
        'It was, Mr Doyle said, "the hardest decision of my life."',
        {"hardest decision": "Doyle"},
    ),
    (
        "shape",
        '"I\'m not a quitter," the actress, Jane Wu, said in her acceptance speech, quoting her '
        'mother, who used to say, "Tough times don\'t last."',
        {"not a quitter": "Jane Wu", "Tough times": "mother"},
    ),
    (
        "shape",
        'The judge, Ann Barr, told the defendant, Eric Stiles, that his actions were "cruel and '
        'calculated."',
        {"cruel and calculated": "Ann Barr"},
    ),
    (
        "shape",
        'Paulsen, 43, pleaded guilty. "I knew it was wrong," he told the court. Judge Mary Ames '
        'sentenced him to two years, saying he had shown "genuine remorse."',
        {"knew it was wrong": "Paulsen", "genuine remorse": "Mary Ames"},
    ),
    (
        "shape",
        "Nobody from the ministry would comment. A ministry official, reached by phone, said only: "
        '"We are looking into it."',
        {"looking into it": "official"},
    ),
    # --- verbs of judging, words inside the writer's clause, nested speech ----------------
    (
        "judging",
        'Senate leader Ann Tully accused the governor of "lying to the people of this state."',
        {"lying to the people": "Ann Tully"},
    ),
    (
        "judging",
        'Rep. Dale Brock blasted the plan as "cruel and un-American," and the White House said it '
        "would respond on Monday.",
        {"cruel and un-American": "Dale Brock"},
    ),
    (
        "judging",
        'After Governor Ray Stone called the press "the enemy of the people," Senator Lou Flynn '
        "said he was ashamed of his party.",
        {"enemy of the people": "Ray Stone"},
    ),
    (
        "judging",
        'Mayor Beth Crowe praised the officers for their "extraordinary courage" on Sunday.',
        {"extraordinary courage": "Beth Crowe"},
    ),
    (
        "judging",
        '"He is a liar," Vice President Carl Pence said of his rival, Tom Burden.',
        {"He is a liar": "Carl Pence"},
    ),
    (
        "judging",
        'Sen. Joan Hardy has repeatedly said the inquiry is a "witch hunt."',
        {"witch hunt": "Joan Hardy"},
    ),
    (
        "judging",
        'Lena Shaw said Gary Holt told her, "You\'re fired," in front of the whole office.',
        {"You're fired": "Gary Holt"},
    ),
    (
        "judging",
        'The Ledger reported that Cole told associates he was "finished" in politics.',
        {"finished": "Cole"},
    ),
    (
        "judging",
        '"Enough is enough." That was how Senator Ruth Abel summed up the talks on Friday.',
        {"Enough is enough": "Ruth Abel"},
    ),
    (
        "judging",
        'His message to voters was simple: "Trust me." Governor Al Kerr repeated it at every stop.',
        {"Trust me": "Al Kerr"},
    ),
    (
        "judging",
        'Democrats in the House called for "a full and independent investigation." Speaker Joe '
        "Dunn said he would consider it.",
        {"full and independent investigation": "Democrats"},
    ),
    (
        "judging",
        'Rival candidate Ivy Marsh mocked Tom Bell\'s "secret plan" on Tuesday. Bell said he '
        "would publish it in June.",
        {"secret plan": "Ivy Marsh"},
    ),
    # --- a programme, a paper or a podcast beside who speaks -----------------------------
    (
        "programme",
        'Sen. Lane Graves, R-S.C., told "Fox & Friends" on Monday that the deal was "a good start."',
        {"Fox & Friends": None, "a good start": "Lane Graves"},
    ),
    (
        "programme",
        'Speaking on MSNBC\'s "Morning Joe," Rep. Ada Kline said the party needed "new blood."',
        {"Morning Joe": None, "new blood": "Ada Kline"},
    ),
    (
        "programme",
        'The Times\'s podcast "The Weekly" interviewed Mayor Ben Ruiz, who said the city was '
        '"turning a corner."',
        {"The Weekly": None, "turning a corner": "Ben Ruiz"},
    ),
    (
        "programme",
        'In his book, "A Life in Public," former governor Ed Nash wrote that he had "no regrets."',
        {"A Life in Public": None, "no regrets": "Ed Nash"},
    ),
    (
        "programme",
        'Hanna Lee, the author of "Broken Promises," said the report "confirms everything."',
        {"Broken Promises": None, "confirms everything": "Hanna Lee"},
    ),
    (
        "programme",
        'The ad, paid for by the Carver campaign, says Senator Bo Lind "voted to cut Medicare."',
        {"voted to cut Medicare": "Carver campaign"},
    ),
    # --- a group that speaks as they, we, the party ---------------------------------------
    (
        "group",
        'The Democrats on the committee walked out on Thursday. "This hearing is a sham," they said '
        "in a joint statement.",
        {"hearing is a sham": "Democrats"},
    ),
    (
        "group",
        'Parents at Lincoln Elementary said they were "blindsided" by the decision to close the '
        "school.",
        {"blindsided": "Parents"},
    ),
    (
        "group",
        'The union said its members would "not go back without a contract," and the company said it '
        "was disappointed.",
        {"not go back": "union"},
    ),
    (
        "group",
        'The Republican National Committee called the ruling "a win for voters" in a statement on '
        "Friday.",
        {"a win for voters": "Republican National Committee"},
    ),
    # --- a tweet embedded in the page, with its author's line ------------------------------
    (
        "embed",
        "The senator replied within minutes.\n\n"
        "Nobody is above the law. Not even the president. — Sen. Ana Brill (@SenBrill) May 3, 2019\n\n"
        'Brill later told reporters the tweet "speaks for itself."',
        {"speaks for itself": "Ana Brill"},
    ),
    (
        "embed",
        'Gov. Pat Dorsey wrote on Twitter: "Our thoughts are with the families tonight." He '
        "ordered flags lowered to half-staff.",
        {"thoughts are with the families": "Pat Dorsey"},
    ),
    (
        "embed",
        'The account, which belongs to Mayor Ike Tran, posted: "See you at the polls!"',
        {"See you at the polls": "Ike Tran"},
    ),
    # --- people in a row, each speaking ------------------------------------------------------
    (
        "crowd",
        'At the meeting, resident Joe Ames said the plant was "poisoning our kids." Another '
        'resident, Lily Chen, said she had "never smelled anything like it." The plant\'s manager, '
        'Kurt Boll, said the emissions were "within legal limits."',
        {
            "poisoning our kids": "Joe Ames",
            "never smelled": "Lily Chen",
            "within legal limits": "Kurt Boll",
        },
    ),
    (
        "crowd",
        '"We want our jobs back," said one worker, Ted Ruiz. "They promised us," added another, '
        "Mona Patel.",
        {"jobs back": "Ted Ruiz", "They promised us": "Mona Patel"},
    ),
    (
        "crowd",
        'Mayor Owen Pratt and police Chief Dana Cruz spoke after the shooting. "This city will not '
        'be intimidated," Pratt said. Cruz added that the suspect was "in custody."',
        {"not be intimidated": "Owen Pratt", "in custody": "Dana Cruz"},
    ),
    (
        "crowd",
        'Senator Mia Gold and Senator Tom Rudd disagreed sharply. Gold called the bill "a lifeline"; '
        'Rudd called it "a blank check."',
        {"a lifeline": "Mia Gold", "a blank check": "Tom Rudd"},
    ),
    # --- the speaker after the quotation, past the next person mentioned -------------------
    (
        "after",
        '"I told the president this would happen," said Adm. Lucy Brand, who retired in May.',
        {"told the president": "Lucy Brand"},
    ),
    (
        "after",
        '"Governor Tate has failed this state," said Amy Ross, the Democratic candidate.',
        {"Tate has failed": "Amy Ross"},
    ),
    (
        "after",
        '"Ask Senator Hill why he voted against it," Trent Ward, the challenger, told the crowd.',
        {"Ask Senator Hill": "Trent Ward"},
    ),
    (
        "after",
        "\"My father always said you don't quit,\" said Jo Kemp, the coach's daughter.",
        {"always said you don't quit": "Jo Kemp"},
    ),
    (
        "crowd",
        '"We were never consulted," said one nurse, Ada Finn. "Not once," said another, Rosa Lind.',
        {"never consulted": "Ada Finn", "Not once": "Rosa Lind"},
    ),
    # --- words a copula sets equal to what someone said -------------------------------
    (
        "copula",
        '"Reckless and cruel" is how Senator Dan Ortiz described the cuts on Thursday.',
        {"Reckless and cruel": "Dan Ortiz"},
    ),
    (
        "copula",
        'What Mayor Lia Grant called the new budget was "a promise kept."',
        {"a promise kept": "Lia Grant"},
    ),
    # --- shapes seen in other outlets' copy: signed lines, inverted verbs, descriptions ---
    (
        "signed",
        '"The election was not stolen. Anyone who says it was is lying to you."\n\n'
        "— Rep. Lynn Marsh (R-Wyo.), in a tweet, May 3, 2021\n\n"
        "Marsh has been criticized by members of her own party.",
        {"election was not stolen": "Lynn Marsh"},
    ),
    (
        "signed",
        '"Was the governor paid for these books? Is she profiting from the crisis?"\n\n'
        "— Party Chair Rhonda Kell, in a post on Facebook, April 26",
        {"paid for these books": "Rhonda Kell"},
    ),
    (
        "inverted",
        'Nora Vitale quit the paper on Tuesday. "Today I handed in my resignation," tweeted '
        "Vitale.",
        {"handed in my resignation": "Nora Vitale"},
    ),
    (
        "inverted",
        '"We are going to keep fighting," vowed Markham, whose district includes the plant.',
        {"keep fighting": "Markham"},
    ),
    (
        "description",
        "Rose Calder says the party is just as much a cult as the one she was raised in.\n\n"
        'Growing up in the group "gave me the ability to see the propaganda for what it is," the '
        "actor and activist said on Monday.",
        {"gave me the ability": "Rose Calder"},
    ),
    (
        "description",
        'Tom Reiner has written six books on the presidency. "No president has ever done this," '
        "the historian said.",
        {"No president has ever": "Tom Reiner"},
    ),
    (
        "programme",
        'The former governor on Tuesday revealed his new website, "From the Desk of Ray Hollis," '
        "which he said would let him speak freely.",
        {"From the Desk": None},
    ),
]

CASES += LONG_CASES
