"""Scenario scripts: leisure, family, friends and neighbours.

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

from summ_common import CITIES, DAYS, MONTHS, NUMWORDS, STREETS, WEEKDAYS, cap, join_and


def shopping_return(c):
    item = c.pick("jacket", "pair of boots", "blender", "lamp", "sweater", "pair of jeans", "kettle", "toaster", "rucksack",
                  "hair dryer", "set of towels", "coffee machine", "raincoat", "pair of headphones", "board game", "desk chair",
                  "bedside clock", "electric fan", "yoga mat", "frying pan")
    price = c.num(20, 160)
    c.say(2, "[Hi|Hello], can I help you?", "Hello, returns desk. What can I do for you?", "[Good morning|Hi]. [Are you returning something?|How can I help?]")
    reason, reason_s = c.pick(("it's too small", "it is too small"), ("it stopped working after two days", "it stopped working after two days"),
                              ("the colour is different from the website", "the colour is different from the website"),
                              ("it was a gift and I already have one", f"it was a gift and {c.he(1)} already has one"),
                              ("there's a crack in it", "there is a crack in it"), ("it's much louder than it should be", "it is far too loud"))
    c.smalltalk("service", 0.35, next_who=1)
    c.say(1, f"I'd like to return this {item}. {cap(reason)}.", f"[Hi|Hello], I bought this {item} last week, but {reason}.")
    c.say(2, "I'm sorry about that. Did you buy it in this store or online?", "Oh, that's a shame. [Was it from this branch?|Did you buy it here?]")
    c.say(1, "Here, last [Saturday|weekend|Sunday].", "In this store, about a week ago.", "Online, but the website said I could [return|bring] it here.")
    c.say(2, "Do you have the receipt?", "Have you got the receipt with you?", "[Could I see|Can I have] the receipt, please?")
    if c.chance(0.65):
        c.say(1, "Yes, here it is.", "Here you go.", "[Yes|Sure], it's right here.")
        if c.chance(0.6):
            c.say(2, f"Fine, I'll refund the ${price} to your card.", f"No problem. That's ${price} back on your card.")
            c.sum(f"{c.ref(1)} returns a {item} because {reason_s} and gets a ${price} refund.",
                  f"With the receipt, {c.ref(1)} returns a {item} to the shop and [receives|gets] ${price} back.",
                  f"{c.ref(2)} refunds ${price} to {c.ref(1)} for a {item} [that {c.ref(1)} brings back|returned] because {reason_s}.",
                  f"[Since|Because] {reason_s}, {c.ref(1)} [brings back|returns] the {item} and [gets|is refunded] ${price}.")
        else:
            c.say(2, "Would you like to exchange it for another one?", "We could swap it for a different one, if you like.")
            c.say(1, "Yes, let's do that.", "Okay, I'll exchange it.")
            c.sum(f"{c.ref(1)} takes a {item} back to the shop because {reason_s}, and {c.ref(2)} exchanges it.",
                  f"Because {reason_s}, {c.ref(1)} [swaps|exchanges] the {item} for another one.",
                  f"{c.ref(1)} [swaps|exchanges] the {item}, which {reason_s.replace('it is', 'is').replace('it stopped', 'stopped').replace('there is', 'has').replace('it was', 'was')}.",
                  f"{c.ref(2)} [gives|offers] {c.ref(1)} another {item} in exchange, since the first one was [faulty|not right].")
        c.goodbye("service", 0.45)
    else:
        c.say(1, "I'm afraid I lost it. But I paid by card.", "No, I threw it away. Is that a problem?")
        c.say(2, "Without a receipt I can only give you store credit.", "I can offer store credit for the amount, but not cash.")
        c.say(1, "That's a bit annoying, but okay.", "Fine, store credit is better than nothing.")
        c.sum(f"{c.ref(1)} wants to return a {item} but has no receipt, so {c.ref(2)} offers only store credit, which {c.ref(1)} accepts.",
              f"Without a receipt, {c.ref(1)} can only get store credit for the {item}, and [accepts it|agrees].",
              f"{c.ref(2)} [offers|can give] only store credit for the {item}, because {c.ref(1)} [lost|threw away] the receipt.",
              f"[No receipt|Without proof of purchase] means {c.ref(1)} [gets|receives] store credit, not a refund, for the {item}.")


def shopping_clothes(c):
    item = c.pick("dress", "suit", "winter coat", "shirt", "blazer", "rain jacket", "jumpsuit", "skirt", "pair of trousers", "cardigan", "linen shirt")
    event, event_s = c.pick(("a wedding", "a wedding"), ("a job interview", "a job interview"), ("a hiking trip", "a hiking trip"),
                            ("my graduation", f"{c.his(1)} graduation"), ("the office party", "the office party"), ("a christening", "a christening"),
                            ("a trip to Iceland", "a trip to Iceland"), ("my first day at a new job", f"{c.his(1)} first day at a new job"),
                            ("a charity gala", "a charity gala"), ("a school reunion", "a school reunion"))
    c.say(2, "Hi there, are you looking for anything special?", "Can I help you find something?", "[Hello|Hi]. [Do you need any help?|Are you finding everything?]")
    c.say(1, f"I need a {item} for {event}.", f"Yes, I'm looking for a {item}. It's for {event}.")
    size = c.pick(["small", "medium", "large", "38", "42", "10", "12"])
    c.say(2, "[Oh, how exciting!|Lovely.|How nice.] [When is it?|Is it soon?]")
    c.say(1, "Next Saturday, so I'm a bit late.", "In two weeks. I've been putting it off.", "Tomorrow, [believe it or not|would you believe it]!")
    c.say(2, "What size [are you|do you take]?", "Do you know your size?")
    c.say(1, f"Usually {size}.", f"{size}, I think.")
    col = c.pick(["navy", "black", "dark green", "grey", "burgundy", "cream", "light blue", "mustard", "charcoal", "olive"])
    c.say(2, f"This one comes in {col}. The fitting rooms are over there.", f"How about this {col} one? Try it on.")
    if c.chance(0.55):
        c.say(1, "It fits perfectly. How much is it?", "I love it. What's the price?")
        p = c.num(40, 300)
        sale = c.chance(0.4)
        c.say(2, f"It's ${p}" + (", but it's twenty percent off today." if sale else "."), f"${p}" + (", minus twenty percent in the sale." if sale else "."))
        c.say(1, "I'll take it.", "Great, I'll buy it.")
        c.goodbye("service", 0.45)
        c.sum(f"{c.ref(1)} buys a {col} {item} for {event_s}. It costs ${p}" + (" before a twenty percent discount." if sale else "."),
              f"{c.ref(2)} helps {c.ref(1)} find a {item} for {event_s}; {c.ref(1)} buys a {col} one" + (f" at twenty percent off ${p}." if sale else f" for ${p}."),
              f"For {event_s}, {c.ref(1)} [picks|chooses] a {col} {item} in size {size}" + (f", priced at ${p} with twenty percent off." if sale else f" that costs ${p}."),
              f"{c.ref(1)} [needs|wants] a new {item} for {event_s} and [leaves with|buys] the {col} one for ${p}" + (" at a discount." if sale else "."))
    else:
        c.say(1, "It's too tight around the shoulders. Do you have a bigger one?", "Hmm, it's a bit long. Is there another size?")
        c.say(2, "Sorry, that's the last one. We'll get more on Tuesday.", "Not in this colour, but we'll have more next week.")
        c.say(1, "I'll come back then.", "Okay, I'll check online as well.")
        c.sum(f"{c.ref(1)} is looking for a {item} for {event_s}, but the {col} one does not fit and there is no other size in stock.",
              f"The {col} {item} [does not fit|is the wrong size], so {c.ref(1)} [has to wait for|will come back for] new stock for {event_s}.",
              f"The {col} {item} {c.ref(1)} [tries|tries on] for {event_s} [does not fit|is the wrong fit], and no other size is [available|in stock].")


def travel_planning(c):
    places = c.sample(CITIES, 2)
    mon = c.pick(MONTHS)
    c.greet(0.3, 0.0)
    c.say(1, c.hi(1, 2, 0.6) + f" Have you decided where we're going in {mon}?", f"So, where should we go on holiday in {mon}?")
    c.say(2, f"I'm torn between {places[0]} and {places[1]}.", f"I was thinking {places[0]}. Or maybe {places[1]}.")
    c.ask(1, 2, ("What's the weather like there at that time of year?", "Warm, I think, but not too hot."),
          ("What's the weather like then?", "No idea, I'll have to check."),
          ("Have you been to either of them before?", f"I went to {places[1]} as a student, years ago. I loved it."))
    c.say(1, f"{places[0]} is supposed to be amazing, but flights are expensive.", f"I've always wanted to see {places[1]}.")
    budget = c.num(8, 30) * 100
    c.say(2, f"Our budget is about ${budget:,} for the two of us.", f"We said we'd spend no more than ${budget:,}, right?")
    choose = c.pick(places)
    other = places[1] if choose == places[0] else places[0]
    nights = c.num(3, 10)
    c.say(1, f"Then {choose} makes more sense. We could stay {NUMWORDS[nights]} nights.", f"Let's do {choose}, then. {cap(NUMWORDS[nights])} nights?")
    acc = None
    if c.chance(0.5):
        c.say(2, "Hotel or apartment?", "Should we book a hotel?")
        acc = c.pick(["an apartment", "a hotel near the centre", "a small guesthouse"])
        c.say(1, f"{cap(acc)}. It's cheaper with a kitchen." if acc == "an apartment" else f"{cap(acc)}, so we can walk everywhere.")
    c.say(2, "Okay. I'll check flight prices tonight.", "I'll check prices tonight.")
    c.sum(f"{c.ref(1)} and {c.ref(2)} discuss whether to go to {places[0]} or {places[1]}. With a budget of ${budget:,}, they choose {choose} for {NUMWORDS[nights]} nights"
          + (f" and want {acc}." if acc else "."),
          f"Planning their holiday, {c.ref(1)} and {c.ref(2)} pick {choose} over {other}, for {NUMWORDS[nights]} nights on a ${budget:,} budget. {c.ref(2)} will check prices tonight.",
          f"[For their trip in {mon},|For the {mon} holiday,] {c.ref(1)} and {c.ref(2)} [settle on|go for] {choose} rather than {other}, staying {NUMWORDS[nights]} nights with about ${budget:,} to spend.",
          f"{c.ref(1)} and {c.ref(2)} [choose|go for] {choose} [for their holiday|for a trip] in {mon}, with about ${budget:,} and {NUMWORDS[nights]} nights.",
          f"{choose} [wins|is chosen] over {other}: {c.ref(1)} and {c.ref(2)} will spend {NUMWORDS[nights]} nights there [in|during] {mon} with a budget of about ${budget:,}.")


def leisure_weekend(c):
    act = c.pick("go to the cinema", "try the new climbing wall", "have a picnic in the park", "go to a jazz concert", "visit the flea market",
                 "go bowling", "go ice skating", "try the new ramen place", "go to a pub quiz", "rent bikes and ride along the river",
                 "see a comedy show", "go to the food festival", "play tennis", "visit the botanical garden", "go kayaking",
                 "try an escape room", "go to a pottery class", "see the new exhibition at the gallery", "go swimming in the lake")
    day = c.pick(["Saturday", "Sunday", "Friday evening"])
    c.greet(0.6, 0.55)
    c.say(1, c.hi(1, 2) + f" Are you free on {day}?", f"What are you up to on {day}?", f"[Any plans|Are you doing anything] on {day}?")
    c.say(2, "Nothing planned yet. Why?", "I don't know yet. What did you have in mind?")
    c.say(1, f"I thought we could {act}.", f"Do you want to {act}?", f"[How about we|Why don't we] {act}?")
    if c.chance(0.6):
        c.ask(2, 1, ("Have you done that before?", "Once, with my cousins. It was really fun."),
              ("Have you ever done that?", "Never, but my colleagues keep talking about it."),
              ("Oh, I haven't done that in years. Is it still fun?", "Yes, I went last summer. You'll love it."))
    if c.chance(0.35):
        c.say(2, f"I'd love to, but I promised to help my {c.word('sister', 'dad', 'neighbour', 'cousin')} move.", "Ugh, I can't. I have to work.")
        alt = c.pick(["next weekend", "Sunday afternoon", "Thursday evening"])
        offered = c.chance(0.6)
        if offered:
            c.say(1, f"Oh, what a shame. Maybe {alt}?", f"[No worries.|Never mind.] How about {alt}?")
            c.say(2, f"Yes, {alt} works.", f"{cap(alt)} is perfect.")
            c.sum(f"{c.ref(1)} invites {c.ref(2)} to {act} on {day}, but {c.ref(2)} is busy. They agree to go {alt} instead.",
                  f"{c.ref(2)} cannot {act} on {day}, so {c.ref(1)} and {c.ref(2)} [move the plan to|decide to go] {alt}.",
                  f"{c.ref(2)} [cannot|is unable to] {act} on {day}, so the plan [moves|is moved] to {alt}.")
        else:
            c.say(1, "No worries. Another time then?", "[Oh, what a shame.|Never mind.] Another time?")
            c.say(2, "Definitely. Let's plan something soon.", "[Yes|Sure], let's find another day.")
            c.sum(f"{c.ref(1)} invites {c.ref(2)} to {act} on {day}, but {c.ref(2)} is busy. They will plan something later.",
                  f"{c.ref(2)} [turns down|cannot accept] {c.ref(1)}'s invitation to {act} on {day}, and they agree to try another time.",
                  f"[Because|As] {c.ref(2)} is busy on {day}, {c.ref(1)}'s plan to {act} is [put off|postponed] until another time.")
    else:
        t = c.clock(10, 20)
        meet, meet_s = c.pick(("at the station", "at the station"), ("outside my flat", f"outside {c.ref(1)}'s flat"),
                              ("at the cafe on " + c.pick(STREETS),) * 2, ("by the fountain", "by the fountain"))
        c.say(2, "Sounds fun! What time?", "Great idea. When and where?")
        c.say(1, f"Let's meet {meet} at {t}.", f"How about {t}, {meet}?")
        if c.chance(0.5):
            c.ask(2, 1, ("Should I bring anything?", "Just bring some cash."), ("Can I bring my cousin? She's visiting.", "Sure, the more the merrier."),
                  ("Should I bring something?", "Maybe some snacks."))
        c.say(2, "Perfect, see you then.", "Great, it's a plan.")
        c.sum(f"{c.ref(1)} and {c.ref(2)} will {act} on {day}. They will meet {meet_s} at {t}.",
              f"{c.ref(1)} suggests that they {act} on {day}, and {c.ref(2)} agrees to meet {meet_s} at {t}.",
              f"On {day}, {c.ref(1)} and {c.ref(2)} [are going to|will] {act}; [they are meeting|the meeting point is] {meet_s} at {t}.",
              f"{c.ref(2)} [agrees|is happy] to {act} with {c.ref(1)} on {day}; they [will meet|are meeting] {meet_s} at {t}.",
              f"[Meeting|They meet] {meet_s} at {t}, {c.ref(1)} and {c.ref(2)} [will|are going to] {act} on {day}.")


def sports(c):
    team_a, team_b = c.sample(["United", "Rovers", "City", "the Tigers", "the Hawks", "Athletic", "the Lions", "the Falcons",
                               "Wanderers", "Albion", "the Sharks", "Rangers", "the Wolves", "Olympic", "the Bears"], 2)
    c.greet(0.5, 0.3)
    c.say(1, c.hi(1, 2) + " Did you watch the match last night?", "Did you see the game last night?", "[Did you catch|Were you watching] the match last night?")
    a, b = c.num(0, 4), c.num(0, 4)
    res = f"it was a {a}-{b} draw" if a == b else f"{team_a} beat {team_b} {max(a, b)}-{min(a, b)}"
    c.say(2, f"Of course! I can't believe {res}.", f"Yes, {res}. What a game!")
    agree = True
    if c.chance(0.6):
        agree = c.chance(0.5)
        c.say(1, "The referee was terrible in the second half.", "That referee should never have given that penalty.")
        c.say(2, "Totally agree. Awful decisions." if agree else "Really? I thought he was fair, actually.",
              "I know, it was ridiculous." if agree else "Come on, you're just upset.")
    else:
        c.say(1, "That goal in the last minute was unbelievable.", "What about that save in the first half?")
        c.say(2, "I know! I jumped off the sofa.", "Incredible. Best game this season.")
    c.say(1, "Who did you watch it with?", "Where did you watch it?")
    c.say(2, "At the pub with my brother. It was packed.", "At home, on my own. My neighbours heard me shouting.", "At a friend's place. We ordered pizza.")
    play = c.chance(0.6)
    if play:
        day = c.pick(WEEKDAYS)
        c.say(1, f"Anyway, are you coming to five-a-side on {day}?", f"By the way, we need one more player for five-a-side on {day}. Are you in?")
        knee = c.chance(0.4)
        if knee:
            c.say(2, "I'd like to, but my knee still hurts from last week.", "Not this week, my ankle is still sore.")
            c.say(1, "Rest it, then. We'll find someone else.", "[Okay|No problem], get better soon.")
        else:
            c.ask(2, 1, ("Definitely. Same time, seven o'clock?", "Yes, at the sports centre."),
                  ("Count me in. Where are we playing?", "At the usual pitch, seven o'clock."))
    c.sum(f"{c.ref(1)} and {c.ref(2)} talk about last night's match, in which {res}" + ("." if agree else "; they disagree about the referee."),
          f"{c.ref(1)} and {c.ref(2)} [discuss|chat about] last night's game: {res}" + ("." if agree else ", and they argue about the referee."),
          f"Last night's [match|game] ended with {res}, and {c.ref(1)} and {c.ref(2)} [go over|talk about] it" + ("." if agree else ", but they do not agree about the referee."),
          f"{c.ref(2)} [is still excited about|cannot believe] last night's result, {res}, and [chats|talks] about it with {c.ref(1)}" + ("." if agree else "; the referee divides them."))
    if play:
        c.sum(f"{c.ref(2)} cannot play five-a-side on {day} because of an injury." if knee else f"{c.ref(2)} will play five-a-side on {day}.",
              f"An injury will keep {c.ref(2)} out of five-a-side on {day}." if knee else f"{c.ref(2)} [agrees to join|is in for] five-a-side on {day}.",
              f"[A sore knee or ankle|An injury] [rules|keeps] {c.ref(2)} out of five-a-side on {day}." if knee else f"On {day}, {c.ref(2)} [joins|will join] the five-a-side game.")


def museum(c):
    mus = c.pick("the City Museum", "the Modern Art Gallery", "the Natural History Museum", "the Maritime Museum", "the Science Centre",
                 "the Railway Museum", "the Textile Museum", "the National Portrait Gallery", "the Museum of Childhood", "the Design Museum")
    c.say(2, f"Welcome to {mus}. [How can I help?|Tickets?|Are you buying tickets?]", f"[Hello|Good morning], welcome to {mus}. [Tickets?|How many?]")
    c.smalltalk("service", 0.35, next_who=1)
    adults, kids = c.num(1, 2), c.num(0, 3)
    c.say(1, f"{cap(NUMWORDS[adults])} adult{'s' if adults > 1 else ''}" + (f" and {NUMWORDS[kids]} child{'ren' if kids > 1 else ''}" if kids else "") + ", please.",
          f"Tickets for {NUMWORDS[adults]} adult{'s' if adults > 1 else ''}" + (f" and {NUMWORDS[kids]} kid{'s' if kids > 1 else ''}" if kids else "") + ", please.")
    ap, kp = c.num(10, 22), c.num(4, 9)
    total = adults * ap + kids * kp
    c.say(2, f"Adults are ${ap}" + (f" and children ${kp}" if kids else "") + f", so ${total} in total.", f"That's ${total} altogether.")
    exh = c.pick(["the dinosaur exhibition", "the Egyptian collection", "the photography exhibition", "the space exhibition",
                  "the Van Gogh exhibition", "the Viking exhibition", "the robot exhibition", "the Frida Kahlo exhibition",
                  "the ocean gallery", "the medieval armour collection"])
    c.say(1, f"Is {exh} included?", f"Can we see {exh} with these tickets?")
    extra = c.chance(0.5)
    take = False
    if extra:
        e = c.num(3, 8)
        c.say(2, f"That's an extra ${e} per person, I'm afraid.", f"It costs ${e} extra each.")
        take = c.chance(0.5)
        c.say(1, "Okay, add it, please." if take else "Then we'll skip it this time.")
    else:
        c.say(2, "Yes, it's included. It's on the second floor.", "Yes, it's all included.")
    tour = c.chance(0.4)
    if tour:
        t = c.clock(11, 15)
        c.say(2, f"There's also a free guided tour at {t}.", f"By the way, a free tour starts at {t}.")
        c.say(1, "Great, we'll join it.", "[Lovely|Perfect], we'll do that.")
    c.say(1, "Is there a cafe?", "Where's the cloakroom?")
    c.say(2, "On the ground floor, next to the shop.", "Just down the stairs on the left.")
    c.goodbye("service", 0.45)
    extra_s = ((f"{cap(exh)} costs extra, and {c.ref(1)} " + ("pays for it." if take else "decides to skip it.")) if extra else f"{cap(exh)} is included.")
    c.sum(f"{c.ref(1)} buys museum tickets at {mus} for ${total}. " + extra_s + (f" They will join the free tour at {t}." if tour else ""),
          f"At {mus}, {c.ref(1)} pays ${total} for {NUMWORDS[adults]} adult{'s' if adults > 1 else ''}" + (f" and {NUMWORDS[kids]} child{'ren' if kids > 1 else ''}" if kids else "")
          + ". " + extra_s + (f" A free tour starts at {t}." if tour else ""),
          f"{c.ref(1)} [pays|spends] ${total} on tickets at {mus}. " + extra_s,
          f"Tickets at {mus} cost {c.ref(1)} ${total}" + (f"; a free tour starts at {t}." if tour else ".") + " " + extra_s)


def birthday_party(c):
    who, whose = c.pick(("Mum", "Mum"), ("Dad", "Dad"), ("Grandma", "Grandma"), ("Grandpa", "Grandpa"), ("our sister", "their sister"),
                        ("our brother", "their brother"), ("Uncle Pete", "Uncle Pete"), ("Aunt Rosa", "Aunt Rosa"), ("Jenny", "Jenny"),
                        ("Marco", "Marco"), ("Auntie Grace", "Auntie Grace"))
    age = c.pick(["40th", "60th", "70th", "30th", "50th", "80th"])
    three = c.chance(0.4)
    c.say(1, f"{cap(who)}'s {age} birthday is in two weeks. We need to plan something.", f"Have you thought about {who}'s {age}? It's in two weeks.")
    c.say(2, "I know! A surprise party?", "I was thinking a surprise party.", "[What about|How about] a surprise party?")
    venue, venue_s = c.pick(("at our place", "at their place"), ("in the back room of the pub", "in the back room of the pub"),
                            ("at a restaurant", "at a restaurant"), ("in the garden", "in the garden"), ("at the sailing club", "at the sailing club"),
                            ("in the community hall", "in the community hall"), ("on a river boat", "on a river boat"),
                            ("at the bowling alley", "at the bowling alley"))
    c.say(1, f"Yes, maybe {venue}.", f"Let's do it {venue}.")
    guests = c.num(12, 45)
    c.say(2, f"How many people? I think about {guests}.", f"We'd have maybe {guests} guests.")
    if three:
        c.say(3, "Don't forget the cake! I can make it.", "I'll handle the cake. Chocolate, right?")
        c.say(1, "Perfect, thanks.", "That would be great.")
    c.say(1, "What should we get as a present?", "And a present? Any ideas?")
    gift = c.pick(["a weekend away", "a new bike", "a photo album with old pictures", "concert tickets", "a cooking class", "a hot-air balloon ride"])
    c.say(2, f"What about {gift}? We could all chip in.", f"I was thinking {gift}, from all of us.")
    c.say(1, "Love it." if c.chance(0.6) else "Hmm, maybe. Let's think about it.")
    c.say(1, "I'll send the invitations. Can you book the music?", "I'll do the invitations, you do the decorations?")
    c.say(2, "Deal. What about the budget?", "Sure. How much should we spend?")
    bud = c.num(3, 12) * 100
    c.say(1, f"Let's keep it under ${bud}.", f"No more than ${bud}, all right?")
    cake = f" {c.ref(3)} will make the cake." if three else ""
    c.sum(f"{c.ref(1)} and {c.ref(2)} organise a surprise party for {whose}'s {age} birthday. It will be {venue_s}, with about {guests} guests and no more than ${bud} to spend." + cake,
          f"{cap(whose)}'s {age} birthday is in two weeks, so {c.ref(1)} and {c.ref(2)} decide to throw a surprise party {venue_s}. {c.ref(1)} will send the invitations, and the budget is ${bud}.",
          f"{c.ref(1)} and {c.ref(2)} plan a surprise party for {whose}'s {age} birthday {venue_s} with about {guests} guests and a budget of ${bud}." + cake,
          f"They are planning {whose}'s {age} birthday: a surprise party {venue_s} for about {guests} people, costing under ${bud}. {c.ref(1)} will send the invitations." + cake,
          f"[To celebrate|For] {whose}'s {age} birthday, {c.ref(1)} and {c.ref(2)} [plan|organise] a surprise party {venue_s}; they think of {gift} as a present and will spend under ${bud}.",
          f"A surprise party {venue_s} is the plan for {whose}'s {age}: {c.ref(1)} [handles|will send] the invitations, about {guests} people will come, and the limit is ${bud}." + cake,
          f"[Two weeks before|Ahead of] {whose}'s {age} birthday, {c.ref(1)} and {c.ref(2)} [agree on|decide on] a party {venue_s}, [think about|consider] {gift} as a gift and [cap|limit] spending at ${bud}." + cake,
          f"{c.ref(1)} and {c.ref(2)} [start planning|work out] {whose}'s {age} birthday: [about|roughly] {guests} guests, {venue_s}, and no more than ${bud}." + cake)


def neighbours(c):
    c.say(1, c.hi(1, 2, 0.7) + f" I'm your neighbour from number {c.num(2, 40)}. Sorry to bother you.",
          "[Hi|Hello], sorry, [do you have a minute|have you got a second]? I live next door.")
    c.say(2, "Not at all. What's up?", "Sure, is everything okay?", "[Of course.|No bother.] What can I do for you?")
    if c.chance(0.5):
        c.say(1, "[First of all|Before I forget|Oh, and], thanks for [taking in my parcel last week|watering my plants in the summer|"
                 "feeding the cat when we were away|lending us your ladder].")
        c.say(2, "[No problem at all.|Oh, it was nothing.|Any time.|Happy to help.]")
    prob = c.branch("music", "hedge", "parking", "bins")
    if prob == "music":
        c.say(1, "It's the music at night. [Last night it went on until two.|On Saturday it went on past one.|"
                 "It's been every night this week.]", "The music has been [quite|really|very] loud late at night.")
        c.say(2, "Oh, I'm really sorry. It was my [flatmate's|brother's|partner's] birthday.",
              "[Sorry|Oh no], I didn't realise you could hear it[ through the wall|].")
        c.say(1, "I start work at [six|five|half past six], so I need to sleep.", "I have a [baby|newborn|little one], so it's hard.",
              "My [kids|children] have school in the morning.")
        c.say(2, "I understand. We'll keep it down after ten from now on.", "It won't happen again. Music off by ten.")
        c.say(1, "Thank you, I [appreciate it|really appreciate that].", "Thanks, I didn't want to make a big deal of it.")
        c.sum(f"{c.ref(1)} complains to {c.ref(2)} about loud music late at night, and {c.ref(2)} apologises and promises to keep it quiet after ten.",
              f"After {c.ref(1)} [mentions|raises] the late-night music, {c.ref(2)} [says sorry|apologises] and agrees to turn it off by ten.",
              f"[Late-night|Loud] music [keeps|has been keeping] {c.ref(1)} awake, so {c.ref(2)} [promises|agrees] to turn it off by ten.")
    elif prob == "hedge":
        c.say(1, "Your hedge is growing over the fence into my [garden|vegetable patch|yard].",
              "The hedge is blocking the light in my [kitchen|living room|garden].")
        c.say(2, "[I didn't notice.|Oh, sorry about that.|You're right, it's got huge.] I'll cut it this weekend.",
              "Oh no, I'll trim it on Saturday.")
        if c.chance(0.5):
            c.say(1, "I can lend you my hedge trimmer if you want.", "I've got an electric trimmer you can borrow.")
            c.say(2, "That would be great, thanks.", "[Oh, thanks!|Perfect, thank you.]")
            c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.his(2)} hedge is too big. {c.ref(2)} will cut it at the weekend with {c.ref(1)}'s trimmer.",
                  f"{c.ref(2)} promises to trim the overgrown hedge at the weekend, using a trimmer {c.ref(1)} lends {c.him(2)}.",
                  f"{c.ref(1)} [lends|offers] {c.ref(2)} an electric trimmer to cut back the hedge at the weekend.",
                  f"{c.ref(2)} will trim the hedge at the weekend, [borrowing|using] {c.ref(1)}'s electric trimmer.")
        else:
            c.sum(f"{c.ref(1)} complains that {c.ref(2)}'s hedge is too big, and {c.ref(2)} agrees to trim it at the weekend.",
                  f"{c.ref(2)} will cut back the hedge at the weekend after {c.ref(1)} [complains|mentions it].",
                  f"{c.ref(2)}'s overgrown hedge will be [cut|trimmed] at the weekend after {c.ref(1)} [raises|mentions] the problem.")
    elif prob == "parking":
        colour = c.word("blue", "white", "red", "silver", "black", "green")
        c.ask(1, 2, (f"Someone keeps parking a {colour} van across my driveway.", "That's my [brother's|cousin's|nephew's]. He's staying with us [this week|for a few days]."),
              (f"Is the {colour} car in front of my driveway yours?", "Yes, my [son's|husband's|father's]. I'm [sorry|so sorry]."))
        c.say(1, "I couldn't get my car out [this morning|yesterday|on Monday] and was late for work.", "I need to get out early[ for work|].")
        c.say(2, "I'll tell him to park on the street.", "I'll [move it|get it moved] right now.")
        c.sum(f"{c.ref(1)} complains that a relative of {c.ref(2)} is blocking {c.his(1)} driveway, and {c.ref(2)} promises it will be moved.",
              f"A car belonging to {c.ref(2)}'s family blocks {c.ref(1)}'s driveway; {c.ref(2)} [promises|agrees] to have it moved.",
              f"{c.ref(2)} [will move|promises to move] the vehicle that [blocked|was blocking] {c.ref(1)}'s driveway.",
              f"{c.ref(2)} [apologises for|promises to move] the car blocking {c.ref(1)}'s driveway.")
    else:
        old, day = c.sample(WEEKDAYS, 2)
        c.say(1, f"Just a reminder, the bins are collected on {day} now, not {old}.", f"Did you hear that bin day changed from {old} to {day}?")
        c.say(2, "Oh really? That explains why they were still full.", "No! Thanks for telling me.")
        c.say(1, "Also, we're having a street party next month. Would you like to come?", "We're organising a street party next month. Do you want to come?")
        yes = c.chance(0.6)
        c.say(2, "I'd love to. I can bake something." if yes else "I'm away that weekend, unfortunately.")
        c.sum(f"{c.ref(1)} tells {c.ref(2)} that rubbish is now collected on {day} instead of {old} and invites {c.him(2)} to a street party"
              + (f"; {c.ref(2)} will bake something." if yes else f", but {c.ref(2)} will be away."),
              f"Collection day has moved from {old} to {day}, {c.ref(1)} explains, and " + (f"{c.ref(2)} will bake for next month's street party." if yes
                                                                                            else f"{c.ref(2)} cannot come to next month's street party."),
              f"{c.ref(1)} [mentions|passes on] that bin day is now {day}, not {old}, and [invites|asks] {c.ref(2)} to a street party" + (f", where {c.ref(2)} will bring something baked." if yes else f", but {c.ref(2)} will be away."))


def volunteering(c):
    org, task = c.pick(("the food bank", "sorting donations"), ("the animal shelter", "walking the dogs"),
                       ("the community garden", "watering and weeding"), ("the youth football club", "helping the coach"),
                       ("the library reading club", "reading with children"), ("the homeless shelter", "serving breakfast"),
                       ("the hospital radio", "presenting the evening show"), ("the beach clean-up group", "collecting litter on the beach"),
                       ("the charity shop", "pricing donated clothes"), ("the refugee centre", "teaching English conversation"))
    c.say(1, c.hi(1, 2, 0.5) + f" I saw your poster. I'd like to volunteer at {org}.", f"[Hello|Hi]. I'd like to help out at {org}, if you still need volunteers.")
    c.ask(2, 1, ("That's great! Can I ask what made you interested?", "I've just retired and I want to do something useful."),
          ("Wonderful. What made you want to help?", "A friend told me how rewarding it is."),
          ("Thank you! Have you volunteered before?", "Yes, I did something similar at university and loved it."),
          ("Have you done any volunteering before?", "No, but I've got more free time since I started working part-time."))
    c.say(2, "Well, we always need help. How much time could you give?", "Lovely. How often could you come?")
    hrs = c.pick(["two", "three", "four"])
    day = c.pick(DAYS)
    c.say(1, f"About {hrs} hours a week, maybe on {day}s.", f"I could do {day} mornings, {hrs} hours or so.")
    c.say(2, f"Perfect. Most volunteers start with {task}.", f"On {day}s we need people for {task}.")
    check = task in ("helping the coach", "reading with children")
    if check:
        c.say(2, "Since you'd be working with children, we'll need a background check first.", "You'll need a background check, because it's with kids.")
        c.say(1, "No problem. How long does that take?", "[Fine.|Of course.] How long will that take?")
        c.say(2, "About two weeks.", "[Usually|Normally] about two weeks.")
    c.say(1, "When can I start?", "Is there any training?")
    c.say(2, f"Come in next {day} and we'll show you around.", f"There's a short introduction next {day}.")
    c.sum(f"{c.ref(1)} offers to volunteer at {org} for {hrs} hours a week on {day}s. {c.ref(2)} says {c.he(1)} would start with {task}"
          + ("; a background check is needed." if check else f", and {c.ref(1)} will come in next {day}."),
          f"{c.ref(1)} will volunteer at {org}, {task}, about {hrs} hours each {day}." + (" A background check is required first." if check else ""),
          f"[Helping|Volunteering] at {org} {hrs} hours a week, {c.ref(1)} will start with {task} on {day}s.",
          f"{c.ref(2)} [welcomes|signs up] {c.ref(1)} as a volunteer at {org}: {task}, about {hrs} hours on {day}s." + (" A background check comes first." if check else ""))


def wedding_plans(c):
    three = c.chance(0.35)
    mon = c.pick(MONTHS)
    c.say(1, f"We need to decide on the venue this week if we want a {mon} wedding.", f"The wedding's in {mon}. We still haven't booked a venue!")
    venues = ["the old barn outside town", "the hotel by the lake", "the botanical garden", "Aunt Rosa's farm", "the city hall",
              "the castle in the hills", "the vineyard in the valley", "the beach club", "the old library", "the golf club", "the sailing club"]
    a, b = c.sample(venues, 2)
    pa, pb = c.num(8, 20) * 500, c.num(3, 7) * 500      # b is always the cheaper one
    c.say(2, f"I like {a}, but {b} is cheaper.", f"I keep going back and forth between {a} and {b}.")
    c.say(1, f"{cap(a)} is ${pa:,}, right? And {b} is ${pb:,}?", f"{cap(a)} costs ${pa:,} and {b} ${pb:,}.")
    guests = c.num(40, 150)
    c.say(2, f"Yes. And we have {guests} guests on the list.", f"Right. With {guests} guests, space matters too.")
    if three:
        c.say(3, f"Sorry to jump in, but {b} only holds eighty people.", "Can I say something? Your grandmother can't manage stairs, remember.")
        c.say(1, "Good point.", "Oh, I hadn't thought of that.")
    if c.chance(0.5):
        c.say(2, "My mum also wants a say in it, you know.", "What do your parents think?")
        c.say(1, "It's our wedding, not theirs.", "They said they'd be happy with either.")
    choice = c.pick([a, b])
    c.say(1, f"Let's go with {choice}.", f"Okay, I say {choice}.")
    c.say(2, "Agreed. I'll call them tomorrow.", "Fine by me. I'll book it tomorrow.")
    c.sum(f"{c.ref(1)} and {c.ref(2)} are planning a {mon} wedding with {guests} guests and compare {a}, which costs ${pa:,}, with {b}, which costs ${pb:,}.",
          f"Planning their wedding in {mon}, {c.ref(1)} and {c.ref(2)} weigh {a} (${pa:,}) against {b} (${pb:,}).",
          f"The wedding is in {mon}, and {guests} guests are invited; {c.ref(1)} and {c.ref(2)} have to choose between {a} at ${pa:,} and {b} at ${pb:,}.",
          f"{c.ref(1)} reminds {c.ref(2)} that they must book a venue for their {mon} wedding; the options are {a}, costing ${pa:,}, and {b}, which is cheaper at ${pb:,}.",
          f"[Choosing|Picking] a venue for the {mon} wedding, {c.ref(1)} and {c.ref(2)} compare {a} at ${pa:,} with {b} at ${pb:,} for {guests} guests.")
    if three:
        c.sum(f"{c.ref(3)} raises a concern, and in the end they choose {choice}.", f"After {c.ref(3)} points out a problem, the couple settles on {choice}.",
              f"{c.ref(3)} [points out|mentions] a problem, and the couple [picks|goes for] {choice}.")
    else:
        c.sum(f"They choose {choice}, and {c.ref(2)} will book it tomorrow.", f"They settle on {choice}; {c.ref(2)} will call the venue tomorrow.",
              f"In the end they go for {choice}.",
              f"{cap(choice)} [wins|is their choice], and {c.ref(2)} [promises|will] call tomorrow to book it.")


def weather_plans(c):
    plan, plan_s = c.pick(("the barbecue", "the barbecue"), ("our hike", "their hike"), ("the beach trip", "the beach trip"),
                          ("the football match", "the football match"), ("the garden party", "the garden party"), ("the boat trip", "the boat trip"),
                          ("the outdoor concert", "the outdoor concert"), ("our bike ride", "their bike ride"), ("the school fair", "the school fair"),
                          ("the picnic with the kids", "the picnic with the children"), ("our camping trip", "their camping trip"))
    day = c.pick(["tomorrow", "Saturday", "Sunday"])
    day_on = day if day == "tomorrow" else "on " + day
    c.greet(0.7, 0.55)
    c.say(1, f"Have you seen the forecast for {day}?", f"Did you check the weather for {day}?", f"[What's|Have you heard] the forecast for {day}?")
    w = c.pick(["heavy rain all day", "thunderstorms in the afternoon", "sunny and 28 degrees", "strong winds and showers", "sunny and 24 degrees",
                "snow in the morning"])
    c.say(2, f"Yes, {w}.", f"They say {w}.")
    c.ask(1, 2, ("Are you sure? It was lovely this morning.", "I checked two different websites. They both say the same."),
          ("Which app are you using? Mine says something different.", "The national weather service. They're usually right."),
          ("Really? Where did you see that?", "On the news last night."))
    if not w.startswith("sunny"):
        c.say(1, f"So what do we do about {plan}?", f"That ruins {plan}.")
        alt, alt_s = c.pick(("move it to next weekend", f"move {plan_s} to next weekend"),
                            ("do it indoors at my place", f"hold it indoors at {c.ref(2)}'s place"),
                            ("go to the cinema instead", "go to the cinema instead"),
                            ("start early, before the rain", "start early, before the weather turns"))
        c.say(2, f"We could {alt}.", f"Why don't we {alt}?")
        if c.chance(0.7):
            c.say(1, "Good idea. I'll tell the others.", "Fine, I'll message everyone.")
            c.sum(f"The forecast for {day} is {w}, so {c.ref(1)} and {c.ref(2)} decide to {alt_s}.",
                  f"{c.ref(2)} says the forecast for {day} is {w}, and they agree to {alt_s}.",
                  f"Because of {w} {day_on}, {c.ref(1)} and {c.ref(2)} [change their plans and|agree to] {alt_s}.",
                  f"[Rain|Bad weather] is [forecast|expected]: {w} {day_on}. {c.ref(1)} and {c.ref(2)} [agree|decide] to {alt_s}.",
                  f"[The forecast says|According to the forecast,] {w} {day_on}, [so|and] {c.ref(1)} and {c.ref(2)} [plan to|will] {alt_s}.")
        else:
            c.say(1, "Let's wait and check again tomorrow morning. Forecasts change.", "I'd rather wait. It might change.")
            c.say(2, "Okay, but have a backup plan.", "[Fine|All right], but let's have a plan B.")
            c.sum(f"The forecast for {day} is {w}. {c.ref(2)} suggests that they {alt_s}, but {c.ref(1)} prefers to check the forecast again before changing {plan_s}.")
    else:
        c.say(1, f"Perfect! Then {plan} is on.", f"Great, no excuses then. {cap(plan)} is on.")
        c.say(2, "Don't forget sun cream.", "I'll bring the cool box.")
        c.say(1, "Good thinking. I'll bring drinks and some snacks.", "And I'll bring the umbrella for shade.")
        c.sum(f"The forecast for {day} is {w}, so {plan_s} will go ahead as planned.",
              f"{c.ref(1)} and {c.ref(2)} are happy that the weather {day_on} will be {w}, so {plan_s} can happen.",
              f"With {w} [forecast|expected] for {day}, {plan_s} [is on|will happen] as planned.")


# dish -> (ingredients, how it cooks: "oven" with a temperature, or a pan on the hob)
RECIPES = {
    "lasagne": (["minced beef", "a tin of tomatoes", "lasagne sheets", "mozzarella", "two onions", "garlic"], "oven"),
    "banana bread": (["three ripe bananas", "flour", "brown sugar", "butter", "two eggs", "cinnamon"], "oven"),
    "a chicken curry": (["chicken thighs", "coconut milk", "fresh ginger", "garlic", "curry paste", "an onion"], "hob"),
    "pancakes": (["flour", "two eggs", "milk", "a pinch of salt", "butter for the pan"], "hob"),
    "vegetable soup": (["carrots", "celery", "potatoes", "an onion", "vegetable stock", "fresh parsley"], "hob"),
    "a chocolate cake": (["dark chocolate", "flour", "sugar", "four eggs", "butter", "cocoa powder"], "oven"),
    "a shepherd's pie": (["minced lamb", "potatoes", "carrots", "peas", "an onion", "a splash of Worcestershire sauce"], "oven"),
    "a lemon tart": (["three lemons", "cream", "eggs", "sugar", "ready-made pastry"], "oven"),
    "falafel": (["chickpeas", "fresh coriander", "garlic", "cumin", "an onion", "a little flour"], "hob"),
    "a mushroom stroganoff": (["mushrooms", "sour cream", "paprika", "an onion", "garlic", "rice to serve"], "hob"),
    "apple crumble": (["cooking apples", "oats", "flour", "brown sugar", "butter", "cinnamon"], "oven"),
    "a beef stew": (["stewing beef", "carrots", "red wine", "potatoes", "beef stock", "thyme"], "hob"),
    "carrot cake": (["grated carrots", "walnuts", "flour", "brown sugar", "eggs", "cream cheese for the icing"], "oven"),
    "a tomato risotto": (["risotto rice", "cherry tomatoes", "vegetable stock", "parmesan", "an onion", "white wine"], "hob"),
    "fish pie": (["white fish", "prawns", "milk", "potatoes", "leeks", "cheddar"], "oven"),
}


def cooking(c):
    dish = c.pick(list(RECIPES))
    plain = dish.replace("a ", "", 1) if dish.startswith("a ") else dish
    pool, method = RECIPES[dish]
    c.greet(0.4, 0.35)
    c.ask(1, 2, (c.hi(1, 2) + f" How do you make your {plain}? It was delicious last time.",
                 "It's easy, really. [The secret is patience.|Don't tell anyone, but it's my grandmother's recipe.]"),
          (f"Can you teach me your {plain} recipe?", "Sure! It's simpler than it looks."),
          (f"Everyone loved your {plain} at the party. What's in it?", "Oh, thank you! Nothing fancy, honestly."))
    ing = c.sample(pool, 3)
    c.say(2, f"You need {join_and(ing)}, plus the usual things.", f"First get {join_and(ing)}.")
    if method == "oven":
        mins, temp = c.pick(["forty", "twenty-five", "fifty", "thirty", "forty-five"]), c.pick(["180", "200", "170", "160"])
        c.say(1, "And how long does it go in the oven?", "How long does it bake?")
        c.say(2, f"About {mins} minutes at {temp} degrees.", f"{cap(mins)} minutes, {temp} degrees.")
        how, how2 = f"bakes for about {mins} minutes at {temp} degrees", f"{mins} minutes in the oven at {temp} degrees"
    else:
        mins = c.pick(["twenty", "thirty", "forty", "an hour and a half" if "stew" in dish else "fifteen"])
        unit = "" if mins.startswith("an") else " minutes"
        c.say(1, "How long does it cook?", "And how long on the stove?")
        c.say(2, f"About {mins}{unit}, on a low heat.", f"{cap(mins)}{unit}. Don't rush it.")
        how, how2 = f"cooks on the hob for about {mins}{unit}", f"about {mins}{unit} on the stove"
    missing = None
    if c.chance(0.5):
        missing = ing[0]
        c.say(1, f"Can I make it without {missing}?", f"I don't have {missing}. Is that a problem?")
        matters = c.chance(0.5)
        c.say(2, "You could, but it won't taste the same." if matters else "It's fine, just use a bit more of the rest.")
    weekend = c.chance(0.5)
    c.say(1, "I'll try it this weekend." if weekend else "Thanks! I'll let you know how it turns out.",
          "I'm going to make it this weekend." if weekend else "[Great|Thanks], I'll try it soon.")
    listed = join_and(ing)
    c.sum(f"{c.ref(2)} explains to {c.ref(1)} how to make {dish}: it needs {listed} and {how}.",
          f"{c.ref(1)} asks for {c.ref(2)}'s {plain} recipe. The ingredients include {listed}, and it takes {how2}.",
          f"{c.ref(2)} shares a recipe for {dish} with {c.ref(1)}" + (", who will try it at the weekend" if weekend else "")
          + f". The recipe calls for {listed}, and it {how}.",
          f"[The|{c.ref(2)}'s] {plain} [needs|calls for] {listed}; {c.ref(2)} [tells|explains to] {c.ref(1)} that it {how}.",
          f"{c.ref(1)} [learns|finds out] how {c.ref(2)} makes {plain}: {listed}, and it {how}.",
          f"{plain[:1].upper() + plain[1:]} [is easy|is simple], {c.ref(2)} [says|tells {c.ref(1)}]: it needs {listed} and {how}.")
    if missing:
        c.sum(f"Without {missing}, {c.ref(2)} warns, it will not taste the same." if matters
              else f"{c.ref(2)} says it [can be made|works] without {missing}.")


def gardening(c):
    plant = c.pick(["tomatoes", "roses", "strawberries", "the lemon tree", "the herbs", "the lawn", "courgettes", "the sunflowers",
                    "the apple tree", "lettuces", "the tulips", "the chillies", "the blueberry bushes", "the peppers", "the hydrangeas"])
    bare = plant.replace("the ", "")
    c.greet(0.5, 0.45)
    c.say(1, c.hi(1, 2) + f" Your garden looks amazing. [Mine is struggling, especially {bare}.|My {bare} are a disaster this year.]",
          f"Can I ask your advice? The {bare} in my garden look terrible.")
    prob, fix = c.pick(("yellow leaves", "feed them once a week"), ("slugs", "put down crushed eggshells to stop the slugs"),
                       ("not enough sun", "move them somewhere sunnier"), ("too much water", "water them less"))
    c.say(2, "Thank you! It's a lot of work, though.", "Oh, thanks. I spend every weekend out here.")
    c.say(2, "What's wrong with them?", "Oh dear. What's happening?")
    c.say(1, {"yellow leaves": "The leaves are turning yellow.", "slugs": "Something is eating the leaves at night.",
              "not enough sun": "They just don't grow.", "too much water": "The roots look rotten."}[prob])
    c.ask(2, 1, *{"yellow leaves": [("When did you last feed them?", "Feed them? I don't think I ever have."), ("Do you use fertiliser?", "No, never. Should I?")],
                  "slugs": [("Have you looked at them at night?", "Yes, there were little holes everywhere in the morning."), ("Are there holes in the leaves?", "Lots of them, yes.")],
                  "not enough sun": [("Where are they planted?", "Behind the shed, in the shade."), ("Do they get much sun?", "Not really, the fence blocks it most of the day.")],
                  "too much water": [("How often do you water them?", "Every day, sometimes twice."), ("Is the soil wet?", "Always. I water them every morning.")]}[prob])
    c.say(2, f"Sounds like {prob}. You should {fix}.", f"I think it's {prob}. Try to {fix}.")
    swap = c.chance(0.5)
    if swap:
        c.say(1, "I'll try that. Would you like some of my seeds in return?", "Thanks. Do you want some of my seedlings? I have too many.")
        c.say(2, "Oh, yes please!", "I'd love some.")
    c.sum(f"{c.ref(1)} has problems with the {bare} in {c.his(1)} garden, and {c.ref(2)} thinks the cause is {prob} and suggests that {c.ref(1)} {fix}."
          + (f" {c.ref(1)} offers {c.ref(2)} something from {c.his(1)} garden in return." if swap else ""),
          f"The {bare} in {c.ref(1)}'s garden [are struggling|look terrible]; {c.ref(2)} blames {prob} and advises {c.him(1)} to {fix}."
          + (f" In return, {c.ref(1)} offers some seeds or seedlings." if swap else ""),
          f"{c.ref(2)} [thinks|reckons] {prob} is [hurting|the trouble with] the {bare} in {c.ref(1)}'s garden and [tells|advises] {c.him(1)} to {fix}.",
          f"{c.ref(1)} [asks|gets advice from] {c.ref(2)} about the {bare}; the [diagnosis|verdict] is {prob}, and the advice is to {fix}.")


def family(c):
    three = c.chance(0.45)
    chore = c.pick(["the dishes", "the laundry", "the bathroom", "the shopping", "the bins", "the hoovering", "the ironing",
                    "the lawn", "the kitchen floor", "the recycling", "the windows", "the fridge"])
    c.say(1, f"Whose turn is it to do {chore} tonight?", f"Okay, who's doing {chore} tonight?", f"[Right|So], {chore}. [Whose turn is it tonight?|Who's doing it tonight?]")
    c.say(2, f"Not mine! I did {chore} yesterday.", "I did it on Sunday, so not me.")
    c.say(1, "Are you sure? I remember doing it on Sunday.", "That's not how I remember it.")
    c.say(2, "Positive. You were at the gym, remember?", "Check the calendar if you don't believe me.")
    if three:
        c.say(3, "Don't look at me, I have a maths test tomorrow.", "I have football practice until eight.")
        c.say(1, "Everyone always has an excuse. Let's make a rota.", "Right, that's it. We're making a schedule.")
        c.say(2, "Fine, but I'm not doing the bathroom twice in a row.", "Okay, as long as it's fair.")
        c.say(3, "Can I do the shopping instead of the dishes?", "Can I swap with someone on Fridays?")
        c.say(1, "Yes, we'll put it on the fridge tonight.", "Fine. I'll write it up after dinner.")
        c.sum(f"{c.ref(1)} asks who should do {chore}; {c.ref(2)} and {c.ref(3)} both have excuses, so {c.ref(1)} decides to make a chore rota for the family.",
              f"The family argues about {chore}. {c.ref(1)} will write a fair chore schedule, and {c.ref(3)} asks to swap some tasks.",
              f"Nobody wants to do {chore}: {c.ref(2)} says {c.he(2)} did it last time and {c.ref(3)} [is busy|has plans], so {c.ref(1)} [puts an end to it with|announces] a weekly rota.",
              f"Tired of excuses about {chore}, {c.ref(1)} [insists on|sets up] a chore schedule for the household, which {c.ref(2)} accepts if it is fair.",
              f"Since {c.ref(2)} and {c.ref(3)} [both refuse|each have a reason not] to do {chore}, {c.ref(1)} [draws up|will write] a rota for the whole family.")
    else:
        c.ask(1, 2, ("So what are you doing tonight that's so important?", "I've got a project due tomorrow, honestly."),
              ("Why can't you do it tonight?", "I'm meeting friends at seven. I told you last week."),
              ("And what's your excuse this time?", "It's not an excuse, I'm exhausted after work."))
        c.say(1, "Fine, I'll do it, but you're doing it all weekend.", "Okay, but then you cook on Saturday.")
        c.say(2, "Deal.", "Fair enough.", "[Okay|All right], deal.")
        c.sum(f"{c.ref(1)} and {c.ref(2)} argue about who should do {chore}. {c.ref(1)} agrees to do it tonight in exchange for a favour at the weekend.",
              f"After an argument about {chore}, {c.ref(1)} [takes it on|does it] tonight, and {c.ref(2)} [owes|will return] a favour at the weekend.",
              f"{c.ref(2)} insists {c.he(2)} already did {chore}, so {c.ref(1)} [reluctantly|grudgingly] [does|takes over] the job tonight, but {c.ref(2)} must [help|pay it back] at the weekend.",
              f"Whose turn it is to do {chore} is [disputed|unclear]; in the end {c.ref(1)} [gives in|agrees to do it] on condition that {c.ref(2)} takes over at the weekend.",
              f"{c.ref(1)} [ends up doing|will do] {chore} tonight, but only if {c.ref(2)} [does a job|takes a turn] at the weekend.")
    if c.chance(0.4):
        c.say(2, "By the way, Grandma called. She's coming on Sunday.", "Oh, and Aunt Maria is visiting next week.")
        c.say(1, "Then we really need to clean the house.", "[Great|Oh no], then the house needs a [proper|good] clean.")


def dinner_invitation(c):
    day = c.pick(["Friday", "Saturday", "Sunday"])
    c.greet(0.7, 0.55)
    c.say(1, c.hi(1, 2) + f" Would you like to come over for dinner on {day}?", f"We're having a few friends over on {day}. Would you like to join us?")
    c.say(2, "I'd love to! What time?", "That's so kind of you. When?")
    t = c.clock(18, 20)
    c.say(1, f"Around {t}.", f"Come at {t}.")
    diet = c.chance(0.5)
    if diet:
        d = c.pick(["vegetarian", "vegan", "allergic to nuts", "gluten-free", "allergic to shellfish"])
        c.say(2, f"Just so you know, I'm {d}.", f"I should mention that I'm {d}.")
        c.say(1, "No problem at all, I'll make something suitable.", "Thanks for telling me. I'll cook something suitable.")
    c.say(2, "Who else is coming?", "Is it a [big|large] group?")
    c.say(1, "Just a few people from work and my brother.", "Only four of us. Very relaxed.", "A couple of neighbours. You'll like them.")
    c.say(2, "Can I bring anything?", "What can I bring?")
    bring = c.pick(["a bottle of wine", "dessert", "some bread", "a salad", "some cheese", "flowers", "a fruit tart", "some sparkling juice", "a cheesecake"])
    c.say(1, f"Maybe {bring}, if you like.", f"If you insist, {bring} would be nice.")
    c.say(2, "Perfect. I'm looking forward to it.", "Great, see you then!")
    c.sum(f"{c.ref(1)} invites {c.ref(2)} to dinner on {day} at {t}." + (f" {c.ref(2)} is {d}, and {c.ref(1)} will cook accordingly." if diet else "") + f" {c.ref(2)} will bring {bring}.",
          f"{c.ref(2)} accepts {c.ref(1)}'s invitation to dinner on {day} at {t} and will bring {bring}." + (f" {c.ref(2)} mentions being {d}." if diet else ""),
          f"{c.ref(2)} [is invited|gets an invitation] to dinner at {c.ref(1)}'s on {day}, {t}, and [offers|promises] to bring {bring}." + (f" {c.ref(1)} will make something suitable, as {c.ref(2)} is {d}." if diet else ""),
          f"{c.ref(1)} [has|is having] friends over on {day} at {t} and [invites|asks] {c.ref(2)}, who [offers|agrees] to bring {bring}." + (f" {c.ref(2)} is {d}." if diet else ""))


def car_rental(c):
    city = c.pick(CITIES)
    days = c.num(2, 10)
    company = c.pick("QuickDrive", "CityCar Rentals", "Sunrise Car Hire", "RoadStar", "EasyWheels")
    c.say(2, f"Hello, welcome to {company}. How can I help?", f"[Hi|Hello], {company}. How can I help you?")
    c.say(1, f"I'd like to rent a car for {NUMWORDS[days]} days.", f"[Hi|Hello], I need a car for {NUMWORDS[days]} days, to drive around {city}.")
    small, big = c.num(25, 45), c.num(55, 90)
    c.say(2, f"A small car is ${small} a day, an SUV is ${big}.", f"We have compacts at ${small} per day or an SUV at ${big}.")
    suv = c.chance(0.4)
    c.say(1, "The SUV, please, we're four people with luggage." if suv else "The small one is fine.", "SUV, we have lots of bags." if suv else "A compact, [please|thanks].")
    rate = big if suv else small
    c.say(2, "Would you like full insurance? It's fifteen a day.", "Do you want to add insurance? It's fifteen dollars a day.")
    ins = c.chance(0.5)
    c.say(1, "Yes, I'd rather be safe." if ins else "No, my credit card covers it.", "[Yes, please.|Yes, add it.]" if ins else "No, thanks, I'm covered.")
    total = days * (rate + (15 if ins else 0))
    c.say(2, f"So that's ${total} in total. Please return it with a full tank.", f"${total} for {NUMWORDS[days]} days. Bring it back full, please.")
    c.say(1, "Where do I [return|bring back] it?", "Can I drop it off at the airport?")
    c.say(2, "Here, or at our airport office, before six.", "Yes, at the airport office or here, [as you like|whichever is easier].")
    c.goodbye("service", 0.35)
    car = "an SUV" if suv else "a small car"
    c.sum(f"{c.ref(1)} rents {car} from {company} for {NUMWORDS[days]} days at ${rate} a day" + (" with full insurance" if ins else "") + f", paying ${total} in total.",
          f"At {company}, {c.ref(1)} [hires|chooses] {car} for {NUMWORDS[days]} days; " + ("with insurance " if ins else "")
          + f"the total comes to ${total}.",
          f"{c.ref(2)} [offers|quotes] ${small} a day for a small car or ${big} for an SUV, and {c.ref(1)} [goes for|picks] "
          + ("the SUV" if suv else "the small one") + (", adds insurance" if ins else ", skips the insurance") + f" and pays ${total} for {NUMWORDS[days]} days.",
          f"For {NUMWORDS[days]} days of driving, {c.ref(1)} [pays|is charged] ${total} at {company}" + (" including insurance" if ins else "")
          + "; the car must come back with a full tank.",
          f"{c.ref(1)} [needs|wants] a car for {NUMWORDS[days]} days and [takes|goes with] {car}; at ${rate} a day" + (" plus insurance" if ins else "") + f" it [costs|comes to] ${total}.")


SCENARIOS = {
    "returning an item": shopping_return,
    "shopping": shopping_clothes,
    "travel": travel_planning,
    "leisure": leisure_weekend,
    "sports": sports,
    "museum": museum,
    "birthday party": birthday_party,
    "neighbours": neighbours,
    "volunteering": volunteering,
    "wedding plans": wedding_plans,
    "weather/plans": weather_plans,
    "cooking": cooking,
    "gardening": gardening,
    "family": family,
    "dinner invitation": dinner_invitation,
    "car rental": car_rental,
}
