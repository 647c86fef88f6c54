"""Scenario scripts: services and errands (bank, post office, repairs, shops...).

Conventions for every script here: speaker 2 is the member of staff and speaker 1 the customer
(the generator renumbers them so that whoever speaks first is #Person1#); ``[a|b]`` in a line
is an inline alternative (see summ_voice.expand); ``c.pick`` chooses a value a summary may
report, ``c.branch`` a path through the script.
"""

from summ_common import CITIES, DAYS, NUMWORDS, STREETS, WEEKDAYS, cap, join_and

CARS = ["Toyota", "Ford", "Honda", "Volkswagen", "Hyundai", "Skoda", "Mazda", "Kia", "Renault", "Subaru", "Volvo",
        "Peugeot", "Nissan", "Fiat", "Toyota Corolla", "Ford Focus", "Honda Civic", "VW Golf", "Citroen", "Opel Astra",
        "Seat Ibiza", "Mini", "Suzuki Swift", "Dacia Sandero"]
RELATIVES = ["wife", "husband", "son", "daughter", "sister", "brother", "partner", "flatmate", "neighbour", "mother", "father"]


def car_repair(c):
    car = c.pick(CARS)
    # (the symptom as the customer says it, the cause the mechanic finds, the repair)
    problem, fix, repair = c.pick(
        ("there's a squeaking noise when I brake", "worn brake pads", "replace the brake pads"),
        ("the engine light came on yesterday", "a faulty oxygen sensor", "replace the oxygen sensor"),
        ("the air conditioning only blows warm air", "a leak in the air conditioning", "fix the air conditioning leak"),
        ("it pulls to the left on the motorway", "bad wheel alignment", "realign the wheels"),
        ("it's really hard to start in the mornings", "a weak battery", "replace the battery"),
        ("there's a rattling sound under the car", "a loose exhaust pipe", "refit the exhaust pipe"),
        ("the windscreen wipers stopped working in the rain", "a blown fuse", "replace the fuse and check the wiring"),
        ("it smells of petrol inside", "a leaking fuel line", "replace the fuel line"),
        ("the steering wheel shakes at high speed", "unbalanced front tyres", "balance the front tyres"),
        ("the headlights keep flickering", "a loose wire behind the dashboard", "repair the wiring"),
        ("it makes a grinding noise when I change gear", "a worn clutch", "replace the clutch"),
        ("the temperature gauge goes into the red", "a broken thermostat", "replace the thermostat"),
        ("there's a puddle of oil under it every morning", "a cracked oil seal", "replace the oil seal"),
        ("the handbrake doesn't hold on hills", "a stretched handbrake cable", "adjust the handbrake cable"),
    )
    price = c.num(90, 780, 10)
    who = c.branch(*RELATIVES)
    c.say(1, c.hi(1, 2) + f" I [brought|have brought|'ve brought] my {car} in [because|since] {problem}.",
          f"[Good morning|Hello|Hi]. [My {car} has a problem:|There's something wrong with my {car}:|I'm worried about my {car}:] {problem}.")
    c.say(2, f"[Okay|Right|All right], let me [take a look|have a look|check it]. How long has [it|the {car}] been [doing that|like that|making that noise|acting up]?",
          "[Right|I see|Okay]. [When did you first notice it?|When did that start?|How long has this been going on?] [Was it sudden?|Did it start suddenly?|]")
    weeks = c.branch("a couple of days", "about a week", "two weeks or so", "since last month", "a few days", "ten days or so",
                     "since the last cold snap", "since I drove to " + c.branch(*CITIES))
    c.say(1, f"{cap(weeks)}, I [think|guess|would say]. [I kept hoping it would go away.|I've been too busy to bring it in.|"
             f"It's getting worse, [though|actually].|My {who} [noticed|spotted] it first.|I only drive it at weekends.]")
    if c.chance(0.5):
        c.say(2, f"[Have you had|Has it had] any other [work|repairs] done on [it|the {car}] [recently|lately|this year|in the last year]?",
              "[Anything else I should know about?|Is there anything else I should know?|Any history I should know about?] "
              "[Any recent accidents?|Any other problems?|Has it had any bumps?]")
        c.say(1, c.branch("[No|Not really|Nothing], just a [regular|routine|normal] service [in the spring|in the autumn|in "
                          + c.branch("January", "March", "June", "September") + "].",
                          "Not really. It [had|got] new [tyres|brakes|wipers] [last year|in March|a few months ago|last winter].",
                          "[No|Nothing], [it's been very reliable|it's never given me any trouble|it's always been fine] [until now|for years|since I bought it]."))
    c.say(2, f"[It looks like|I think it's|The problem is|It's] {fix}. We'd need to {repair}. It'll be [around|about|roughly] ${price}, "
             "[parts and labour|including parts|all in|with labour].",
          f"[I'm afraid|Unfortunately] it's {fix}. To {repair} [it's|it comes to|you're looking at] about ${price} [all in|in total|with parts].")
    haggle = c.chance(0.45)
    if haggle:
        c.say(1, f"${price}? That's [more than I expected|a lot|quite steep|a bit much]. [Is there anything cheaper?|Can you do it for less?|"
                 "Is there any way to bring that down?]",
              "[Hmm|Oh|Ouch], that's [quite a lot|more than I hoped|a lot of money]. [Can you do any better on the price?|Is there any discount?|"
              "Any chance of a discount?]")
        disc = c.num(10, 60, 5)
        price2 = price - disc
        c.say(2, f"I can take ${disc} off if you leave it with us until tomorrow. [So|That makes it] ${price2}.",
              f"If you don't mind [waiting|leaving it] until tomorrow, I can do it for ${price2}[ instead|].")
    ready = "tomorrow" if haggle else c.pick("by five o'clock", "tomorrow morning", "by Thursday", "in about two hours",
                                             "by the end of the day", "on Friday", "by lunchtime tomorrow")
    if c.chance(0.2):
        quote = price2 if haggle else price
        c.say(1, "[I think|To be honest,] I'll get a second opinion first. [Thanks for looking at it.|I hope you understand.|No offence.]",
              "Let me think about it and [call|ring] you back. I'd like to compare prices[ first|].")
        c.say(2, "[No problem|Sure|That's fine|Of course]. The quote is [good|valid] for [a week|seven days|two weeks].",
              "[Sure|Of course|No problem], here's the written quote.")
        c.sum(f"{c.ref(1)} [brings|takes] a {car} to the garage, and {c.ref(2)} [finds|says] that the problem is {fix}.",
              f"{c.ref(2)} [inspects|checks|looks at] {c.ref(1)}'s {car} and [concludes|explains] that the problem is {fix}.",
              f"{c.ref(2)} [diagnoses|identifies] {fix} in {c.ref(1)}'s {car}.")
        c.sum(f"{c.ref(2)} quotes ${quote}, but {c.ref(1)} wants to compare prices [before deciding|first].",
              f"The repair would cost ${quote}, so {c.ref(1)} decides to get a second opinion [first|before agreeing].",
              f"[Unwilling|Not ready] to pay ${quote} straight away, {c.ref(1)} [takes|asks for] a written quote to compare prices.")
        return
    c.say(1, "[Okay|Fine|All right], [go ahead|let's do it|please do it]. [When will it be ready?|How long will it take?|When can I collect it?]",
          "[Fine|Okay|Sure], [let's do it|go ahead]. [How long will it take?|When can I [pick it up|have it back]?]")
    c.say(2, f"It should be ready {ready}. [We'll call you.|We'll give you a ring.|I'll text you.|I'll send you a message.]",
          f"You can [pick it up|collect it|have it back] {ready}[, if the parts arrive|].")
    if c.chance(0.5):
        c.say(1, "[Great|Good|Lovely]. Can I pay by [card|bank transfer] [then|when I come|]?",
              "[Perfect|Lovely|Good]. Do I pay now or when I [collect it|pick it up|come back]?")
        c.say(2, "[Card|Either] is fine, [when you collect it|when you come back|at pick-up].",
              "When you [pick it up|collect it|come back] is [fine|best|easiest].")
    c.goodbye("service", 0.3)
    total = price2 if haggle else price
    c.sum(f"{c.ref(1)} [brings|takes] a {car} to the garage. {c.ref(2)} [finds|discovers|diagnoses] that the problem is {fix}.",
          f"{c.ref(2)} [checks|inspects] {c.ref(1)}'s {car} and says the [problem|fault] is {fix}.",
          f"{c.ref(1)}'s {car} needs a repair: {c.ref(2)} says it is {fix} and offers to {repair}.",
          f"{c.ref(1)}'s {car} [has|suffers from] {fix}, [according to|says] {c.ref(2)}, who offers to {repair}.")
    if haggle:
        c.sum(f"After {c.ref(1)} [complains about|objects to] the price, {c.ref(2)} lowers it to ${total} if the car can stay until tomorrow.",
              f"{c.ref(1)} [thinks|finds] ${price} too [much|expensive], so {c.ref(2)} offers ${total} [in exchange for|for] keeping the car until tomorrow.",
              f"{c.ref(2)} [lowers|brings down] the bill from ${price} to ${total}, on condition that the {car} stays [until tomorrow|overnight].")
    else:
        c.sum(f"The repair costs about ${total} and the car will be ready {ready}.",
              f"{c.ref(1)} agrees to pay about ${total}, and the car will be ready {ready}.",
              f"{c.ref(1)} accepts the quote of about ${total} and can collect the car {ready}.",
              f"{c.ref(2)} [will|is going to] {repair} for about ${total}; the {car} [should be ready|can be collected] {ready}.")


def post_office(c):
    dest = c.pick(CITIES)
    # (the item, what the customer says is inside, fragile?)
    item, inside, fragile = c.pick(
        ("a parcel", "some clothes and a card", False), ("a small package", "a phone charger and some cables", False),
        ("a box of books", "just books, a few old novels", False), ("a birthday present", "a scarf and a card", False),
        ("some documents", "only paper, some signed forms", False), ("a pair of shoes", "running shoes, nothing breakable", False),
        ("a wedding gift", "a set of wine glasses", True), ("some old photographs", "photographs in a frame with glass", True),
        ("a box of homemade biscuits", "biscuits in a tin", False), ("a signed contract", "only paper", False),
        ("a winter jacket", "just the jacket", False), ("a set of keys", "keys in an envelope", False),
        ("a ceramic vase", "a vase, so please be careful", True), ("a box of mugs", "four mugs from a pottery class", True),
        ("a model ship", "a wooden model ship my father built", True), ("a board game", "a board game for my nephew", False),
        ("a painting", "a small painting under glass", True), ("some toys", "soft toys for my niece", False),
    )
    c.say(2, "[Next, please.|Who's next?|Next customer, please.|Hello, what can I do for you?|Good morning, how can I help?|"
             "Hi there, what are you sending today?] [Sorry for the wait.|Come forward.|]")
    c.smalltalk("service", 0.45, next_who=1)
    c.say(1, f"[Hi|Hello|Morning], I'd like to [send|post] {item} to {dest}[, please|].",
          f"[Hello|Hi]. I [need|want] to [post|send] {item} to {dest}, please.")
    c.say(2, "[Sure|Of course|Certainly], [pop|put|place] it on the scale. [What's inside?|What's in it?|Can I ask what's inside?]",
          "[Put it here for me.|Let's weigh it.|Just pop it down here.] [Anything fragile inside?|What's in it?|Is there anything fragile?]")
    c.say(1, f"{cap(inside)}." + (" [So it's fragile.|Please be careful with it.|It could break.]" if fragile else
                                 " [Nothing fragile.|Nothing that can break.|]"))
    if fragile:
        c.say(2, "[I'll put a fragile sticker on it.|Okay, I'll mark it fragile.|Then it needs a fragile label.|I'll add a fragile label.]")
    w = c.num(1, 9)
    std, exp = c.num(8, 20), c.num(24, 45)
    sd, ed = c.pick("five to seven", "three to five", "seven to ten"), c.pick("two", "three", "one to two")
    c.say(2, f"It's {w} [kilos|kilograms]. Standard is ${std} and takes {sd} [working |]days, or express is ${exp} and takes {ed} days.",
          f"That's {w} kilograms. You can send it standard for ${std}, {sd} working days, or express for ${exp}, {ed} days.")
    hurry = c.chance(0.5)
    if hurry:
        c.say(1, "It [has to|needs to] [arrive|get there] before [the weekend|Saturday], so express, please.",
              "Express. It's for [a birthday|an anniversary|a party] on Saturday.", "[Express|The fast one], please. It's [urgent|quite urgent|a bit urgent].")
        chosen, cost = "express", exp
    else:
        c.say(1, "Standard is fine, there's no [rush|hurry].", "[Oh, standard then.|Standard, please.|The standard one.] It's not [urgent|in a hurry].")
        chosen, cost = "standard", std
    ins = c.chance(0.4)
    if ins:
        c.say(2, "[Would you like|Do you want] insurance? It's three dollars extra.", "Do you want to add [tracking and insurance|insurance] for three dollars?")
        c.say(1, "[Yes, please|Yes|Sure]. [Better safe than sorry.|Just in case.|Why not.]", "[Go on, then.|Yes, add it.|Okay, add that.]")
        cost += 3
    else:
        c.say(2, "[Anything else|Is there anything else|Do you need anything else] [today|for you|]?")
        c.say(1, c.branch("A book of stamps, please. Oh, actually, no, that's all.", "[No|Nothing else], that's everything, thanks.",
                          "No, just that.", "[Not today|Nothing else], thank you."))
    c.say(2, f"[That comes to|That's|So that's] ${cost}[, please|].", f"${cost} [altogether|in total], please.")
    c.say(1, c.branch("Here you go.", "Can I pay by card?", "Here's a fifty.", "Here's my card.", "Can I pay with my phone?"))
    c.goodbye("service", 0.3)
    label = " and has it marked fragile" if fragile else ""
    c.sum(f"{c.ref(1)} [sends|posts] {item} to {dest} by {chosen} post{label}, paying ${cost}" + (" including insurance." if ins else "."),
          f"At the post office, {c.ref(1)} [posts|sends] {item} to {dest}. "
          + (f"[Because|Since] it must arrive soon, {c.ref(1)} [chooses|picks] express delivery and pays ${cost} in total." if hurry
             else f"{c.ref(1)} [chooses|picks] standard delivery and pays ${cost} in total.")
          + (f" {c.ref(2)} marks it as fragile." if fragile else ""),
          f"{c.ref(1)} [wants|needs] to get {item} to {dest}; it weighs {w} kilos, and {c.ref(1)} [goes for|chooses] {chosen} delivery" + (" with insurance" if ins else "") + f" at ${cost}.",
          f"[Sending|Posting] {item} to {dest} costs {c.ref(1)} ${cost}: {c.he(1)} [picks|prefers] {chosen} over the other option" + (", adds insurance" if ins else "") + (" and has it labelled fragile." if fragile else "."),
          f"{c.ref(1)} [goes to|visits] the post office to send {item} to {dest}" + (" by express" if hurry else " by standard post") + f" and [pays|spends] ${cost}.")


def banking(c):
    task = c.branch("open", "card", "transfer", "loan")
    bank = c.pick("Northgate Bank", "Harbour Savings", "Citywide Bank", "the Co-operative Bank", "Meridian Bank",
                  "Riverside Credit Union", "Union Savings Bank", "First Coastal Bank")
    c.say(2, f"[Good morning|Hello|Hi], welcome to {bank}. [How can I help?|What can I do for you?|How can I help you today?]",
          f"[Hello|Hi|Good afternoon], {bank}. What can I do for you [today|]?", f"[Hi|Hello], welcome to {bank}. Next customer[, please|].")
    c.smalltalk("service", 0.45, next_who=1)
    if task == "open":
        kind = c.pick("savings account", "current account", "joint account", "student account")
        c.say(1, f"I'd like to open a {kind}[, please|].", f"I [just|recently|only last month] moved here and [want|would like] to open a {kind}.")
        c.say(2, "[Certainly|Of course|Sure]. [Do you have|Have you got|Did you bring] some ID and proof of address?",
              "[Of course|No problem]. I'll need a passport or ID card and a [recent bill|bill from the last three months].")
        missing = c.chance(0.35)
        if missing:
            c.say(1, "I've got my passport, but I [forgot|didn't bring] the bill.",
                  "I have my ID, but I don't have a bill with my new address [yet|so far].")
            c.say(2, "A bank letter or a rental contract would also [work|do].", "Then a [rental contract|tenancy agreement] would do instead.")
            c.say(1, "I'll come back tomorrow with my rental contract.", "[Okay|Fine|Right], I'll bring the rental contract tomorrow.")
        else:
            c.say(1, "[Yes|Yep], here's my passport and [an electricity|a gas|a water] bill.", "Here you go, passport and a [gas|phone|council tax] bill.")
        rate = c.pick("2.1", "3.4", "1.8", "2.75", "3", "1.5", "2.4")
        c.say(2, f"The account pays {rate} percent a year, with no monthly fee.",
              f"[This account has|It comes with] a {rate} percent interest rate and no [monthly |]fees.")
        c.say(1, "Can I take money out whenever I [want|like]?", "Are there any limits on [withdrawals|taking money out]?")
        lim = c.pick("three", "four", "two", "five")
        c.say(2, f"Up to {lim} withdrawals a month without a penalty.", f"You get {lim} free withdrawals [per|a] month.")
        c.say(1, "And is there an app?", "Can I manage it [online|on my phone]?", "Is there online banking?")
        c.say(2, "Yes, you can do [everything|almost everything] in our app, and you'll get a login by email.",
              "Of course. Online banking is free and you'll get your details in a few days.")
        c.goodbye("service", 0.45)
        if missing:
            c.sum(f"{c.ref(1)} wants to open a {kind} at {bank} but [lacks|has no] proof of address, so {c.he(1)} will return tomorrow with a rental contract.",
                  f"{c.ref(1)} [cannot yet open|is unable to open] a {kind} at {bank} without proof of address and [plans to|will] come back tomorrow with a rental contract.",
                  f"Without a bill showing {c.his(1)} new address, {c.ref(1)} [cannot|is unable to] open the {kind} yet and [plans|promises] to bring a rental contract tomorrow.")
        else:
            c.sum(f"{c.ref(1)} opens a {kind} at {bank} with a passport and a [utility|household] bill.",
                  f"{c.ref(2)} helps {c.ref(1)} open a {kind} at {bank}.", f"{c.ref(1)} [sets up|opens] a {kind} with {c.ref(2)}'s help.",
                  f"With {c.ref(2)}'s help at {bank}, {c.ref(1)} [sets up|opens] a {kind}, showing a passport and a bill as proof of address.")
        if c.chance(0.6):  # a detail: not every annotator reports it
            c.sum(f"The account pays {rate} percent interest, has no monthly fee and allows {lim} free withdrawals a month.",
                  f"{c.ref(2)} [explains|mentions] that it pays {rate} percent a year and allows {lim} withdrawals a month without a penalty.",
                  f"[It earns|The interest rate is] {rate} percent, with {lim} free withdrawals a month and no fee.",
                  f"[With no monthly fee,|Free of monthly fees,] the {kind} [earns|pays] {rate} percent a year, and {lim} withdrawals a month are free.")
    elif task == "card":
        where = c.pick("on the bus", "at the supermarket", "at a cafe", "somewhere in town", "at the gym", "in a taxi", "at the station")
        c.say(1, f"I think I [lost|dropped] my debit card {where} [this morning|yesterday|last night].",
              f"My bank card is missing. I [might have|must have] dropped it {where}.")
        c.say(2, "I'm sorry to hear that. I'll block it right away. [Have you noticed|Can you see] any strange payments?",
              "[Let's|We'd better] cancel it first. [Are there|Do you see] any [transactions|payments] you don't recognise?")
        fraud = c.chance(0.4)
        if fraud:
            amt = c.num(25, 300)
            shop = c.pick("an electronics shop", "a petrol station", "an online store", "a shoe shop", "a hotel", "a takeaway")
            c.say(1, f"[Actually|Oh], yes, there's a payment of ${amt} at {shop}. That wasn't me.", f"Yes! ${amt} at {shop}. I've never been there.")
            c.say(2, "I'll open a dispute for that. You should get the money back within ten days.",
                  "We'll [investigate|look into] it and refund you if it's fraud, usually within ten days.")
        else:
            c.say(1, "No, everything looks [normal|fine].", "I checked the app and [there's nothing strange|everything looks fine].")
        days = c.pick("three", "five", "seven")
        c.say(2, f"The card is blocked now. A new one will arrive in {days} working days.",
              f"[Done|All done]. Your replacement card will be posted and should arrive in {days} working days.")
        c.say(1, "What do I do until then? I need to buy [groceries|food].", "[Can I still pay with my phone|How do I get cash] in the meantime?")
        c.say(2, "You can withdraw cash here at the counter with your ID.", "You can take cash out at the counter with your passport.")
        c.say(1, "Thank you, that's a relief.", "[Great|Good], thanks for the [quick|fast] help.")
        c.sum(f"{c.ref(1)} has lost a debit card {where}, and {c.ref(2)} blocks it and orders a new one that will arrive in {days} working days.",
              f"{c.ref(2)} [cancels|blocks] {c.ref(1)}'s lost bank card; a replacement will come in {days} working days.",
              f"After losing {c.his(1)} card {where}, {c.ref(1)} has it blocked; the new card [takes|needs] {days} working days.",
              f"{c.ref(1)} [reports|tells {c.ref(2)} about] a debit card lost {where}; it is [blocked|cancelled] at once, and a new card [will come|is posted] in {days} working days.")
        if fraud:
            c.sum(f"{c.ref(2)} also opens a dispute for an unknown ${amt} payment at {shop}.",
                  f"An unfamiliar ${amt} payment at {shop} [will be investigated|is disputed].",
                  f"A ${amt} payment at {shop}, which {c.ref(1)} did not make, [will be investigated|is disputed] as possible fraud.")
    elif task == "transfer":
        amt = f"{c.num(200, 5000, 50):,}"
        country = c.pick("Ghana", "India", "Portugal", "Poland", "the Philippines", "Mexico", "Vietnam", "Kenya", "Brazil", "Morocco")
        who = c.pick("mother", "brother", "sister", "father", "cousin", "grandmother", "aunt")
        c.say(1, f"I need to send ${amt} to my {who} in {country}.", f"[Hi|Hello], how do I transfer ${amt} to my {who} in {country}?")
        why_i = c.ask(2, 1, ("Is it for something urgent?", "It's for a hospital bill, so yes, fairly urgent."),
                      ("Is it urgent?", "Not really, it's a birthday present."),
                      ("Sure. Is this a one-off transfer?", "Yes, just this once. [They're buying|It's for] a new fridge."),
                      ("Will this be a regular payment?", "Maybe every few months, I'm not sure yet."))
        why_s = ["to pay a hospital bill", "as a birthday present", "to help buy a new fridge", ""][why_i]
        fee = c.num(5, 25)
        c.say(2, f"An international transfer costs ${fee} and takes two to three days.", f"We charge a ${fee} fee, and it arrives in two or three days.")
        if c.chance(0.5):
            c.say(1, "Is it cheaper in the app?", "Can I do it online instead?", "Is there a cheaper way?")
            c.say(2, f"Yes, in the app the fee is only half, so ${fee / 2:g}.", f"Online it's half price, ${fee / 2:g}.")
            c.say(1, "Then I'll do it on my phone. Thanks for the tip.", "Oh, I'll use the app then.")
            c.sum(f"{c.ref(1)} wants to send ${amt} to {c.his(1)} {who} in {country}{' ' + why_s if why_s else ''}.",
                  f"{c.ref(1)} asks how to transfer ${amt} to {c.his(1)} {who} in {country}.",
                  f"{c.ref(1)} [needs|has] to send ${amt} to a {who} in {country} and asks {c.ref(2)} [how|what it costs].")
            c.sum(f"The branch fee is ${fee}, but the app charges half, so {c.ref(1)} will use the app.",
                  f"Since the app costs only half the ${fee} branch fee, {c.ref(1)} [decides to|will] send it from {c.his(1)} phone.",
                  f"[To save money,|Since it is cheaper,] {c.ref(1)} will send the money through the app for ${fee / 2:g} instead of paying ${fee} at the branch.")
        else:
            c.say(1, "Okay, let's do it here.", "[Fine|Okay], please go ahead.")
            c.say(2, "I just need the account number and the bank code.", "Can you give me the recipient's account details?")
            c.say(1, "Here, I wrote them down.", "Sure, they're on this piece of paper.")
            c.sum(f"{c.ref(1)} transfers ${amt} to {c.his(1)} {who} in {country} at the bank, paying a ${fee} fee; it takes two to three days.",
                  f"At the bank, {c.ref(1)} sends ${amt} to {c.his(1)} {who} in {country}{' ' + why_s if why_s else ''}. The fee is ${fee}, and the money arrives in two to three days.",
                  f"{c.ref(1)} [pays|is charged] a ${fee} fee at the bank to send ${amt} to {c.his(1)} {who} in {country}, which [takes|will arrive in] two to three days.")
    else:
        amt = c.num(5, 40) * 1000
        purpose = c.pick("a car", "a kitchen renovation", "studies", "starting a small bakery", "a new roof", "a wedding", "solar panels")
        said = "my studies" if purpose == "studies" else purpose
        c.say(1, f"I'm interested in a loan of ${amt:,} for {said}.", f"I'd like to ask about borrowing ${amt:,} for {said}.")
        c.ask(2, 1, ("Do you have other loans at the moment?", "No, just a credit card that I pay off every month."),
              ("How long have you been with us?", "About six years. My salary gets paid into this account."))
        rate = c.pick("6.5", "7.9", "8.2", "5.9", "6.8")
        years = c.pick("three", "four", "five")
        c.say(2, f"Our personal loans are at {rate} percent. Over {years} years, would that work?", f"The rate is {rate} percent, and the usual term is {years} years.")
        c.say(1, "What would the monthly payment be?", "How much would I pay each month?")
        mp = c.num(150, 900, 5)
        c.say(2, f"Roughly ${mp} a month. I'd need your last three payslips.", f"About ${mp} per month. We'll need payslips to approve it.")
        if c.chance(0.5):
            c.say(1, "Can I pay it back early if I want to?", "Is there a fee for paying it off early?")
            c.say(2, "[Yes, and|No,] there's no penalty for early repayment.", "No fee at all, you can pay it off whenever you like.")
        ok = c.chance(0.6)
        c.say(1, "That's manageable. I'll bring the payslips on Monday." if ok else "That's a bit high for me. I'll think about it.",
              "Okay, I'll email you the payslips." if ok else "Hmm, I need to look at my budget first.")
        for_what = f"{c.his(1)} studies" if purpose == "studies" else purpose
        c.sum(f"{c.ref(1)} asks about a ${amt:,} loan for {for_what}. {c.ref(2)} offers {rate} percent over {years} years, about ${mp} a month.",
              f"{c.ref(1)} [wants|would like] to borrow ${amt:,} for {for_what}; {c.ref(2)} quotes {rate} percent over {years} years, roughly ${mp} a month.",
              f"For {for_what}, {c.ref(1)} [enquires about|asks about] borrowing ${amt:,}; at {rate} percent over {years} years it would cost about ${mp} a month.")
        c.sum(f"{c.ref(1)} will provide {c.his(1)} payslips." if ok else f"{c.ref(1)} finds the payment too high and will think about it.")


def lost_property(c):
    item, desc = c.pick(("umbrella", "a black umbrella with a wooden handle"), ("backpack", "a grey backpack with a laptop inside"),
                        ("camera", "a small silver camera in a black pouch"), ("tablet", "a tablet in a blue cover"),
                        ("keys", "a bunch of keys on a football key ring"), ("handbag", "a brown handbag with a gold zip"),
                        ("glasses", "reading glasses in a green case"), ("gloves", "a pair of red leather gloves"),
                        ("suitcase", "a small black suitcase with a yellow ribbon"), ("laptop", "a laptop covered in stickers"),
                        ("phone", "a phone in a red case"), ("wallet", "a brown leather wallet"), ("scarf", "a long green wool scarf"),
                        ("headphones", "white wireless headphones"), ("jacket", "a navy denim jacket"),
                        ("violin", "a violin in a black case"), ("sketchbook", "a sketchbook with a blue cover"),
                        ("hat", "a grey felt hat"), ("watch", "a silver watch with a leather strap"))
    where = c.pick(f"on the number {c.num(3, 99)} bus", "on the train from " + c.pick(CITIES), "in the cinema", "at the swimming pool",
                   "in the food court", "at the concert hall", "in the changing rooms", "at the airport security check", "in the park cafe",
                   "on the tram", "in a taxi", "at the football stadium", "in the library", "on the ferry")
    when = c.pick("yesterday evening", "this morning", "on Saturday", "last night", "on Sunday afternoon", "yesterday")
    c.say(2, "[Lost property|Lost and found], [how can I help?|what have you lost?|good morning.]", "Hello, lost and found office.",
          "[Hi|Hello]. What have you [lost|misplaced]?")
    c.say(1, f"[Hi|Hello], I think I [left|lost] my {item} {where} {when}.", f"[Hello|Hi]. I lost my {item} {when}, [probably|I think] {where}.")
    c.say(2, "[Oh dear|Oh no|I see]. Can you describe it[ for me|]?", f"[Okay|Right], don't worry. What does the {item} look like?")
    c.say(1, f"It's {desc}.", f"It's {desc}. [I've had it for years.|It was a present.|It means a lot to me.|]")
    found = c.chance(0.55)
    if c.chance(0.4):
        c.say(2, "About what time was that?", "Do you remember [roughly|about] when?")
        c.say(1, "[Around six, I think.|Maybe half past nine.|Late, after eleven.|Just after lunch.]")
    if found:
        c.say(2, f"Let me check. Yes, we have {desc}. Can you show me some ID?", f"You're lucky. Someone handed in {desc} this morning.")
        c.say(1, "Oh, thank goodness! Here's my [driving licence|ID card|passport].", "[Fantastic|Brilliant]! What do I need to collect it?")
        fee = c.chance(0.3)
        if fee:
            c.say(2, "There's a two-dollar handling fee, and then just sign here.", "Just sign this form. It's a two-dollar fee.")
            c.say(1, "No problem at all.", "Happy to pay it.", "That's fine.")
        else:
            c.say(2, "Just sign this form and it's yours.", "Sign here, please.", "[Just|Please] fill in your name here.")
        c.sum(f"{c.ref(1)} lost {desc} {where} {when}. The {item} has been handed in, and {c.ref(1)} collects it"
              + (" after paying a small fee." if fee else " by signing a form."),
              f"{c.ref(1)} reports a lost {item} at the lost property office, and {c.ref(2)} finds it. {c.ref(1)} [collects|gets back] {desc}"
              + (" and pays a two-dollar fee." if fee else "."),
              f"[Luckily|Fortunately], the {item} {c.ref(1)} [left|lost] {where} has been handed in, so {c.he(1)} [can collect|collects] it"
              + (" for a two-dollar fee." if fee else "."),
              f"{c.ref(1)} is [relieved|lucky]: {desc}, lost {where} {when}, is at the lost property office" + (", and a two-dollar fee is charged." if fee else "."),
              f"{c.ref(2)} hands back {desc} to {c.ref(1)}, who [lost|left] it {where} {when}" + (" and pays a small fee." if fee else "."))
    else:
        c.say(2, "I'm sorry, nothing like that has come in. Leave your number and we'll call if it turns up.",
              f"Nothing yet, I'm afraid. Fill in this form and we'll contact you if we find a {item}.")
        c.say(1, "Okay. Should I check back later?", "Thanks. Is it worth calling again in a few days?")
        c.say(2, "Yes. Things are often handed in a day or two later.", "Definitely. People sometimes take a few days to hand things in.")
        c.say(1, "Here's my number, then. [I really hope it turns up.|It has sentimental value.|Fingers crossed.|]")
        c.say(2, "We'll call you as soon as we hear anything.", "We'll be in touch if it turns up.")
        c.sum(f"{c.ref(1)} reports losing {desc} {where} {when}. {c.ref(2)} has not found it and takes {c.ref(1)}'s contact details.",
              f"{c.ref(1)} asks the lost property office about {c.his(1)} {item}, but it has not been handed in; {c.ref(2)} will call if it turns up.",
              f"Nobody has handed in the {item} {c.ref(1)} lost {where}, so {c.he(1)} leaves {c.his(1)} contact details with {c.ref(2)}.",
              f"{desc[:1].upper() + desc[1:]}, which {c.ref(1)} lost {where} {when}, has not been [found|handed in]; {c.ref(2)} [promises|says {c.he(2)} will] call if it turns up.")


def library(c):
    book = c.pick("a history of the Silk Road", "a detective novel by Agatha Christie", "a guide to Python programming",
                  "a book about bird watching", "a Spanish grammar book", "a biography of Marie Curie", "a cookbook for beginners",
                  "a travel guide to " + c.pick(CITIES), "a book on the French Revolution", "a children's book about dinosaurs",
                  "a textbook on microeconomics", "a collection of Irish poetry", "a book about climate change",
                  "a guide to growing vegetables", "Pride and Prejudice", "a biography of Nelson Mandela", "a book on photography",
                  "a history of jazz", "a guide to learning Japanese", "a novel by Chinua Achebe", "a book about the Roman Empire",
                  "an atlas of the world's oceans", "a knitting pattern book")
    c.say(1, c.hi(1, 2, 0.2) + f" I'm looking for {book}.", f"[Excuse me|Hi|Hello], [do you have|have you got] {book}?",
          f"[Hi|Hello], [could you help me find|I'm trying to find] {book}?")
    c.say(2, "[Let me check the catalogue|One moment, I'll look it up|Let me see]. [Do you have a library card?|Can I have your card?|"
             "Have you got your library card?]")
    c.say(1, c.branch("[Yes|Yep], here it is.", "Yes, although I think it expires soon.", "Here you go. It's a bit [old|battered].",
                      "Here. I hope it still works."))
    out = c.chance(0.5)
    if out:
        due = c.pick(DAYS)
        c.say(2, f"It's on loan at the moment. It's due back on {due}. [Would you like to reserve it?|Shall I reserve it for you?]",
              f"All copies are [checked out|on loan], but one is due back on {due}. I can put a hold on it[ for you|].")
        c.say(1, "Yes, please [reserve it for me|put a hold on it].", "Yes, please. How will I know it's back?")
        c.say(2, "We'll send you a text when it's ready to collect.", "You'll get an email, and we keep it for five days.")
    else:
        c.say(2, "Yes, it's on the [second|third|first] floor, [shelf fourteen|near the windows|in the reading room].",
              "We have two copies. They're upstairs [near the windows|by the stairs|in the corner].")
        c.say(1, "How long can I borrow it for?", "What's the loan period?", "How long can I keep it?")
        c.say(2, "Three weeks, and you can renew it online.", "Three weeks, with two renewals.")
    fine = c.chance(0.4)
    if fine:
        amount = c.pick("1.50", "2.40", "3", "4.20", "0.80", "5.60")
        c.say(2, f"By the way, there's a fine of ${amount} on your card for a late [DVD|book|magazine].",
              f"[Oh|Also], I see a ${amount} late fee on your account.")
        c.say(1, c.branch("[Oops|Oh no], I'd forgotten about that. I'll pay it now.", "Really? I thought I returned it on time. Oh well, I'll pay.",
                          "Fair enough. [Here you go.|Can I pay by card?]"))
    room = None
    if c.chance(0.4):
        c.say(1, "Also, do you have [quiet study rooms|any study rooms]?", "Can I book a study room for tomorrow?")
        room = c.clock(9, 17)
        c.say(2, f"Yes, room {c.num(2, 9)} is free tomorrow from {room}.", f"I can book you one from {room} tomorrow.")
    if out:
        c.sum(f"{c.ref(1)} wants to borrow {book}, but it is on loan until {due}, so {c.ref(2)} reserves it.",
              f"{c.ref(2)} reserves {book} for {c.ref(1)} because all copies are out until {due}.",
              f"{book} is [out on loan|checked out] until {due}, so {c.ref(1)} [has it reserved|asks {c.ref(2)} to hold it] and will get a message when it is back.",
              f"All copies of {book} are out until {due}, so {c.ref(2)} [puts a hold on|reserves] one for {c.ref(1)}.",
              f"[Since|As] {book} is on loan until {due}, {c.ref(1)} [asks for|gets] a reservation and will be told when it is back.")
    else:
        c.sum(f"{c.ref(2)} tells {c.ref(1)} where to find {book} and explains that the loan period is three weeks.",
              f"{c.ref(1)} asks for {book}; it is available, and it can be borrowed for three weeks.",
              f"{c.ref(1)} [finds|is directed to] {book} [upstairs|on the shelves] and learns that loans last three weeks, with renewals online.",
              f"{book} is [on the shelf|available], and {c.ref(1)} can keep it for three weeks, {c.ref(2)} [says|explains].",
              f"{c.ref(2)} [shows|tells] {c.ref(1)} where {book} is; it [can be borrowed|is lent] for three weeks.")
    if fine:
        c.sum(f"{c.ref(1)} also [pays|has to pay] a ${amount} late fee.", f"There is a ${amount} fine on {c.ref(1)}'s card.",
              f"A ${amount} [fine|late fee] on {c.ref(1)}'s card [is mentioned|comes up] too.")
    if room:
        c.sum(f"A study room is booked for {c.ref(1)} tomorrow from {room}.")


def hairdresser(c):
    style = c.pick("just a trim", "a short bob", "layers", "a fade on the sides", "a new colour, dark red", "a shorter cut for summer",
                   "a pixie cut", "blonde highlights", "a buzz cut", "a fringe", "shoulder-length layers", "a side parting",
                   "a perm", "a slicked-back undercut", "copper highlights", "a long bob", "curtain bangs")
    c.say(2, c.hi(2, 1, 0.4) + " [Come and sit down.|Have a seat.|Take a seat over here.]",
          "[Hi|Hello], come in. [Have a seat here.|Sit yourself down.]")
    if c.smalltalk("service", 0.5, next_who=2):
        c.say(2, "So, what are we doing today?", "Right, what would you like?", "[Okay|Now], what can I do for you?")
    else:
        c.turns[-1] = (2, c.turns[-1][1] + " " + c.branch("What would you like today?", "What are we doing today?",
                                                          "What did you have in mind?"))
    c.say(1, f"I'd like {style}[, please|].", f"I was thinking {style}.", f"[Could I have|Can you do] {style}?")
    if c.chance(0.5):
        c.ask(2, 1, ("When did you last have it cut?", "[Ages ago|A long time ago], maybe four months."),
              ("Who cut it last time?", "A friend did it, actually. Don't look too closely."),
              ("When was your last cut?", "About six weeks ago, at another salon."))
    changed = False
    if c.chance(0.5):
        c.say(2, "Are you sure? With your curls, that might be hard to style every morning.",
              "Hmm, your hair is quite thick. That might need more upkeep.")
        changed = c.chance(0.5)
        if changed:
            c.say(1, "Okay, what would you suggest?", "Good point. What do you recommend?")
            style2 = c.pick("a longer version with some texture", "a softer cut with layers at the front", "a trim and some highlights",
                            "a classic short back and sides", "a slightly shorter version of what you have")
            c.say(2, f"Maybe {style2}. Easier to manage.", f"I'd go for {style2}.")
            c.say(1, "Let's try that.", "Fine, I trust you.", "[Okay|Sure], let's do that.")
        else:
            c.say(1, "I know, but I really want a change.", "I'm sure. I've wanted it for ages.")
    price = c.num(25, 95, 5)
    c.say(2, f"That'll be ${price}, and it takes about an hour. Would you like a wash first?", f"It's ${price}. Do you want a wash first?")
    wash = c.chance(0.5)
    c.say(1, "Yes, a wash would be lovely." if wash else "No, I washed it this morning.")
    if wash:
        c.ask(2, 1, ("Lean back for me. Is the water temperature okay?", "It's perfect, thanks."),
              ("Is the water too hot?", "No, it's just right."))
    plan = None
    if c.chance(0.5):
        c.say(2, "So, any plans for the weekend?", "Doing anything nice this week?")
        plan = c.pick("a friend's wedding", "a job interview", "a trip to the coast", "a graduation", "a first date", "a family reunion")
        c.say(1, f"Actually yes, {plan}. That's why I came in.", f"I have {plan} on Saturday.")
    c.goodbye("service", 0.45)
    if changed:
        c.sum(f"{c.ref(1)} asks for {style}, but {c.ref(2)} suggests {style2} instead, and {c.ref(1)} agrees.",
              f"{c.ref(2)} talks {c.ref(1)} out of {style} and recommends {style2}.",
              f"[Instead of|Rather than] {style}, {c.ref(1)} [goes for|accepts] {style2} on {c.ref(2)}'s advice.")
    else:
        c.sum(f"{c.ref(1)} asks the hairdresser for {style}. It costs ${price}.", f"At the hairdresser's, {c.ref(1)} wants {style}, which costs ${price}.",
              f"{c.ref(1)} [gets|has] {style} at the hairdresser's for ${price}" + (", with a wash first." if wash else "."))
    if plan:
        c.sum(f"The haircut is for {plan}.", f"{c.ref(1)} wants to look good for {plan}.",
              f"{c.ref(1)} [mentions|explains] that {plan} is coming up.")


def gym_membership(c):
    gym = c.pick("FitZone", "the Riverside Gym", "Peak Fitness", "the leisure centre", "Iron House Gym", "CoreWorks")
    c.say(1, c.hi(1, 2) + f" I'm interested in joining {gym}. What are the options?",
          f"[Hi|Hello], how much is a membership at {gym}?", f"[Hi|Hello]. I'd like some information about joining {gym}.")
    why_i = c.ask(2, 1, ("Have you been to a gym before?", "I used to, but I stopped when I changed jobs."),
                  ("Have you trained before?", "Not really. My doctor told me to exercise more."),
                  ("Welcome! Are you training for anything in particular?", "Yes, a half marathon in the spring."),
                  ("Are you training for anything in particular?", "No, I just want to get a bit fitter."))
    m, y = c.num(25, 60), c.num(250, 520, 10)
    c.say(2, f"We have a monthly plan at ${m}, or a yearly one for ${y}.", f"It's ${m} a month, or ${y} if you pay for the whole year.")
    c.say(1, "Does that include classes?", "Are the fitness classes included?", "Is that with the classes?")
    classes = c.chance(0.5)
    if classes:
        c.say(2, "Yes, all classes, including yoga and spinning.", "Yes, every class is included.")
    else:
        c.say(2, "Classes are extra, ten dollars each, but the pool is included.", "Not the classes, but you [get|can use] the pool and the sauna.")
    if c.chance(0.5):
        c.say(1, "What are the opening hours?", "Are you open early? I work long days.")
        o = c.pick("6 a.m.", "5:30", "7 a.m.", "6:30")
        c.say(2, f"We open at {o} on weekdays and close at 11 p.m.", f"From {o} until eleven at night.")
        c.say(1, "[Perfect|Great], I could come before work.", "That works for me.")
    choice = c.branch("monthly", "yearly", "trial")
    who_s = ["who stopped training when changing jobs", "whose doctor has advised more exercise",
             "who is training for a half marathon", "who wants to get fitter"][why_i]
    if choice == "trial":
        c.say(1, "Can I try it first before I commit?", "Is there a trial?")
        c.say(2, "Sure, you can have a free one-week pass.", "We offer a free week. Just fill in this form.")
        c.say(1, "Great, I'll start tomorrow.", "Perfect, I'll come in tomorrow.")
        c.sum(f"{c.ref(1)} asks about memberships at {gym}: ${m} a month or ${y} a year" + (", classes included." if classes else ", with classes extra."),
              f"{c.ref(2)} explains that membership of {gym} costs ${m} monthly or ${y} yearly.",
              f"{c.ref(1)}, {who_s}, learns that {gym} costs ${m} a month or ${y} a year" + (" with all classes included." if classes else ", with classes extra."),
              f"At {gym}, {c.ref(2)} [lists|explains] the prices: ${m} monthly or ${y} for a year" + (", classes included." if classes else ", classes extra."))
        c.sum(f"{c.ref(1)} takes a free one-week trial first.", f"{c.ref(1)} decides to try the free one-week pass before committing.",
              f"Before [committing|signing up], {c.ref(1)} [will try|tries] the gym with a free one-week pass.")
    else:
        cost = m if choice == "monthly" else y
        c.say(1, f"I'll take the {choice} one.", f"Let's go with the {choice} plan.")
        c.say(2, "Great. I just need a photo for your card.", "Wonderful. Let me take your photo for the membership card.")
        c.sum(f"{c.ref(1)} joins {gym} on the {choice} plan, which costs ${cost}.",
              f"{c.ref(1)}, {who_s}, signs up for the {choice} membership at {gym} for ${cost}.",
              f"{c.ref(2)} describes the membership options, and {c.ref(1)} chooses the {choice} plan for ${cost}.",
              f"{c.ref(1)} becomes a member of {gym}, [choosing|going for] the {choice} plan at ${cost}.")
        if c.chance(0.5):  # a detail: not every annotator reports it
            c.sum("Classes are included." if classes else "Classes cost extra, but the pool is included.")


def buying_a_phone(c):
    brand = c.pick("Samsung", "Pixel", "iPhone", "Motorola", "Nokia", "Xiaomi", "OnePlus", "Sony", "Oppo", "Fairphone")
    c.say(2, "[Hi|Hello], are you looking for anything in particular?", "[Hello|Hi there], can I help you find something?")
    need = c.pick("a better camera", "a bigger battery", "something simple for my dad", "a phone that isn't too expensive",
                  "something small that fits in my pocket", "a big screen for watching films", "something waterproof",
                  "enough storage for all my music", "a phone that lasts two days", "good speakers")
    c.say(1, f"Yes, I need a new phone. I want {need}.", f"My old phone is dying. I'm after {need}.")
    p1, p2 = c.num(199, 499, 10), c.num(599, 1099, 10)
    c.say(2, f"The {brand} A is ${p1}, and the {brand} Pro is ${p2}.", f"This {brand} model is ${p1}, and the Pro version is ${p2}.")
    c.say(1, "What's the difference, apart from the price?", "Is the Pro really worth the extra money?")
    c.say(2, "The Pro has a [much|far|way] better camera and [more storage|twice the storage].", "[Mostly|Mainly] the camera and the screen. The battery is [about|more or less] the same.")
    c.say(1, "[Hmm|I see|Right]. What do most people [buy|go for|end up with]?", "And which one would you [buy|choose] yourself?",
          "[Which|What] would you [get|pick] if you were me?", "Which one [sells better|do people prefer]?")
    c.say(2, "[Honestly|To be honest|In my experience], most people are [happy|perfectly happy] with the cheaper one unless they take a lot of photos.",
          "I [have|use] the Pro [myself|], but the cheaper one is [great|really good|excellent] value.")
    chosen = c.branch("cheap", "pro", "none")
    if chosen == "none":
        c.say(1, "I'll have a look online and maybe come back.", "I think I'll wait for the sales next month.")
        c.sum(f"{c.ref(1)} looks for a new phone and compares the {brand} at ${p1} with the Pro at ${p2}.",
              f"{c.ref(2)} shows {c.ref(1)} a {brand} phone for ${p1} and a Pro model for ${p2}.",
              f"{c.ref(1)} [wants|is looking for] {need.replace('my ', c.his(1) + ' ')} and [hears|learns] that the {brand} costs ${p1} and the Pro ${p2}.")
        c.sum(f"{c.ref(1)} does not buy anything yet.", f"In the end, {c.ref(1)} decides to wait.",
              f"{c.ref(1)} [leaves without buying|does not choose] a phone [for now|yet].")
        return
    price = p1 if chosen == "cheap" else p2
    name = "the cheaper model" if chosen == "cheap" else "the Pro"
    c.say(1, f"I'll take {name.replace('model', 'one')}.", f"Okay, {name.replace('model', 'one')}, please.")
    case = c.chance(0.5)
    if case:
        c.say(2, "Would you like a case and a screen protector? It's thirty dollars for both.",
              "Do you want a case with that? Thirty dollars with a screen protector.")
        c.say(1, "Go on, then.", "Yes, I always crack my screens.")
        price += 30
        c.say(2, f"Great, so that's ${price} altogether.", f"Perfect. ${price} in total, then.")
    else:
        c.say(2, "Do you want insurance?", "Anything else with it?")
        c.say(1, "No thanks.", "No, just the phone.")
    c.goodbye("service", 0.45)
    c.sum(f"{c.ref(1)} buys {name} from {brand} for ${price}" + (", including a case and screen protector." if case else "."),
          f"{c.ref(2)} shows {c.ref(1)} {brand} phones, and {c.ref(1)} chooses {name}" + (f" with a case, paying ${price} in total." if case else f" for ${price}."),
          f"[Looking for|Wanting] {need.replace('my ', c.his(1) + ' ')}, {c.ref(1)} [chooses|ends up with] {name} from {brand}, paying ${price}" + (" including a case." if case else "."))


def tech_support(c):
    # device -> [(problem as the caller says it, as the summary says it, what to try, what it was)]
    cases = {
        "laptop": [("keeps freezing", "keeps freezing", "install the latest system update", "an update was missing"),
                   ("is really slow", "has become very slow", "close the programs running in the background", "too many programs were running"),
                   ("won't connect to the Wi-Fi", "cannot connect to the Wi-Fi", "forget the network and connect again", "the saved network settings were wrong"),
                   ("has no sound", "has no sound", "check the sound settings", "the sound was set to an old speaker")],
        "printer": [("says it's offline", "shows as offline", "reconnect it to the Wi-Fi", "it was on the wrong network"),
                    ("keeps jamming", "keeps jamming", "take out the paper tray and remove a torn sheet", "a torn sheet was stuck inside"),
                    ("prints blank pages", "prints blank pages", "run the cleaning cycle for the print head", "the print head was blocked")],
        "router": [("keeps dropping the connection", "keeps dropping the connection", "move it away from the microwave", "it was getting interference"),
                   ("has a red light on", "shows a red light", "check that the cable in the wall socket is pushed in", "the cable had come loose")],
        "email account": [("won't let me log in", "will not let the caller log in", "reset the password", "the password had expired"),
                          ("isn't receiving any emails", "is not receiving any emails", "empty the full inbox", "the mailbox was full")],
        "tablet": [("won't charge", "will not charge", "try a different cable", "the cable was broken"),
                   ("has a frozen screen", "has a frozen screen", "hold the power button down for twenty seconds", "it needed a forced restart")],
        "phone": [("won't turn on", "will not turn on", "leave it on the charger for half an hour", "the battery was completely flat"),
                  ("can't make calls", "cannot make calls", "switch flight mode on and off", "flight mode had got stuck")],
        "work account": [("is locked", "is locked", "answer the security questions to unlock it", "there were too many wrong passwords")],
    }
    device = c.pick(list(cases))
    issue, issue_s, step, cause = c.pick(cases[device])
    c.say(2, f"[Tech support|IT support|The help desk], this is {c.nm(2)}[ speaking|]. [How can I help?|What can I do for you?|What's the problem?]",
          "[IT help desk|Technical support|Help desk|Support line], [what seems to be the problem?|how can I help?|what's up?|go ahead.]",
          "[Hello|Hi|Good morning], [you're through to|this is] [tech support|the IT help desk|customer support].")
    deadline = c.chance(0.4)
    c.say(1, f"[Hi|Hello|Hi there], my {device} {issue}" + ("[, and I have a deadline today|, and I need it for a meeting in an hour|]." if deadline else "."),
          f"[Hi|Hello]. [I've got a problem with my {device}. It {issue}|My {device} {issue}[ again|], [and I don't know what to do|and it's driving me mad|]]"
          + ("[. I have a deadline today.|. I really need it this afternoon.|.]" if deadline else "."))
    c.say(2, "[Have you tried|Did you try] [turning it off and on again|restarting it|switching it off and on]?",
          "[Okay|Right|I see]. [First|Just to start with], [have you restarted it|did you try a restart|have you switched it off and on again]?")
    c.say(1, "[Yes|Yeah], [twice|a couple of times|three times][. It didn't help.|, but nothing changed.|. No luck.]",
          "[Of course|Yes], [that was the first thing I did|I tried that straight away|I always try that first].")
    c.ask(2, 1, ("[Okay|Right]. And when did it [start|begin]?", "[Yesterday afternoon|This morning|Last night|A couple of days ago], [out of nowhere|for no reason|just like that]."),
          ("When did you first [notice|see] it?", "On {day}, I think. It was [fine|working perfectly|okay] [last week|before that]."),
          ("Did anything change before it started? [New software|An update|A new cable], a move?",
           "[Well|Hmm], my [son|daughter|flatmate|partner] [installed a game|changed some settings|plugged in a new speaker] [last week|on {day}|recently]."),
          ("Has anything changed [recently|in the last few days]?", "[Not that I know of.|No, nothing.|I don't think so.]"))
    c.turns[-1] = (c.turns[-1][0], c.turns[-1][1].replace("{day}", c.branch(*WEEKDAYS)))
    c.say(2, f"[Okay|Right|All right], let's {step}.", f"[Could|Can] you {step} for me?",
          f"[I'd like you to|Let's try this:] {step}.")
    works = c.chance(0.65)
    if works:
        c.say(1, "[Okay|Right], [done|hang on|one second]... [Oh!|Oh, wow!|Yes!] It [works|seems to work|is working] now.",
              "[Give me a second|Hold on|Just a moment]. [Yes, that did it!|That fixed it!|It's working again!]")
        c.say(2, f"[Great|Good|Perfect]. [It looks like|I think|So] {cause}.", f"[Excellent|Great]. [Probably|Most likely] {cause}.")
        c.say(1, "Thank you [so much|very much], you [saved my day|saved me|are a lifesaver].",
              "[Brilliant|Fantastic|Great], thanks[ a lot|].", "[That was easy|I feel silly now]. Thank you!")
        c.goodbye("service", 0.5)
        c.sum(f"{c.ref(1)} [calls|phones|contacts] [tech support|the help desk|IT support] because {c.his(1)} {device} {issue_s}.",
              f"{c.ref(1)}'s {device} {issue_s}, so {c.ref(1)} [calls|asks] {c.ref(2)} for help.",
              f"{c.ref(1)} [contacts|rings] the help desk about a {device} that {issue_s}.",
              f"[Because|Since] {c.his(1)} {device} {issue_s}, {c.ref(1)} [asks|turns to] {c.ref(2)} [for help|for support].",
              f"{c.ref(1)}'s {device} {issue_s}, and [restarting it|a restart] does not help.")
        c.sum(f"Restarting [does not help|changes nothing], but when {c.ref(1)} follows {c.ref(2)}'s advice to {step}, [the problem is solved|it works again].",
              f"{c.ref(2)} [suggests that|tells] {c.ref(1)} [|to ]{step}, which [fixes it|solves the problem].",
              f"[Following|On] {c.ref(2)}'s advice, {c.ref(1)} [tries to|manages to] {step}, and it works; {c.ref(2)} [thinks|says] {cause}.")
    else:
        c.say(1, "[No|Nope], [still the same|nothing has changed|it's the same as before].",
              "That didn't [change anything|help|make any difference], [sorry|I'm afraid].")
        ticket = c.num(1000, 9999)
        day = c.pick(WEEKDAYS)
        c.say(2, f"[Then|In that case] I'll send a technician. Your ticket number is {ticket}. [They can come|Someone can visit] on {day}.",
              f"I'll [open|create] a ticket, number {ticket}, and book a technician [visit|appointment] for {day}.")
        c.say(1, f"{day} is [fine|good|okay]. Thanks.", "[Okay|Fine], I'll be [home|there|in].")
        c.sum(f"{c.ref(1)}'s {device} {issue_s}. {c.ref(2)}'s [suggestions do not fix it|advice does not help], so a technician will [come|visit] on {day}; the ticket number is {ticket}.",
              f"{c.ref(2)} cannot fix {c.ref(1)}'s {device}, which {issue_s}, remotely, so {c.he(2)} books a technician for {day} under ticket {ticket}.",
              f"{c.ref(2)} [opens|creates] ticket {ticket} and [sends|books] a technician for {day}, [because|as] the {device} still {issue_s}.")



def hotel_check_in(c):
    hotel = c.pick("the Grand Harbour", "the Riverside Inn", "Hotel Aurora", "the Parkview", "the Lantern House", "the Station Hotel",
                   "the Old Mill Hotel", "the Seaview Lodge", "Hotel Belvedere", "the Copper Kettle Inn", "the Blue Door Hotel",
                   "the Kingsway", "the Alder Tree Hotel", "Hotel Miramar", "the Castle View")
    nights = c.num(1, 6)
    n_s = f"{NUMWORDS[nights]} night{'s' if nights > 1 else ''}"
    c.say(2, f"[Good evening|Hello|Good afternoon], welcome to {hotel}. [Checking in?|Are you checking in?|Do you have a reservation?]")
    last = c.nm_last(1)
    if c.chance(0.5):
        last = c.nm(1) + " " + last
    c.say(1, f"Yes, [a reservation|a booking] under {last}, for {n_s}.", f"Yes, the name is {last}. {cap(n_s)}[, I think|].")
    prob = c.branch("none", "none", "twin", "noisy", "early")
    if prob == "twin":
        c.say(2, "I have you in a twin room.", "[Right|Okay], a room with two single beds.")
        c.say(1, "Oh, I booked a double. It says so in my [email|confirmation].", "That's not right, I [asked for|booked] a double bed.")
        c.say(2, "I'm [sorry|so sorry] about that. I can upgrade you to a double with a view at no extra charge.",
              "My apologies. Let me move you to a double on the top floor, free of charge.")
        c.say(1, "That's very kind, thank you.", "[Oh|Well], that's [great|perfect|generous], thanks.")
    elif prob == "noisy":
        c.say(2, "You're in room 112, next to the lift.", "I've got room 112 for you[, by the lift|].")
        c.say(1, "Is it quiet? I'm a very light sleeper.", "Is that near the bar? I need to sleep early.")
        c.say(2, "Let me give you 408 instead, it's on the quiet side.", "I'll move you to the fourth floor, it's [quieter|much quieter] there.")
    elif prob == "early":
        c.say(2, "Your room isn't ready yet, I'm afraid. Check-in is from three.", "The room will be ready at three o'clock.")
        c.say(1, "Can I leave my bags here until then?", "Oh. Is there somewhere I can leave my luggage?")
        c.say(2, "Of course, we'll keep them behind the desk.", "[Sure|Certainly], we have a luggage room.")
    else:
        c.say(2, "I have a double room for you. Could I see a passport and a card for incidentals?",
              "Everything's ready. I just need your ID and a credit card.")
        c.say(1, "Here you are.", "[Sure|Of course], here.")
    bf = c.clock(6, 7)
    c.smalltalk("service", 0.35, next_who=1)
    c.ask(1, 2, ("What time is breakfast?", f"Breakfast is included, from {bf} to ten in the restaurant."),
          ("Is breakfast included?", f"Yes, it's served from {bf} until 10 a.m. on the ground floor."))
    if c.chance(0.4):
        c.ask(1, 2, ("And the Wi-Fi password?", "It's on the card with your key."), ("Is there Wi-Fi in the rooms?", "Yes, the password is on your key card holder."))
    c.goodbye("service", 0.45)
    c.sum(f"{c.ref(1)} checks in at {hotel} for {n_s}.", f"{c.ref(2)} checks {c.ref(1)} in at {hotel}; the booking is for {n_s}.",
          f"{c.ref(1)} arrives at {hotel} with a [reservation|booking] for {n_s}.",
          f"[On arrival|Arriving] at {hotel}, {c.ref(1)} [gives|confirms] the name for a {n_s} booking.",
          f"{c.ref(1)} [arrives|checks in] at {hotel}, where a room is booked for {n_s}.",
          f"[For|With a booking for] {n_s}, {c.ref(1)} [is welcomed|is checked in] at {hotel} by {c.ref(2)}.")
    if prob == "twin":
        c.sum(f"{c.ref(1)} was given a twin room instead of a double, so {c.ref(2)} upgrades the room for free.",
              f"Because of a mix-up with a twin room, {c.ref(1)} gets a free upgrade to a double.",
              f"A twin room [was booked by mistake|had been given instead of a double], and {c.ref(2)} [fixes|solves] it with a free upgrade.")
    elif prob == "noisy":
        c.sum(f"{c.ref(1)} is worried about noise, so {c.ref(2)} gives {c.him(1)} a quieter room on the fourth floor.",
              f"As {c.ref(1)} is a light sleeper, {c.ref(2)} [moves|switches] {c.him(1)} to a quieter room.",
              f"A light sleeper, {c.ref(1)} [asks for|gets] a quieter room away from the lift.")
    elif prob == "early":
        c.sum(f"The room is not ready until three, so {c.ref(1)} leaves the luggage at the hotel.",
              f"{c.ref(1)} arrives before check-in time and [leaves|stores] the bags at the desk until three.",
              f"Check-in starts at three, so {c.ref(1)} [leaves|stores] the bags behind the desk until then.")
    if c.chance(0.5):  # a detail: not every annotator reports it
        c.sum(f"Breakfast is included and starts at {bf}.", f"{c.ref(2)} says breakfast is served from {bf}.",
              f"{c.ref(1)} learns that breakfast, which is included, begins at {bf}.",
              f"[Breakfast, which is included,|The included breakfast] [starts|is served from] {bf}.",
              f"{c.ref(2)} [mentions|points out] that breakfast, included in the price, [starts|begins] at {bf}.")


def doctor_appointment(c):
    clinic = c.pick("Greenfield Medical Centre", "Parkside Surgery", "the Hill Street Clinic", "Riverside Health Centre", "Oakwood Practice")
    c.say(2, f"{clinic}, [how can I help?|good morning.|what can I do for you?]", f"[Good morning|Hello], {clinic}.",
          f"[Hello|Hi], {clinic} reception.", f"{clinic}, {c.nm(2)} speaking.")
    symptom = c.pick("a sore throat and a fever", "pain in my lower back", "a rash on my arm", "headaches almost every day",
                     "a cough that won't go away", "an earache", "a swollen ankle", "trouble sleeping", "stomach pain after meals",
                     "dizzy spells", "itchy, red eyes", "a painful knee", "a stiff neck", "a chest infection", "a sprained wrist")
    doc = "Dr. " + c.pick("Okafor", "Nguyen", "Patel", "Garcia", "Kowalski", "Smith", "Johansson", "Tanaka", "Mensah", "Rossi",
                          "Schmidt", "Haddad", "Silva", "Novak", "Dubois", "Fischer", "Chen", "Larsen", "Moreau", "Costa")
    c.say(1, f"[Hi|Hello], I'd like to make an appointment with {doc}. I've [had|got] {symptom}.",
          f"[Hello|Hi], I need to see a doctor. I've got {symptom}.")
    dur = c.pick("three days", "a week", "two weeks", "since the weekend", "four days", "ten days")
    c.say(2, "How long have you had [it|that|these symptoms]?", "I'm sorry to hear that. [For how long?|How long has it been?]")
    c.say(1, f"[About|Around|Roughly] {dur}." if not dur.startswith("since") else f"Ever {dur}.")
    urgent = c.chance(0.3)
    if urgent:
        c.ask(2, 1, ("Is it getting any better?", "No, it's getting worse, actually."),
              ("Is it getting worse?", "A bit, yes. I couldn't sleep last night."))
        t = c.clock(10, 17)
        c.say(2, f"Then we'll fit you in today. {doc} can see you at {t}.", f"Come in today, {doc} has a slot at {t}.")
        day = "today"
    else:
        day = c.pick(WEEKDAYS)
        t = c.clock(8, 17)
        c.say(2, f"{doc} is free on {day} at {t}. Does that suit you?", f"The first opening with {doc} is {day} at {t}.")
        if c.chance(0.4):
            c.say(1, f"I work on {day} mornings. [Anything later?|Is there anything later?]", "Do you have anything later in the day?")
            t = c.clock(16, 18)
            c.say(2, f"I can do {t} on the same day.", f"How about {t} on {day}?")
        c.say(1, "That's fine.", "[Okay|Great], I'll take it.", "[That works|Perfect], thanks.")
    c.say(2, "Can I have your date of birth, please?", "Are you already registered with us? What's your date of birth?")
    born = c.pick("the fourth of March, 1988", "the twelfth of July, 1975", "the twentieth of October, 1992", "the first of May, 2001",
                  "the ninth of January, 1969", "the third of June, 1983", "the sixteenth of August, 1996")
    c.say(1, f"It's {born}.", f"{c.nm(1)} {c.people[1].last}, born on {born}.")
    if c.chance(0.5):
        c.say(2, "Please bring a list of any medicines you take.", "Please arrive ten minutes early.")
        c.say(1, "Will do. Thanks for your help.", "Okay, I will. Thank you.")
    when = "today" if urgent else f"on {day}"
    c.sum(f"{c.ref(1)} has had {symptom.replace('my ', c.his(1) + ' ')} and books an appointment with {doc} {when} at {t}." if not urgent
          else f"{c.ref(1)} has had {symptom.replace('my ', c.his(1) + ' ')} that is getting worse, so {c.ref(2)} books {c.him(1)} with {doc} today at {t}.",
          f"{c.ref(1)} [calls|phones|rings] {clinic} about {symptom.replace('my ', c.his(1) + ' ')}. {c.ref(2)} gives {c.him(1)} an appointment {when} at {t}.",
          f"Because of {symptom.replace('my ', c.his(1) + ' ')}, {c.ref(1)} gets an appointment with {doc} {when} at {t}.",
          f"{c.ref(2)} [finds|offers] {c.ref(1)} a slot with {doc} {when} at {t} for {symptom.replace('my ', c.his(1) + ' ')}.",
          f"{c.ref(1)}, who has had {symptom.replace('my ', c.his(1) + ' ')}, [will see|gets to see] {doc} {when} at {t}.")


def ordering_food(c):
    menus = {"Golden Dragon": ["sweet and sour chicken", "egg fried rice", "spring rolls", "crispy duck"],
             "Luigi's Pizza": ["a large margherita", "a pepperoni pizza", "garlic bread", "a tiramisu"],
             "Spice Route": ["chicken tikka masala", "lamb rogan josh", "two naans", "a vegetable biryani"],
             "Burger Barn": ["a cheeseburger", "a veggie burger", "large fries", "onion rings"],
             "Sakura Sushi": ["a salmon roll", "miso soup", "chicken katsu", "edamame"],
             "Taco Loco": ["three beef tacos", "a bean burrito", "nachos", "a chicken quesadilla"],
             "Bombay Nights": ["a lamb biryani", "saag paneer", "onion bhajis", "a mango lassi"],
             "Napoli Express": ["a four cheese pizza", "a calzone", "tiramisu", "a rocket salad"],
             "Seoul Kitchen": ["bibimbap", "Korean fried chicken", "kimchi pancakes", "japchae"],
             "Pho House": ["a beef pho", "summer rolls", "a banh mi", "lemongrass chicken"],
             "The Falafel Stop": ["a falafel wrap", "hummus and pitta", "a halloumi salad", "sweet potato fries"]}
    place = c.pick(list(menus))
    order = c.sample(menus[place], c.num(2, 3))
    c.say(2, f"{place}, what can I get you?", f"[Hi|Hello], thanks for calling {place}. [Pickup or delivery?|Is that for delivery?]",
          f"{place}, this is {c.nm(2)}. What would you like?")
    c.say(1, f"[Hi|Hello], I'd like to order {join_and(order)} for delivery.", f"Delivery, please. [Can I get|Could I have] {join_and(order)}?")
    if c.chance(0.4):
        c.ask(2, 1, ("Any allergies we should know about?", "No nuts, please, my son is allergic."),
              ("Anything else? Drinks?", "No, that's all, thanks."), ("Would you like any drinks with that?", "Two cans of lemonade, please."))
    addr = f"{c.num(3, 150)} {c.pick(STREETS)}"
    c.say(2, "What's the address?", "Where should we deliver it?", "[And|Okay, and] the address?")
    c.say(1, f"{addr}, the flat above the [bakery|chemist|hairdresser].", f"It's {addr}.", f"{addr}[, the blue door|, ring the top bell].")
    total = c.num(18, 55)
    wait = c.pick("thirty", "forty-five", "fifty", "twenty-five", "forty")
    c.say(2, f"That's ${total}, and it'll be about {wait} minutes.", f"Your total is ${total}. Delivery takes around {wait} minutes.")
    busy = c.chance(0.35)
    if busy:
        c.say(1, f"{cap(wait)} minutes? We're really hungry. Is there any way to make it faster?", "That's long. Can it come sooner?")
        c.say(2, "Sorry, Friday nights are busy. I'll add a free dessert for the wait.", "It's our busiest night, but I'll throw in a free dessert.")
        c.say(1, "Okay, that's fair.", "[Fine|All right], thanks.")
    c.say(1, "Can I pay cash on delivery?", "I'll pay by card at the door.")
    c.say(2, "Sure, no problem. Can I have a phone number for the driver?", "That's fine. And a contact number, please?")
    c.say(1, f"It's 07{c.num(100, 999)} {c.num(100000, 999999)}.")
    c.goodbye("service", 0.35)
    c.sum(f"{c.ref(1)} orders {join_and(order)} from {place} for delivery to {addr}. It costs ${total} and will take about {wait} minutes.",
          f"{c.ref(1)} [calls|phones|rings] {place} to order {join_and(order)}. The total is ${total}, with delivery in about {wait} minutes.",
          f"{c.ref(1)} places a delivery order with {place} for {join_and(order)}, which comes to ${total} and should arrive at {addr} in about {wait} minutes.",
          f"{c.ref(1)} [wants|gets] {join_and(order)} delivered from {place} to {addr}; {c.ref(2)} [says|quotes] ${total} and about {wait} minutes.",
          f"{join_and(order)[:1].upper() + join_and(order)[1:]} from {place} [will reach|should arrive at] {addr} in about {wait} minutes; {c.ref(1)} [pays|owes] ${total}.")
    if busy:
        c.sum(f"{c.ref(1)} complains about the wait, so {c.ref(2)} adds a free dessert.", f"To make up for the long wait, {c.ref(2)} [adds|offers] a free dessert.",
              f"[To make up for|Because of] the long wait, {c.ref(2)} [throws in|adds] a dessert for free.")


def train_tickets(c):
    b = c.pick(CITIES)
    c.say(2, "[Next, please.|Who's next?|Hi, where are you travelling to?|Hello, where to?|Good morning, where are you going today?]")
    c.smalltalk("service", 0.35, next_who=1)
    ret = c.chance(0.5)
    kind = "return" if ret else c.pick("single", "one-way")
    day = c.pick(DAYS)
    c.say(1, f"I need a {kind} ticket to {b} on {day}.", f"A {kind} ticket to {b} for {day}, please.",
          f"[Hi|Hello]. [Can I get|I'd like] a {kind} to {b} for {day}?")
    t1, t2 = c.clock(6, 10), c.clock(11, 15)
    c.say(2, f"There's a direct train at {t1} and one with a change at {t2}.", f"You can take the {t1}, or the {t2}, which is cheaper but you change once.")
    p1, p2 = c.num(45, 120), c.num(25, 44)
    c.say(1, "How much are they?", "What's the price difference?", "And the prices?")
    c.say(2, f"The {t1} is ${p1}, the {t2} is ${p2}.", f"${p1} for the direct one, ${p2} for the other.")
    card = c.chance(0.35)
    if c.chance(0.5):
        c.say(1, f"I'll take the {t2}. I'm not in a hurry.", f"The cheaper one, please. The {t2}.")
        t, p = t2, p2
    else:
        c.say(1, f"The {t1}, please. I have a meeting at lunchtime.", f"I'll go for the direct one at {t1}.")
        t, p = t1, p1
    if card:
        c.say(1, "Oh, I have a [student|senior] railcard. Is there a discount?", "I have a railcard, by the way.")
        p = round(p * 2 / 3)
        c.say(2, f"Then it's a third off, so ${p}.", f"With the railcard it comes down to ${p}.")
    if c.chance(0.5):
        c.ask(1, 2, ("Which platform does it leave from?", "Platform 4, usually, but check the board."),
              ("Can I reserve a window seat?", "Yes, I've put you in coach C by the window."),
              ("Is there a quiet coach?", "Yes, coach A. I'll put you there."))
    c.goodbye("service", 0.45)
    ticket = kind
    c.sum(f"{c.ref(1)} buys a {ticket} ticket to {b} for {day}. {c.ref(1)} [chooses|takes|picks] the {t} train"
          + (" with a change" if t == t2 else ", which is direct") + f", and pays ${p}" + (" with a railcard discount." if card else "."),
          f"{c.ref(2)} offers {c.ref(1)} a direct train to {b} at {t1} for ${p1} or one with a change at {t2} for ${p2}. {c.ref(1)} takes the {t} train"
          + (f" and gets a railcard discount, paying ${p}." if card else "."),
          f"[Travelling|Going] to {b} on {day}, {c.ref(1)} [opts for|goes for|chooses] the {t} train"
          + (" with one change" if t == t2 else ", the direct one") + f" and pays ${p}" + (" after a railcard discount." if card else "."),
          f"{c.ref(1)} [needs|wants] to get to {b} on {day} and [buys|pays ${p} for] a {ticket} ticket for the {t} train" + (" after a railcard discount." if card else "."),
          f"{c.ref(1)} [goes for|picks] the {t} train to {b} on {day}" + (" with a change" if t == t2 else ", which is direct") + f" and pays ${p}" + (" with a railcard." if card else "."),
          f"A {ticket} ticket to {b} on {day} costs {c.ref(1)} ${p}" + (" with a railcard" if card else "") + f"; {c.he(1)} takes the {t} train.")


def airport(c):
    city = c.pick(CITIES)
    c.say(2, "[Good morning|Hello|Good afternoon]. Where are you flying today?", "[Hello|Hi], passport please. [What's your destination?|Where are you off to?]")
    c.say(1, f"To {city}. Here's my passport.", f"{city}. Here you are.", f"[I'm going|I'm flying] to {city}. [Here's my passport.|Here you go.]")
    trip_i = c.ask(2, 1, ("Business or pleasure?", "Visiting family, actually. My sister just had a baby."),
                   ("Business or pleasure?", "A work conference, unfortunately. Three days of meetings."),
                   ("Are you travelling alone today?", "Yes, just me."),
                   ("Did you pack your bags yourself?", "Yes, I did. Nothing unusual in there."))
    c.say(2, "Any bags to check in?", "Are you checking any luggage?", "[How many|Any] bags [to check in|for the hold] today?")
    kg = c.num(18, 29)
    over = kg > 23
    c.say(1, "[Just|Only] this [suitcase|case].", "One bag, [yes|please].", "[Only|Just] [this one|the one suitcase].")
    move = False
    if over:
        fee = (kg - 23) * 10
        c.say(2, f"It's {kg} kilos. The limit is 23, so there's a fee of ${fee}.", f"Your bag is {kg} kilograms, which is over the 23 kilo limit. That's ${fee} extra.")
        move = c.chance(0.5)
        if move:
            c.say(1, "Can I move some things into my hand luggage instead?", "Oh no. Let me take a few things out.")
            c.say(2, "Of course. Step aside and come back when you're ready.", "Sure, go ahead.")
        else:
            c.say(1, "Fine, I'll pay it.", "That's annoying, but okay.")
    else:
        c.say(2, f"{kg} kilos, that's fine.", "That's within the limit.", f"[Good|Great], {kg} kilograms, [no problem|that's fine].")
    delayed = c.chance(0.4)
    gate = f"{c.branch('A', 'B', 'C', 'D')}{c.num(2, 40)}"
    if delayed:
        mins = c.pick("forty minutes", "an hour", "two hours", "ninety minutes")
        c.say(2, f"I'm afraid the flight is delayed by {mins}.", f"Just so you know, there's a delay of about {mins}.")
        c.ask(1, 2, ("Oh no. Will I still make my connection?", f"You'll be fine. Boarding will be from gate {gate}."),
              ("Great. Is there somewhere to eat near the gate?", f"Yes, there are cafes near gate {gate}, where you'll board."))
    else:
        c.say(2, f"Here's your boarding pass. Gate {gate}, boarding starts at {c.clock(7, 20)}.", f"You're all set. Gate {gate}.")
    c.say(1, "Could I have a window seat?", "Is there an aisle seat available?")
    c.say(2, "Let me see. Yes, I've changed it for you.", "Sorry, the flight is full, so I can't change it.")
    c.goodbye("service", 0.45)
    reason = ["to visit family, as " + c.his(1) + " sister has just had a baby", "for a work conference", "alone", ""][trip_i]
    c.sum(f"{c.ref(1)} checks in for a flight to {city} and will board at gate {gate}.",
          f"At the airport, {c.ref(2)} checks {c.ref(1)} in for {c.his(1)} flight to {city}.",
          f"{c.ref(1)} is flying to {city}; {c.ref(2)} handles the check-in and gives gate {gate}.",
          f"{c.ref(1)} is flying to {city} {reason}, and {c.ref(2)} checks {c.him(1)} in." if reason else
          f"{c.ref(1)}, who packed the bags personally, checks in for a flight to {city}.",
          f"Checking in for {city}, {c.ref(1)} [gets|is given] gate {gate} from {c.ref(2)}.",
          f"{c.ref(2)} [checks in|processes] {c.ref(1)}'s bag for the flight to {city} and [sends|directs] {c.him(1)} to gate {gate}.",
          f"[Flying|Travelling] to {city}, {c.ref(1)} checks in [with|at the desk of] {c.ref(2)} and [will board|boards] at gate {gate}.")
    if over:
        c.sum(f"{c.ref(1)}'s suitcase weighs {kg} kilos, over the limit, so {c.ref(1)} " + ("moves some things into the hand luggage." if move else f"pays ${fee}."))
    if delayed:
        c.sum(f"The flight is delayed by {mins}.", f"There is a delay of {mins}.",
              f"{c.ref(2)} [warns|tells] {c.ref(1)} that the flight [will leave|is] {mins} late.")


def restaurant(c):
    n = c.num(2, 6)
    c.say(2, "[Good evening|Hello|Hi]. Do you have a reservation?", "[Hi|Good evening], welcome. How many are you?",
          "[Welcome|Good evening|Hello]. [A table for how many?|How many of you are there?|How many people?]")
    booked = c.chance(0.5)
    if booked:
        full = (c.nm(1) + " " if c.chance(0.5) else "") + c.nm_last(1)
        c.say(1, f"Yes, a table for {NUMWORDS[n]} under {full}.", f"We booked for {NUMWORDS[n]}, the name is {full}.")
        c.say(2, "Right this way.", "Yes, here you are. Follow me.", "[Of course|Lovely]. [This way, please.|Follow me, please.]")
    else:
        c.say(1, f"No, we don't. Do you have a table for {NUMWORDS[n]}?", f"No reservation, sorry. Is there room for {NUMWORDS[n]}?")
        wait = c.pick("fifteen", "twenty", "thirty")
        c.say(2, f"There's a wait of about {wait} minutes. You can have a drink at the bar.", f"We're full right now, about {wait} minutes.")
        c.say(1, "That's fine, we'll wait.", "Okay, we'll wait at the bar.")
    c.say(2, "Can I get you something to drink first?", "Here are the menus. Anything to drink?")
    c.say(1, "Just tap water, please.", "A [bottle|glass] of the house [red|white], please.", "Two lemonades and a sparkling water.", "What do you recommend?")
    special = c.pick("grilled sea bass", "mushroom risotto", "lamb shank", "duck breast with plum sauce", "pumpkin ravioli",
                     "slow-cooked beef cheeks", "a seafood paella", "roast pork belly", "a goat's cheese tart", "a vegetable tagine")
    c.say(2, f"Tonight's special is {special}.", f"Can I recommend the special? It's {special}.")
    dish = c.pick("the steak", "the vegetable curry", special, special, "the roast chicken", "the seafood pasta", "the fish and chips",
                  "the lentil burger", "the chicken Caesar salad")
    c.say(1, f"I'll have {dish}, please.", f"I think I'll go for {dish}.")
    c.say(2, "Excellent choice.", "Good choice, it's very popular.", "Lovely. It'll be about twenty minutes.")
    issue = c.chance(0.35)
    if issue:
        c.say(1, "Excuse me, this is quite cold in the middle.", "Sorry, but this is cold. I think it's been sitting out for a while.")
        c.say(2, "I'm so sorry. I'll have the kitchen make a new one right away, and dessert is on us.",
              "My apologies, I'll take it back. Dessert is on the house tonight.")
    elif c.chance(0.6):
        c.say(2, "How is everything?", "Is everything to your liking?")
        c.say(1, "Lovely, thank you.", "Very good. Compliments to the chef.", "It's great, but could we have some more bread?")
    c.say(1, "Could we have the bill, please?", "Can we get the check?")
    bill = c.num(40, 260)
    split = c.chance(0.4)
    c.say(2, f"Of course. That's ${bill}." + (" Shall I split it?" if split else ""), f"Here you go, ${bill}.")
    if split:
        c.say(1, "Yes, please split it evenly.", "[Yes|Yeah], split it equally, please.")
    c.sum((f"{c.ref(1)} has a reservation for {NUMWORDS[n]}" if booked else f"{c.ref(1)} has no reservation for {NUMWORDS[n]} people and has to wait for a table")
          + f". {c.ref(1)} orders {dish}" + (", the special." if dish == special else "."),
          f"At the restaurant, {c.ref(2)} recommends {special}" + (f", and {c.ref(1)} orders it." if dish == special else f", but {c.ref(1)} orders {dish}."),
          f"{c.ref(1)} [goes|comes] to the restaurant" + (" with a booking" if booked else " without a booking") + f" for {NUMWORDS[n]}, and [picks|chooses] {dish}" + (", the special of the day." if dish == special else f" over the special, {special}."),
          f"Without a booking, {c.ref(1)} waits for a table for {NUMWORDS[n]} and [orders|chooses] {dish}." if not booked else f"With a table booked for {NUMWORDS[n]}, {c.ref(1)} [orders|goes for] {dish}.",
          f"[At dinner|At the restaurant], {c.ref(1)} [orders|has] {dish}" + (" on the recommendation of " + c.ref(2) + "." if dish == special else f", not {special}, the special."))
    if issue:
        c.sum(f"The food arrives cold, so {c.ref(2)} apologises, replaces it and offers a free dessert.",
              f"When {c.ref(1)} complains that the meal is cold, {c.ref(2)} takes it back and gives them dessert for free.",
              f"{c.ref(1)}'s meal [is cold|arrives cold], so {c.ref(2)} [has it remade|sends it back to the kitchen] and [offers|gives] dessert on the house.")
    else:
        c.sum(f"The bill is ${bill}" + (", split evenly." if split else "."), f"They pay ${bill}" + (", split evenly." if split else "."),
              f"{c.ref(2)} [brings|presents] a bill of ${bill}" + (", which they split evenly." if split else "."))


SCENARIOS = {
    "car repair": car_repair,
    "post office": post_office,
    "banking": banking,
    "lost property": lost_property,
    "library": library,
    "hairdresser": hairdresser,
    "gym membership": gym_membership,
    "buying a phone": buying_a_phone,
    "tech support": tech_support,
    "hotel check-in": hotel_check_in,
    "doctor appointment": doctor_appointment,
    "ordering food": ordering_food,
    "train tickets": train_tickets,
    "airport": airport,
    "restaurant": restaurant,
}
