"""Scenario scripts: services and errands (bank, post office, repairs, shops...)."""

from summ_common import LAST, CITIES, DAYS, STREETS, WEEKDAYS, NUMWORDS, cap, join_and


def car_repair(c):
    car = c.pick("Toyota", "Ford", "Honda", "Volkswagen", "Hyundai", "Skoda", "Mazda", "Kia", "Renault", "Subaru",
                 "Volvo", "Peugeot", "Nissan", "Fiat", "Toyota Corolla", "Ford Focus", "Honda Civic", "VW Golf")
    problem, fix = c.pick(
        ("a squeaking noise when I brake", "the brake pads"),
        ("the engine light came on yesterday", "a faulty oxygen sensor"),
        ("the air conditioning only blows warm air", "a leak in the air conditioning"),
        ("it pulls to the left on the motorway", "the wheel alignment"),
        ("it's really hard to start in the mornings", "the battery"),
        ("there's a rattling sound under the car", "a loose exhaust pipe"),
        ("the windscreen wipers stopped working in the rain", "a blown fuse"),
        ("it smells of petrol inside", "a leaking fuel line"),
        ("the steering wheel shakes at high speed", "unbalanced front tyres"),
    )
    short = {"the brake pads": "replace the brake pads", "a faulty oxygen sensor": "replace the oxygen sensor",
             "a leak in the air conditioning": "fix the air conditioning leak", "the wheel alignment": "realign the wheels",
             "the battery": "replace the battery", "a loose exhaust pipe": "refit the exhaust pipe",
             "a blown fuse": "replace the fuse and check the wiring", "a leaking fuel line": "replace the fuel line",
             "unbalanced front tyres": "balance the front tyres"}[fix]
    price = c.num(90, 480, 10)
    c.say(1, c.hi(1, 2) + f" I brought my {car} in because {problem}.",
          f"Good morning. My {car} has a problem: {problem}.")
    c.say(2, "Okay, let me take a look. How long has it been doing that?", "Right. When did you first notice it?")
    weeks = c.pick("a couple of days", "about a week", "two weeks or so", "since last month")
    c.say(1, f"{cap(weeks)}, I think. I kept hoping it would go away.", f"Maybe {weeks}. I've been putting it off.")
    if c.chance(0.5):
        c.say(2, "Have you had any other work done on it recently?", "Anything else I should know about? Any recent accidents?")
        c.say(1, c.pick("No, just a regular service in the spring.", "Not really. It had new tyres last year."))
    c.say(2, f"Looks like it's {fix}. We'd need to {short}. It'll be around ${price}, parts and labour.",
          f"It's {fix}, I'm afraid. To {short} it's about ${price} all in.")
    haggle = c.chance(0.45)
    if haggle:
        c.say(1, f"${price}? That's more than I expected. Is there anything cheaper?",
              "Hmm, that's quite a lot. Can you do any better on the price?")
        disc = c.num(10, 40, 5)
        price2 = price - disc
        c.say(2, f"I can take ${disc} off if you leave it with us until tomorrow. So ${price2}.",
              f"If you don't mind waiting a day, I can do it for ${price2}.")
    ready = c.pick("by five o'clock", "tomorrow morning", "by Thursday", "in about two hours")
    if haggle:
        ready = "tomorrow"
    decline = c.chance(0.2)
    if decline:
        c.say(1, "I think I'll get a second opinion first, to be honest. Thanks for looking at it.",
              "Let me think about it and call you back. I'd like to compare prices.")
        c.say(2, "No problem. The quote is good for a week.", "Sure, here's the written quote.")
        c.sum(f"{c.ref(1)} brings a {car} to the garage, and {c.ref(2)} finds that the problem is {fix}.",
              f"{c.ref(2)} inspects {c.ref(1)}'s {car} and concludes that the problem is {fix}.")
        c.sum(f"{c.ref(2)} quotes ${price if not haggle else price2}, but {c.ref(1)} wants to compare prices before deciding.",
              f"The repair would cost ${price if not haggle else price2}, so {c.ref(1)} decides to get a second opinion first.")
        return
    c.say(1, "Okay, go ahead. When will it be ready?", "Fine, let's do it. How long will it take?")
    c.say(2, f"It should be ready {ready}. We'll call you.", f"You can pick it up {ready}.")
    if c.chance(0.5):
        c.say(1, "Great. Can I pay by card?", "Perfect. Do I pay now or when I collect it?")
        c.say(2, "Card is fine, when you collect it.", "When you pick it up is fine.")
    c.goodbye("service", 0.4)
    total = price2 if haggle else price
    c.sum(f"{c.ref(1)} brings a {car} to the garage. {c.ref(2)} finds that the problem is {fix}.",
          f"{c.ref(2)} checks {c.ref(1)}'s {car} and says the problem is {fix}.",
          f"{c.ref(1)}'s {car} needs a repair: {c.ref(2)} says it is {fix} and offers to {short}.")
    if haggle:
        c.sum(f"After {c.ref(1)} complains about the price, {c.ref(2)} lowers it to ${total} if the car can stay until tomorrow.",
              f"{c.ref(1)} thinks ${price} is too much, so {c.ref(2)} offers ${total} in exchange for keeping the car a day.")
    else:
        c.sum(f"The repair costs about ${total} and the car will be ready {ready}.",
              f"{c.ref(1)} agrees to pay about ${total}, and the car will be ready {ready}.",
          f"{c.ref(1)} accepts the quote of about ${total} and can collect the car {ready}.")


def post_office(c):
    dest = c.pick(CITIES)
    item = c.pick("a parcel", "a small package", "a box of books", "a birthday present", "some documents", "a pair of shoes",
                  "a wedding gift", "some old photographs", "a laptop charger", "a box of homemade biscuits", "a signed contract",
                  "a winter jacket", "a set of keys")
    c.say(2, c.pick("Next, please.", "Hello, what can I do for you?", "Good morning, how can I help?"))
    c.smalltalk("service", 0.5, next_who=1)
    c.say(1, f"Hi, I'd like to send {item} to {dest}.", f"Hello. I need to post {item} to {dest}, please.")
    c.say(2, "Sure, pop it on the scale. What's inside?", "Put it here for me. Anything fragile inside?")
    fragile = c.chance(0.4)
    if fragile:
        c.say(1, "Yes, there's a glass vase in there, so please be careful.", "A couple of mugs, so it is fragile.")
        c.say(2, "I'll put a fragile sticker on it.", "Okay, I'll mark it fragile.")
    else:
        c.say(1, "Nothing fragile, just some clothes and a card.", "Only paper, nothing breakable.")
    w = c.num(1, 9)
    std, exp = c.num(8, 20), c.num(24, 45)
    sd, ed = c.pick("five to seven", "three to five", "seven to ten"), c.pick("two", "three", "one to two")
    c.say(2, f"It's {w} kilos. Standard is ${std} and takes {sd} days, or express is ${exp} and takes {ed} days.",
          f"That's {w} kilograms. You can send it standard for ${std}, {sd} working days, or express for ${exp}, {ed} days.")
    hurry = c.chance(0.5)
    if hurry:
        c.say(1, "It has to arrive before the weekend, so express, please.", "Express. It's for a birthday on Saturday.")
        chosen, cost = "express", exp
    else:
        c.say(1, "Standard is fine, there's no rush.", "Oh, standard then. It's not urgent.")
        chosen, cost = "standard", std
    ins = c.chance(0.4)
    if ins:
        c.say(2, "Would you like insurance? It's three dollars extra.", "Do you want to add tracking and insurance for three dollars?")
        c.say(1, "Yes, please. Better safe than sorry.", "Sure, why not.")
        cost += 3
    else:
        c.say(2, "Anything else today?", "Do you need anything else?")
        c.say(1, c.pick("A book of stamps, please. Oh, actually, no, that's all.", "No, that's everything, thanks."))
    c.say(2, f"That comes to ${cost}.", f"${cost} altogether, please.")
    c.say(1, c.pick("Here you go.", "Can I pay by card?", "Here's a fifty."), "Here's my card.")
    c.goodbye("service", 0.4)
    c.sum(f"{c.ref(1)} sends {item} to {dest} by {chosen} post" + (", marked fragile," if fragile else "") + f" for ${cost}" + (" including insurance." if ins else "."),
          f"At the post office, {c.ref(1)} posts {item} to {dest}. " + (f"Because it must arrive soon, {c.ref(1)} chooses express delivery and pays ${cost} in total." if hurry else f"{c.ref(1)} chooses standard delivery and pays ${cost} in total.")
          + (f" {c.ref(2)} marks the parcel as fragile." if fragile else ""))


def banking(c):
    task = c.pick("open", "card", "transfer", "loan")
    c.say(2, c.pick("Good morning, welcome to Northgate Bank. How can I help?", "Hello, what can I do for you today?", "Hi, next customer please."))
    c.smalltalk("service", 0.6, next_who=1)
    if task == "open":
        c.say(1, "I'd like to open a savings account.", "I just moved here and want to open an account.")
        c.say(2, "Certainly. Do you have some ID and proof of address?", "Of course. I'll need a passport or ID card and a recent bill.")
        missing = c.chance(0.35)
        if missing:
            c.say(1, "I've got my passport, but I forgot the bill.", "I have my ID, but I don't have a bill with my new address yet.")
            c.say(2, "A bank letter or a rental contract would also work.", "Then a tenancy agreement would do instead.")
            c.say(1, "I'll come back tomorrow with my rental contract.", "Okay, I'll bring the lease tomorrow.")
        else:
            c.say(1, "Yes, here's my passport and an electricity bill.", "Here you go, passport and a gas bill.")
        rate = c.pick("2.1", "3.4", "1.8", "2.75", "3")
        c.say(2, f"The savings account pays {rate} percent a year, with no monthly fee.", f"Our savings account has a {rate} percent interest rate and no fees.")
        c.say(1, "Can I take money out whenever I want?", "Are there any limits on withdrawals?")
        lim = c.pick("three", "four", "two")
        c.say(2, f"Up to {lim} withdrawals a month without a penalty.", f"You get {lim} free withdrawals per month.")
        c.say(1, "And is there an app?", "Can I manage it online?")
        c.say(2, "Yes, you can do everything in our app, and you'll get a login by email.", "Of course. Online banking is free and you'll get your details in a few days.")
        c.goodbye("service", 0.6)
        if missing:
            c.sum(f"{c.ref(1)} wants to open a savings account but lacks proof of address, so {c.he(1)} will return tomorrow with a rental contract.")
        else:
            c.sum(f"{c.ref(1)} opens a savings account at the bank with a passport and a utility bill.",
                  f"{c.ref(2)} helps {c.ref(1)} open a savings account.")
        c.sum(f"The account pays {rate} percent interest, has no monthly fee and allows {lim} free withdrawals a month.",
              f"{c.ref(2)} explains that it pays {rate} percent a year and allows {lim} withdrawals a month without a penalty.")
    elif task == "card":
        where = c.pick("on the bus", "at the supermarket", "at a cafe", "somewhere in town")
        c.say(1, f"I think I lost my debit card {where} this morning.", f"My bank card is missing. I might have dropped it {where}.")
        c.say(2, "I'm sorry to hear that. I'll block it right away. Have you noticed any strange payments?", "Let's cancel it first. Any transactions you don't recognise?")
        fraud = c.chance(0.4)
        if fraud:
            amt = c.num(25, 300)
            shop = c.pick("an electronics shop", "a petrol station", "an online store")
            c.say(1, f"Actually yes, there's a payment of ${amt} at {shop}. That wasn't me.", f"Yes! ${amt} at {shop}. I've never been there.")
            c.say(2, "I'll open a dispute for that. You should get the money back within ten days.", "We'll investigate it and refund you if it's fraud, usually within ten days.")
        else:
            c.say(1, "No, everything looks normal.", "I checked the app and nothing strange.")
        days = c.pick("three", "five", "seven")
        c.say(2, f"The card is blocked now. A new one will arrive in {days} working days.", f"Done. Your replacement card will be posted and should arrive in {days} working days.")
        c.say(1, "Can I still use my phone to pay in the meantime?", "What do I do until then? I need to buy groceries.")
        c.say(2, "You can withdraw cash here at the counter with your ID.", "You can take cash out at the counter with your passport.")
        c.say(1, "Thank you, that's a relief.", "Great, thanks for the quick help.")
        c.sum(f"{c.ref(1)} has lost a debit card, and {c.ref(2)} blocks it and orders a new one that will arrive in {days} working days.",
              f"{c.ref(2)} cancels {c.ref(1)}'s lost bank card; a replacement will come in {days} working days.")
        if fraud:
            c.sum(f"{c.ref(2)} also opens a dispute for an unknown ${amt} payment at {shop}.")
    elif task == "transfer":
        amt = f"{c.num(200, 5000, 50):,}"
        country = c.pick("Ghana", "India", "Portugal", "Poland", "the Philippines", "Mexico", "Vietnam")
        who = c.pick("my mother", "my brother", "my sister", "a friend", "my father")
        c.say(1, f"I need to send ${amt} to {who} in {country}.", f"Hi, how do I transfer ${amt} to {who} in {country}?")
        why_i = c.ask(2, 1, ("Is it for something urgent?", "It's for a hospital bill, so yes, fairly urgent."),
              ("Is it urgent?", "Not really, it's a birthday present."),
              ("Sure. Is this a one-off transfer?", "Yes, just this once. They're buying a new fridge."),
              ("Will this be a regular payment?", "Maybe every few months, I'm not sure yet."))
        fee = c.num(5, 25)
        c.say(2, f"An international transfer costs ${fee} and takes two to three days.", f"We charge a ${fee} fee, and it arrives in two or three days.")
        app = c.chance(0.5)
        if app:
            c.say(1, "Is it cheaper in the app?", "Can I do it online instead?")
            c.say(2, f"Yes, in the app the fee is only half, so ${fee / 2:g}.", f"Online it's half price, ${fee / 2:g}.")
            c.say(1, "Then I'll do it on my phone. Thanks for the tip.", "Oh, I'll use the app then.")
            why_s = ["to pay a hospital bill", "as a birthday present", "to help buy a new fridge", ""][why_i]
            c.sum(f"{c.ref(1)} wants to send ${amt} to {who.replace('my ', c.his(1) + ' ')} in {country}{' ' + why_s if why_s else ''}.",
                  f"{c.ref(1)} asks how to transfer ${amt} to {who.replace('my ', c.his(1) + ' ')} in {country}.")
            c.sum(f"The branch fee is ${fee}, but the app charges half, so {c.ref(1)} will use the app.")
        else:
            c.say(1, "Okay, let's do it here.", "Fine, please go ahead.")
            c.say(2, "I just need the account number and the bank code.", "Can you give me the recipient's account details?")
            c.say(1, "Here, I wrote them down.", "Sure, they're on this piece of paper.")
            why_s = ["to pay a hospital bill", "as a birthday present", "to help buy a new fridge", ""][why_i]
            c.sum(f"{c.ref(1)} transfers ${amt} to {who.replace('my ', c.his(1) + ' ')} in {country} at the bank, paying a ${fee} fee; it takes two to three days.",
                  f"At the bank, {c.ref(1)} sends ${amt} to {who.replace('my ', c.his(1) + ' ')} in {country}{' ' + why_s if why_s else ''}. The fee is ${fee}, and the money arrives in two to three days.")
    else:
        amt = c.num(5, 40) * 1000
        purpose = c.pick("a car", "a kitchen renovation", "my studies", "starting a small bakery")
        c.say(1, f"I'm interested in a loan of ${amt:,} for {purpose}.", f"I'd like to ask about borrowing ${amt:,} for {purpose}.")
        c.ask(2, 1, ("Do you have other loans at the moment?", "No, just a credit card that I pay off every month."),
              ("How long have you been with us?", "About six years. My salary gets paid into this account."))
        rate = c.pick("6.5", "7.9", "8.2", "5.9")
        years = c.pick("three", "four", "five")
        c.say(2, f"Our personal loans are at {rate} percent. Over {years} years, would that work?", f"The rate is {rate} percent, and the usual term is {years} years.")
        c.say(1, "What would the monthly payment be?", "How much would I pay each month?")
        mp = c.num(150, 900, 5)
        c.say(2, f"Roughly ${mp} a month. I'd need your last three payslips.", f"About ${mp} per month. We'll need payslips to approve it.")
        if c.chance(0.5):
            c.say(1, "Can I pay it back early if I want to?", "Is there a fee for paying it off early?")
            c.say(2, "Yes, there's no penalty for early repayment.", "No fee at all, you can pay it off whenever you like.")
        ok = c.chance(0.6)
        c.say(1, "That's manageable. I'll bring the payslips on Monday." if ok else "That's a bit high for me. I'll think about it.",
              "Okay, I'll email you the payslips." if ok else "Hmm, I need to look at my budget first.")
        c.sum(f"{c.ref(1)} asks about a ${amt:,} loan for {purpose.replace('my ', c.his(1) + ' ')}. {c.ref(2)} offers {rate} percent over {years} years, about ${mp} a month.")
        c.sum(f"{c.ref(1)} will provide {c.his(1)} payslips." if ok else f"{c.ref(1)} finds the payment too high and will think about it.")


def lost_property(c):
    item, desc = c.pick(("umbrella", "a black umbrella with a wooden handle"), ("backpack", "a grey backpack with a laptop inside"),
                        ("camera", "a small silver camera in a black pouch"), ("tablet", "a tablet in a blue cover"),
                        ("keys", "a bunch of keys on a football key ring"), ("handbag", "a brown handbag with a gold zip"),
                        ("glasses", "reading glasses in a green case"), ("gloves", "a pair of red leather gloves"),
                        ("suitcase", "a small black suitcase with a yellow ribbon"), ("laptop", "a laptop covered in stickers"),
                        ("phone", "a phone in a red case"), ("wallet", "a brown leather wallet"), ("scarf", "a long green wool scarf"),
                        ("headphones", "white wireless headphones"), ("jacket", "a navy denim jacket"))
    where = c.pick(f"on the number {c.num(3, 99)} bus", "on the train from " + c.pick(CITIES), "in the cinema", "at the swimming pool",
                   "in the food court", "at the concert hall", "in the changing rooms", "at the airport security check", "in the park cafe",
                   "on the tram", "in a taxi")
    when = c.pick("yesterday evening", "this morning", "on Saturday", "last night")
    c.say(2, c.pick("Lost property, how can I help?", "Hello, lost and found office.", "Hi. What have you lost?"))
    c.say(1, f"Hi, I think I left my {item} {where} {when}.", f"Hello. I lost my {item} {when}, probably {where}.")
    c.say(2, "Oh dear. Can you describe it?", f"Okay, don't worry. What does the {item} look like?")
    c.say(1, f"It's {desc}.", f"It's {desc}. " + c.pick("I've had it for years.", "It was a present.", ""))
    found = c.chance(0.55)
    if c.chance(0.4):
        c.say(2, "About what time was that?", "Do you remember roughly when?")
        c.say(1, c.pick("Around six, I think.", "Maybe half past nine.", "Late, after eleven."))
    if found:
        c.say(2, f"Let me check. Yes, we have {desc}. Can you show me some ID?", f"You're lucky. Someone handed in {desc} this morning.")
        c.say(1, "Oh, thank goodness! Here's my driving licence.", "Fantastic! What do I need to collect it?")
        fee = c.chance(0.3)
        if fee:
            c.say(2, "There's a two-dollar handling fee, and then just sign here.", "Just sign this form. It's a two-dollar fee.")
            c.say(1, "No problem at all.", "Happy to pay it.")
        else:
            c.say(2, "Just sign this form and it's yours.", "Sign here, please.")
        c.sum(f"{c.ref(1)} lost {desc} {where} {when}. The {item} has been handed in, and {c.ref(1)} collects it" + (" after paying a small fee." if fee else " by signing a form."),
              f"{c.ref(1)} reports a lost {item} at the lost property office, and {c.ref(2)} finds it. {c.ref(1)} collects {desc}" + (" and pays a two-dollar fee." if fee else "."))
    else:
        c.say(2, "I'm sorry, nothing like that has come in. Leave your number and we'll call if it turns up.",
              f"Nothing yet, I'm afraid. Fill in this form and we'll contact you if we find a {item}.")
        c.say(1, "Okay. Should I check back later?", "Thanks. Is it worth calling again in a few days?")
        c.say(2, "Yes. Things are often handed in a day or two later.", "Definitely. People sometimes take a few days to hand things in.")
        c.say(1, "Here's my number, then. " + c.pick("I really hope it turns up.", "It has sentimental value.", "Fingers crossed."))
        c.say(2, "We'll call you as soon as we hear anything.", "We'll be in touch if it turns up.")
        c.sum(f"{c.ref(1)} reports losing {desc} {where} {when}. {c.ref(2)} has not found it and takes {c.ref(1)}'s contact details.",
              f"{c.ref(1)} asks the lost property office about {c.his(1)} {item}, but it has not been handed in; {c.ref(2)} will call if it turns up.")


def library(c):
    book = c.pick("a history of the Silk Road", "a detective novel by Agatha Christie", "a guide to Python programming",
                  "a book about bird watching", "a Spanish grammar book", "a biography of Marie Curie", "a cookbook for beginners",
                  "a travel guide to " + c.pick(CITIES), "a book on the French Revolution", "a children's book about dinosaurs",
                  "a textbook on microeconomics", "a collection of Irish poetry", "a book about climate change", "a guide to growing vegetables",
                  "Pride and Prejudice", "a biography of Nelson Mandela", "a book on photography")
    c.say(1, c.hi(1, 2, 0.2) + f" I'm looking for {book}.", f"Excuse me, do you have {book}?")
    c.say(2, "Let me check the catalogue. Do you have a library card?", "One moment, I'll look it up. Can I have your card?")
    c.say(1, c.pick("Yes, here it is.", "Yes, although I think it expires soon.", "Here you go. It's a bit old."))
    out = c.chance(0.5)
    if out:
        due = c.pick(DAYS)
        c.say(2, f"It's on loan at the moment. It's due back on {due}. Would you like to reserve it?",
              f"All copies are checked out, but one is due back on {due}. I can put a hold on it.")
        c.say(1, "Yes, please reserve it for me.", "Yes, please. How will I know it's back?")
        c.say(2, "We'll send you a text when it's ready to collect.", "You'll get an email, and we keep it for five days.")
    else:
        c.say(2, "Yes, it's on the second floor, shelf fourteen.", "We have two copies. They're upstairs near the windows.")
        c.say(1, "How long can I borrow it for?", "What's the loan period?")
        c.say(2, "Three weeks, and you can renew it online.", "Three weeks, with two renewals.")
    fine = c.chance(0.4)
    if fine:
        amount = c.pick("1.50", "2.40", "3", "4.20")
        c.say(2, f"By the way, there's a fine of ${amount} on your card for a late DVD.", f"Oh, I see a ${amount} late fee on your account.")
        c.say(1, c.pick("Oops, I'd forgotten about that. I'll pay it now.", "Really? I thought I returned it on time. Oh well, I'll pay."))
    if c.chance(0.4):
        c.say(1, "Also, do you have quiet study rooms?", "Can I book a study room for tomorrow?")
        t = c.clock(9, 17)
        c.say(2, f"Yes, room 3 is free tomorrow from {t}.", f"I can book you one from {t} tomorrow.")
        room = t
    else:
        room = None
    if out:
        c.sum(f"{c.ref(1)} wants to borrow {book}, but it is on loan until {due}, so {c.ref(2)} reserves it.",
              f"{c.ref(2)} reserves {book} for {c.ref(1)} because all copies are out until {due}.")
    else:
        c.sum(f"{c.ref(2)} tells {c.ref(1)} where to find {book} and explains that the loan period is three weeks.",
              f"{c.ref(1)} asks for {book}; it is available, and it can be borrowed for three weeks.")
    if fine:
        c.sum(f"{c.ref(1)} also pays a ${amount} late fee.")
    if room:
        c.sum(f"A study room is booked for {c.ref(1)} tomorrow from {room}.")


def hairdresser(c):
    style = c.pick("just a trim", "a short bob", "layers", "a fade on the sides", "a new colour, maybe dark red", "a shorter cut for summer",
                   "a pixie cut", "blonde highlights", "a buzz cut", "a fringe", "shoulder-length layers", "a side parting")
    c.say(2, c.hi(2, 1, 0.4) + " Come and sit down.", "Hi, come in. Have a seat here.")
    if c.smalltalk("service", 0.5, next_who=2):
        c.say(2, "So, what are we doing today?", "Right, what would you like?")
    else:
        c.turns[-1] = (2, c.turns[-1][1] + " What would you like today?")
    c.say(1, f"I'd like {style}.", f"I was thinking {style}.")
    if c.chance(0.5):
        c.ask(2, 1, ("When did you last have it cut?", "Ages ago, maybe four months."),
              ("Who cut it last time?", "A friend did it, actually. Don't look too closely."),
              ("When was your last cut?", "About six weeks ago, at another salon."))
    if c.chance(0.5):
        c.say(2, "Are you sure? With your curls, that might be hard to style every morning.", "Hmm, your hair is quite thick. That might need more upkeep.")
        changed = c.chance(0.5)
        if changed:
            c.say(1, "Okay, what would you suggest?", "Good point. What do you recommend?")
            style2 = c.pick("a longer version with some texture", "a softer cut with layers at the front", "a trim and some highlights")
            c.say(2, f"Maybe {style2}. Easier to manage.", f"I'd go for {style2}.")
            c.say(1, "Let's try that.", "Fine, I trust you.")
        else:
            c.say(1, "Yes, I've wanted it for ages." if "sure" in c.turns[-1][1] else "I know, but I really want a change.")
    else:
        changed = False
    price = c.num(25, 95, 5)
    c.say(2, f"That'll be ${price}, and it takes about an hour. Would you like a wash first?", f"It's ${price}. Do you want a wash first?")
    wash = c.chance(0.5)
    c.say(1, "Yes, a wash would be lovely." if wash else "No, I washed it this morning.")
    if wash:
        c.ask(2, 1, ("Lean back for me. Is the water temperature okay?", "It's perfect, thanks."),
              ("Is the water too hot?", "No, it's just right."))
    if c.chance(0.5):
        c.say(2, "So, any plans for the weekend?", "Doing anything nice this week?")
        plan = c.pick("a friend's wedding", "a job interview", "a trip to the coast", "my daughter's graduation")
        c.say(1, f"Actually yes, {plan}. That's why I came in.", f"I have {plan} on Saturday.")
    else:
        plan = None
    c.goodbye("service", 0.5)
    if changed:
        c.sum(f"{c.ref(1)} asks for {style}, but {c.ref(2)} suggests {style2} instead, and {c.ref(1)} agrees.",
              f"{c.ref(2)} talks {c.ref(1)} out of {style} and recommends {style2}.")
    else:
        c.sum(f"{c.ref(1)} asks the hairdresser for {style}. It costs ${price}.", f"At the hairdresser's, {c.ref(1)} wants {style}, which costs ${price}.")
    if plan:
        c.sum(f"The haircut is for {plan.replace('my ', c.his(1) + ' ')}.", f"{c.ref(1)} wants to look good for {plan.replace('my ', c.his(1) + ' ')}.")


def gym_membership(c):
    c.say(1, c.hi(1, 2) + " I'm interested in joining the gym. What are the options?", "Hi, how much is a membership here?")
    why_i = c.ask(2, 1, ("Have you been to a gym before?", "I used to, but I stopped when I changed jobs."),
          ("Have you trained before?", "Not really. My doctor told me to exercise more."),
          ("Welcome! Are you training for anything in particular?", "Yes, a half marathon in the spring."),
          ("Are you training for anything in particular?", "No, I just want to get a bit fitter."))
    m, y = c.num(25, 60), c.num(250, 520, 10)
    c.say(2, f"We have a monthly plan at ${m}, or a yearly one for ${y}.", f"It's ${m} a month, or ${y} if you pay for the whole year.")
    c.say(1, "Does that include classes?", "Are the fitness classes included?")
    classes = c.chance(0.5)
    if classes:
        c.say(2, "Yes, all classes, including yoga and spinning.", "Yes, every class is included.")
    else:
        c.say(2, "Classes are extra, ten dollars each, but the pool is included.", "Not the classes, but you get the pool and the sauna.")
    if c.chance(0.5):
        c.say(1, "What are the opening hours?", "Are you open early? I work long days.")
        o = c.pick("6 a.m.", "5:30", "7 a.m.")
        c.say(2, f"We open at {o} on weekdays and close at 11 p.m.", f"From {o} until eleven at night.")
        c.say(1, "Perfect, I could come before work.")
    choice = c.pick("monthly", "yearly", "trial")
    if choice == "trial":
        c.say(1, "Can I try it first before I commit?", "Is there a trial?")
        c.say(2, "Sure, you can have a free one-week pass.", "We offer a free week. Just fill in this form.")
        c.say(1, "Great, I'll start tomorrow.")
        who_s = ["who stopped training when changing jobs", "whose doctor has advised more exercise", "who is training for a half marathon", "who wants to get fitter"][why_i]
        c.sum(f"{c.ref(1)} asks about gym memberships: ${m} a month or ${y} a year" + (", classes included." if classes else ", with classes extra."),
              f"{c.ref(2)} explains that membership costs ${m} monthly or ${y} yearly.",
              f"{c.ref(1)}, {who_s}, learns that the gym costs ${m} a month or ${y} a year" + (" with all classes included." if classes else ", with classes extra."))
        c.sum(f"{c.ref(1)} takes a free one-week trial first.", f"{c.ref(1)} decides to try the free one-week pass before committing.")
    else:
        c.say(1, f"I'll take the {choice} one.", f"Let's go with the {choice} plan.")
        c.say(2, "Great. I just need a photo for your card.", "Wonderful. Let me take your photo for the membership card.")
        who_s = ["who stopped training when changing jobs", "whose doctor has advised more exercise", "who is training for a half marathon", "who wants to get fitter"][why_i]
        c.sum(f"{c.ref(1)} joins the gym on the {choice} plan, which costs ${m if choice == 'monthly' else y}.",
              f"{c.ref(1)}, {who_s}, signs up for the {choice} gym membership at ${m if choice == 'monthly' else y}.",
              f"{c.ref(2)} describes the membership options, and {c.ref(1)} chooses the {choice} plan for ${m if choice == 'monthly' else y}.")
        c.sum("Classes are included." if classes else "Classes cost extra, but the pool is included.")


def buying_a_phone(c):
    brand = c.pick("Samsung", "Pixel", "iPhone", "Motorola", "Nokia", "Xiaomi", "OnePlus", "Sony", "Oppo", "Fairphone")
    c.say(2, "Hi, are you looking for anything in particular?", "Hello, can I help you find something?")
    need = c.pick("a better camera", "a bigger battery", "something simple for my dad", "a phone that isn't too expensive",
                  "something small that fits in my pocket", "a big screen for watching films", "something waterproof", "lots of storage for music")
    c.say(1, f"Yes, I need a new phone. I want {need}.", f"My old phone is dying. I'm after {need}.")
    p1, p2 = c.num(199, 499, 10), c.num(599, 1099, 10)
    c.say(2, f"The {brand} A is ${p1}, and the {brand} Pro is ${p2}.", f"This {brand} model is ${p1}, and the Pro version is ${p2}.")
    c.say(1, "What's the difference, apart from the price?", "Is the Pro really worth the extra money?")
    c.say(2, "The Pro has a much better camera and more storage.", "Mostly the camera and the screen. The battery is about the same.")
    c.say(1, "Hmm. What do most people buy?", "And which one would you buy yourself?")
    c.say(2, "Honestly, most people are happy with the cheaper one unless they take a lot of photos.", "I have the Pro, but the cheaper one is great value.")
    chosen = c.pick("cheap", "pro", "none")
    if chosen == "none":
        c.say(1, "I'll have a look online and maybe come back.", "I think I'll wait for the sales next month.")
        c.sum(f"{c.ref(1)} looks for a new phone and compares the {brand} A at ${p1} with the Pro at ${p2}.",
              f"{c.ref(2)} shows {c.ref(1)} two {brand} phones, one for ${p1} and a Pro model for ${p2}.")
        c.sum(f"{c.ref(1)} does not buy anything yet.", f"In the end, {c.ref(1)} decides to wait.")
        return
    price = p1 if chosen == "cheap" else p2
    name = "the cheaper model" if chosen == "cheap" else "the Pro"
    c.say(1, f"I'll take {name}.", f"Okay, {name}, please.")
    case = c.chance(0.5)
    if case:
        c.say(2, "Would you like a case and a screen protector? It's thirty dollars for both.", "Do you want a case with that? Thirty dollars with a screen protector.")
        c.say(1, "Go on, then.", "Yes, I always crack my screens.")
        price += 30
        c.say(2, f"Great, so that's ${price} altogether.", f"Perfect. ${price} in total, then.")
    else:
        c.say(2, "Do you want insurance?", "Anything else with it?")
        c.say(1, "No thanks.", "No, just the phone.")
    c.goodbye("service", 0.5)
    c.sum(f"{c.ref(1)} buys {name} from {brand} for ${price}" + (", including a case and screen protector." if case else "."),
          f"{c.ref(2)} shows {c.ref(1)} two {brand} phones, and {c.ref(1)} chooses {name}" + (" with a case, paying $" + str(price) + " in total." if case else f" for ${price}."))


def tech_support(c):
    device = c.pick("laptop", "printer", "router", "email account", "tablet")
    issue = {"laptop": "keeps freezing", "printer": "says it's offline", "router": "keeps dropping the connection",
             "email account": "won't let me log in", "tablet": "won't charge"}[device]
    c.say(2, c.pick("Tech support, this is " + c.nm(2) + " speaking. How can I help?", "IT help desk, what seems to be the problem?", "Hello, support line."))
    c.say(1, f"Hi, my {device} {issue}.", f"Hello. My {device} {issue}, and I have a deadline today.")
    c.say(2, "Have you tried turning it off and on again?", "Okay. First, have you restarted it?")
    c.say(1, c.pick("Yes, twice. It didn't help.", "Of course, that was the first thing I did."))
    c.ask(2, 1, ("Okay. And when did it start?", "Yesterday afternoon, out of nowhere."),
          ("When did you first notice it?", "On Monday, I think. It was fine last week."),
          ("Did anything change before it started? New software, a move?", "Well, my son installed a game last week."),
          ("Has anything changed recently?", "Not that I know of."))
    steps = {"laptop": ("check for updates", "it needs a system update"), "printer": ("reconnect it to the Wi-Fi", "it was on the wrong network"),
             "router": ("move it away from the microwave", "it was getting interference"), "email account": ("reset the password", "the password had expired"),
             "tablet": ("try a different cable", "the cable was broken")}[device]
    c.say(2, f"Okay, let's {steps[0]}.", f"Could you {steps[0]} for me?")
    works = c.chance(0.65)
    if works:
        c.say(1, "Okay, done... Oh! It works now.", "Give me a second. Yes, that did it!")
        c.say(2, f"Great. It looks like {steps[1]}.", f"Perfect. I think {steps[1]}.")
        c.say(1, "Thank you so much, you saved my day.", "Brilliant, thanks.")
        c.goodbye("service", 0.5)
        c.sum(f"{c.ref(1)} calls tech support because {c.his(1)} {device} {issue.replace('me', c.him(1))}.",
              f"{c.ref(1)}'s {device} {issue.replace('me', c.him(1))}, so {c.ref(1)} calls {c.ref(2)} for help.",
              f"{c.ref(1)} contacts the help desk about a {device} that {issue.replace('me', c.him(1))}.")
        c.sum(f"Restarting does not help, but when {c.ref(1)} follows {c.ref(2)}'s advice to {steps[0]}, the problem is solved.",
              f"{c.ref(2)} suggests that {c.ref(1)} {steps[0]}, which fixes it.",
              f"Following {c.ref(2)}'s advice, {c.ref(1)} tries to {steps[0]}, and it works; {c.ref(2)} thinks {steps[1]}.")
    else:
        c.say(1, "No, still the same.", "That didn't change anything, sorry.")
        ticket = c.num(1000, 9999)
        day = c.pick(WEEKDAYS)
        c.say(2, f"Then I'll send a technician. Your ticket number is {ticket}. They can come on {day}.",
              f"I'll open a ticket, number {ticket}, and book a technician visit for {day}.")
        c.say(1, f"{day} is fine. Thanks.", "Okay, I'll be home.")
        c.sum(f"{c.ref(1)}'s {device} {issue.replace('me', c.him(1))}. {c.ref(2)}'s suggestions do not fix it, so a technician will come on {day}; the ticket number is {ticket}.")


def hotel_check_in(c):
    hotel = c.pick("the Grand Harbour", "the Riverside Inn", "Hotel Aurora", "the Parkview", "the Lantern House", "the Station Hotel",
                   "the Old Mill Hotel", "the Seaview Lodge", "Hotel Belvedere", "the Copper Kettle Inn", "the Blue Door Hotel", "the Kingsway")
    nights = c.num(1, 6)
    c.say(2, f"Good evening, welcome to {hotel}. Checking in?", f"Hello, welcome to {hotel}. Do you have a reservation?")
    last = c.nm_last(1)
    if c.chance(0.5):
        last = c.nm(1) + " " + last
    c.say(1, f"Yes, a reservation under {last}, for {NUMWORDS[nights]} night{'s' if nights > 1 else ''}.", f"Yes, the name is {last}. {cap(NUMWORDS[nights])} night{'s' if nights > 1 else ''}.")
    prob = c.pick("none", "none", "twin", "noisy", "early")
    if prob == "twin":
        c.say(2, "I have you in a twin room.", "Right, a room with two single beds.")
        c.say(1, "Oh, I booked a double. It says so in my email.", "That's not right, I asked for a double bed.")
        c.say(2, "I'm sorry about that. I can upgrade you to a double with a view at no extra charge.", "My apologies. Let me move you to a double on the top floor, free of charge.")
        c.say(1, "That's very kind, thank you.")
    elif prob == "noisy":
        c.say(2, "You're in room 112, next to the lift.", "I've got room 112 for you.")
        c.say(1, "Is it quiet? I'm a very light sleeper.", "Is that near the bar? I need to sleep early.")
        c.say(2, "Let me give you 408 instead, it's on the quiet side.", "I'll move you to the fourth floor, it's quieter there.")
    elif prob == "early":
        c.say(2, "Your room isn't ready yet, I'm afraid. Check-in is from three.", "The room will be ready at three o'clock.")
        c.say(1, "Can I leave my bags here until then?", "Oh. Is there somewhere I can leave my luggage?")
        c.say(2, "Of course, we'll keep them behind the desk.", "Sure, we have a luggage room.")
    else:
        c.say(2, "I have a double room for you. Could I see a passport and a card for incidentals?", "Everything's ready. I just need your ID and a credit card.")
        c.say(1, "Here you are.")
    bf = c.clock(6, 7)
    c.smalltalk("service", 0.4, next_who=1)
    c.ask(1, 2, ("What time is breakfast?", f"Breakfast is included, from {bf} to ten in the restaurant."),
          ("Is breakfast included?", f"Yes, it's served from {bf} until 10 a.m. on the ground floor."))
    if c.chance(0.4):
        c.ask(1, 2, ("And the Wi-Fi password?", "It's on the card with your key."), ("Is there Wi-Fi in the rooms?", "Yes, the password is on your key card holder."))
    c.goodbye("service", 0.5)
    c.sum(f"{c.ref(1)} checks in at {hotel} for {NUMWORDS[nights]} night{'s' if nights > 1 else ''}.",
          f"{c.ref(2)} checks {c.ref(1)} in at {hotel}; the booking is for {NUMWORDS[nights]} night{'s' if nights > 1 else ''}.",
          f"{c.ref(1)} arrives at {hotel} with a reservation for {NUMWORDS[nights]} night{'s' if nights > 1 else ''}.")
    if prob == "twin":
        c.sum(f"{c.ref(1)} was given a twin room instead of a double, so {c.ref(2)} upgrades the room for free.")
    elif prob == "noisy":
        c.sum(f"{c.ref(1)} is worried about noise, so {c.ref(2)} gives {c.him(1)} a quieter room on the fourth floor.")
    elif prob == "early":
        c.sum(f"The room is not ready until three, so {c.ref(1)} leaves the luggage at the hotel.")
    c.sum(f"Breakfast is included and starts at {bf}.", f"{c.ref(2)} says breakfast is served from {bf}.",
          f"{c.ref(1)} learns that breakfast, which is included, begins at {bf}.")


def doctor_appointment(c):
    c.say(2, c.pick("Greenfield Medical Centre, how can I help?", "Good morning, doctor's surgery.", "Hello, clinic reception.",
                    f"Greenfield Medical Centre, {c.nm(2)} speaking."))
    symptom = c.pick("a sore throat and a fever", "pain in my lower back", "a rash on my arm", "headaches almost every day", "a cough that won't go away",
                     "an earache", "a swollen ankle", "trouble sleeping", "stomach pain after meals", "dizzy spells", "itchy, red eyes", "a painful knee")
    doc = "Dr. " + c.pick(LAST)
    c.say(1, f"Hi, I'd like to make an appointment with {doc}. I've had {symptom}.", f"Hello, I need to see a doctor. I've got {symptom}.")
    dur = c.pick("three days", "a week", "two weeks", "since the weekend")
    c.say(2, "How long have you had it?", "I'm sorry to hear that. For how long?")
    c.say(1, f"About {dur}." if not dur.startswith("since") else f"Ever {dur}.")
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
            c.say(1, f"I work on {day} mornings. Anything later?", "Do you have anything later in the day?")
            t = c.clock(16, 18)
            c.say(2, f"I can do {t} on the same day.", f"How about {t} on {day}?")
        c.say(1, "That's fine.", "Okay, I'll take it.")
    c.say(2, "Can I have your date of birth, please?", "Are you already registered with us? What's your date of birth?")
    born = c.pick("the fourth of March, 1988", "the twelfth of July, 1975", "the twentieth of October, 1992", "the first of May, 2001", "the ninth of January, 1969")
    c.say(1, f"It's {born}.", f"{c.nm(1)} {c.people[1].last}, born on {born}.")
    if c.chance(0.5):
        c.say(2, "Please bring a list of any medicines you take.", "Please arrive ten minutes early.")
        c.say(1, "Will do. Thanks for your help.", "Okay, I will. Thank you.")
    sym = symptom.replace("my ", c.his(1) + " ")
    when = "today" if urgent else f"on {day}"
    c.sum(f"{c.ref(1)} has had {sym} and books an appointment with {doc} {when} at {t}." if not urgent else f"{c.ref(1)} has had {sym} that is getting worse, so {c.ref(2)} books {c.him(1)} with {doc} today at {t}.",
          f"{c.ref(1)} calls the clinic about {sym}. {c.ref(2)} gives {c.him(1)} an appointment {when} at {t}.")


def ordering_food(c):
    place = c.pick("Golden Dragon", "Luigi's Pizza", "Spice Route", "Burger Barn", "Sakura Sushi", "Taco Loco", "Bombay Nights", "Napoli Express", "Seoul Kitchen")
    dish = {"Golden Dragon": ["sweet and sour chicken", "egg fried rice", "spring rolls"], "Luigi's Pizza": ["a large margherita", "a pepperoni pizza", "garlic bread"],
            "Spice Route": ["chicken tikka masala", "lamb rogan josh", "two naans"], "Burger Barn": ["a cheeseburger", "a veggie burger", "large fries"],
            "Sakura Sushi": ["a salmon roll", "miso soup", "chicken katsu"], "Taco Loco": ["three beef tacos", "a bean burrito", "nachos"],
            "Bombay Nights": ["a lamb biryani", "saag paneer", "onion bhajis"], "Napoli Express": ["a four cheese pizza", "a calzone", "tiramisu"],
            "Seoul Kitchen": ["bibimbap", "Korean fried chicken", "kimchi pancakes"]}[place]
    order = c.sample(dish, c.num(2, 3))
    c.say(2, f"{place}, what can I get you?", f"Hi, thanks for calling {place}. Pickup or delivery?", f"{place}, this is {c.nm(2)}. What would you like?")
    c.say(1, f"Hi, I'd like to order {join_and(order)} for delivery.", f"Delivery, please. Can I get {join_and(order)}?")
    if c.chance(0.4):
        c.ask(2, 1, ("Any allergies we should know about?", "No nuts, please, my son is allergic."),
              ("Anything else? Drinks?", "No, that's all, thanks."), ("Would you like any drinks with that?", "Two cans of lemonade, please."))
    addr = f"{c.num(3, 150)} {c.pick(STREETS)}"
    c.say(2, "What's the address?", "Where should we deliver it?")
    c.say(1, f"{addr}, the flat above the bakery.", f"It's {addr}.")
    total = c.num(18, 55)
    wait = c.pick("thirty", "forty-five", "fifty", "twenty-five")
    c.say(2, f"That's ${total}, and it'll be about {wait} minutes.", f"Your total is ${total}. Delivery takes around {wait} minutes.")
    busy = c.chance(0.35)
    if busy:
        c.say(1, f"{cap(wait)} minutes? We're really hungry. Is there any way to make it faster?", "That's long. Can it come sooner?")
        c.say(2, "Sorry, Friday nights are busy. I'll add free spring rolls for the wait.", "It's our busiest night, but I'll throw in a free dessert.")
        c.say(1, "Okay, that's fair.")
    c.say(1, "Can I pay cash on delivery?", "I'll pay by card at the door.")
    c.say(2, "Sure, no problem. Can I have a phone number for the driver?", "That's fine. And a contact number, please?")
    c.say(1, f"It's 07{c.num(100, 999)} {c.num(100000, 999999)}.")
    c.goodbye("service", 0.4)
    c.sum(f"{c.ref(1)} orders {join_and(order)} from {place} for delivery to {addr}. It costs ${total} and will take about {wait} minutes.",
          f"{c.ref(1)} calls {place} to order {join_and(order)}. The total is ${total}, with delivery in about {wait} minutes.",
          f"{c.ref(1)} places a delivery order with {place} for {join_and(order)}, which comes to ${total} and should arrive at {addr} in about {wait} minutes.")
    if busy:
        c.sum(f"{c.ref(1)} complains about the wait, so {c.ref(2)} adds something free.")


def train_tickets(c):
    a, b = c.sample(CITIES, 2)
    c.say(2, "Next, please.", "Hi, where are you travelling to?")
    c.smalltalk("service", 0.4, next_who=1)
    ret = c.chance(0.5)
    day = c.pick(DAYS)
    c.say(1, f"I need a {'return' if ret else 'single'} ticket to {b} on {day}.", f"A {'return' if ret else 'one-way'} ticket to {b} for {day}, please.")
    t1, t2 = c.clock(6, 10), c.clock(11, 15)
    c.say(2, f"There's a direct train at {t1} and one with a change at {t2}.", f"You can take the {t1}, or the {t2}, which is cheaper but you change once.")
    p1, p2 = c.num(45, 120), c.num(25, 44)
    c.say(1, "How much are they?", "What's the price difference?")
    c.say(2, f"The {t1} is ${p1}, the {t2} is ${p2}.", f"${p1} for the direct one, ${p2} for the other.")
    card = c.chance(0.35)
    cheap = c.chance(0.5)
    if cheap:
        c.say(1, f"I'll take the {t2}. I'm not in a hurry.", f"The cheaper one, please. The {t2}.")
        t, p = t2, p2
    else:
        c.say(1, f"The {t1}, please. I have a meeting at lunchtime.", f"I'll go for the direct one at {t1}.")
        t, p = t1, p1
    if card:
        c.say(1, "Oh, I have a student railcard. Is there a discount?", "I have a railcard, by the way.")
        p = round(p * 2 / 3)
        c.say(2, f"Then it's a third off, so ${p}.", f"With the railcard it comes down to ${p}.")
    if c.chance(0.5):
        c.ask(1, 2, ("Which platform does it leave from?", "Platform 4, usually, but check the board."),
              ("Can I reserve a window seat?", "Yes, I've put you in coach C by the window."),
              ("Is there a quiet coach?", "Yes, coach A. I'll put you there."))
    c.goodbye("service", 0.5)
    c.sum(f"{c.ref(1)} buys a {'return' if ret else 'one-way'} ticket to {b} for {day}. {c.ref(1)} chooses the {t} train" + (" with a change" if t == t2 else ", which is direct") + f", and pays ${p}" + (" with a railcard discount." if card else "."),
          f"{c.ref(2)} offers {c.ref(1)} a direct train to {b} at {t1} for ${p1} or one with a change at {t2} for ${p2}. {c.ref(1)} takes the {t} train" + (f" and gets a railcard discount, paying ${p}." if card else "."))


def airport(c):
    city = c.pick(CITIES)
    c.say(2, "Good morning. Where are you flying today?", "Hello, passport please. What's your destination?")
    c.say(1, f"To {city}. Here's my passport.", f"{city}. Here you are.")
    trip_i = c.ask(2, 1, ("Business or pleasure?", "Visiting family, actually. My sister just had a baby."),
          ("Business or pleasure?", "A work conference, unfortunately. Three days of meetings."),
          ("Are you travelling alone today?", "Yes, just me."),
          ("Did you pack your bags yourself?", "Yes, I did. Nothing unusual in there."))
    c.say(2, "Any bags to check in?", "Are you checking any luggage?")
    kg = c.num(18, 29)
    over = kg > 23
    c.say(1, "Just this suitcase.", "One bag, yes.")
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
        c.say(2, f"{kg} kilos, that's fine.", "That's within the limit.")
    delayed = c.chance(0.4)
    gate = f"{c.pick('A', 'B', 'C', 'D')}{c.num(2, 40)}"
    if delayed:
        mins = c.pick("forty minutes", "an hour", "two hours")
        c.say(2, f"I'm afraid the flight is delayed by {mins}.", f"Just so you know, there's a delay of about {mins}.")
        c.ask(1, 2, ("Oh no. Will I still make my connection?", f"You'll be fine. Boarding will be from gate {gate}."),
              ("Great. Is there somewhere to eat near the gate?", f"Yes, there are cafes near gate {gate}, where you'll board."))
    else:
        c.say(2, f"Here's your boarding pass. Gate {gate}, boarding starts at {c.clock(7, 20)}.", f"You're all set. Gate {gate}.")
    c.say(1, "Could I have a window seat?", "Is there an aisle seat available?")
    c.say(2, "Let me see. Yes, I've changed it for you.", "Sorry, the flight is full, so I can't change it.")
    c.goodbye("service", 0.5)
    c.sum(f"{c.ref(1)} checks in for a flight to {city} and will board at gate {gate}.",
          f"At the airport, {c.ref(2)} checks {c.ref(1)} in for {c.his(1)} flight to {city}.",
          f"{c.ref(1)} is flying to {city}; {c.ref(2)} handles the check-in and gives gate {gate}.",
          f"{c.ref(1)} is flying to {city} " + ["to visit family, as " + c.his(1) + " sister has just had a baby", "for a work conference", "alone", "with bags packed by " + c.him(1) + "self"][trip_i] + f", and {c.ref(2)} checks {c.him(1)} in.")
    if over:
        c.sum(f"{c.ref(1)}'s suitcase weighs {kg} kilos, over the limit, so {c.ref(1)} " + ("moves some things into the hand luggage." if move else f"pays ${fee}."))
    if delayed:
        c.sum(f"The flight is delayed by {mins}.")


def restaurant(c):
    n = c.num(2, 6)
    c.say(2, "Good evening. Do you have a reservation?", "Hi, welcome. How many are you?")
    booked = c.chance(0.5)
    if booked:
        full = (c.nm(1) + " " if c.chance(0.5) else "") + c.nm_last(1)
        c.say(1, f"Yes, a table for {NUMWORDS[n]} under {full}.", f"We booked for {NUMWORDS[n]}, the name is {full}.")
        c.say(2, "Right this way.", "Yes, here you are. Follow me.")
    else:
        c.say(1, f"No, we don't. Do you have a table for {NUMWORDS[n]}?", f"No reservation, sorry. Is there room for {NUMWORDS[n]}?")
        wait = c.pick("fifteen", "twenty", "thirty")
        c.say(2, f"There's a wait of about {wait} minutes. You can have a drink at the bar.", f"We're full right now, about {wait} minutes.")
        c.say(1, "That's fine, we'll wait.", "Okay, we'll wait at the bar.")
    c.say(2, "Can I get you something to drink first?", "Here are the menus. Anything to drink?")
    c.say(1, c.pick("Just tap water, please.", "A bottle of the house red, please.", "Two lemonades and a sparkling water.", "What do you recommend?"))
    special = c.pick("grilled sea bass", "mushroom risotto", "lamb shank", "duck breast with plum sauce", "pumpkin ravioli",
                     "slow-cooked beef cheeks", "a seafood paella", "roast pork belly", "a goat's cheese tart")
    c.say(2, f"Tonight's special is {special}.", f"Can I recommend the special? It's {special}.")
    dish = c.pick("the steak", "the vegetable curry", special, special, "the roast chicken", "the seafood pasta", "the fish and chips",
                  "the lentil burger", "the chicken Caesar salad")
    c.say(1, f"I'll have {dish}, please.", f"I think I'll go for {dish}.")
    c.say(2, c.pick("Excellent choice.", "Good choice, it's very popular.", "Lovely. It'll be about twenty minutes."))
    issue = c.chance(0.35)
    if issue:
        c.say(1, "Excuse me, this is quite cold in the middle.", "Sorry, but this is cold. I think it's been sitting out for a while.")
        c.say(2, "I'm so sorry. I'll have the kitchen make a new one right away, and dessert is on us.", "My apologies, I'll take it back. Dessert is on the house tonight.")
    elif c.chance(0.6):
        c.say(2, "How is everything?", "Is everything to your liking?")
        c.say(1, c.pick("Lovely, thank you.", "Very good. Compliments to the chef.", "It's great, but could we have some more bread?"))
    c.say(1, "Could we have the bill, please?", "Can we get the check?")
    bill = c.num(40, 260)
    split = c.chance(0.4)
    c.say(2, f"Of course. That's ${bill}." + (" Shall I split it?" if split else ""), f"Here you go, ${bill}.")
    if split:
        c.say(1, "Yes, please split it evenly.")
    c.sum((f"{c.ref(1)} has a reservation for {NUMWORDS[n]}" if booked else f"{c.ref(1)} has no reservation for {NUMWORDS[n]} people and has to wait for a table") + f". {c.ref(1)} orders {dish}" + (f", the special." if dish == special else "."),
          f"At the restaurant, {c.ref(2)} recommends {special}" + (f", and {c.ref(1)} orders it." if dish == special else f", but {c.ref(1)} orders {dish}."))
    if issue:
        c.sum(f"The food arrives cold, so {c.ref(2)} apologises, replaces it and offers a free dessert.",
              f"When {c.ref(1)} complains that the meal is cold, {c.ref(2)} takes it back and gives them dessert for free.")
    if not issue:
        c.sum(f"The bill is ${bill}" + (", split evenly." if split else "."))


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
