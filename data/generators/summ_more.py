"""Scenario scripts: more errands and home life (pharmacy, cinema, insurance, flatmates...).

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

from summ_common import CITIES, DAYS, LAST, MONTHS, NUMWORDS, STREETS, WEEKDAYS, cap, join_and


def pharmacy(c):
    c.say(2, "[Hello|Hi], how can I help?", "Hi there. Are you collecting a prescription?", "Good afternoon, what can I do for you?")
    c.smalltalk("service", 0.3, next_who=1)
    if c.chance(0.5):
        # (the medicine, its summary form, the advice that fits it)
        med, med_s, rule = c.pick(("antibiotics", "antibiotics", c.pick("take them with food", "finish the whole course")),
                                  ("my blood pressure tablets", f"{c.his(1)} blood pressure tablets", "take them at the same time every day"),
                                  ("an inhaler", "an inhaler", "rinse your mouth after using it"), ("eye drops", "eye drops", "keep them in the fridge"),
                                  ("my allergy medicine", f"{c.his(1)} allergy medicine", "avoid alcohol while taking it"),
                                  ("a skin cream", "a skin cream", "use it twice a day"),
                                  ("my sleeping tablets", f"{c.his(1)} sleeping tablets", "take them only at bedtime"))
        doc = "Dr. " + c.pick(LAST)
        c.say(1, f"I'm here to pick up {med}. {doc} sent the prescription this morning.", f"I'm collecting {med} from {doc}.",
              f"[Hi|Hello], I've got a prescription from {doc} for {med}. [Is it ready?|Has it come through?]")
        c.say(2, "Can I have your name and date of birth?", "What's your surname, please?", "[Could I have|Can I take] your name, please?")
        c.say(1, f"{c.nm_last(1)}, born {c.num(1, 28)} {c.word(*MONTHS)} {c.num(1950, 2004)}.")
        if c.chance(0.6):
            c.ask(2, 1, ("Here it is. Have you taken this before?", "No, it's the first time."),
                  ("Yes, it's ready. Is this the first time you're taking it?", "First time, yes."))
            c.say(2, f"Then please {rule}. And call us if you notice any side effects.", f"It's important to {rule}.")
            c.say(1, "[Okay|Right], I'll remember that.", "Got it, thanks.", "[Will do|I will], thank you.")
            c.goodbye("service", 0.45)
            c.sum(f"{c.ref(1)} collects {med_s} prescribed by {doc}. {c.ref(2)} advises {c.him(1)} to {rule}.",
                  f"At the pharmacy, {c.ref(2)} gives {c.ref(1)} {med_s} from {doc} and explains that {c.he(1)} should {rule}.",
                  f"{c.ref(1)} [picks up|collects] a prescription from {doc}; {c.ref(2)} reminds {c.him(1)} to {rule}.",
                  f"{c.ref(1)} [picks up|collects] {med_s} from the pharmacy; {c.ref(2)} [says|reminds {c.him(1)}] to {rule}.",
                  f"{med_s[:1].upper() + med_s[1:]} from {doc} {'are' if med_s.endswith('s') else 'is'} ready, and {c.ref(2)} [tells|advises] {c.ref(1)} to {rule}.")
        else:
            t = c.clock(14, 18)
            c.say(2, f"I'm sorry, it isn't ready yet. We're waiting for a delivery. Could you come back after {t}?", f"We won't have it in stock until {t} today.")
            c.say(1, "That's annoying, I only have one left. But fine, I'll come back.", f"Okay, I'll come back after {t}.")
            c.sum(f"{c.ref(1)} comes to collect {med_s} from {doc}, but it is not ready, so {c.ref(1)} will return after {t}.",
                  f"The prescription from {doc} is not ready yet; {c.ref(1)} [has to|will] come back after {t}.",
                  f"The prescription from {doc} [is not ready yet|has not arrived], so {c.ref(1)} [must|will] come back after {t}.")
    else:
        sym, prod = c.pick(("a blocked nose", "a nasal spray"), ("a mild headache", "some ibuprofen"), ("hay fever", "antihistamine tablets"),
                           ("a dry cough", "cough syrup"), ("sunburn", "an after-sun gel"), ("an upset stomach", "rehydration salts"),
                           ("a mosquito bite that itches", "an anti-itch cream"), ("a cold sore", "a cold sore cream"), ("a sore throat", "throat lozenges"))
        c.say(1, f"I've got {sym}. What would you recommend?", f"Do you have something for {sym}?", f"[Hi|Hello]. [What's good for|Can you help with] {sym}?")
        c.ask(2, 1, ("How long have you had it?", "Just since yesterday."), ("Any other symptoms, like a fever?", "No fever, just that."),
              ("Is it getting worse?", "Not really. It's just annoying."))
        price = c.pick(["4.99", "6.50", "7.25", "8.40", "5.80", "3.95", "9.20"])
        c.say(2, f"Try {prod}. It's ${price}. If it's not better in three days, see your doctor.",
              f"I'd suggest {prod}, ${price}. And if it isn't better in three days, please see a doctor.")
        c.ask(1, 2, ("Is it okay to take with other medicine?", "Generally yes, but tell me what else you're taking."),
              ("Does it make you drowsy?", "It can a little, so be careful if you're driving."),
              ("Is it safe for children too?", "There's a children's version, but this one is for adults."))
        c.say(1, "I'll take it.", "Okay, thanks for the advice.")
        c.goodbye("service", 0.45)
        c.sum(f"{c.ref(1)} asks the pharmacist for help with {sym}. {c.ref(2)} recommends {prod} for ${price} and suggests seeing a doctor if it does not improve.",
              f"{c.ref(2)} sells {c.ref(1)} {prod} for {sym} and says to see a doctor if there is no improvement in three days.",
              f"For {sym}, {c.ref(1)} [buys|gets] {prod} (${price}) on {c.ref(2)}'s advice.",
              f"{c.ref(2)} [recommends|suggests] {prod} at ${price} for {c.ref(1)}'s {sym} and says to see a doctor if it is not better in three days.",
              f"{c.ref(1)} [has|suffers from] {sym} and [buys|takes] {prod} for ${price}, with advice to see a doctor if it lasts.")


def cinema(c):
    c.greet(0.5, 0.35)
    films = c.sample(["the new Bond film", "a Korean horror movie", "the animated film about a lost penguin", "a documentary about bees",
                      "the space thriller everyone's talking about", "a French romantic comedy", "the new superhero movie",
                      "a biopic about a jazz singer", "the courtroom drama", "a western set in Patagonia"], 2)
    c.say(1, c.hi(1, 2) + f" Do you fancy the cinema tonight? {cap(films[0])} is on.", f"Shall we go to the cinema tonight? I'd like to see {films[0]}.")
    like = c.chance(0.5)
    if like:
        c.say(2, "Oh yes, I've heard it's great.", "I've been wanting to see that!", "[Yes!|Definitely.] [Everyone says it's good.|I loved the trailer.]")
        film = films[0]
    else:
        c.say(2, f"Hmm, not really my thing. What about {films[1]}?", f"I'm not a fan of those. How about {films[1]} instead?")
        c.say(1, "Fine, I don't mind. As long as we get popcorn.", f"Okay, {films[1]} it is.")
        film = films[1]
    t1, t2 = c.pick(["6:15", "6:45", "7:00"]), c.pick(["8:30", "9:10", "9:45"])
    c.say(2, f"There's a showing at {t1} and one at {t2}.", f"It's on at {t1} or {t2}.")
    if c.chance(0.5):
        c.say(1, f"I finish work at six-thirty, so {t2} is better.", f"Let's go for {t2}, I have a meeting until six.")
        t = t2
    else:
        c.say(1, f"{t1}, then we can get dinner after.", f"The {t1} one. I don't want to be out too late.")
        t = t1
    c.say(2, "I'll book the tickets online. They're twelve dollars each.", "I'll get the tickets on my phone now.")
    if c.chance(0.5):
        c.say(1, "Not too close to the screen, please.", "Get seats near the aisle, I always [need the toilet|get up halfway through].")
        c.say(2, "Ha, okay. Row G, near the aisle.", "Middle of row [H|J|F], perfect.")
    c.ask(1, 2, ("Great. Meet you in the foyer?", "Yes, fifteen minutes before it starts."),
          ("Where shall we meet?", "At the entrance, ten minutes before."))
    if like:
        c.sum(f"{c.ref(1)} and {c.ref(2)} will see {film} at the cinema tonight at {t}. {c.ref(2)} will book the tickets online.",
              f"{c.ref(1)} suggests going to see {film} tonight, and {c.ref(2)} agrees; they choose the {t} showing.",
              f"[Tonight|This evening], {c.ref(1)} and {c.ref(2)} are going to the {t} showing of {film}.",
              f"{c.ref(1)} and {c.ref(2)} [plan|arrange] a trip to the cinema tonight to see {film}; the {t} showing [suits|works for] them.",
              f"{film} [at|starting at] {t} [tonight|this evening] is the plan for {c.ref(1)} and {c.ref(2)}; {c.ref(2)} will [book|buy] the tickets.")
    else:
        c.sum(f"{c.ref(1)} wants to see {films[0]}, but {c.ref(2)} prefers {films[1]}, so they will see that at {t}.",
              f"{c.ref(2)} does not want to see {films[0]}, so they agree on {films[1]} at {t} tonight.",
              f"[Instead of|Rather than] {films[0]}, {c.ref(1)} and {c.ref(2)} [choose|agree on] {films[1]} at {t}, as {c.ref(2)} [prefers|wants] it.",
              f"{c.ref(2)} [would rather see|suggests] {films[1]} [than|instead of] {films[0]}, and they [go for|book] the {t} showing.")


def insurance_claim(c):
    company = c.pick("Safeguard Insurance", "Harbourview Insurance", "Shield Mutual", "Northstar Insurance")
    c.say(2, f"{company}, claims department. How can I help?", "Hello, you're through to the claims team.",
          f"Good morning, {company} claims, this is {c.nm(2)}.")
    c.say(1, "Hi, I need to make a claim.", "Hello, I'd like to report something.", "[Hi|Hello], I'm calling to make a claim.")
    c.say(2, "Of course. Can I have your policy number first?", "Certainly. What's your policy number, please?")
    c.say(1, f"It's {c.word('SG', 'HX', 'TR', 'NM')}-{c.num(100000, 999999)}.", f"Just a moment... here it is: {c.num(10000000, 99999999)}.")
    kind = c.branch("car", "car", "home", "travel")
    if kind == "car":
        where = c.pick(["in a supermarket car park", "at a roundabout", "at traffic lights on " + c.pick(STREETS), "on the motorway"])
        c.say(1, f"Thanks. Someone drove into the back of my car {where}.", f"Thank you. A van hit my car {where} yesterday.")
        c.say(2, "I'm sorry to hear that. Was anyone hurt?", "Oh dear. Is everyone okay?")
        c.say(1, "No, thank goodness, just a shock.", "My neck is a bit stiff, but I'm fine.", "No one was hurt.")
        c.say(2, "Did you get the other driver's details?", "Did you exchange insurance details with the other driver?")
        if c.chance(0.7):
            c.say(1, "Yes, and I took photos of both cars.", "Yes, I have the name, number plate and insurance company.")
            c.say(2, "Perfect. Since it wasn't your fault, you won't pay the excess. A garage will contact you within two days.",
                  "Good. Then their insurer should cover it, and we'll arrange the repair.")
            c.sum(f"{c.ref(1)} reports that another vehicle hit {c.his(1)} car {where}. {c.ref(1)} has the other driver's details, so {c.ref(2)} explains that the claim should be covered and arranges a repair.",
                  f"After a collision {where}, {c.ref(1)} [makes|files] a claim with {company}; with the other driver's details, the repair [should be|will be] covered.",
                  f"{c.ref(2)} [takes|records] {c.ref(1)}'s claim for a collision {where}; the other driver's details mean the repair [should be|will be] covered.",
                  f"{c.ref(2)} [handles|opens] {c.ref(1)}'s claim: another driver hit {c.his(1)} car {where}, and [thanks to|with] the driver's details the repair should be covered.")
        else:
            c.say(1, "No, they drove off before I could stop them.", "No, it all happened so fast, and they just left.")
            c.say(2, "Then you'll need to report it to the police and get a reference number. I'm afraid an excess of $250 may apply.",
                  "Please report it to the police first. There may be an excess of $250.")
            c.say(1, "That's so unfair, but okay.", "Great, so I pay for someone else's mistake.")
            c.sum(f"{c.ref(1)} calls the insurer because a driver hit {c.his(1)} car {where} and drove off. {c.ref(2)} tells {c.him(1)} to report it to the police and warns that an excess of $250 may apply.",
                  f"A driver hit {c.ref(1)}'s car {where} and left; {c.ref(2)} says the police must be told and a $250 excess [may|might] apply.",
                  f"A hit-and-run {where} [leaves|means] {c.ref(1)} [facing|may pay] a $250 excess unless the police [get a report|are informed], {c.ref(2)} explains.",
                  f"The driver who hit {c.ref(1)}'s car {where} drove off; {c.ref(2)} [advises|says] {c.him(1)} to [go to|tell] the police, and a $250 excess may apply.")
    elif kind == "home":
        dmg, dmg_s = c.pick(("a pipe burst in the kitchen and flooded the floor", "a pipe burst in the kitchen"),
                            ("a storm broke two windows", "a storm broke two windows"),
                            ("someone broke in and stole my laptop", f"someone broke in and stole {c.his(1)} laptop"),
                            ("a tree fell on the garage roof", "a tree fell on the garage roof"))
        c.say(1, f"Thanks. It's about my house: {dmg} last night.", f"It's a home insurance claim. {cap(dmg)} last night.")
        c.say(2, "That sounds awful. Is the house safe to stay in?", "I'm sorry. Are you safe?")
        c.say(1, "Yes, we're fine, just shaken.", "Yes, but it's a real mess.", "We're staying with my sister for now.")
        est = c.num(8, 60) * 100
        c.say(2, "Can you send us photos and an estimate of the damage?", "We'll need photos and receipts if you have them.")
        c.say(1, f"A builder said about ${est:,}. I'll email everything today.", f"I already got a quote, around ${est:,}.")
        c.say(2, "Thank you. An assessor will visit within five working days.", "Okay. We'll send an assessor this week.")
        c.sum(f"{c.ref(1)} makes a home insurance claim because {dmg_s}. The damage is estimated at about ${est:,}, and an assessor will visit.",
              f"{c.ref(1)} reports to {c.ref(2)} that {dmg_s}; {c.ref(1)} will send photos and a quote of about ${est:,}.",
              f"[After|Because] {dmg_s}, {c.ref(1)} [claims|calls {company}] on {c.his(1)} home insurance and [estimates|puts] the damage at about ${est:,}.",
              f"{c.ref(1)}'s home insurance claim is [for|about] damage worth about ${est:,}: {dmg_s}.")
    else:
        city = c.pick(CITIES)
        lost, lost_s = c.pick(("my suitcase never arrived", f"{c.his(1)} suitcase never arrived"),
                              ("my phone was stolen", f"{c.his(1)} phone was stolen"),
                              ("I had to cancel because I broke my leg", f"{c.he(1)} had to cancel after breaking {c.his(1)} leg"),
                              ("my flight was cancelled and I paid for a hotel", f"{c.his(1)} flight was cancelled and {c.he(1)} paid for a hotel"))
        c.say(1, f"Thanks. I was on holiday in {city} and {lost}. Am I covered?", f"It's my travel insurance. During my trip to {city}, {lost}.")
        c.say(2, "Let me check your policy. Yes, that should be covered. Do you have receipts?", "That should be covered by your policy. Did you keep the receipts?")
        rec = c.chance(0.6)
        c.say(1, "Yes, I kept everything." if rec else "Some of them. I lost a few.")
        c.say(2, "Please upload them on our website. Claims take about three weeks." if rec else "Send what you have. Without receipts we may not pay the full amount.")
        c.sum(f"{c.ref(1)} wants to claim on {c.his(1)} travel insurance because, on a trip to {city}, {lost_s}. "
              + (f"{c.ref(2)} says it is covered and asks for the receipts." if rec else f"{c.ref(2)} warns that missing receipts may reduce the payment."))


def flatmates(c):
    three = c.chance(0.35)
    issue = c.branch("bills", "noise", "cleaning", "guest")
    c.greet(0.6, 0.45)
    if issue == "bills":
        amt = c.num(90, 260)
        c.say(1, c.hi(1, 2, 0.6) + f" The electricity bill came. It's ${amt} for the last three months.", f"Have you seen the electricity bill? ${amt}!")
        c.say(2, "What? That's way more than last time.", "That's crazy. Why so much?")
        c.say(1, "Probably the heater in your room. It's on all night.", "I think it's because of the heater in your room.")
        c.say(2, "Okay, maybe. It's been freezing, though.", "Hey, I'm not the only one using it.")
        c.say(1, "I know, but it's been on even when you're out.", "I'm not blaming you. I just think we need a plan.")
        if three:
            c.say(3, "Let's just split it three ways this time and buy a timer for the heating.", "How about we split it three ways and get a timer for the heater?")
            c.say(1, "Fine by me.", "Okay, that's fair.")
            c.sum(f"{c.ref(1)} and {c.ref(2)} argue about the ${amt} electricity bill. {c.ref(3)} suggests splitting it three ways and buying a timer for the heating, and they agree.",
                  f"The ${amt} electricity bill causes an argument until {c.ref(3)} proposes splitting it three ways and getting a timer.",
                  f"{c.ref(3)} [settles|ends] the argument about the ${amt} electricity bill by [suggesting|proposing] a three-way split and a timer.",
                  f"{c.ref(1)}, {c.ref(2)} and {c.ref(3)} [agree|decide] to share the ${amt} electricity bill three ways and [buy|get] a timer for the heater.")
        else:
            c.say(1, "Let's split it, but please turn it off when you go out.", "Let's split it this time and be more careful.")
            c.say(2, "Deal. I'll transfer you the money tonight.", "Fair enough. I'll pay my half tomorrow.")
            c.sum(f"The flatmates' electricity bill is ${amt}. {c.ref(1)} blames {c.ref(2)}'s heater, but they agree to split the bill and use less heating.",
                  f"{c.ref(1)} thinks {c.ref(2)}'s heater explains the ${amt} electricity bill; they [agree to split it|will share the cost].",
                  f"[They|The flatmates] will split the ${amt} electricity bill, which {c.ref(1)} [blames|puts down] on {c.ref(2)}'s heater.",
                  f"[To settle|After] the argument about the ${amt} bill, {c.ref(1)} and {c.ref(2)} [split it|share it] and [promise|agree] to use the heater less.")
    elif issue == "noise":
        c.say(1, c.hi(1, 2, 0.6) + " Can we talk about last night?", "Hey, do you have a second? It's about the noise.")
        c.say(2, "Sure. Was it too loud?", "Oh no, was it the music?")
        c.say(1, "Your friends were here until three, and I had an exam this morning.", "It went on past two, and I had to be at work at seven.")
        c.say(2, "I'm really sorry. I didn't realise it was so late.", "Oh, I completely forgot about that. Sorry.")
        c.say(1, "It's not the first time, you know.", "I did knock on your door, but nobody heard me.")
        c.say(2, "You're right. It's not fair on you.", "I know. I'll make sure it doesn't happen again.")
        rule = c.pick(["no guests after midnight on weeknights", "music off by eleven during the week", "a group message before anyone invites people over"])
        c.say(1, f"Can we agree on {rule}?", f"I think we need a rule: {rule}.")
        c.say(2, "That's fair.", "Yes, definitely.")
        c.sum(f"{c.ref(1)} complains that {c.ref(2)}'s friends were noisy late at night before an early start. {c.ref(2)} apologises, and they agree on {rule}.",
              f"After a noisy night, {c.ref(1)} and {c.ref(2)} agree on a new rule: {rule}.",
              f"{c.ref(2)} apologises for the noise, and the flatmates [agree on|set] a rule: {rule}.")
    elif issue == "cleaning":
        c.say(1, c.hi(1, 2, 0.6) + " The kitchen is a mess again.", "Whose dishes are these? They've been here for three days.")
        c.say(2, "Not all of them are mine!", "Sorry, I've been so busy with work.")
        c.say(1, "I'm not saying they are. But I cleaned it the last three times.", "I know, but we're all busy. I cleaned it last weekend.")
        rota = c.pick(["a cleaning rota on the fridge", "a cleaner every two weeks", "a rule that everyone washes up the same day"])
        cost = c.num(30, 60)
        c.say(1, f"What if we had {rota}?" + (f" It'd be about ${cost} each." if "cleaner" in rota else ""), f"I think we need {rota}." + (f" About ${cost} each." if "cleaner" in rota else ""))
        if three:
            c.say(3, "I'm in. I hate coming home to a dirty kitchen.", "I agree. And the bathroom needs it too.")
        c.say(2, "Okay, let's try it for a month.", "Fine, let's give it a month.")
        c.sum(f"{c.ref(1)} is annoyed about the dirty kitchen and proposes {rota}" + (f" at about ${cost} each" if "cleaner" in rota else "")
              + f". {c.ref(2)} agrees to try it for a month." + (f" {c.ref(3)} supports the idea." if three else ""))
    else:
        who, who_s = c.pick(("my cousin", f"{c.his(1)} cousin"), ("my boyfriend", f"{c.his(1)} boyfriend"), ("my girlfriend", f"{c.his(1)} girlfriend"),
                            ("a friend from university", "a friend from university"))
        nights = c.pick(["a week", "ten days", "two weeks"])
        c.say(1, c.hi(1, 2, 0.6) + f" Would it be okay if {who} stayed with us for {nights}?", f"Hey, {who} needs a place to stay for {nights}. Could they stay here?")
        c.ask(2, 1, ("Where would they sleep?", "On the sofa. They'll help with the shopping."), ("Hmm, for how long exactly?", f"Just {nights}, on the sofa."))
        c.say(2, "What's the situation? Why do they need a place?", "Is everything okay with them?")
        c.say(1, "They're starting a new job here and haven't found a flat yet.", "Their landlord sold the building, so they have to move out.", "They're between flats.")
        if c.chance(0.5):
            c.say(2, f"Okay, as long as it's only {nights} and they chip in for food.", f"Fine, but not longer than {nights}, and they pay for some food.")
            c.sum(f"{c.ref(1)} asks if {who_s} can stay in the flat for {nights}. {c.ref(2)} agrees on the condition that it is only for {nights} and they contribute.")
        else:
            c.say(2, "Honestly, that's too long. I work from home and need the living room.", f"{cap(nights)} is a lot. Maybe a few days?")
            c.say(1, "Okay, I'll ask if a weekend would be enough.", "Fair enough, I'll find another solution.")
            c.sum(f"{c.ref(1)} wants {who_s} to stay for {nights}, but {c.ref(2)} thinks it is too long.")


def internet_provider(c):
    c.say(2, f"Thank you for calling Fibrelink. My name is {c.nm(2)}. How can I help?", "Fibrelink customer service, how can I help you today?")
    c.say(1, "Hi, I'm calling about my broadband.", "Hello, I have a problem with my internet account.", "[Hi|Hello], it's about my internet [connection|contract].")
    c.say(2, "Sure. Can I have the postcode and the first line of the address?", "Of course. Could you confirm your address for me?")
    c.say(1, f"It's {c.num(2, 120)} {c.word(*STREETS)}.")
    kind = c.branch("slow", "bill", "cancel")
    c.say(2, "Thank you. What seems to be the problem?", "Thanks. What can I do for you?")
    if kind == "slow":
        c.say(1, "My internet has been really slow for a week. I pay for a hundred megabits and get about ten.", "The internet keeps cutting out, especially in the evenings.")
        c.say(2, "I'm sorry about that. Let me run a test on your line.", "Let me check the line from here. One moment.")
        if c.chance(0.5):
            day = c.pick(WEEKDAYS)
            c.say(2, f"I can see a fault in the street cabinet. An engineer will fix it on {day}.", f"There's a fault outside your building. We'll send an engineer on {day}.")
            c.say(1, "Will I get some money back for this week?", "And what about the days without proper internet?")
            c.say(2, "Yes, I'll add a credit of ten dollars to your next bill.", "I'll give you a ten-dollar credit.")
            c.sum(f"{c.ref(1)} calls Fibrelink about a slow and unreliable connection. {c.ref(2)} finds a fault, books an engineer for {day} and adds a ten-dollar credit.",
                  f"A fault outside {c.ref(1)}'s building is slowing the internet; Fibrelink will send an engineer on {day} and give a ten-dollar credit.",
                  f"Fibrelink [will send|books] an engineer on {day} to fix a fault near {c.ref(1)}'s home and [adds|gives] a ten-dollar credit.",
                  f"A fault in the street cabinet [explains|is behind] {c.ref(1)}'s slow internet; an engineer [comes|will come] on {day}, and there is a ten-dollar credit.",
                  f"{c.ref(1)}'s [connection|internet] is slow [because of|due to] a fault outside; Fibrelink [will repair it|sends an engineer] on {day} and [credits|gives] ten dollars.")
        else:
            c.ask(2, 1, ("The line looks fine. Is the router near a wall or in a cupboard?", "Oh, it's in a cupboard, actually."),
                  ("Everything looks normal on our side. Where is your router?", "Behind the TV, in a cupboard."))
            c.say(2, "Move it somewhere open and plug the computer in with a cable. That often makes a big difference.",
                  "Try moving it somewhere open, and call us back if it's still slow.")
            c.sum(f"{c.ref(1)} complains about slow internet, but {c.ref(2)} finds no fault on the line and suggests moving the router out of the cupboard.",
                  f"Fibrelink finds nothing wrong with {c.ref(1)}'s line; {c.ref(2)} thinks the router in a cupboard is the problem.",
                  f"{c.ref(2)} [thinks|suspects] the router, kept in a cupboard, is [why|the reason] {c.ref(1)}'s internet is slow.",
                  f"{c.ref(2)} [sees|finds] nothing wrong on the line and [advises|tells] {c.ref(1)} to [move|relocate] the router and use a cable.",
                  f"No fault shows on {c.ref(1)}'s line, so {c.ref(2)} [recommends|suggests] moving the router out of the cupboard.")
    elif kind == "bill":
        extra = c.num(15, 60)
        c.say(1, f"My bill this month is ${extra} higher than usual, and I don't know why.", f"I've been charged an extra ${extra} this month.")
        c.say(2, "Let me look. It seems your twelve-month discount has ended.", "I see. Your twelve-month discount ran out last month.")
        c.say(1, "Nobody told me! Can you do anything?", "That's a big jump. I'll switch providers if it stays like this.")
        new = c.num(25, 45)
        c.say(2, f"I can put you on a new eighteen-month deal at ${new} a month.", f"I can offer a loyalty price of ${new} a month if you sign for another year.")
        take = c.chance(0.7)
        c.say(1, "Okay, that's acceptable." if take else "I'll think about it and compare other offers.")
        c.sum(f"{c.ref(1)}'s internet bill went up by ${extra} because a discount ended. {c.ref(2)} offers a new deal at ${new} a month, and {c.ref(1)} "
              + ("accepts." if take else "will compare other offers first."))
    else:
        city = c.pick(CITIES)
        c.say(1, f"I'd like to cancel my contract. I'm moving to {city}.", f"I'm moving abroad, to {city}, so I need to cancel.")
        c.say(2, "I'm sorry to lose you. You have four months left, so there's a cancellation fee of sixty dollars.", "There are four months left on your contract, which means a sixty-dollar fee.")
        c.say(1, "Even though I'm leaving the country?", "Is there no way around that?")
        waive = c.chance(0.5)
        c.say(2, "If you send proof of your new address, we can waive it." if waive else "I'm afraid the fee applies in all cases.")
        c.say(1, "I'll send my rental contract today." if waive else "Fine. When do I return the router?")
        c.sum(f"{c.ref(1)} wants to cancel the internet contract because of a move to {city}. "
              + (f"{c.ref(2)} will waive the sixty-dollar fee if {c.ref(1)} sends proof of the new address." if waive else f"{c.ref(2)} says a sixty-dollar cancellation fee applies."))


def bike_repair(c):
    c.say(2, "[Hi|Hello], what's wrong with it?", "Morning! Bring it in. What can I do for you?", "[Hi there|Hello]. [Problems with the bike?|What seems to be the trouble?]")
    prob, prob_s, fix, price = c.pick(("the gears keep slipping", "the gears keep slipping", "adjust the gears", c.num(15, 30)),
                                      ("I've got a flat tyre again", f"{c.he(1)} has a flat tyre again", "replace the inner tube", c.num(10, 20)),
                                      ("the brakes squeal", "the brakes squeal", "replace the brake pads", c.num(20, 35)),
                                      ("the chain keeps coming off", "the chain keeps coming off", "fit a new chain", c.num(25, 45)),
                                      ("the front wheel is bent", "the front wheel is bent", "straighten the wheel", c.num(30, 60)),
                                      ("the saddle keeps slipping down", "the saddle keeps slipping down", "replace the seat clamp", c.num(12, 25)))
    c.say(1, f"[Hi|Hello], {prob}.", f"Hello. {cap(prob)}, and I use it to get to work every day.")
    c.ask(2, 1, ("How old is the bike?", "About five years. I bought it second-hand."), ("When did it last have a service?", "Honestly, never."),
          ("Do you ride in the rain a lot?", "Every day, rain or shine."))
    c.say(2, f"We'll need to {fix}. That's ${price} including parts.", f"I'll {fix}. It'll be ${price}.")
    today = c.chance(0.5)
    if today:
        c.say(1, "Can you do it today?", "Could it be ready this afternoon?")
        c.say(2, "Yes, come back at four.", "If you leave it now, it'll be ready by four.")
    else:
        c.say(1, "When can I pick it up?", "How long will it take?")
        c.say(2, "We're busy, so tomorrow afternoon.", "We have a queue, so it'll be tomorrow afternoon.")
    serv = False
    if c.chance(0.4):
        c.say(2, "We could also do a full service for another $40. The tyres are quite worn.", "Your tyres are worn, by the way. A full service is $40 extra.")
        serv = c.chance(0.5)
        c.say(1, "Go on, then." if serv else "Just the repair for now, thanks.")
    c.goodbye("service", 0.35)
    when = "at four today" if today else "tomorrow afternoon"
    c.sum(f"{c.ref(1)} brings a bike to the shop because {prob_s}. {c.ref(2)} will {fix} for ${price}" + (" and do a full service for $40 more" if serv else "") + f"; it will be ready {when}.",
          f"At the bike shop, {c.ref(2)} agrees to {fix} for ${price}" + (", plus a $40 service," if serv else "") + f" and says the bike will be ready {when}.",
          f"{cap(prob_s)}, so {c.ref(1)} [leaves|drops off] the bike with {c.ref(2)}, who [charges|asks] ${price} to {fix}" + (" and adds a $40 full service" if serv else "")
          + f"; [pick-up|collection] is {when}.",
          f"{c.ref(1)}'s bike [goes in|is left] for repair: {c.ref(2)} will {fix}, [charging|for] ${price}" + (", and also service it for $40" if serv else "") + f", ready {when}.",
          f"For ${price}, {c.ref(2)} will {fix}" + (" and service the bike for $40 more" if serv else "") + f"; {c.ref(1)} [can collect|picks up] the bike {when}.")


def babysitting(c):
    kids, ages = c.pick(("Mia", "six"), ("Leo and Sam", "four and seven"), ("Ella", "three"), ("Finn", "nine"), ("Ivy and Rose", "five and eight"),
                        ("Toby", "two"), ("Noor", "seven"), ("Jonah and Lily", "three and six"))
    plural = " and " in kids
    day = c.pick(["Friday", "Saturday", "Thursday"])
    t1, t2 = c.pick(["6:30", "7:00", "7:30"]), c.pick(["11", "midnight", "10:30"])
    c.greet(0.5, 0.45)
    c.say(1, c.hi(1, 2, 0.7) + f" Are you free to babysit {kids} on {day} evening?", f"We're going to a friend's birthday on {day}. Could you babysit {kids}?")
    c.say(2, "I think so. What time?", "Probably. From when to when?")
    c.say(1, f"From {t1} until about {t2}.", f"We'd leave at {t1} and be back by {t2}.")
    rate = c.num(10, 18)
    c.say(2, f"That's fine. It's ${rate} an hour, is that still okay?", f"Sure. My rate is ${rate} an hour now.")
    c.say(1, "Of course.", f"${rate} is fine.")
    c.say(2, f"Anything I should know about {kids}? How old {'are they' if plural else 'is ' + kids} now?")
    rule = c.pick(["bedtime is at eight o'clock, no matter what they say", "there are no sweets after dinner",
                   "they can watch one episode of cartoons before bed", "there's pasta in the fridge for dinner",
                   "the bedroom door stays open a little", "teeth must be brushed before the story"])
    c.say(1, f"{cap(ages)}. And {rule}. Call me if anything happens.", f"{cap(ages)} now. Just remember that {rule}.")
    if c.chance(0.5):
        c.say(2, "Can I bring my homework? I have an essay due.", "Is it okay if my friend drops off my charger around eight?")
        c.say(1, "Sure, once they're asleep.", "Yes, no problem.")
    c.goodbye("friends", 0.45)
    c.sum(f"{c.ref(2)} agrees to babysit {kids}, aged {ages}, on {day} from {t1} to {t2} for ${rate} an hour. {c.ref(1)} explains that {rule}.",
          f"{c.ref(1)} asks {c.ref(2)} to look after {kids} on {day} evening, from {t1} until {t2}; {c.ref(2)} charges ${rate} an hour.",
          f"{c.ref(1)} and {c.ref(2)} [arrange|agree on] babysitting for {kids} on {day}: {t1} to {t2}, ${rate} an hour, and {rule}.",
          f"[On|For] {day} evening, {c.ref(2)} [will babysit|looks after] {kids} ({ages}) from {t1} to {t2} at ${rate} an hour.",
          f"{c.ref(1)} [books|arranges] {c.ref(2)} to babysit {kids} on {day}, {t1} to {t2}, at ${rate} an hour.")


def buying_a_car(c):
    car = c.pick(["a 2017 Ford Fiesta", "a 2019 Toyota Yaris", "a 2015 Volvo estate", "a 2020 Kia Picanto", "a 2016 VW Passat",
                  "a 2018 Honda Jazz", "a 2014 Mazda 3", "a 2021 Renault Clio"])
    km = c.num(30, 140) * 1000
    price = c.num(40, 160) * 100
    c.ask(1, 2, (c.hi(1, 2) + f" I'm calling about {car} you're selling. Is it still available?", f"Yes, it is. It has {km:,} kilometres and one previous owner."),
          (f"Hello, is {car} still for sale?", f"It is. {km:,} kilometres, full service history."))
    c.ask(1, 2, ("Has it ever been in an accident?", "Just a small scratch on the bumper, nothing serious."),
          ("Why are you selling it?", "We've had a baby and need something bigger."),
          ("Is there anything wrong with it?", "The air conditioning is a bit weak, but everything else is perfect."))
    c.ask(2, 1, ("Is it for you, or for someone else?", "For my daughter. She just passed her driving test."),
          ("Have you been looking for long?", "A few weeks. Everything is so expensive at the moment."),
          ("What will you use it for?", "Mainly getting to work. It's forty minutes each way."))
    c.say(1, f"The ad says ${price:,}. Is that negotiable?", f"You're asking ${price:,}. Is there any room on the price?")
    deal = c.branch("lower", "firm", "viewing")
    if deal == "lower":
        offer = price - c.num(3, 10) * 100
        c.say(1, f"Would you take ${offer:,}? I can pay in cash.", f"I could offer ${offer:,}, cash.")
        c.say(2, f"If you come this weekend, ${offer:,} is fine.", f"Hmm. All right, ${offer:,}, if you collect it this week.")
        c.sum(f"{c.ref(1)} phones about {car} with {km:,} kilometres, advertised for ${price:,}. {c.ref(2)} accepts {c.ref(1)}'s cash offer of ${offer:,}.",
              f"{c.ref(2)} agrees to sell {car} to {c.ref(1)} for ${offer:,} in cash instead of the advertised ${price:,}.",
              f"{car} with {km:,} kilometres is [advertised|listed] at ${price:,}; {c.ref(1)} offers ${offer:,} in cash and {c.ref(2)} [accepts|says yes].")
    elif deal == "firm":
        c.say(2, "The price is firm, I'm afraid. I've had a lot of interest.", "Sorry, no. Three people are coming to see it tomorrow.")
        c.say(1, "I understand. I'll think about it and call you back.", "Okay, let me talk to my partner first.")
        c.sum(f"{c.ref(1)} is interested in {c.ref(2)}'s {car.split(' ', 1)[1]}, priced at ${price:,}, but {c.ref(2)} will not lower the price, so {c.ref(1)} will think about it.")
    else:
        day = c.pick(DAYS)
        c.say(2, "Why don't you come and see it first? You can take it for a test drive.", "Come and have a look first, then we'll talk.")
        c.say(1, f"Okay. Is {day} morning good?", f"Could I come on {day}?", f"[Can|Could] I come and see it on {day}?")
        c.say(2, f"{day} is perfect. I'm at {c.num(4, 90)} {c.word(*STREETS)}.")
        c.sum(f"{c.ref(1)} asks about {car} that {c.ref(2)} is selling for ${price:,}. They arrange a test drive on {day}.",
              f"Before talking about the ${price:,} price, {c.ref(1)} will test-drive {car} on {day}.",
              f"{c.ref(1)} will [test-drive|look at] {car}, priced at ${price:,}, on {day}.")


def dentist(c):
    c.say(2, "Brightsmile Dental, good morning.", "Hello, dental practice, how can I help?", f"Brightsmile Dental, {c.nm(2)} speaking.")
    if c.chance(0.55):
        tooth, tooth_s = c.pick(("a back tooth on the left", "a back tooth on the left"), ("one of my front teeth", f"one of {c.his(1)} front teeth"),
                                ("a tooth at the bottom on the right", "a tooth at the bottom on the right"), ("my wisdom tooth", f"{c.his(1)} wisdom tooth"))
        c.say(1, f"Hi, I've got terrible toothache. It's {tooth}.", f"Hello. I broke {tooth} on a piece of toffee last night, and it really hurts.")
        c.ask(2, 1, ("I'm sorry. Is there any swelling?", "A little, on the side of my face."), ("Can you eat normally?", "Not really, only soup since yesterday."),
              ("Have you taken anything for the pain?", "Some painkillers, but they don't help much."))
        t = c.clock(9, 16)
        c.say(2, f"We keep emergency slots every day. Can you come in at {t} today?", f"Dr. {c.word(*LAST)} can see you as an emergency at {t} today.")
        c.say(1, "Yes, I'll be there. Thank you so much.", "Thank goodness. I'll be there.")
        c.say(2, "Please bring your insurance card.", "If you can, don't eat anything hard before then.")
        c.goodbye("service", 0.5)
        c.sum(f"{c.ref(1)} calls the dental practice with toothache in {tooth_s}, and {c.ref(2)} gives {c.him(1)} an emergency appointment today at {t}.",
              f"Because of a painful tooth, {c.ref(1)} gets an emergency dental appointment at {t} today.",
              f"{c.ref(1)} has [terrible|bad] toothache in {tooth_s} and [gets|is given] an emergency slot at {t} today.",
              f"[Because|Since] {tooth_s} [hurts|is painful], {c.ref(2)} [fits {c.ref(1)} in|squeezes {c.ref(1)} in] as an emergency at {t} today.",
              f"{c.ref(2)} [offers|gives] {c.ref(1)} an emergency appointment at {t} today for the pain in {tooth_s}.")
    else:
        what = c.pick("a check-up", "a cleaning", "a check-up and a cleaning")
        c.say(1, f"Hi, I'd like to book {what}. It's been over a year.", f"Hello, I need to make an appointment for {what}.")
        c.say(2, "Are you already a patient with us?", "Have you been here before?")
        new = c.chance(0.4)
        c.say(1, "No, I just moved to the area." if new else "Yes, I've been coming here for years.")
        if new:
            c.say(2, "Welcome! Please arrive fifteen minutes early to fill in a form.", "Then we'll need you to fill in a short form when you arrive.")
        day, t = c.pick(WEEKDAYS), c.clock(8, 17)
        c.say(2, f"The next free appointment is {day} at {t}.", f"I can offer you {day} at {t}.")
        if c.chance(0.5):
            c.say(1, "Is there anything on a Saturday?", "Do you have anything earlier?")
            c.say(2, f"Sorry, Saturdays are fully booked for a month. {day} is the best I can do.", f"I'm afraid not. {day} is the first opening.")
        c.say(1, f"Okay, {day} at {t} then.", "Fine, I'll take it.")
        price = c.num(45, 120, 5)
        c.say(1, "How much does it cost without insurance?", "Roughly how much will it be?")
        c.say(2, f"${price} for {what}.", f"It's ${price}.")
        c.goodbye("service", 0.5)
        c.sum(f"{c.ref(1)} books {what} at the dentist for {day} at {t}; it costs ${price}." + (f" As a new patient, {c.ref(1)} must fill in a form." if new else ""),
              f"{c.ref(2)} gives {c.ref(1)}" + (", a new patient," if new else "") + f" an appointment for {what} on {day} at {t}, which will cost ${price}.",
              f"{c.ref(1)} [makes|arranges] an appointment for {what} on {day} at {t}; without insurance it costs ${price}.",
              f"{c.ref(1)}'s {what} [is booked|is set] for {day} at {t}" + (" and, as a new patient, needs to fill in a form;" if new else ";") + f" the price is ${price}.",
              f"{c.ref(1)} [books|gets] {what} on {day} at {t}" + (" as a new patient" if new else "") + f"; it costs ${price} without insurance.")


SCENARIOS = {
    "pharmacy": pharmacy,
    "cinema": cinema,
    "insurance claim": insurance_claim,
    "flatmates": flatmates,
    "internet provider": internet_provider,
    "bike repair": bike_repair,
    "babysitting": babysitting,
    "buying a car": buying_a_car,
    "dentist": dentist,
}


def locksmith(c):
    c.say(2, "24-hour locksmith, how can I help?", "Hello, KeyFast locksmiths.", f"Locksmith service, this is {c.nm(2)}.")
    where, where_s = c.pick(("my flat", f"{c.his(1)} flat"), ("my house", f"{c.his(1)} house"), ("my office", f"{c.his(1)} office"),
                            ("my shop", f"{c.his(1)} shop"), ("my garage", f"{c.his(1)} garage"))
    how, how_s, new_lock = c.pick(("I left my keys inside and the door closed behind me", f"{c.he(1)} left {c.his(1)} keys inside", False),
                                  ("I lost my keys somewhere in town", f"{c.he(1)} lost {c.his(1)} keys in town", True),
                                  ("my key broke in the lock", f"{c.his(1)} key broke in the lock", True),
                                  ("the lock is jammed and the key won't turn", "the lock is jammed", True))
    c.say(1, f"Hi, I'm locked out of {where}. {cap(how)}.", f"Hello, I need help. {cap(how)}, so I can't get into {where}.")
    c.say(2, "What's the address?", "Where are you?", "[Okay|Right], [what's the address?|where are you exactly?]")
    addr = f"{c.num(2, 140)} {c.pick(STREETS)}"
    c.say(1, f"{addr}. I'm standing outside.", f"It's {addr}.")
    mins = c.pick(["twenty", "thirty", "forty-five"])
    price = c.num(60, 180, 5)
    night = c.chance(0.35)
    c.say(2, f"Someone can be there in {mins} minutes. The call-out is ${price}" + (", plus a night fee of $40 because it's after ten." if night else "."),
          f"I can send someone in about {mins} minutes. It's ${price}" + (", and there's a $40 night supplement." if night else " for the call-out."))
    if new_lock:
        c.say(1, "Will I need a new lock?", "Can they change the lock as well?")
        c.say(2, "Probably, yes. A new lock is about $50 extra.", "Yes, they carry locks in the van. It's about $50 extra.")
    c.say(1, "That's expensive, but I don't have a choice.", "Okay, please send someone.", "Fine, I'll wait here.")
    c.say(2, "Can I have your phone number? The locksmith will call when they're close.", "The technician will ring you when they arrive.")
    c.sum(f"{c.ref(1)} is locked out of {where_s} at {addr} because {how_s}. A locksmith will arrive in about {mins} minutes for ${price}" + (" plus a night fee." if night else "."),
          f"{c.ref(2)} sends a locksmith to {addr}, where {c.ref(1)} is locked out; it will take about {mins} minutes and cost ${price}"
          + (" plus a night fee" if night else "") + (", and a new lock would be about $50 more." if new_lock else "."),
          f"A locksmith will [come to|get to|arrive at] {addr} in about {mins} minutes for ${price}" + (" plus a night fee" if night else "") + f", because {c.ref(1)} is locked out of {where_s}.",
          f"Locked out of {where_s} [because|as] {how_s}, {c.ref(1)} [calls|phones] a locksmith, who will come to {addr} in about {mins} minutes.")


def concert_tickets(c):
    act, verb = c.pick(("the Arctic Foxes", "are"), ("Lena Ward", "is"), ("the city orchestra", "is"), ("DJ Solaris", "is"),
                       ("the Blue Ravens", "are"), ("a tribute band to Queen", "is"), ("the Velvet Owls", "are"))
    mon = c.pick(MONTHS)
    c.greet(0.5, 0.45)
    c.say(1, c.hi(1, 2) + f" Have you heard? {cap(act)} {verb} playing at the arena in {mon}!", f"Guess who's playing at the arena in {mon}? {cap(act)}!")
    c.say(2, "No way! Are there still tickets?", "Really? I'd love to see that! Have tickets gone on sale yet?")
    p_std, p_vip = c.num(35, 90), c.num(120, 250, 5)
    c.say(1, f"Yes. Standing tickets are ${p_std}, and seats near the front are ${p_vip}.", f"Yes, ${p_std} for standing or ${p_vip} for the good seats.")
    c.ask(2, 1, ("Who else is going?", "Maybe my cousin, but she's not sure yet."), ("Which night is it?", "A Saturday, so we don't have to work the next day."),
          ("How did you hear about it?", "They announced it on the radio this morning."))
    choice = c.branch("standing", "seats", "none")
    if choice == "standing":
        c.say(2, "Standing is more fun anyway. Let's get two.", "I'd rather stand, it's half the fun. Let's get two.")
        c.say(1, "Okay, I'll buy them now before they sell out.", "Great, I'm buying them right now.")
        c.say(2, "I'll send you the money tonight.", "Tell me how much I owe you.")
        c.sum(f"{c.ref(1)} tells {c.ref(2)} that {act} {verb} playing at the arena in {mon}. They choose standing tickets at ${p_std} each, and {c.ref(1)} will buy them.",
              f"{c.ref(1)} and {c.ref(2)} decide to see {act}; {c.ref(1)} buys two standing tickets for ${p_std} each, and {c.ref(2)} will pay {c.him(1)} back.",
              f"{c.ref(1)} and {c.ref(2)} will see {act} in {mon}; {c.ref(1)} [buys|gets] two standing tickets at ${p_std} each.",
              f"{cap(act)} {verb} playing at the arena in {mon}; {c.ref(1)} and {c.ref(2)} [go for|choose] standing tickets at ${p_std}.")
    elif choice == "seats":
        c.say(2, "My back can't do three hours of standing. Let's get seats.", "I want to actually see them. Let's pay for seats.")
        c.say(1, f"${p_vip} each, though... Okay, it's a special occasion.", "Fine, it's only once a year.")
        c.sum(f"{c.ref(1)} and {c.ref(2)} plan to see {act} at the arena in {mon} and decide to pay ${p_vip} each for seats rather than ${p_std} for standing.")
    else:
        c.say(2, "I'd love to, but I'm saving for my holiday. That's too much for me right now.", "Ugh, I'm broke until payday. I can't.")
        c.say(1, "What a shame. Maybe I'll ask my sister.", "Oh well. I'll see if anyone else wants to come.")
        c.sum(f"{c.ref(1)} wants to see {act} with {c.ref(2)}, but {c.ref(2)} cannot afford the tickets, which cost ${p_std} for standing or ${p_vip} for seats.")


def parking_fine(c):
    c.say(2, "Parking services, how can I help?", "City council parking office. What can I do for you?", "[Hello|Good morning], parking enquiries.")
    fine = c.pick([40, 60, 70, 80, 100, 120])
    street = c.pick(STREETS)
    day = c.pick(["yesterday", "on Monday", "last week", "on Saturday"])
    c.say(1, f"Hi, I got a parking ticket for ${fine} on {street} {day}, and I think it's unfair.", f"Hello, I want to appeal a parking fine. ${fine}, on {street}, {day}.")
    c.say(2, "Can you give me the ticket number?", "What's the reference number on the ticket?", "[Okay.|Right.] [What's the ticket number?|Do you have the ticket number?]")
    c.say(1, f"It's PF{c.num(10000, 99999)}.")
    c.say(2, "And the car registration, please?", "Thank you. And your registration number?", "[Thanks.|Okay.] [And the number plate?|What's the registration?]")
    c.say(1, f"{c.word('KX', 'LM', 'BD', 'RT', 'NE', 'YG')}{c.num(10, 72)} {c.word('ABC', 'FJT', 'PLW', 'ZNR', 'KTE', 'MXD')}.")
    c.say(2, "Okay, I have it here. Why do you think it's unfair?", "Got it. What happened?", "[Right|Thank you], it's on the screen. [What's the problem?|Why are you appealing?]")
    reason = c.branch("sign", "ticket", "meter")
    if reason == "sign":
        c.say(1, "The sign was hidden behind a tree. You couldn't see it at all. I took photos.", "There was no sign that it was a loading zone. I took photos.")
        c.say(2, "If you have photos, you can upload them with an appeal form on our website.", "Please send the photos with the online appeal form.")
        c.say(1, "How long does an appeal take?", "Okay. When will I hear back?")
        c.say(2, "Usually about three weeks. You don't have to pay while it's being reviewed.", "Within three weeks, and the fine is on hold until then.")
        c.sum(f"{c.ref(1)} calls about a parking fine of ${fine} on {street}, claiming the signs were unclear; {c.ref(2)} explains how to appeal online with photos.",
              f"{c.ref(1)} [disputes|challenges] a ${fine} parking fine because of a hidden or missing sign, and {c.ref(2)} says the online appeal takes about three weeks.",
              f"[Since|Because] a sign was [hidden|missing], {c.ref(1)} [will appeal|plans to appeal] the ${fine} fine online with photos.")
    elif reason == "ticket":
        c.say(1, "I had a valid parking ticket on the dashboard. Maybe it fell down.", "I paid for two hours in the app. The receipt shows it.")
        c.say(2, "Let me check... yes, I can see the payment in our system. I'll cancel the fine.", "I can see the payment in the system, so I'll cancel it.")
        c.sum(f"{c.ref(1)} disputes a parking fine of ${fine} on {street}. {c.ref(2)} finds {c.ref(1)}'s payment in the system and cancels the fine.",
              f"Because {c.ref(1)} had paid for parking, {c.ref(2)} cancels the ${fine} fine.",
              f"The ${fine} ticket {c.ref(1)} got on {street} {day} [is cancelled|is withdrawn] once {c.ref(2)} [sees|finds] the parking payment in the system.")
    else:
        c.say(1, "The parking meter was broken, so I couldn't pay.", "The machine wasn't working, and it didn't take cards.")
        c.say(2, "We have no report of a broken meter there, I'm afraid. The fine stays.", "Our records show the meter was working. I can't cancel it.")
        c.say(1, "That's ridiculous. Can I appeal?", "So what can I do now?")
        c.say(2, "You can appeal online within twenty-eight days. If you pay within fourteen days, it's half price.",
              f"You can appeal, or pay within fourteen days for half the amount, ${fine // 2}.")
        c.sum(f"{c.ref(1)} says a broken meter caused a parking fine of ${fine} on {street}, but {c.ref(2)} will not cancel it; {c.ref(1)} can appeal or pay half within fourteen days.",
              f"{c.ref(2)} has no record of a broken meter on {street}, so the ${fine} fine [stands|remains]; paying within fourteen days halves it, or {c.ref(1)} can appeal.",
              f"The ${fine} fine for {street} [stays|stands] because the meter was working, according to {c.ref(2)}.")


def supermarket(c):
    c.say(1, "Excuse me, do you work here?", "Sorry, could you help me?", "Hi, excuse me.", "[Excuse me|Sorry to bother you], [are you staff?|can I ask you something?]")
    c.say(2, "Yes, what can I help you with?", "[Sure|Of course], what are you looking for?")
    item = c.pick(["oat milk", "gluten-free bread", "fresh coriander", "birthday candles", "baking powder", "basmati rice", "batteries",
                   "dishwasher tablets", "vanilla extract", "coconut milk", "tea lights"])
    c.say(1, f"I can't find {item} anywhere.", f"I'm looking for {item}.", f"[Where do you keep|Do you have] {item}?")
    plural = item.endswith("s")
    it, be = ("they", "are") if plural else ("it", "is")
    if c.chance(0.55):
        aisle = c.num(2, 14)
        c.say(2, f"{cap(it)} {be} in aisle {aisle}, on the top shelf. We moved {'them' if plural else 'it'} last week.",
              f"Aisle {aisle}, next to the cereal. Everyone's been asking since we moved things around.")
        c.say(1, "Ah, that's why. Thank you.", "No wonder I couldn't find it!")
        c.ask(1, 2, ("Also, are the strawberries on offer?", "Yes, two boxes for five dollars."), ("And is the self-checkout working again?", "Yes, it was fixed this morning."),
              ("Do you sell stamps here?", "Only at the customer service desk, next to the exit."))
        c.goodbye("service", 0.6)
        c.sum(f"{c.ref(1)} cannot find {item} in the supermarket, and {c.ref(2)} explains that {it} {'have' if plural else 'has'} been moved to aisle {aisle}.",
              f"{c.ref(2)} tells {c.ref(1)} that {item} {be} in aisle {aisle}.",
              f"{cap(item)} {'have' if plural else 'has'} moved to aisle {aisle}, {c.ref(2)} [explains|tells {c.ref(1)}].",
              f"{c.ref(1)} [asks|checks with] {c.ref(2)} where to find {item}, and the answer is aisle {aisle}.")
    else:
        c.say(2, "I'm sorry, we've sold out. The next delivery is tomorrow morning.", "We're out of stock, I'm afraid. More is coming on Thursday.")
        c.say(1, "Oh no, I need it for a cake tonight.", "Is there anywhere else I could try?")
        alt = c.pick(["the corner shop on " + c.pick(STREETS), "the market on " + c.pick(STREETS), "our other branch near the station"])
        c.say(2, f"You could try {alt}. They usually have it.", f"{cap(alt)} might have some.")
        c.goodbye("service", 0.6)
        alt_s = alt.replace("our other branch", "the shop's other branch")
        c.sum(f"{c.ref(1)} is looking for {item}, but the supermarket has sold out, so {c.ref(2)} suggests trying {alt_s}.",
              f"{cap(item)} {be} out of stock, and {c.ref(2)} recommends {alt_s} to {c.ref(1)}.",
              f"{cap(item)} {be} sold out, so {c.ref(2)} [suggests|sends {c.ref(1)} to] {alt_s}.",
              f"The supermarket has no {item} left; {c.ref(2)} [tells|advises] {c.ref(1)} to try {alt_s}.")


SCENARIOS.update({
    "locksmith": locksmith,
    "concert tickets": concert_tickets,
    "parking fine": parking_fine,
    "supermarket": supermarket,
})


def passport_renewal(c):
    c.say(2, "Next, please. How can I help?", "Good morning, passport office.", "Hello, take a seat. What can I do for you?")
    c.smalltalk("service", 0.35, next_who=1)
    trip = c.pick(CITIES)
    weeks = c.num(2, 9)
    c.say(1, f"I need to renew my passport. It expires next month, and I'm flying to {trip} in {NUMWORDS[weeks]} weeks.",
          f"Hi, my passport runs out soon and I have a trip to {trip} in {NUMWORDS[weeks]} weeks.")
    c.say(2, "Do you have the form, two photos and your old passport?", "Have you brought the application form and two photos?")
    photos_ok = c.chance(0.6)
    if photos_ok:
        c.say(1, "Yes, everything's here.", "Yes, I filled in the form at home.")
    else:
        c.say(1, "I have the form, but I forgot the photos.", "I've got the form and my old passport, but no photos.")
        c.say(2, "There's a photo booth by the entrance. It's eight dollars.", "You can get them done in the booth downstairs for eight dollars.")
        c.say(1, "Great, I'll do that now.", "Oh, good. I'll be right back.")
    std, fast = c.num(70, 95), c.num(140, 190)
    c.say(2, f"Standard service is ${std} and takes about six weeks. The fast-track service is ${fast} and takes one week.",
          f"Normal processing takes six weeks and costs ${std}. For ${fast}, you'll have it within a week.")
    fast_track = weeks <= 6 or c.chance(0.3)
    if fast_track:
        c.say(1, "Six weeks is too long for me. I'll pay for the fast track.", "I can't risk it. Fast track, please.")
        c.say(2, f"Okay. It'll be posted to you by next {c.word(*WEEKDAYS)}.", "Fine. You'll get a text when it's ready to collect.")
    else:
        c.say(1, "Standard is fine then.", "I'll take the standard service.")
    photos = "" if photos_ok else " and will get photos from the booth"
    c.sum(f"{c.ref(1)} renews {c.his(1)} passport before a trip to {trip} in {NUMWORDS[weeks]} weeks{photos}."
          + (f" Because standard processing takes six weeks, {c.ref(1)} pays ${fast} for the fast-track service." if fast_track
             else f" {c.ref(1)} chooses the standard service for ${std}."),
          f"{c.ref(2)} explains that a passport renewal costs ${std} and takes six weeks, or ${fast} for one week; {c.ref(1)}, who travels to {trip} in "
          f"{NUMWORDS[weeks]} weeks, chooses the " + ("fast-track option." if fast_track else "standard one."),
          f"With a trip to {trip} in {NUMWORDS[weeks]} weeks, {c.ref(1)} [needs to renew|renews] {c.his(1)} passport" + (f" and pays ${fast} for the fast track." if fast_track else f" at the standard price of ${std}."))


def study_group(c):
    subj = c.pick(["organic chemistry", "statistics", "contract law", "macroeconomics", "anatomy", "linear algebra", "microbiology",
                   "European history", "thermodynamics", "marketing"])
    exam_day = c.pick(WEEKDAYS)
    c.greet(0.5, 0.35)
    c.say(1, c.hi(1, 2) + f" Do you want to study together for {subj}? The exam is on {exam_day}.",
          f"I'm so behind with {subj}. Want to form a study group before {exam_day}'s exam?")
    c.say(2, "Yes, please! I don't understand half of the last chapter.", "Good idea. I've been putting it off.")
    three = c.chance(0.35)
    if three:
        c.say(3, "Can I join? I've got most of the notes from the lectures.", "Count me in too. I have last year's exam paper.")
        c.say(1, "Of course, the more the merrier.", "Great, that will help a lot.")
    place, place_s = c.pick(("the library, third floor", "the library"), ("the cafe near the main gate", "the cafe near the main gate"),
                            ("my flat", f"{c.ref(1)}'s flat"), ("room 204 in the science building", "room 204 in the science building"))
    t = c.clock(10, 18)
    day = c.pick([d for d in DAYS if d != exam_day])
    c.say(1, f"How about {day} at {t}, in {place}?", f"Let's meet on {day}, {t}, at {place}.")
    conflict = c.chance(0.4)
    if conflict:
        c.say(2, f"I work until five on {day}. Could we start at six instead?", f"I have a lab session on {day} afternoon. Can we make it six?")
        c.say(1, "Six is fine.", "Sure, six o'clock then.")
        t = "six"
    else:
        c.say(2, "Perfect. I'll bring snacks.", "Works for me.")
    task = c.pick(["make a list of the topics", "bring practice questions", "summarise the first three chapters"])
    c.say(1, f"Could you {task} before then?", f"Let's each {task} beforehand.")
    c.say(2, "Sure, no problem.", "Okay, I'll do that tonight.")
    group = join_and([c.ref(1), c.ref(2)] + ([c.ref(3)] if three else []))
    c.sum(f"{group} will study {subj} together before the exam on {exam_day}. They will meet on {day} at {t} in {place_s}.",
          f"[To prepare for|Ahead of] {exam_day}'s {subj} exam, {group} [set up|arrange] a study session on {day} at {t} in {place_s}, and each will {task} first.",
          f"{c.ref(1)} suggests studying {subj} together; the session is on {day} at {t}, and {c.ref(2)} [promises|agrees] to {task} beforehand.",
          f"Before the {subj} exam on {exam_day}, {c.ref(1)} organises a study group" + (f" that {c.ref(3)} also joins" if three else "")
          + f"; they meet on {day} at {t}" + (" because of " + c.ref(2) + "'s schedule" if conflict else "") + ".",
          f"{c.ref(1)} [organises|sets up] a {subj} study group before {exam_day}'s exam, meeting on {day} at {t} in {place_s}.",
          f"{group} [plan|arrange] to revise {subj} together on {day} at {t}, before the exam on {exam_day}.")


def borrowing_money(c):
    c.familiar = True
    amt = c.pick([50, 100, 150, 200, 300, 500])
    why, why_s = c.pick(("my car insurance is due and my salary comes late this month", f"{c.his(1)} car insurance is due before payday"),
                        ("I need to pay the deposit for a new flat", f"{c.he(1)} has to pay a deposit for a new flat"),
                        ("my laptop broke and I need it for work", f"{c.his(1)} laptop broke and {c.he(1)} needs it for work"),
                        ("I have to pay a vet bill", f"{c.he(1)} has a vet bill to pay"))
    c.greet(0.5, 0.3)
    c.say(1, "This is a bit awkward, but could I borrow some money?", "Can I ask you a [big|huge] favour? I'm a bit short this month.",
          "[I hate asking|Sorry to ask], but [could you lend me|can I borrow] some money?")
    c.ask(2, 1, ("Oh. How much do you need?", f"${amt}. {cap(why)}."), ("Sure, what's going on?", f"{cap(why)}. Could you lend me ${amt}?"))
    back, back_s = c.pick(("on the first of the month", "on the first of the month"), ("next Friday", "next Friday"),
                          ("in two weeks", "in two weeks"), ("when I get paid", f"when {c.he(1)} gets paid"))
    if c.chance(0.6):
        c.say(2, "Of course. When can you pay it back?", "That's fine. When do you think you can return it?")
        c.say(1, f"Definitely {back}.", f"I'll pay you back {back}, I promise.")
        c.say(2, "No problem. I'll transfer it tonight.", "Okay, I'll send it now.")
        c.say(1, "Thank you so much. You're a lifesaver.", "I really appreciate it.")
        c.sum(f"{c.ref(1)} asks to borrow ${amt} from {c.ref(2)} because {why_s}. {c.ref(2)} agrees, and {c.ref(1)} will pay it back {back_s}.",
              f"{c.ref(2)} lends {c.ref(1)} ${amt}; {c.ref(1)} promises to return it {back_s}.",
              f"{c.ref(2)} [agrees to lend|lends] {c.ref(1)} ${amt}, because {why_s}; {c.ref(1)} will repay it {back_s}.",
              f"[Short of money|Short this month], {c.ref(1)} [borrows|asks to borrow] ${amt} from {c.ref(2)} because {why_s}, and will return it {back_s}.")
    else:
        part = amt // 2
        c.say(2, f"I'd like to help, but I can't do ${amt} right now. I could lend you ${part}.", f"${amt} is too much for me at the moment. Would ${part} help?")
        c.say(1, "That would still help a lot. Thank you.", "Yes, that's better than nothing. Thanks.")
        c.say(2, f"Just pay me back {back}, okay?", "No rush, but please don't forget.")
        c.sum(f"{c.ref(1)} asks {c.ref(2)} for ${amt} because {why_s}, but {c.ref(2)} can only lend ${part}, which {c.ref(1)} accepts.")


def furniture_delivery(c):
    item = c.pick(["a sofa", "a wardrobe", "a dining table and six chairs", "a double bed", "a bookcase", "a washing machine", "a desk"])
    order = c.num(100000, 999999)
    c.say(2, "HomeStyle customer service, how can I help?", "Hello, HomeStyle deliveries department.", f"HomeStyle, {c.nm(2)} speaking.")
    c.say(1, f"Hi, I'm calling about my order, number {order}. It's {item}.", f"Hello. I ordered {item} and there's a problem. The order number is {order}.")
    c.say(2, "Let me have a look.", "One moment, [please|I'll check].")
    prob = c.branch("late", "damaged", "reschedule")
    if prob == "late":
        c.say(1, "It was supposed to come yesterday. I took the day off work and waited all day.", "I waited at home all day yesterday and nobody came.")
        c.say(2, "I'm really sorry. The truck broke down. We can deliver it on Saturday morning.", "I apologise. There was a problem with the van. Is Saturday morning okay?")
        comp = c.chance(0.6)
        c.say(1, "Saturday is fine, but I lost a day's pay. Can you do anything?" if comp else "Fine, Saturday then. But please make sure it really comes.")
        if comp:
            c.say(2, "I'll refund the delivery fee of $45.", "I can refund the delivery charge, $45.")
        c.sum(f"{c.ref(1)}'s delivery of {item} did not arrive as promised. {c.ref(2)} apologises and rebooks it for Saturday morning" + (" and refunds the $45 delivery fee." if comp else "."),
              f"Nobody came to deliver {c.ref(1)}'s {item.split(' ', 1)[1]} [yesterday|as planned] because the truck broke down; it will [now|instead] come on Saturday morning"
              + (", and the $45 delivery charge is refunded." if comp else "."),
              f"After waiting at home all day for {item}, {c.ref(1)} [calls|complains to] HomeStyle; {c.ref(2)} [rebooks|reschedules] the delivery for Saturday"
              + (" and gives back the $45 fee." if comp else "."))
    elif prob == "damaged":
        c.say(1, "Actually, it came this morning, but it's damaged. There's a big scratch and one leg is broken.", "It arrived this morning, but it's damaged. The side is cracked.")
        c.say(2, "I'm so sorry. Could you email us some photos?", "That shouldn't happen. Please send us photos of the damage.")
        c.say(1, "I already took some. Do I get a new one?", "Sure. Will you replace it?")
        keep = c.chance(0.4)
        c.say(2, "We can replace it next week, or you can keep it with a twenty percent discount." if keep else "Yes, we'll collect it and bring a new one next Tuesday.")
        if keep:
            c.say(1, "I'll keep it with the discount. The damage is at the back anyway.", "Hmm, the discount sounds fine. I'll keep it.")
            c.sum(f"{c.ref(1)} received {item}, but it is damaged. {c.ref(2)} offers a replacement or a twenty percent discount, and {c.ref(1)} keeps it with the discount.",
                  f"Because the {item.split(' ', 1)[1]} from HomeStyle arrived damaged, {c.ref(1)} [accepts|takes] a twenty percent discount instead of a replacement.",
                  f"{c.ref(1)} keeps the damaged {item.split(' ', 1)[1]} for twenty percent off instead of a replacement.")
        else:
            c.say(1, "Okay, as long as I don't have to carry it downstairs.", "[Good|Fine], next Tuesday then.")
            c.sum(f"{c.ref(1)} complains that {item} arrived damaged, so {c.ref(2)} asks for photos and arranges a replacement next Tuesday.",
                  f"The {item.split(' ', 1)[1]} [was delivered|arrived] damaged; HomeStyle will collect it and bring a new one next Tuesday, [after|once] {c.ref(1)} sends photos.",
                  f"HomeStyle will replace {c.ref(1)}'s damaged {item.split(' ', 1)[1]} next Tuesday, [once|after] photos are sent.")
    else:
        c.say(1, "It's booked for Thursday, but I have to work. Can we change the day?", "Could I move the delivery? I won't be home on Thursday.")
        new = c.pick(["Saturday", "Monday", "Friday"])
        c.say(2, f"The next free slot is {new} between eight and twelve.", f"I can offer {new} morning.")
        c.say(1, f"{new} works. Can they take the old one away too?", f"{new} is good. Will they assemble it?")
        c.say(2, "Yes, that's included in the price.", "Yes, that's free of charge.")
        c.sum(f"{c.ref(1)} moves the delivery of {item} from Thursday to {new} because of work.", f"{c.ref(2)} reschedules {c.ref(1)}'s delivery of {item} for {new}.",
              f"As {c.ref(1)} [has to work|will be at work] on Thursday, the delivery of {item} [is moved|changes] to {new}, [at no extra cost|free of charge].")
    c.goodbye("service", 0.45)


SCENARIOS.update({
    "passport renewal": passport_renewal,
    "study group": study_group,
    "borrowing money": borrowing_money,
    "furniture delivery": furniture_delivery,
})
