"""A bench of contradictions written for this project: short reports of one event as
different US, UK and wire outlets write them, each with the contradictions a reader would
name, or none.

Each case is two or three reports (outlet, headline, publication time or None, text with
paragraphs split by blank lines) and the contradictions between them: the kind ("number",
"date" — a day or an hour —, "place") and two needles, each an exact stretch of one
report that carries one claim. A case with no contradiction is a control: anything
reported there is a false alarm. The labels follow `benchmarks/compare_real/RULES.md`: an
update, a vaguer value holding the other, different quantities, different events (the
event and the reaction to it), background of other years, are no contradiction; two
outlets giving different counts of one thing are, even when each cites another source,
since both cannot be true (a report that names both values itself says nothing against
either). The sentences are invented; no case is taken from a data set.

The week of the cases: Monday 2 March 2026 to Sunday 8 March 2026.
"""

from __future__ import annotations

# (outlet, headline, published, text)
Report = tuple[str, str, str | None, str]
# (kind, a stretch of one report, a stretch of another)
Expected = tuple[str, str, str]
# (group, reports, contradictions)
Case = tuple[str, list[Report], list[Expected]]

MON = "2026-03-02T18:00:00+00:00"
TUE = "2026-03-03T18:00:00+00:00"
WED = "2026-03-04T18:00:00+00:00"
THU = "2026-03-05T18:00:00+00:00"
FRI = "2026-03-06T18:00:00+00:00"
SAT = "2026-03-07T18:00:00+00:00"

CASES: list[Case] = [
    # ----------------------------------------------------------------- numbers -------
    (
        "number: killed / died",
        [
            (
                "Wire",
                "Bus plunges into ravine in Peru, killing 14",
                WED,
                "LIMA, Peru (Wire) — A bus plunged into a ravine in the southern Andes on "
                "Tuesday night, killing 14 passengers, police said.\n\n"
                "The bus was travelling from Cusco to Arequipa when the driver lost control on a "
                "sharp bend, according to a police statement.\n\n"
                "Rescuers worked through the night to reach the wreck.",
            ),
            (
                "UK daily",
                "Peru bus crash: nineteen dead after coach falls into gorge",
                WED,
                "Nineteen people died when a coach fell into a gorge in southern Peru, "
                "officials say.\n\n"
                "The vehicle left the road on a mountain bend on the route between Cusco and "
                "Arequipa.\n\n"
                "Local television showed the wreckage lying at the bottom of the gorge.",
            ),
        ],
        [("number", "killing 14 passengers", "Nineteen people died")],
    ),
    (
        "number: deaths as a noun",
        [
            (
                "US paper",
                "Apartment fire kills six in Newark",
                TUE,
                "A fire tore through a four-storey apartment building in Newark early Monday, "
                "killing six residents, fire officials said.\n\n"
                "The blaze started in a ground-floor kitchen, the fire chief said.\n\n"
                "More than 40 people were forced from their homes.",
            ),
            (
                "Wire",
                "Eight dead in Newark apartment blaze",
                TUE,
                "NEWARK, N.J. (Wire) — There were eight deaths in a fire at a Newark apartment "
                "building on Monday, the city's fire department said.\n\n"
                "Investigators believe the fire began in a kitchen on the ground floor.",
            ),
        ],
        [("number", "killing six residents", "eight deaths")],
    ),
    (
        "number: passive and active",
        [
            (
                "US paper",
                "Police arrest 23 at climate protest",
                TUE,
                "Police arrested 23 protesters who blocked a bridge in central Portland on "
                "Monday, a police spokeswoman said.\n\n"
                "The demonstrators were calling for an end to new oil leases.\n\n"
                "Traffic was diverted for most of the morning.",
            ),
            (
                "Wire",
                "Dozens held at Portland bridge protest",
                TUE,
                "PORTLAND, Ore. (Wire) — Thirty-one protesters were arrested after blocking a "
                "bridge in Portland on Monday to demand an end to oil leases.\n\n"
                "Traffic was diverted for several hours.",
            ),
        ],
        [("number", "arrested 23 protesters", "Thirty-one protesters were arrested")],
    ),
    (
        "number: the value in the lead and in paragraph four",
        [
            (
                "Wire",
                "Factory blast injures 40 in Ohio",
                WED,
                "A blast at a chemical plant in Dayton, Ohio, injured 40 workers on Tuesday, "
                "the company said.\n\n"
                "The explosion happened during a shift change.",
            ),
            (
                "US paper",
                "Explosion rocks Dayton chemical plant",
                WED,
                "An explosion shook a chemical plant in Dayton, Ohio, on Tuesday afternoon.\n\n"
                "Neighbours said windows rattled a mile away.\n\n"
                "The plant makes industrial solvents and employs about 300 people.\n\n"
                "In all, 52 workers were hurt in the blast, the company said.\n\n"
                "State inspectors were at the site on Wednesday.",
            ),
        ],
        [("number", "injured 40 workers", "52 workers were hurt")],
    ),
    (
        "number: counts written as words",
        [
            (
                "UK daily",
                "Three climbers die on Ben Nevis",
                MON,
                "Three climbers died in an avalanche on Ben Nevis on Sunday, police said.\n\n"
                "The group had set out early in the morning.\n\n"
                "Mountain rescue teams recovered the bodies in the afternoon.",
            ),
            (
                "UK broadcaster",
                "Avalanche on Ben Nevis",
                MON,
                "Four climbers have been killed in an avalanche on Ben Nevis, police have "
                "confirmed.\n\n"
                "The avalanche struck on Sunday morning on the north face.\n\n"
                "Rescue teams were called out shortly after 10:00.",
            ),
        ],
        [("number", "Three climbers died", "Four climbers have been killed")],
    ),
    (
        "number: a quoted claim against an asserted one",
        [
            (
                "US paper",
                "Gas leak sends dozen to hospital",
                WED,
                "A gas leak at a school in Fresno sent 12 people to hospital on Tuesday, "
                "police said.\n\n"
                "The school was evacuated and classes were cancelled for the day.",
            ),
            (
                "Local TV",
                "Fresno school gas leak",
                WED,
                "Fifteen people were taken to hospital after a gas leak at a Fresno school on "
                "Tuesday.\n\n"
                "Crews from the gas company shut off the line in the afternoon.",
            ),
        ],
        [("number", "12 people to hospital", "Fifteen people were taken")],
    ),
    (
        "number: a person's age given twice",
        [
            (
                "US paper",
                "Teacher charged in crash that killed cyclist",
                THU,
                "A teacher was charged on Wednesday over a crash that killed a cyclist in "
                "Tucson.\n\n"
                "Karen Doyle, 34, was driving home from work when her car hit the cyclist, "
                "police said.\n\n"
                "She was released on bail.",
            ),
            (
                "Wire",
                "Arizona driver charged after cyclist dies",
                THU,
                "TUCSON, Ariz. (Wire) — An Arizona woman was charged on Wednesday in the death "
                "of a cyclist.\n\n"
                "Karen Doyle, 36, faces a charge of vehicular manslaughter, prosecutors said.",
            ),
        ],
        [("number", "Karen Doyle, 34", "Karen Doyle, 36")],
    ),
    (
        "number: an age as 'aged' and as an adjective",
        [
            (
                "UK daily",
                "Veteran actor dies",
                TUE,
                "The actor Peter Lane has died aged 81, his family said on Monday.\n\n"
                "Lane was best known for his stage work in London.",
            ),
            (
                "US paper",
                "Peter Lane, stage actor, dies",
                TUE,
                "Peter Lane, the British stage actor, died on Sunday. He was 79.\n\n"
                "His family announced the death in a statement.",
            ),
        ],
        [("number", "aged 81", "He was 79")],
    ),
    (
        "number: a sum of money",
        [
            (
                "Wire",
                "Navy awards shipyard contract",
                WED,
                "WASHINGTON (Wire) — The Navy awarded a $2.1 billion contract to a Virginia "
                "shipyard on Tuesday to build two supply ships.\n\n"
                "The ships are due to be delivered in 2030.",
            ),
            (
                "US paper",
                "Virginia yard wins Navy deal",
                WED,
                "A Virginia shipyard won a $2.4 billion Navy contract on Tuesday to build two "
                "supply ships, the Pentagon said.\n\n"
                "The yard employs about 9,000 people.",
            ),
        ],
        [("number", "$2.1 billion", "$2.4 billion")],
    ),
    (
        "number: a vote's tally",
        [
            (
                "US paper",
                "Senate passes farm bill",
                WED,
                "The Senate passed the farm bill 52-48 on Tuesday, sending it to the "
                "president.\n\n"
                "The bill extends crop insurance for five years.",
            ),
            (
                "Wire",
                "Farm bill clears Senate",
                WED,
                "WASHINGTON (Wire) — Senators approved the farm bill by a vote of 51-49 on "
                "Tuesday.\n\n"
                "The measure now goes to the president.",
            ),
        ],
        [("number", "52-48", "51-49")],
    ),
    (
        "number: a ferry's licensed capacity",
        [
            (
                "Wire",
                "Ferry capsizes off Indonesian island",
                TUE,
                "JAKARTA (Wire) — A ferry capsized off the island of Sulawesi on Monday.\n\n"
                "The ferry was licensed to carry 150 passengers, officials said.\n\n"
                "Divers were searching the hull.",
            ),
            (
                "UK daily",
                "Indonesia ferry overturns",
                TUE,
                "A passenger ferry overturned off Sulawesi in Indonesia on Monday.\n\n"
                "The vessel had a licensed capacity of 200 passengers.\n\n"
                "Bad weather hampered the search.",
            ),
        ],
        [("number", "150 passengers", "200 passengers")],
    ),
    (
        "number: a rate in percent",
        [
            (
                "US paper",
                "Jobless rate falls",
                FRI,
                "The unemployment rate fell to 4.1 percent in February, the Labor Department "
                "said on Friday.\n\n"
                "Employers added jobs in health care and construction.",
            ),
            (
                "Wire",
                "US unemployment dips in February",
                FRI,
                "WASHINGTON (Wire) — The U.S. unemployment rate dipped to 4.3 percent in "
                "February, government data showed on Friday.\n\n"
                "Hiring was strongest in health care.",
            ),
        ],
        [("number", "4.1 percent", "4.3 percent")],
    ),
    (
        "number: a prison sentence",
        [
            (
                "US paper",
                "Former mayor sentenced",
                THU,
                "A former mayor of Riverton was sentenced to 12 years in prison on Wednesday "
                "for taking bribes from developers.\n\n"
                "He had pleaded guilty in November.",
            ),
            (
                "Local TV",
                "Ex-mayor gets 15 years",
                THU,
                "A judge on Wednesday sentenced the former Riverton mayor to 15 years in "
                "prison for bribery.\n\n"
                "Prosecutors had asked for 20 years.",
            ),
        ],
        [("number", "12 years", "15 years")],
    ),
    (
        "number: rescued, passive and active, word and digit",
        [
            (
                "Wire",
                "Firefighters rescue nine from flooded tunnel",
                TUE,
                "Firefighters rescued 9 people from a flooded road tunnel in Lyon on Monday, "
                "the fire service said.\n\n"
                "Heavy rain had fallen for two days.",
            ),
            (
                "UK daily",
                "Drivers trapped in flooded Lyon tunnel",
                TUE,
                "Eleven people were rescued by firefighters from a flooded tunnel in Lyon on "
                "Monday.\n\n"
                "Some drivers climbed onto the roofs of their cars.",
            ),
        ],
        [("number", "rescued 9 people", "Eleven people were rescued")],
    ),
    (
        "number: an earthquake's magnitude",
        [
            (
                "Wire",
                "Strong quake hits central Chile",
                TUE,
                "SANTIAGO (Wire) — A magnitude 6.4 earthquake struck central Chile on Monday, "
                "the U.S. Geological Survey said.\n\n"
                "There were no immediate reports of damage.",
            ),
            (
                "US paper",
                "Earthquake shakes Chile",
                TUE,
                "An earthquake of magnitude 6.1 shook central Chile on Monday, rattling "
                "buildings in Santiago.\n\n"
                "No damage was reported.",
            ),
        ],
        [("number", "magnitude 6.4", "magnitude 6.1")],
    ),
    (
        "number: three reports, one against two",
        [
            (
                "Wire",
                "Train derails in India",
                TUE,
                "NEW DELHI (Wire) — A passenger train derailed in eastern India on Monday, "
                "killing 23 people, railway officials said.\n\n"
                "Several coaches overturned.",
            ),
            (
                "UK daily",
                "Indian train derailment",
                TUE,
                "Twenty-three people were killed when a passenger train derailed in eastern "
                "India on Monday.\n\n"
                "Rescuers cut through the overturned coaches.",
            ),
            (
                "US paper",
                "Deadly derailment in India",
                TUE,
                "A passenger train derailed in eastern India on Monday, killing 31 people, "
                "officials said.\n\n"
                "It was the country's worst rail accident in years.",
            ),
        ],
        [
            ("number", "killing 23 people", "killing 31 people"),
            ("number", "Twenty-three people were killed", "killing 31 people"),
        ],
    ),
    (
        "number: a range against a value outside it",
        [
            (
                "US paper",
                "Wildfire destroys homes in Colorado",
                WED,
                "A wildfire destroyed between 200 and 300 homes in northern Colorado on "
                "Tuesday, officials said.\n\n"
                "Thousands of residents were ordered to leave.",
            ),
            (
                "Wire",
                "Colorado fire burns homes",
                WED,
                "DENVER (Wire) — About 1,000 homes were destroyed by a wildfire in northern "
                "Colorado on Tuesday.\n\n"
                "Evacuation orders covered several towns.",
            ),
        ],
        [("number", "between 200 and 300 homes", "About 1,000 homes")],
    ),
    (
        "number: two outlets citing different sources",
        [
            (
                "US paper",
                "Thousands march in Madrid",
                MON,
                "Thousands marched through Madrid on Sunday against housing costs.\n\n"
                "Police estimated the crowd at 10,000 people.\n\n"
                "The march ended in front of parliament.",
            ),
            (
                "UK daily",
                "Madrid housing march",
                MON,
                "Organisers said 50,000 people marched through Madrid on Sunday to protest "
                "against rising rents.\n\n"
                "The march ended outside parliament.",
            ),
        ],
        [("number", "10,000 people", "50,000 people")],
    ),
    (
        "number: people on board",
        [
            (
                "Wire",
                "Jet makes emergency landing",
                WED,
                "A passenger jet carrying 180 people made an emergency landing in Denver on "
                "Tuesday after an engine failed.\n\n"
                "No one was hurt.",
            ),
            (
                "US paper",
                "Engine failure forces landing",
                WED,
                "A jet with 210 people on board made an emergency landing in Denver on "
                "Tuesday when one engine failed.\n\n"
                "Passengers were taken off by stairs.",
            ),
        ],
        [("number", "carrying 180 people", "210 people on board")],
    ),
    # ------------------------------------------------------- numbers: controls -------
    (
        "number control: an update, a later count",
        [
            (
                "Wire",
                "Mine collapse kills 12",
                MON,
                "A coal mine collapsed in northern China on Monday, killing 12 miners, state "
                "media said.\n\n"
                "Rescuers were searching for others trapped underground.",
            ),
            (
                "UK daily",
                "China mine death toll rises",
                WED,
                "The death toll from Monday's mine collapse in northern China rose to 19 on "
                "Wednesday, state media said.\n\n"
                "Rescuers recovered more bodies overnight.",
            ),
        ],
        [],
    ),
    (
        "number control: at least 23 and 31",
        [
            (
                "Wire",
                "Storm kills at least 23",
                TUE,
                "A storm swept through the Philippines on Monday, killing at least 23 people, "
                "officials said.\n\n"
                "Many were still missing.",
            ),
            (
                "US paper",
                "Philippine storm",
                TUE,
                "A storm killed 31 people in the Philippines on Monday, officials said.\n\n"
                "Thousands were moved to shelters.",
            ),
        ],
        [],
    ),
    (
        "number control: one side's offer, the other side's demand",
        [
            (
                "US paper",
                "Nurses strike at city hospitals",
                TUE,
                "Nurses at three city hospitals went on strike on Monday after talks "
                "failed.\n\n"
                "The union is demanding a raise of 9 percent over two years.",
            ),
            (
                "Local TV",
                "Hospital nurses walk out",
                TUE,
                "Nurses walked off the job at three city hospitals on Monday.\n\n"
                "The hospitals have offered a raise of 4 percent over two years.",
            ),
        ],
        [],
    ),
    (
        "number control: the injured and the dead",
        [
            (
                "Wire",
                "Bus crash in Turkey",
                TUE,
                "ISTANBUL (Wire) — A bus collided with a truck in central Turkey on Monday, "
                "killing five people, the governor said.\n\n"
                "The bus was carrying pilgrims.",
            ),
            (
                "UK daily",
                "Turkey bus collision",
                TUE,
                "A bus crash in central Turkey on Monday left 30 people injured, the governor "
                "said.\n\n"
                "The bus had collided with a lorry.",
            ),
        ],
        [],
    ),
    (
        "number control: a past disaster as background",
        [
            (
                "US paper",
                "Landslide kills 12 in Nepal",
                TUE,
                "A landslide buried a village in western Nepal on Monday, killing 12 people.\n\n"
                "It was the deadliest landslide since 2019, when 40 people died in the same "
                "district.",
            ),
            (
                "Wire",
                "Nepal landslide",
                TUE,
                "KATHMANDU (Wire) — Twelve people were killed when a landslide buried a village "
                "in western Nepal on Monday.\n\n"
                "Rescuers dug through the mud by hand.",
            ),
        ],
        [],
    ),
    (
        "number control: a part and the total",
        [
            (
                "US paper",
                "School bus crash",
                WED,
                "A school bus overturned on a highway in Georgia on Tuesday, injuring 30 "
                "people.\n\n"
                "Of those hurt, 12 were children.",
            ),
            (
                "Wire",
                "Georgia bus overturns",
                WED,
                "A school bus overturned on a Georgia highway on Tuesday and 30 people were "
                "injured, police said.\n\n"
                "The driver was treated for minor cuts.",
            ),
        ],
        [],
    ),
    (
        "number control: one night's count, the next night's",
        [
            (
                "UK daily",
                "Arrests after second night of riots",
                MON,
                "Police arrested 45 people during rioting in the city on Friday night.\n\n"
                "On Saturday night a further 60 people were arrested, police said.",
            ),
            (
                "Wire",
                "Dozens more arrested",
                MON,
                "Police arrested 60 people on Saturday night after a second night of unrest, "
                "a police spokesman said.\n\n"
                "Shops were looted in the city centre.",
            ),
        ],
        [],
    ),
    (
        "number control: hundreds and 400",
        [
            (
                "Wire",
                "Hundreds evacuated after chemical spill",
                WED,
                "Hundreds of people were evacuated from their homes after a chemical spill in "
                "Baton Rouge on Tuesday.\n\n"
                "A tanker truck had overturned on the highway.",
            ),
            (
                "Local TV",
                "Chemical spill forces evacuation",
                WED,
                "About 400 people were evacuated after a tanker truck spilled chemicals in "
                "Baton Rouge on Tuesday.\n\n"
                "Officials lifted the order in the evening.",
            ),
        ],
        [],
    ),
    (
        "number control: one outlet gives both sources' counts",
        [
            (
                "US paper",
                "Crowds march in Rome",
                MON,
                "Crowds marched in Rome on Sunday against pension cuts.\n\n"
                "Police put the crowd at 20,000, while organisers said 80,000 people took "
                "part.",
            ),
            (
                "Wire",
                "Rome pension march",
                MON,
                "ROME (Wire) — Organisers said 80,000 people marched in Rome on Sunday against "
                "pension cuts.\n\n"
                "The march passed without incident.",
            ),
        ],
        [],
    ),
    (
        "number control: one value written two ways",
        [
            (
                "UK daily",
                "A dozen hurt in Glasgow crash",
                WED,
                "A dozen people were hurt when a tram hit a bus in Glasgow on Tuesday.\n\n"
                "The tram driver was not injured.",
            ),
            (
                "Wire",
                "Tram hits bus in Glasgow",
                WED,
                "Twelve people were hurt when a tram collided with a bus in Glasgow on "
                "Tuesday, police said.\n\n"
                "The line was closed for several hours.",
            ),
        ],
        [],
    ),
    (
        "number control: the votes of two chambers",
        [
            (
                "US paper",
                "House passes border bill",
                THU,
                "The House passed the border bill 230-190 on Wednesday.\n\n"
                "The Senate passed its own version 60-40 last month.",
            ),
            (
                "Wire",
                "Border bill clears House",
                THU,
                "WASHINGTON (Wire) — The House approved the border bill on Wednesday by a vote "
                "of 230-190.\n\n"
                "The bill now goes to a conference with the Senate.",
            ),
        ],
        [],
    ),
    (
        "number control: the ages of two people",
        [
            (
                "US paper",
                "Couple found safe after hiking ordeal",
                TUE,
                "A couple missing for three days in the Sierra Nevada were found alive on "
                "Monday.\n\n"
                "Tom Berg, 45, and his wife, Linda Berg, 43, had run out of food.",
            ),
            (
                "Local TV",
                "Missing hikers rescued",
                TUE,
                "Rescuers found Tom Berg, 45, and his wife alive in the Sierra Nevada on "
                "Monday after three days.\n\n"
                "The couple were taken to hospital.",
            ),
        ],
        [],
    ),
    (
        "number control: about 100 and 106",
        [
            (
                "Wire",
                "Flights cancelled in snowstorm",
                WED,
                "About 100 flights were cancelled at Chicago's O'Hare airport on Tuesday as a "
                "snowstorm hit the city.\n\n"
                "Airlines warned of more delays.",
            ),
            (
                "US paper",
                "Snow grounds flights",
                WED,
                "Airlines cancelled 106 flights at O'Hare on Tuesday as snow fell across "
                "Chicago.\n\n"
                "Schools closed early.",
            ),
        ],
        [],
    ),
    # --------------------------------------------------------------- dates, times -----
    (
        "date: one event, two verbs (passed / approved)",
        [
            (
                "US paper",
                "Senate passes water bill",
                THU,
                "The Senate passed a bill on Tuesday to replace lead water pipes in older "
                "cities.\n\n"
                "The bill provides $15 billion over ten years.",
            ),
            (
                "Wire",
                "Senators back lead pipe plan",
                THU,
                "WASHINGTON (Wire) — Senators approved a bill on Wednesday to replace lead "
                "water pipes in older cities.\n\n"
                "The measure provides $15 billion over ten years.",
            ),
        ],
        [("date", "on Tuesday", "on Wednesday")],
    ),
    (
        "date: relative days against different publication days",
        [
            (
                "Wire",
                "Storm makes landfall in Louisiana",
                WED,
                "NEW ORLEANS (Wire) — Tropical Storm Ada made landfall in Louisiana on "
                "Tuesday, bringing heavy rain.\n\n"
                "Thousands of homes lost power.",
            ),
            (
                "US paper",
                "Ada comes ashore",
                THU,
                "Tropical Storm Ada came ashore in Louisiana on Monday with heavy rain and "
                "strong winds.\n\n"
                "Power was cut to thousands of homes.",
            ),
        ],
        [("date", "on Tuesday", "on Monday")],
    ),
    (
        "date: a calendar date against a weekday",
        [
            (
                "US paper",
                "Pop star cancels tour",
                FRI,
                "The singer Mara Vale cancelled her world tour on March 3, citing "
                "exhaustion.\n\n"
                "Fans who bought tickets will get refunds.",
            ),
            (
                "UK daily",
                "Mara Vale calls off tour",
                FRI,
                "Mara Vale called off her world tour on Wednesday, saying she was "
                "exhausted.\n\n"
                "Refunds will be offered.",
            ),
        ],
        [("date", "on March 3", "on Wednesday")],
    ),
    (
        "date: 'yesterday' in a UK daily",
        [
            (
                "UK daily",
                "Minister resigns over expenses",
                WED,
                "The transport minister, Helen Marsh, resigned yesterday over her expense "
                "claims.\n\n"
                "Her departure is the third from the cabinet this year.",
            ),
            (
                "Wire",
                "British minister quits",
                WED,
                "LONDON (Wire) — British transport minister Helen Marsh resigned on Monday "
                "over her expense claims.\n\n"
                "She denied wrongdoing.",
            ),
        ],
        [("date", "yesterday", "on Monday")],
    ),
    (
        "time: the hour of one event, two verbs (erupted / blew)",
        [
            (
                "Wire",
                "Volcano erupts in Iceland",
                TUE,
                "REYKJAVIK (Wire) — A volcano on the Reykjanes peninsula erupted shortly "
                "after 8 a.m. on Monday.\n\n"
                "Lava flowed away from the nearest town.",
            ),
            (
                "UK daily",
                "Iceland volcano",
                TUE,
                "A volcano on Iceland's Reykjanes peninsula blew at about 10 a.m. on "
                "Monday.\n\n"
                "Residents of the town had been evacuated.",
            ),
        ],
        [("time", "shortly after 8 a.m.", "at about 10 a.m.")],
    ),
    (
        "date: announced / unveiled",
        [
            (
                "US paper",
                "Carmaker announces plant",
                THU,
                "Volta Motors announced a new battery plant in Tennessee on Monday that will "
                "employ 2,000 people.\n\n"
                "Construction begins next year.",
            ),
            (
                "Wire",
                "Volta to build battery plant",
                THU,
                "Volta Motors unveiled plans for a battery plant in Tennessee on Tuesday.\n\n"
                "The plant will employ 2,000 people.",
            ),
        ],
        [("date", "on Monday", "on Tuesday")],
    ),
    (
        "date: died, two days",
        [
            (
                "US paper",
                "Novelist Ruth Amsel dies",
                TUE,
                "Ruth Amsel, the novelist, died on Saturday at her home in Vermont.\n\n"
                "She wrote eleven novels.",
            ),
            (
                "UK daily",
                "Ruth Amsel obituary",
                TUE,
                "The American novelist Ruth Amsel has died at her home in Vermont.\n\n"
                "She died on Sunday, her publisher said.",
            ),
        ],
        [("date", "on Saturday", "on Sunday")],
    ),
    (
        "date: resigned / stepped down",
        [
            (
                "Wire",
                "Bank chief resigns",
                FRI,
                "The chief executive of Northgate Bank, Alan Shaw, resigned on Thursday after "
                "a trading loss.\n\n"
                "The bank's shares fell 6 percent.",
            ),
            (
                "UK daily",
                "Northgate boss quits",
                FRI,
                "Alan Shaw stepped down as chief executive of Northgate Bank on Wednesday "
                "following a trading loss.\n\n"
                "Shares in the bank dropped.",
            ),
        ],
        [("date", "on Thursday", "on Wednesday")],
    ),
    (
        "date: arrested, passive and active",
        [
            (
                "US paper",
                "Suspect arrested in bank robbery",
                WED,
                "A man suspected of robbing a bank in Omaha was arrested on Tuesday, police "
                "said.\n\n"
                "The robbery took place last week.",
            ),
            (
                "Local TV",
                "Omaha robbery arrest",
                WED,
                "Police arrested a suspect in the Omaha bank robbery on Monday.\n\n"
                "He is being held at the county jail.",
            ),
        ],
        [("date", "on Tuesday", "on Monday")],
    ),
    (
        "date: a plan announced, then told again the next day",
        [
            (
                "US paper",
                "Carmaker plans plant",
                WED,
                "Volta Motors announced on Monday that it will build a battery plant in "
                "Tennessee.\n\n"
                "The plant will employ 2,000 people.",
            ),
            (
                "Wire",
                "Volta to build battery plant",
                WED,
                "Volta Motors told investors on Tuesday that it would build a new battery plant "
                "in Tennessee.\n\n"
                "The plant will employ 2,000 people.",
            ),
        ],
        [],
    ),
    (
        "date: the day in paragraph three",
        [
            (
                "Wire",
                "Gunman kills two at mall",
                MON,
                "A gunman killed two people at a shopping mall in Tulsa on Saturday, police "
                "said.\n\n"
                "The gunman was shot by officers.",
            ),
            (
                "US paper",
                "Mall shooting in Tulsa",
                MON,
                "A gunman killed two people at a Tulsa shopping mall before officers shot "
                "him.\n\n"
                "Witnesses described panic as shoppers ran for the exits.\n\n"
                "The shooting happened on Sunday afternoon, police said.",
            ),
        ],
        [("date", "on Saturday", "on Sunday")],
    ),
    (
        "time: two clock times in two zones",
        [
            (
                "US paper",
                "Blackout hits East Coast",
                TUE,
                "A power failure cut electricity to millions on the East Coast at 2 a.m. EST "
                "on Monday.\n\n"
                "Power was restored by the afternoon.",
            ),
            (
                "Wire",
                "Huge blackout in US",
                TUE,
                "Millions lost power on the U.S. East Coast on Monday when the grid failed at "
                "0900 GMT.\n\n"
                "Power returned by afternoon.",
            ),
        ],
        [("time", "2 a.m. EST", "0900 GMT")],
    ),
    (
        "date: a month of signing",
        [
            (
                "US paper",
                "Trade deal takes effect",
                MON,
                "A trade deal between Canada and Chile took effect on Sunday.\n\n"
                "The two countries signed the agreement in June.",
            ),
            (
                "Wire",
                "Canada-Chile trade pact in force",
                MON,
                "A trade pact between Canada and Chile came into force on Sunday.\n\n"
                "Canada and Chile signed the pact in August.",
            ),
        ],
        [("date", "in June", "in August")],
    ),
    (
        "date: capsized / overturned, with three reports",
        [
            (
                "Wire",
                "Ferry capsizes on Lake Victoria",
                WED,
                "KAMPALA (Wire) — A ferry capsized on Lake Victoria on Tuesday, police "
                "said.\n\n"
                "Fishermen pulled survivors from the water.",
            ),
            (
                "UK daily",
                "Lake Victoria ferry disaster",
                WED,
                "A ferry overturned on Lake Victoria on Tuesday.\n\n"
                "Fishermen helped rescue passengers.",
            ),
            (
                "US paper",
                "Ferry sinks in Uganda",
                WED,
                "A ferry sank on Lake Victoria on Monday, police said.\n\n"
                "Survivors were pulled from the water by fishermen.",
            ),
        ],
        [
            ("date", "capsized on Lake Victoria on Tuesday", "on Monday"),
            ("date", "overturned on Lake Victoria on Tuesday", "on Monday"),
        ],
    ),
    (
        "date: a crash told as a participle on the vehicle",
        [
            (
                "Wire",
                "Minibus overturns in Kenya",
                SAT,
                "NAIROBI (Wire) — A minibus overturned on the Nairobi-Mombasa highway on "
                "Friday, police said.\n\n"
                "Eleven passengers were taken to hospital in Nakuru.",
            ),
            (
                "US paper",
                "Kenya minibus crash",
                SAT,
                "A minibus carrying 14 people crashed on the Nairobi-Mombasa highway on "
                "Thursday, injuring eleven of them.\n\n"
                "The injured were taken to a hospital in Nakuru.",
            ),
        ],
        [("date", "on Friday", "on Thursday")],
    ),
    (
        "date: a crash told as a participle, then the search the next day",
        [
            (
                "Wire",
                "Minibus overturns in Kenya",
                WED,
                "NAIROBI (Wire) — A minibus overturned on the Nairobi-Mombasa highway on "
                "Monday, police said.\n\n"
                "Eleven passengers were taken to hospital.",
            ),
            (
                "UK daily",
                "Search for missing after Kenya crash",
                WED,
                "Rescuers searched on Tuesday for two people missing after a minibus overturned "
                "on the Nairobi-Mombasa highway.\n\n"
                "Eleven passengers were taken to hospital.",
            ),
        ],
        [],
    ),
    (
        "date: the day a law was signed",
        [
            (
                "US paper",
                "Governor signs gun law",
                FRI,
                "Governor Dana Price signed a law on Tuesday that bans high-capacity "
                "magazines.\n\n"
                "Gun groups said they would sue.",
            ),
            (
                "Wire",
                "Gun law signed",
                FRI,
                "Governor Dana Price signed the magazine ban into law on Thursday.\n\n"
                "Gun rights groups promised a lawsuit.",
            ),
        ],
        [("date", "on Tuesday", "on Thursday")],
    ),
    (
        "date: a wire dateline's day against a weekday",
        [
            (
                "Wire",
                "Strike halts trains in France",
                THU,
                "PARIS, March 4 (Wire) — A rail strike halted most trains across France on "
                "Wednesday.\n\n"
                "Unions oppose a pension reform.",
            ),
            (
                "UK daily",
                "French rail strike",
                THU,
                "A rail strike brought trains across France to a halt on Thursday.\n\n"
                "The unions are fighting a pension reform.",
            ),
        ],
        [("date", "on Wednesday", "on Thursday")],
    ),
    # ------------------------------------------------------ dates: controls ----------
    (
        "date control: the event and the reaction",
        [
            (
                "US paper",
                "Court strikes down voting law",
                WED,
                "A federal court struck down a state voting law on Monday.\n\n"
                "The law required two forms of identification.",
            ),
            (
                "Wire",
                "Governor attacks ruling",
                WED,
                "The governor on Tuesday attacked a court ruling that struck down the state's "
                "voting law.\n\n"
                "The state will appeal, he said.",
            ),
        ],
        [],
    ),
    (
        "date control: one day told against two publication days",
        [
            (
                "Wire",
                "Bridge closed after crack found",
                WED,
                "Engineers closed the Harbor Bridge on Tuesday after finding a crack in a "
                "support beam.\n\n"
                "Traffic was diverted.",
            ),
            (
                "US paper",
                "Harbor Bridge stays shut",
                THU,
                "The Harbor Bridge, which engineers closed on Tuesday after finding a crack, "
                "will stay shut for a month.\n\n"
                "Commuters face long detours.",
            ),
        ],
        [],
    ),
    (
        "date control: yesterday and the weekday it names",
        [
            (
                "UK daily",
                "Airport runway closed",
                WED,
                "Gatwick closed its runway for three hours yesterday after a drone was "
                "seen.\n\n"
                "Dozens of flights were diverted.",
            ),
            (
                "Wire",
                "Drone halts Gatwick flights",
                WED,
                "LONDON (Wire) — Gatwick airport closed its runway for three hours on Tuesday "
                "after a drone sighting.\n\n"
                "Flights were diverted.",
            ),
        ],
        [],
    ),
    (
        "date control: the day of a statement",
        [
            (
                "Wire",
                "Ship seized in Gulf",
                FRI,
                "A tanker was seized in the Gulf on Tuesday, the navy said on Thursday.\n\n"
                "The crew were unharmed.",
            ),
            (
                "UK daily",
                "Tanker seized",
                FRI,
                "The navy said on Friday that a tanker carrying fuel oil had been seized in the "
                "Gulf on Tuesday.\n\n"
                "The crew were unharmed, it said.",
            ),
        ],
        [],
    ),
    (
        "date control: a background event of another year",
        [
            (
                "US paper",
                "River floods town",
                WED,
                "The Cedar River flooded the town of Marlow on Tuesday.\n\n"
                "The town last flooded in 2011, when the levee failed.",
            ),
            (
                "Local TV",
                "Marlow under water",
                WED,
                "The Cedar River burst its banks and flooded Marlow on Tuesday.\n\n"
                "Residents were moved to a school gym.",
            ),
        ],
        [],
    ),
    (
        "date control: last week and a day in it",
        [
            (
                "US paper",
                "Company recalls cribs",
                TUE,
                "Little Nest recalled 50,000 cribs last week after reports of injuries.\n\n"
                "Parents should stop using them.",
            ),
            (
                "Wire",
                "Crib recall",
                TUE,
                "Little Nest recalled 50,000 cribs on February 25 after reports of "
                "injuries.\n\n"
                "Refunds are available.",
            ),
        ],
        [],
    ),
    (
        "date control: one hour in two zones",
        [
            (
                "US paper",
                "Quake jolts Alaska",
                TUE,
                "An earthquake jolted southern Alaska at 2 a.m. EST on Monday.\n\n"
                "No damage was reported.",
            ),
            (
                "Wire",
                "Alaska earthquake",
                TUE,
                "An earthquake struck southern Alaska at 0700 GMT on Monday.\n\n"
                "There were no reports of damage.",
            ),
        ],
        [],
    ),
    (
        "date control: the same verb by two actors",
        [
            (
                "US paper",
                "Stopgap bill passes House",
                THU,
                "The House passed a stopgap spending bill on Monday.\n\n"
                "The bill keeps the government open until April.",
            ),
            (
                "Wire",
                "Congress clears stopgap bill",
                THU,
                "The Senate passed the stopgap spending bill on Wednesday, sending it to the "
                "president.\n\n"
                "It keeps the government funded until April.",
            ),
        ],
        [],
    ),
    (
        "date control: the shooting and the arrest",
        [
            (
                "Local TV",
                "Man shot outside bar",
                MON,
                "A man was shot outside a bar in Akron on Saturday night.\n\n"
                "He is in stable condition.",
            ),
            (
                "US paper",
                "Arrest in Akron shooting",
                MON,
                "Police arrested a suspect on Sunday in the shooting of a man outside an Akron "
                "bar.\n\n"
                "The victim is in stable condition.",
            ),
        ],
        [],
    ),
    (
        "date control: early Tuesday and Tuesday",
        [
            (
                "Wire",
                "Fire guts warehouse",
                WED,
                "A fire gutted a warehouse in Leeds early on Tuesday.\n\nNo one was hurt.",
            ),
            (
                "UK daily",
                "Leeds warehouse blaze",
                WED,
                "Fire gutted a warehouse in Leeds on Tuesday.\n\n"
                "Firefighters fought the blaze for hours.",
            ),
        ],
        [],
    ),
    (
        "date control: the vote and the debate before it",
        [
            (
                "US paper",
                "Council debates rent freeze",
                FRI,
                "The city council debated a rent freeze for six hours on Tuesday.\n\n"
                "Tenants packed the chamber.",
            ),
            (
                "Local TV",
                "Council approves rent freeze",
                FRI,
                "The city council approved a rent freeze on Thursday after a long debate.\n\n"
                "Landlords said they would challenge it.",
            ),
        ],
        [],
    ),
    (
        "date control: a relative day in a report without a date",
        [
            (
                "Blog",
                "Museum reopens",
                None,
                "The city museum reopened on Saturday after a two-year renovation.\n\n"
                "Visitors queued around the block.",
            ),
            (
                "US paper",
                "City museum reopens its doors",
                MON,
                "The city museum reopened on Saturday after two years of renovation.\n\n"
                "Crowds lined up outside.",
            ),
        ],
        [],
    ),
    # ------------------------------------------------------------------- places ------
    (
        "place: two cities",
        [
            (
                "UK daily",
                "Gas explosion destroys house",
                TUE,
                "A gas explosion destroyed a house in Leeds on Monday, injuring two "
                "people.\n\n"
                "Neighbours said they heard a loud bang.",
            ),
            (
                "UK broadcaster",
                "House destroyed in blast",
                TUE,
                "A gas blast destroyed a house in Bradford on Monday and injured two "
                "people.\n\n"
                "Residents nearby were evacuated.",
            ),
        ],
        [("place", "in Leeds", "in Bradford")],
    ),
    (
        "place: two countries",
        [
            (
                "Wire",
                "Plane crash in East Africa",
                TUE,
                "A small plane crashed in Kenya on Monday, killing four people, officials "
                "said.\n\n"
                "The plane was carrying tourists.",
            ),
            (
                "US paper",
                "Tourist plane crashes",
                TUE,
                "A small plane carrying tourists crashed in Uganda on Monday, killing four "
                "people.\n\n"
                "The cause is not known.",
            ),
        ],
        [("place", "in Kenya", "in Uganda")],
    ),
    (
        "place: the city of a summit",
        [
            (
                "Wire",
                "Leaders meet for climate talks",
                WED,
                "European leaders met in Geneva on Tuesday for talks on climate finance.\n\n"
                "No agreement was reached.",
            ),
            (
                "UK daily",
                "Climate summit ends without deal",
                WED,
                "European leaders met in Vienna on Tuesday to discuss climate finance.\n\n"
                "The talks ended without a deal.",
            ),
        ],
        [("place", "in Geneva", "in Vienna")],
    ),
    (
        "place: a rally, two verbs",
        [
            (
                "US paper",
                "Senator holds rally",
                MON,
                "Senator Mark Ellis held a campaign rally in Phoenix on Saturday.\n\n"
                "He spoke about border security.",
            ),
            (
                "Wire",
                "Ellis rallies supporters",
                MON,
                "Senator Mark Ellis rallied supporters in Tucson on Saturday.\n\n"
                "He spoke mostly about border security.",
            ),
        ],
        [("place", "in Phoenix", "in Tucson")],
    ),
    (
        "place: where a ship sank",
        [
            (
                "Wire",
                "Cargo ship sinks",
                WED,
                "A cargo ship sank off Crete on Tuesday, the coastguard said.\n\n"
                "All 14 crew were rescued.",
            ),
            (
                "UK daily",
                "Freighter lost at sea",
                WED,
                "A cargo ship sank off Malta on Tuesday.\n\n"
                "The coastguard rescued all 14 crew members.",
            ),
        ],
        [("place", "off Crete", "off Malta")],
    ),
    (
        "place: the place in paragraph three",
        [
            (
                "Wire",
                "Tornado hits town",
                TUE,
                "A tornado tore through a town in Oklahoma on Monday, damaging dozens of "
                "homes.\n\n"
                "No deaths were reported.\n\n"
                "The tornado struck Norman in the afternoon, the weather service said.",
            ),
            (
                "US paper",
                "Oklahoma tornado",
                TUE,
                "A tornado struck Moore, Oklahoma, on Monday afternoon, damaging dozens of "
                "homes.\n\n"
                "No one was killed.",
            ),
        ],
        [("place", "struck Norman", "struck Moore")],
    ),
    (
        "place: a born-in claim",
        [
            (
                "US paper",
                "New astronaut class named",
                WED,
                "NASA named Julia Park to its new astronaut class on Tuesday.\n\n"
                "Park was born in Ohio and trained as a pilot.",
            ),
            (
                "Wire",
                "NASA picks astronauts",
                WED,
                "NASA named Julia Park as an astronaut on Tuesday.\n\n"
                "Park, a pilot, was born in Texas.",
            ),
        ],
        [("place", "born in Ohio", "born in Texas")],
    ),
    # ----------------------------------------------------- places: controls ----------
    (
        "place control: a city and its state",
        [
            (
                "US paper",
                "Factory fire in Raleigh",
                TUE,
                "A fire destroyed a furniture factory in Raleigh on Monday.\n\nNo one was hurt.",
            ),
            (
                "Wire",
                "North Carolina factory fire",
                TUE,
                "A fire destroyed a furniture factory in North Carolina on Monday.\n\n"
                "Workers escaped unhurt.",
            ),
        ],
        [],
    ),
    (
        "place control: a borough and its city",
        [
            (
                "US paper",
                "Building collapses in Brooklyn",
                TUE,
                "A vacant building collapsed in Brooklyn on Monday.\n\nNo one was inside.",
            ),
            (
                "UK daily",
                "New York building collapse",
                TUE,
                "An empty building collapsed in New York on Monday.\n\nNobody was hurt.",
            ),
        ],
        [],
    ),
    (
        "place control: where the speaker was",
        [
            (
                "Wire",
                "Minister condemns attack",
                TUE,
                "A bomb exploded at a market in Kabul on Monday, killing six people.\n\n"
                "Speaking in London, the foreign minister condemned the attack.",
            ),
            (
                "UK daily",
                "Kabul market bombing",
                TUE,
                "A bomb exploded at a market in Kabul on Monday, killing six people.\n\n"
                "The foreign minister, in Paris for talks, condemned the bombing.",
            ),
        ],
        [],
    ),
    (
        "place control: the origin and the destination",
        [
            (
                "Wire",
                "Plane diverts after threat",
                WED,
                "A flight from Madrid to Lima was diverted on Tuesday after a bomb "
                "threat.\n\n"
                "It landed safely in Recife.",
            ),
            (
                "US paper",
                "Bomb threat diverts flight",
                WED,
                "A flight bound for Lima was diverted to Recife on Tuesday after a bomb "
                "threat.\n\n"
                "The plane had left Madrid in the morning.",
            ),
        ],
        [],
    ),
    (
        "place control: the crash and the trial",
        [
            (
                "US paper",
                "Trial opens over train crash",
                WED,
                "The trial of a train driver opened in Dallas on Tuesday.\n\n"
                "The crash killed three people in Houston last year.",
            ),
            (
                "Wire",
                "Driver on trial",
                WED,
                "A train driver went on trial in Dallas on Tuesday over a crash that killed "
                "three people.\n\n"
                "He denies wrongdoing.",
            ),
        ],
        [],
    ),
    (
        "place control: a dateline and the event's town",
        [
            (
                "Wire",
                "Wildfire forces evacuations",
                TUE,
                "LOS ANGELES (Wire) — A wildfire forced thousands to leave their homes in "
                "Malibu on Monday.\n\n"
                "Strong winds drove the flames.",
            ),
            (
                "UK daily",
                "Malibu fire",
                TUE,
                "A wildfire forced thousands of people from their homes in Malibu on "
                "Monday.\n\n"
                "Winds fanned the flames.",
            ),
        ],
        [],
    ),
    # ---------------------------------------------- mixed: several kinds at once ------
    (
        "mixed: a number and a day in one pair",
        [
            (
                "Wire",
                "Dam breach floods villages",
                WED,
                "A dam burst in northern Romania on Tuesday, flooding five villages, "
                "officials said.\n\n"
                "About 2,000 people were evacuated.",
            ),
            (
                "UK daily",
                "Romanian dam bursts",
                WED,
                "A dam burst in northern Romania on Monday and flooded eight villages.\n\n"
                "Around 2,000 people had to leave their homes.",
            ),
        ],
        [
            ("date", "on Tuesday", "on Monday"),
            ("number", "five villages", "eight villages"),
        ],
    ),
    (
        "mixed control: one story told with other words throughout",
        [
            (
                "Wire",
                "Hospital workers strike",
                TUE,
                "Thousands of hospital workers in Ontario walked off the job on Monday, "
                "demanding higher pay.\n\n"
                "The strike affects 40 hospitals, the union said.\n\n"
                "Emergency rooms stayed open.",
            ),
            (
                "US paper",
                "Ontario hospital strike",
                TUE,
                "Hospital staff across Ontario went on strike Monday over wages.\n\n"
                "Forty hospitals are affected, according to the union.\n\n"
                "Emergency care continued.",
            ),
        ],
        [],
    ),
    (
        "mixed control: two reports that agree in different units",
        [
            (
                "US paper",
                "Heat wave grips Texas",
                TUE,
                "Temperatures reached 110 degrees in Austin on Monday, breaking a record set "
                "in 2011.\n\n"
                "Officials opened cooling centres.",
            ),
            (
                "UK daily",
                "Texas swelters",
                TUE,
                "Temperatures hit 110F in Austin on Monday, a record for the city.\n\n"
                "Cooling centres were opened.",
            ),
        ],
        [],
    ),
    (
        "number: deaths of one event, a noun and a verb",
        [
            (
                "Wire",
                "Fireworks blast in Mexico",
                MON,
                "MEXICO CITY (Wire) — An explosion at a fireworks market near Mexico City "
                "on Sunday killed 17 people, officials said.\n\n"
                "Dozens were injured.",
            ),
            (
                "US paper",
                "Mexico fireworks explosion",
                MON,
                "The death toll from Sunday's explosion at a fireworks market near Mexico "
                "City stood at 21, officials said.\n\n"
                "Dozens more were hurt.",
            ),
        ],
        [("number", "killed 17 people", "stood at 21")],
    ),
    (
        "number control: the toll of a later day in a follow-up",
        [
            (
                "Wire",
                "Flooding kills 8 in Brazil",
                MON,
                "Flooding in southern Brazil killed eight people on Monday, officials said.\n\n"
                "Rivers were still rising.",
            ),
            (
                "UK daily",
                "Brazil floods",
                THU,
                "Flooding in southern Brazil has now killed 15 people, officials said on "
                "Thursday.\n\n"
                "Rivers continued to rise.",
            ),
        ],
        [],
    ),
    (
        "date: two reports, the same verb, weekday and date",
        [
            (
                "Wire",
                "Zoo welcomes panda cub",
                FRI,
                "A giant panda at the National Zoo gave birth to a cub on March 2, the zoo "
                "said.\n\n"
                "Mother and cub are healthy.",
            ),
            (
                "US paper",
                "Panda cub born at National Zoo",
                FRI,
                "A giant panda at the National Zoo gave birth to a cub on Wednesday.\n\n"
                "Keepers say both are doing well.",
            ),
        ],
        [("date", "on March 2", "on Wednesday")],
    ),
    (
        "number: a fine",
        [
            (
                "Wire",
                "EU fines tech firm",
                WED,
                "BRUSSELS (Wire) — The European Commission fined Orbit Software 1.2 billion "
                "euros on Tuesday for abusing its market position.\n\n"
                "The company said it would appeal.",
            ),
            (
                "UK daily",
                "Orbit hit with EU fine",
                WED,
                "Brussels has fined Orbit Software 1.8 billion euros for abusing its "
                "dominance.\n\n"
                "Orbit plans to appeal.",
            ),
        ],
        [("number", "1.2 billion", "1.8 billion")],
    ),
    (
        "number control: one quantity in different units of time",
        [
            (
                "US paper",
                "Teachers win raise",
                WED,
                "Teachers in the district will get a 6 percent raise over two years under a "
                "deal reached on Tuesday.\n\n"
                "The strike ends on Thursday.",
            ),
            (
                "Local TV",
                "Teachers strike ends",
                WED,
                "Teachers will get a raise of 3 percent a year for two years under a deal "
                "reached on Tuesday.\n\n"
                "Classes resume on Thursday.",
            ),
        ],
        [],
    ),
    (
        "number: a child's age beside her name",
        [
            (
                "Wire",
                "Father held after children found dead",
                WED,
                "ATLANTA (Wire) — A man was charged on Tuesday with killing his two children.\n\n"
                "Relatives said he had custody of the children, Owen, 11, and Talia, 7, since "
                "the divorce.",
            ),
            (
                "US paper",
                "Suspect charged in deaths of his children",
                WED,
                "A father was charged Tuesday in the deaths of his son and daughter, police "
                "said.\n\n"
                "The children, Owen, 11, and Talia, 8, were found at the family's apartment.",
            ),
        ],
        [("number", "Talia, 7", "Talia, 8")],
    ),
    (
        "place: an organization's seat",
        [
            (
                "Wire",
                "Jury orders militia to pay $6 million",
                THU,
                "A jury ordered a militia group to pay $6 million to a woman and her son on "
                "Wednesday.\n\n"
                "Lena Ortiz, the co-founder of the Gulf Coast Legal Foundation in Montgomery, "
                "Ala., said the group would collect every dollar.",
            ),
            (
                "US paper",
                "Militia loses lawsuit",
                THU,
                "The verdict was won by lawyers for the Gulf Coast Legal Foundation, a "
                "nonprofit group in Birmingham, Ala., that has sued several militias.\n\n"
                "The jury deliberated for two days.",
            ),
        ],
        [("place", "in Montgomery", "in Birmingham")],
    ),
    (
        "number control: an age after a birthday between two days",
        [
            (
                "US paper",
                "Mayor admitted to hospital",
                MON,
                "Mayor Tom Reyes, 63, was admitted to hospital on Monday with chest pains, his "
                "office said.\n\n"
                "He is expected to stay for several days.",
            ),
            (
                "Local TV",
                "Mayor recovering in hospital",
                TUE,
                "Mayor Tom Reyes, 64, spent a quiet night in hospital, his office said on "
                "Tuesday.\n\n"
                "He turned 64 on Tuesday.",
            ),
        ],
        [],
    ),
    (
        "number control: two people of one surname",
        [
            (
                "Wire",
                "Couple found after house fire",
                WED,
                "Mark Dunmore and his wife, Lena Dunmore, were found at the house after the "
                "fire on Tuesday.\n\n"
                "Dunmore, 44, had worked at the mill for a decade, neighbors said.",
            ),
            (
                "Local TV",
                "Woman hurt in house fire",
                WED,
                "Firefighters were called to the Dunmore house on Tuesday.\n\n"
                "Dunmore, 39, was taken to hospital, the fire chief said.",
            ),
        ],
        [],
    ),
    (
        "number control: two properties of one group",
        [
            (
                "Wire",
                "Sect ordered to pay damages",
                WED,
                "A jury on Tuesday ordered the Harmon Fellowship to pay $4 million in "
                "damages.\n\n"
                "The plaintiffs' lawyer said he would seek the sect's 20-acre compound.",
            ),
            (
                "US paper",
                "Sect loses lawsuit",
                WED,
                "The Harmon Fellowship was ordered on Tuesday to pay $4 million in "
                "damages.\n\n"
                "The group also owns a 300-acre ranch in Montana.",
            ),
        ],
        [],
    ),
    # ------------------------------------- one outcome told with two words (disc8) -------
    (
        "number: left dead / killed",
        [
            (
                "Wire",
                "Quake kills 52 in eastern Turkey",
                TUE,
                "ANKARA (Wire) — An earthquake killed 52 people in eastern Turkey on Monday, "
                "the disaster agency said.\n\n"
                "Rescuers searched collapsed buildings through the night.",
            ),
            (
                "UK daily",
                "Turkish earthquake leaves dozens dead",
                TUE,
                "A powerful earthquake in eastern Turkey on Monday left 40 people dead, "
                "officials said.\n\n"
                "Aid agencies sent tents and blankets to the region.",
            ),
        ],
        [("number", "killed 52 people", "left 40 people dead")],
    ),
    (
        "number: a death toll of, against died",
        [
            (
                "US paper",
                "Heat wave grips Karachi",
                WED,
                "Fifteen people died of heatstroke in Karachi on Tuesday as temperatures "
                "passed 44C, hospital officials said.\n\n"
                "The city opened relief camps.",
            ),
            (
                "Wire",
                "Karachi heat wave",
                WED,
                "KARACHI (Wire) — A heat wave in Karachi caused a death toll of 12 on Tuesday, "
                "according to hospital officials.\n\n"
                "Power cuts made the heat worse.",
            ),
        ],
        [("number", "Fifteen people died", "a death toll of 12")],
    ),
    (
        "number control: the dead and the survivors",
        [
            (
                "Wire",
                "Ferry sinks off Zanzibar",
                TUE,
                "DAR ES SALAAM (Wire) — Nineteen people died when a ferry sank off Zanzibar on "
                "Monday, police said.\n\n"
                "Divers were searching the wreck.",
            ),
            (
                "UK daily",
                "Survivors tell of ferry disaster",
                TUE,
                "A ferry sank off Zanzibar on Monday.\n\n"
                "Twelve passengers survived by clinging to the hull. The rest died in the "
                "water, police said.",
            ),
        ],
        [],
    ),
    (
        "number control: two towns' tornado deaths",
        [
            (
                "US paper",
                "Tornado kills six in Moore",
                TUE,
                "A tornado killed six people in Moore, Oklahoma, on Monday, officials said.\n\n"
                "Schools were closed on Tuesday.",
            ),
            (
                "Local TV",
                "Joplin mourns tornado victims",
                TUE,
                "Nine people died in Joplin, Missouri, on Monday when a tornado hit a trailer "
                "park.\n\n"
                "The Red Cross opened a shelter.",
            ),
        ],
        [],
    ),
    (
        "number control: one night's arrests and the next night's detentions",
        [
            (
                "UK daily",
                "Riots in Leicester",
                MON,
                "Police arrested 45 people in Leicester on Friday night after shops were "
                "looted.\n\n"
                "The city council met on Sunday.",
            ),
            (
                "Wire",
                "Second night of unrest",
                MON,
                "LONDON (Wire) — Police detained 60 people in Leicester on Saturday night after "
                "a second night of unrest.\n\n"
                "Shops were boarded up.",
            ),
        ],
        [],
    ),
    (
        "date: a verdict on the third day of deliberations",
        [
            (
                "Wire",
                "Jury convicts former mayor",
                FRI,
                "A jury convicted former mayor Dale Horton of bribery on Thursday, the third day "
                "of deliberations.\n\n"
                "He faces up to ten years in prison.",
            ),
            (
                "US paper",
                "Horton found guilty",
                FRI,
                "Jurors convicted former mayor Dale Horton of bribery on Wednesday.\n\n"
                "Sentencing is set for May.",
            ),
        ],
        [("date", "on Thursday", "on Wednesday")],
    ),
    (
        "date control: one night's clashes and the second night's",
        [
            (
                "UK daily",
                "Clashes in Lyon",
                TUE,
                "Football fans clashed with police in Lyon on Sunday night.\n\n"
                "Several cars were burned.",
            ),
            (
                "Wire",
                "Lyon violence",
                TUE,
                "PARIS (Wire) — Football fans clashed with police in Lyon on Monday night, the "
                "second night of violence in the city.\n\n"
                "Officers used tear gas.",
            ),
        ],
        [],
    ),
    *[
        (
            group,
            [
                (
                    "Wire",
                    "Lund wins in Boston",
                    TUE,
                    "BOSTON (Wire) — Kara Lund of Norway won the Boston Marathon on Monday in a "
                    f"course record.\n\nLund crossed the finish line {when}, race officials said.",
                ),
                (
                    "US paper",
                    "Record in Boston",
                    TUE,
                    "A Norwegian runner set a course record in Boston on Monday as the crowd "
                    "roared.\n\n"
                    "The weather was cool and dry.\n\n"
                    "Thousands of fans lined Boylston Street, where Kara Lund crossed the finish "
                    "line at 11:20 a.m. and sank to her knees beside a medical tent that was busy "
                    "all day.",
                ),
            ],
            expected,
        )
        for group, when, expected in (
            (
                "time: one runner's finish, in paragraphs apart",
                "at 11:02 a.m.",
                [("time", "at 11:02 a.m.", "at 11:20 a.m.")],
            ),
            ("time control: a bound and the hour inside it", "before 11:30 a.m.", []),
        )
    ],
]
