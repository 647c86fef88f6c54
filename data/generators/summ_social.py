"""Scenario scripts: leisure, family, friends and neighbours."""

from summ_common import CITIES, DAYS, MONTHS, STREETS, WEEKDAYS, NUMWORDS, cap, join_and


def shopping_return(c):
    item = c.pick("jacket", "pair of boots", "blender", "lamp", "sweater", "pair of jeans", "kettle", "toaster", "rucksack",
                  "hair dryer", "set of towels", "coffee machine", "raincoat", "pair of headphones", "board game", "desk chair")
    price = c.num(20, 160)
    c.say(2, c.pick("Hi, can I help you?", "Hello, returns desk. What can I do for you?"))
    reason = c.pick("it's too small", "it stopped working after two days", "the colour is different from the website", "it was a gift and I already have one")
    c.smalltalk("service", 0.4, next_who=1)
    c.say(1, f"I'd like to return this {item}. {cap(reason)}.", f"Hi, I bought this {item} last week, but {reason}.")
    c.say(2, "I'm sorry about that. Did you buy it in this store or online?", "Oh, that's a shame. Was it from this branch?")
    c.say(1, c.pick("Here, last Saturday.", "In this store, about a week ago.", "Online, but the website said I could return it here."))
    c.say(2, "Do you have the receipt?", "Have you got the receipt with you?")
    receipt = c.chance(0.65)
    if receipt:
        c.say(1, "Yes, here it is.", "Here you go.")
        refund = c.chance(0.6)
        if refund:
            c.say(2, f"Fine, I'll refund the ${price} to your card.", f"No problem. That's ${price} back on your card.")
            c.sum(f"{c.ref(1)} returns a {item} because {reason.replace(chr(73) + ' already have', c.he(1) + ' already has').replace('it' + chr(39) + 's', 'it is')} and gets a ${price} refund.",
                  f"With the receipt, {c.ref(1)} returns a {item} to the shop and receives ${price} back.")
        else:
            c.say(2, "Would you like to exchange it for another one?", "We could swap it for a different one, if you like.")
            c.say(1, "Yes, let's do that.", "Okay, I'll exchange it.")
            c.sum(f"{c.ref(1)} takes a {item} back to the shop because {reason.replace(chr(73) + ' already have', c.he(1) + ' already has').replace('it' + chr(39) + 's', 'it is')}, and {c.ref(2)} exchanges it.")
        c.goodbye("service", 0.5)
    else:
        c.say(1, "I'm afraid I lost it. But I paid by card.", "No, I threw it away. Is that a problem?")
        c.say(2, "Without a receipt I can only give you store credit.", "I can offer a gift card for the amount, but not cash.")
        c.say(1, c.pick("That's a bit annoying, but okay.", "Fine, a gift card is better than nothing."))
        c.sum(f"{c.ref(1)} wants to return a {item} but has no receipt, so {c.ref(2)} offers only store credit, which {c.ref(1)} accepts.")


def shopping_clothes(c):
    item = c.pick("dress", "suit", "winter coat", "shirt", "blazer", "rain jacket", "jumpsuit", "skirt", "pair of trousers")
    event = c.pick("a wedding", "a job interview", "a hiking trip", "my graduation", "the office party", "a christening",
                   "a trip to Iceland", "my first day at a new job", "a charity gala", "a school reunion")
    c.say(2, "Hi there, are you looking for anything special?", "Can I help you find something?")
    c.say(1, f"I need a {item} for {event}.", f"Yes, I'm looking for a {item}. It's for {event}.")
    size = c.pick(["small", "medium", "large", "38", "42", "10"])
    c.say(2, "Oh, how exciting! When is it?", "Lovely. Is it soon?")
    c.say(1, c.pick("Next Saturday, so I'm a bit late.", "In two weeks. I've been putting it off.", "Tomorrow, believe it or not!"))
    c.say(2, "What size are you?", "Do you know your size?")
    c.say(1, f"Usually {size}.", f"{size}, I think.")
    col = c.pick(["navy", "black", "dark green", "grey", "burgundy", "cream", "light blue", "mustard", "charcoal"])
    c.say(2, f"This one comes in {col}. The fitting rooms are over there.", f"How about this {col} one? Try it on.")
    fits = c.chance(0.55)
    if fits:
        c.say(1, "It fits perfectly. How much is it?", "I love it. What's the price?")
        p = c.num(40, 300)
        sale = c.chance(0.4)
        c.say(2, f"It's ${p}" + (", but it's twenty percent off today." if sale else "."), f"${p}" + (", minus twenty percent in the sale." if sale else "."))
        c.say(1, "I'll take it.", "Great, I'll buy it.")
        c.goodbye("service", 0.5)
        c.sum(f"{c.ref(1)} buys a {col} {item} for {event.replace('my ', c.his(1) + ' ')}. It costs ${p}" + (" before a twenty percent discount." if sale else "."),
              f"{c.ref(2)} helps {c.ref(1)} find a {item} for {event.replace('my ', c.his(1) + ' ')}; {c.ref(1)} buys a {col} one" + (f" at twenty percent off ${p}." if sale else f" for ${p}."))
    else:
        c.say(1, "It's too tight around the shoulders. Do you have a bigger one?", "Hmm, it's a bit long. Is there another size?")
        c.say(2, "Sorry, that's the last one. We'll get more on Tuesday.", "Not in this colour, but we'll have more next week.")
        c.say(1, "I'll come back then.", "Okay, I'll check online as well.")
        c.sum(f"{c.ref(1)} is looking for a {item} for {event.replace('my ', c.his(1) + ' ')}, but the {col} one does not fit and there is no other size in stock.")


def travel_planning(c):
    places = c.sample(CITIES, 2)
    c.greet(0.3, 0.0)
    c.say(1, c.hi(1, 2, 0.5) + " Have you decided where we're going in " + c.pick(MONTHS) + "?", "So, where should we go on holiday this year?")
    c.say(2, f"I'm torn between {places[0]} and {places[1]}.", f"I was thinking {places[0]}. Or maybe {places[1]}.")
    c.ask(1, 2, ("What's the weather like there at that time of year?", "Warm, I think, but not too hot."),
          ("What's the weather like then?", "No idea, I'll have to check."),
          ("Have you been to either of them before?", f"I went to {places[1]} as a student, years ago. I loved it."))
    c.say(1, f"{places[0]} is supposed to be amazing, but flights are expensive.", f"I've always wanted to see {places[1]}.")
    budget = c.num(8, 30) * 100
    c.say(2, f"Our budget is about ${budget:,} for the two of us.", f"We said we'd spend no more than ${budget:,}, right?")
    choose = c.pick(places)
    nights = c.num(3, 10)
    c.say(1, f"Then {choose} makes more sense. We could stay {NUMWORDS[nights]} nights.", f"Let's do {choose}, then. {cap(NUMWORDS[nights])} nights?")
    if c.chance(0.5):
        c.say(2, "Hotel or apartment?", "Should we book a hotel?")
        acc = c.pick(["an apartment", "a hotel near the centre", "a small guesthouse"])
        c.say(1, f"{cap(acc)}. It's cheaper with a kitchen." if acc == "an apartment" else f"{cap(acc)}, so we can walk everywhere.")
    else:
        acc = None
    c.say(2, "Okay. I'll check flight prices tonight.", "I'll check prices this evening.")
    c.sum(f"{c.ref(1)} and {c.ref(2)} discuss whether to go to {places[0]} or {places[1]}. With a budget of ${budget:,}, they choose {choose} for {NUMWORDS[nights]} nights" + (f" and want {acc}." if acc else "."),
          f"Planning their holiday, {c.ref(1)} and {c.ref(2)} pick {choose} over {[p for p in places if p != choose][0]}, for {NUMWORDS[nights]} nights on a ${budget:,} budget. {c.ref(2)} will check prices tonight.")


def leisure_weekend(c):
    act = c.pick("go to the cinema", "try the new climbing wall", "have a picnic in the park", "go to a jazz concert", "visit the flea market", "go bowling",
                 "go ice skating", "try the new ramen place", "go to a pub quiz", "rent bikes and ride along the river", "see a comedy show",
                 "go to the food festival", "play tennis", "visit the botanical garden", "go kayaking", "try an escape room")
    day = c.pick(["Saturday", "Sunday", "Friday evening"])
    c.greet(0.6, 0.6)
    c.say(1, c.hi(1, 2) + f" Are you free on {day}?", f"What are you up to on {day}?")
    c.say(2, "Nothing planned yet. Why?", "I don't know yet. What did you have in mind?")
    c.say(1, f"I thought we could {act}.", f"Do you want to {act}?")
    if c.chance(0.6):
        c.ask(2, 1, ("Have you done that before?", "Once, with my cousins. It was really fun."),
              ("Have you ever done that?", "Never, but my colleagues keep talking about it."),
              ("Oh, I haven't done that in years. Is it still fun?", "Yes, I went last summer. You'll love it."))
    no = c.chance(0.35)
    if no:
        c.say(2, f"I'd love to, but I promised to help my {c.pick(['sister', 'dad', 'neighbour'])} move.", "Ugh, I can't. I have to work.")
        alt = c.pick(["next weekend", "Sunday afternoon", "Thursday evening"])
        c.say(1, f"Oh, what a shame. Maybe {alt}?", "No worries. Another time then?")
        c.say(2, f"Yes, {alt} works." if "?" in c.turns[-1][1] and alt in c.turns[-1][1] else "Definitely. Let's plan something soon.")
        c.sum(f"{c.ref(1)} invites {c.ref(2)} to {act} on {day}, but {c.ref(2)} is busy." + (f" They agree to go {alt} instead." if alt in c.turns[-2][1] else " They will plan something later."))
    else:
        t = c.clock(10, 20)
        meet = c.pick(["at the station", "outside my flat", "at the cafe on " + c.pick(STREETS), "by the fountain"])
        c.say(2, "Sounds fun! What time?", "Great idea. When and where?")
        c.say(1, f"Let's meet {meet} at {t}.", f"How about {t}, {meet}?")
        if c.chance(0.5):
            c.ask(2, 1, ("Should I bring anything?", "Just bring some cash."),
                  ("Can I bring my cousin? She's visiting.", "Sure, the more the merrier."),
                  ("Should I bring something?", "Maybe some snacks."))
        c.say(2, "Perfect, see you then.", "Great, it's a plan.")
        c.sum(f"{c.ref(1)} and {c.ref(2)} will {act} on {day}. They will meet {meet.replace('my flat', c.ref(1) + chr(39) + 's flat')} at {t}.",
              f"{c.ref(1)} suggests that they {act} on {day}, and {c.ref(2)} agrees to meet {meet.replace('my flat', c.ref(1) + chr(39) + 's flat')} at {t}.")


def sports(c):
    team_a, team_b = c.sample(["United", "Rovers", "City", "the Tigers", "the Hawks", "Athletic", "the Lions", "the Falcons",
                               "Wanderers", "Albion", "the Sharks", "Rangers", "the Wolves", "Olympic", "the Bears"], 2)
    c.greet(0.5, 0.3)
    c.say(1, c.hi(1, 2) + " Did you watch the match last night?", "Did you see the game yesterday?")
    a, b = c.num(0, 4), c.num(0, 4)
    if a == b:
        res = f"it was a {a}-{b} draw"
    else:
        res = f"{team_a} beat {team_b} {max(a, b)}-{min(a, b)}"
    c.say(2, f"Of course! I can't believe {res}.", f"Yes, {res}. What a game!")
    ref_talk, agree = c.chance(0.6), c.chance(0.5)
    if ref_talk:
        c.say(1, "The referee was terrible in the second half.", "That referee should never have given that penalty.")
        c.say(2, "Totally agree. Awful decisions." if agree else "Really? I thought he was fair, actually.", "I know, it was ridiculous." if agree else "Come on, you're just upset.")
    else:
        agree = True
        c.say(1, "That goal in the last minute was unbelievable.", "What about that save in the first half?")
        c.say(2, "I know! I jumped off the sofa.", "Incredible. Best game this season.")
    c.say(1, c.pick("Who did you watch it with?", "Where did you watch it?"))
    c.say(2, c.pick("At the pub with my brother. It was packed.", "At home, on my own. My neighbours heard me shouting.", "At a friend's place. We ordered pizza."))
    play = c.chance(0.6)
    if play:
        day = c.pick(WEEKDAYS)
        c.say(1, f"Anyway, are you coming to five-a-side on {day}?", f"By the way, we need one more player for {day}. Are you in?")
        knee = c.chance(0.4)
        if knee:
            c.say(2, "I'd like to, but my knee still hurts from last week.", "Not this week, my ankle is still sore.")
            c.say(1, "Rest it, then. We'll find someone else.")
        else:
            c.ask(2, 1, ("Definitely. Same time, seven o'clock?", "Yes, at the sports centre."),
                  ("Count me in. Where are we playing?", "At the usual pitch, seven o'clock."))
    c.sum(f"{c.ref(1)} and {c.ref(2)} talk about last night's match, in which {res}" + ("." if agree else "; they disagree about the referee."),
          f"{c.ref(1)} and {c.ref(2)} discuss yesterday's game: {res}.")
    if play:
        c.sum(f"{c.ref(2)} cannot play five-a-side on {day} because of an injury." if knee else f"{c.ref(2)} will play five-a-side on {day}.")


def museum(c):
    mus = c.pick("the City Museum", "the Modern Art Gallery", "the Natural History Museum", "the Maritime Museum", "the Science Centre",
                 "the Railway Museum", "the Textile Museum", "the National Portrait Gallery", "the Museum of Childhood", "the Design Museum")
    c.say(2, f"Welcome to {mus}. How can I help?", f"Hello, welcome to {mus}. Tickets?")
    c.smalltalk("service", 0.4, next_who=1)
    adults, kids = c.num(1, 2), c.num(0, 3)
    c.say(1, f"{cap(NUMWORDS[adults])} adult{'s' if adults > 1 else ''}" + (f" and {NUMWORDS[kids]} child{'ren' if kids > 1 else ''}" if kids else "") + ", please.",
          f"Tickets for {NUMWORDS[adults]} adult{'s' if adults > 1 else ''}" + (f" and {NUMWORDS[kids]} kid{'s' if kids > 1 else ''}" if kids else "") + ", please.")
    ap, kp = c.num(10, 22), c.num(4, 9)
    total = adults * ap + kids * kp
    c.say(2, f"Adults are ${ap}" + (f" and children ${kp}" if kids else "") + f", so ${total} in total.", f"That's ${total} altogether.")
    exh = c.pick(["the dinosaur exhibition", "the Egyptian collection", "the photography exhibition", "the space exhibition", "the Van Gogh exhibition",
                  "the Viking exhibition", "the robot exhibition", "the Frida Kahlo exhibition", "the ocean gallery", "the medieval armour collection"])
    c.say(1, f"Is {exh} included?", f"Can we see {exh} with these tickets?")
    extra = c.chance(0.5)
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
        c.say(1, "Great, we'll join it.")
    c.say(1, "Is there a cafe?", "Where's the cloakroom?")
    c.say(2, c.pick("On the ground floor, next to the shop.", "Just down the stairs on the left."))
    c.goodbye("service", 0.5)
    c.sum(f"{c.ref(1)} buys museum tickets at {mus} for ${total}. " + (f"{cap(exh)} costs extra, and {c.ref(1)} " + ("pays for it." if take else "decides to skip it.") if extra else f"{cap(exh)} is included.") + (f" They will join the free tour at {t}." if tour else ""))


def birthday_party(c):
    who = c.pick(["Mum", "Dad", "Grandma", "Grandpa", "our sister", "our brother", "Uncle Pete", "Aunt Rosa", "Jenny", "Marco", "Auntie Grace"])
    whose = who.replace("our ", "their ")  # the summary speaks about them, not as them
    age = c.pick(["40th", "60th", "70th", "30th", "50th"])
    three = c.chance(0.4)
    c.say(1, f"{who.replace('our', 'Our')}'s {age} birthday is in two weeks. We need to plan something.", f"Have you thought about {who}'s {age}? It's coming up soon.")
    c.say(2, "I know! A surprise party?", "I was thinking a surprise party.")
    venue = c.pick(["at our place", "in the back room of the pub", "at a restaurant", "in the garden", "at the sailing club",
                    "in the community hall", "on a river boat", "at the bowling alley"])
    venue_s = venue.replace("our place", "their place")
    c.say(1, f"Yes, maybe {venue}.", f"Let's do it {venue}.")
    guests = c.num(12, 45)
    c.say(2, f"How many people? I think about {guests}.", f"We'd have maybe {guests} guests.")
    if three:
        c.say(3, "Don't forget the cake! I can make it.", "I'll handle the cake. Chocolate, right?")
        c.say(1, "Perfect, thanks.", "That would be great.")
    c.say(1, "What should we get as a present?", "And a present? Any ideas?")
    gift = c.pick(["a weekend away", "a new bike", "a photo album with old pictures", "concert tickets"])
    c.say(2, f"What about {gift}? We could all chip in.", f"I was thinking {gift}, from all of us.")
    c.say(1, "Love it." if c.chance(0.6) else "Hmm, maybe. Let's think about it.")
    c.say(1, "I'll send the invitations. Can you book the music?", "I'll do the invitations, you do the decorations?")
    c.say(2, "Deal. What about the budget?", "Sure. How much should we spend?")
    bud = c.num(3, 12) * 100
    c.say(1, f"Let's keep it under ${bud}.", f"No more than ${bud}, all right?")
    c.sum(f"{c.ref(1)} and {c.ref(2)} organise a surprise party for {whose}'s {age} birthday. It will be {venue_s}, with about {guests} guests and no more than ${bud} to spend." + (f" {c.ref(3)} will make the cake." if three else ""),
          f"{whose}'s {age} birthday is in two weeks, so {c.ref(1)} and {c.ref(2)} decide to throw a surprise party {venue_s}. {c.ref(1)} will send the invitations, and the budget is ${bud}.",
          f"{c.ref(1)} and {c.ref(2)} plan a surprise party for {whose}'s {age} birthday {venue_s} with about {guests} guests and a budget of ${bud}." + (f" {c.ref(3)} will make the cake." if three else ""),
          f"They are planning {whose}'s {age} birthday: a surprise party {venue_s} for about {guests} people, costing under ${bud}. {c.ref(1)} will send the invitations." + (f" {c.ref(3)} offers to make the cake." if three else ""))


def neighbours(c):
    c.say(1, c.hi(1, 2, 0.6) + f" I'm your neighbour from number {c.num(2, 40)}. Sorry to bother you.", "Hi, sorry, do you have a minute? I live next door.")
    c.say(2, "Not at all. What's up?", "Sure, is everything okay?")
    if c.chance(0.5):
        c.say(1, "First of all, thanks for taking in my parcel last week.", "Oh, before I forget, thanks for watering my plants in the summer.")
        c.say(2, "No problem at all.", "Oh, it was nothing.")
    prob = c.pick(["music", "hedge", "parking", "bins"])
    if prob == "music":
        c.say(1, "It's the music at night. Last night it went on until two.", "The music has been quite loud late at night.")
        c.say(2, "Oh, I'm really sorry. It was my flatmate's birthday.", "Sorry, I didn't realise you could hear it.")
        c.say(1, "I start work at six, so I need to sleep.", "I have a baby, so it's hard.")
        c.say(2, "I understand. We'll keep it down after ten from now on.", "It won't happen again. Music off by ten.")
        c.say(1, "Thank you, I appreciate it.", "Thanks, I didn't want to make a big deal of it.")
        c.sum(f"{c.ref(1)} complains to {c.ref(2)} about loud music late at night, and {c.ref(2)} apologises and promises to keep it quiet after ten.")
    elif prob == "hedge":
        c.say(1, "Your hedge is growing over the fence into my garden.", "The hedge is blocking the light in my kitchen.")
        c.say(2, "I didn't notice. I'll cut it this weekend.", "Oh no, I'll trim it on Saturday.")
        if c.chance(0.5):
            c.say(1, "I can lend you my hedge trimmer if you want.", "I've got an electric trimmer you can borrow.")
            c.say(2, "That would be great, thanks.")
            c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.his(2)} hedge is growing into {c.his(1)} garden. {c.ref(2)} will cut it at the weekend with {c.ref(1)}'s trimmer.")
        else:
            c.sum(f"{c.ref(1)} complains that {c.ref(2)}'s hedge is too big, and {c.ref(2)} agrees to trim it on Saturday.")
    elif prob == "parking":
        c.ask(1, 2, ("Someone keeps parking a blue van across my driveway.", "That's my brother's. He's staying with us this week."),
              ("Is the white car in front of my driveway yours?", "Yes, my son's. I'm sorry."))
        c.say(1, "I couldn't get my car out this morning and was late for work.", "I need to get out early.")
        c.say(2, "I'll tell him to park on the street.", "I'll move it right now.")
        c.sum(f"{c.ref(1)} complains that a relative of {c.ref(2)} is blocking {c.his(1)} driveway, and {c.ref(2)} promises it will be moved.")
    else:
        old, day = c.sample(WEEKDAYS, 2)
        c.say(1, f"Just a reminder, the bins are collected on {day} now, not {old}.", f"Did you hear that bin day changed from {old} to {day}?")
        c.say(2, "Oh really? That explains why they were still full.", "No! Thanks for telling me.")
        c.say(1, "Also, we're having a street party next month. Would you like to come?", "We're organising a street party. Do you want to help?")
        yes = c.chance(0.6)
        c.say(2, "I'd love to. I can bake something." if yes else "I'm away that weekend, unfortunately.")
        c.sum(f"{c.ref(1)} tells {c.ref(2)} that the bins are now collected on {day} instead of {old} and invites {c.him(2)} to a street party" + (f"; {c.ref(2)} will bake something." if yes else f", but {c.ref(2)} will be away."))


def volunteering(c):
    org = c.pick(["the food bank", "the animal shelter", "the community garden", "the youth football club", "the library reading club",
                  "the homeless shelter", "the hospital radio", "the beach clean-up group", "the charity shop", "the refugee centre"])
    c.say(1, c.hi(1, 2, 0.5) + f" I saw your poster. I'd like to volunteer at {org}.", f"Hello. I'd like to help out at {org}, if you still need volunteers.")
    c.ask(2, 1, ("That's great! Can I ask what made you interested?", "I've just retired and I want to do something useful."),
          ("Wonderful. What made you want to help?", "A friend told me how rewarding it is."),
          ("Thank you! Have you volunteered before?", "Yes, I did something similar at university and loved it."),
          ("Have you done any volunteering before?", "No, but I've got more free time since I started working part-time."))
    c.say(2, "Well, we always need help. How much time could you give?", "Lovely. How often could you come?")
    hrs = c.pick(["two", "three", "four"])
    day = c.pick(DAYS)
    c.say(1, f"About {hrs} hours a week, maybe on {day}s.", f"I could do {day} mornings, {hrs} hours or so.")
    task = {"the food bank": "sorting donations", "the animal shelter": "walking the dogs", "the community garden": "watering and weeding",
            "the youth football club": "helping the coach", "the library reading club": "reading with children",
            "the homeless shelter": "serving breakfast", "the hospital radio": "presenting the evening show",
            "the beach clean-up group": "collecting litter on the beach", "the charity shop": "pricing donated clothes",
            "the refugee centre": "teaching English conversation"}[org]
    c.say(2, f"Perfect. Most volunteers start with {task}.", f"On {day}s we need people for {task}.")
    check = task in ("helping the coach", "reading with children")
    if check:
        c.say(2, "Since you'd be working with children, we'll need a background check first.", "You'll need a background check, because it's with kids.")
        c.say(1, "No problem. How long does that take?")
        c.say(2, "About two weeks.")
    c.say(1, "When can I start?", "Is there any training?")
    c.say(2, f"Come in next {day} and we'll show you around.", f"There's a short introduction next {day}.")
    c.sum(f"{c.ref(1)} offers to volunteer at {org} for {hrs} hours a week on {day}s. {c.ref(2)} says {c.he(1)} would start with {task}" + ("; a background check is needed." if check else f", and {c.ref(1)} will come in next {day}."),
          f"{c.ref(1)} will volunteer at {org}, {task}, about {hrs} hours each {day}." + (" A background check is required first." if check else ""))


def wedding_plans(c):
    three = c.chance(0.35)
    mon = c.pick(MONTHS)
    c.say(1, f"We need to decide on the venue this week if we want a {mon} wedding.", f"The wedding's in {mon}. We still haven't booked a venue!")
    a, b = c.sample(["the old barn outside town", "the hotel by the lake", "the botanical garden", "Aunt Rosa's farm", "the city hall",
                     "the castle in the hills", "the vineyard near " + c.pick(CITIES), "the beach club", "the old library", "the golf club"], 2)
    c.say(2, f"I like {a}, but {b} is cheaper.", f"I keep going back and forth between {a} and {b}.")
    pa, pb = c.num(8, 20) * 500, c.num(3, 7) * 500
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
    a_s, b_s, ch_s = a, b, choice
    c.sum(f"{c.ref(1)} and {c.ref(2)} are planning a {mon} wedding with {guests} guests and compare {a_s}, which costs ${pa:,}, with {b_s}, which costs ${pb:,}.",
          f"Planning their wedding in {mon}, {c.ref(1)} and {c.ref(2)} weigh {a_s} (${pa:,}) against {b_s} (${pb:,}).",
          f"The wedding is in {mon}, and {guests} guests are invited; {c.ref(1)} and {c.ref(2)} still have to choose between {a_s} at ${pa:,} and {b_s} at ${pb:,}.",
          f"{c.ref(1)} reminds {c.ref(2)} that they must book a venue for their {mon} wedding; the options are {a_s}, costing ${pa:,}, and the cheaper {b_s}, at ${pb:,}." if pb < pa else
          f"{c.ref(1)} and {c.ref(2)} must pick a venue for their {mon} wedding of {guests} guests: {a_s} or {b_s}.")
    if three:
        c.sum(f"{c.ref(3)} raises a concern, and in the end they choose {ch_s}.", f"After {c.ref(3)} points out a problem, the couple settles on {ch_s}.")
    else:
        c.sum(f"They choose {ch_s}, and {c.ref(2)} will book it tomorrow.", f"They settle on {ch_s}; {c.ref(2)} will call the venue tomorrow.",
              f"In the end they go for {ch_s}.")


def weather_plans(c):
    plan = c.pick(["the barbecue", "our hike", "the beach trip", "the football match", "the garden party", "the boat trip",
                   "the outdoor concert", "our bike ride", "the school fair", "the picnic with the kids", "our camping trip"])
    day = c.pick(["tomorrow", "Saturday", "Sunday"])
    day_on = day if day == "tomorrow" else "on " + day
    c.greet(0.7, 0.6)
    c.say(1, f"Have you seen the forecast for {day}?", f"Did you check the weather for {day}?")
    w = c.pick(["heavy rain all day", "thunderstorms in the afternoon", "sunny and 28 degrees", "strong winds and showers"])
    c.say(2, f"Yes, {w}.", f"They say {w}.")
    c.ask(1, 2, ("Are you sure? It was lovely this morning.", "I checked two different websites. They both say the same."),
          ("Which app are you using? Mine says something different.", "The national weather service. They're usually right."),
          ("Really? Where did you see that?", "On the news last night."))
    bad = not w.startswith("sunny")
    if bad:
        c.say(1, f"So what do we do about {plan}?", f"That ruins {plan}.")
        alt, alt_sum = c.pick(("move it to next weekend", f"move {plan.replace('our ', 'their ')} to next weekend"),
                              ("do it indoors at my place", f"hold it indoors at {c.ref(2)}'s place"),
                              ("go to the cinema instead", "go to the cinema instead"),
                              ("start early, before the rain", "start early, before the bad weather"))
        c.say(2, f"We could {alt}.", f"Why don't we {alt}?")
        ok = c.chance(0.7)
        if ok:
            c.say(1, "Good idea. I'll tell the others.", "Fine, I'll message everyone.")
            c.sum(f"The forecast for {day} is {w}, so {c.ref(1)} and {c.ref(2)} decide to {alt_sum}." if "instead" not in alt else f"Because of {w} {day_on}, {c.ref(1)} and {c.ref(2)} decide to {alt_sum.replace(' instead', '')} instead of {plan.replace('our ', 'their ')}.",
                  f"{c.ref(2)} says the forecast for {day} is {w}, and they agree to {alt_sum}.")
        else:
            c.say(1, "Let's wait and check again tomorrow morning. Forecasts change.", "I'd rather wait. It might change.")
            c.say(2, "Okay, but have a backup plan.")
            c.sum(f"The forecast for {day} is {w}. {c.ref(2)} suggests that they {alt_sum}, but {c.ref(1)} prefers to check the forecast again before changing {plan.replace('our ', 'their ')}.")
    else:
        c.say(1, "Perfect! Then " + plan + " is on.", "Great, no excuses then.")
        c.say(2, "Don't forget sun cream.", "I'll bring the cool box.")
        c.say(1, "Good thinking. I'll bring drinks and some snacks.", "And I'll bring the umbrella for shade.")
        c.sum(f"The forecast for {day} is {w}, so {plan.replace('our ', 'their ')} will go ahead as planned.",
              f"{c.ref(1)} and {c.ref(2)} are happy that the weather {day_on} will be {w}, so {plan.replace('our ', 'their ')} can happen.")


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
}


def cooking(c):
    dish = c.pick(list(RECIPES))
    plain = dish.replace("a ", "", 1) if dish.startswith("a ") else dish
    pool, method = RECIPES[dish]
    c.greet(0.4, 0.4)
    c.ask(1, 2, (c.hi(1, 2) + f" How do you make your {plain}? It was delicious last time.", "It's easy, really. " + c.pick("The secret is patience.", "Don't tell anyone, but it's my grandmother's recipe.")),
          (f"Can you teach me your {plain} recipe?", "Sure! It's simpler than it looks."),
          (f"Everyone loved your {plain} at the party. What's in it?", "Oh, thank you! Nothing fancy, honestly."))
    ing = c.sample(pool, 3)
    c.say(2, f"You need {join_and(ing)}, plus the usual things.", f"First get {join_and(ing)}.")
    if method == "oven":
        mins, temp = c.pick(["forty", "twenty-five", "fifty", "thirty", "forty-five"]), c.pick(["180", "200", "170", "160"])
        c.say(1, "And how long does it go in the oven?", "How long does it bake?")
        c.say(2, f"About {mins} minutes at {temp} degrees.", f"{cap(mins)} minutes, {temp} degrees.")
        how = f"bakes for about {mins} minutes at {temp} degrees"
        how2 = f"{mins} minutes in the oven at {temp} degrees"
    else:
        mins = c.pick(["twenty", "thirty", "forty", "an hour and a half" if "stew" in dish else "fifteen"])
        c.say(1, "How long does it cook?", "And how long on the stove?")
        unit = "" if mins.startswith("an") else " minutes"
        c.say(2, f"About {mins}{unit}, on a low heat.", f"{cap(mins)}{unit}. Don't rush it.")
        how = f"cooks on the hob for about {mins}{unit}"
        how2 = f"about {mins}{unit} on the stove"
    if c.chance(0.5):
        c.say(1, "Can I make it without " + ing[0] + "?", f"I don't have {ing[0]}. Is that a problem?")
        c.say(2, "You could, but it won't taste the same.", "It's fine, just use a bit more of the rest.")
    c.say(1, "I'll try it this weekend.", "Thanks! I'll let you know how it turns out.")
    c.sum(f"{c.ref(2)} explains to {c.ref(1)} how to make {dish}: it needs {join_and(ing)} and {how}.",
          f"{c.ref(1)} asks for {c.ref(2)}'s {plain} recipe. The ingredients include {join_and(ing)}, and it takes {how2}.",
          f"{c.ref(2)} shares a recipe for {dish} with {c.ref(1)}, who will try it at the weekend. It uses {join_and(ing)} and {how}.")


def gardening(c):
    plant = c.pick(["tomatoes", "roses", "strawberries", "the lemon tree", "the herbs", "the lawn", "courgettes", "the sunflowers",
                    "the apple tree", "lettuces", "the tulips", "the chillies", "the blueberry bushes"])
    c.greet(0.5, 0.5)
    c.say(1, c.hi(1, 2) + f" Your garden looks amazing. My {plant} are a disaster this year." if not plant.startswith("the") else f"Your garden is lovely. Mine is struggling, especially {plant}.",
          f"Can I ask your advice? {cap(plant)} in my garden look terrible.")
    prob = c.pick(["yellow leaves", "slugs", "not enough sun", "too much water"])
    c.say(2, "Thank you! It's a lot of work, though.", "Oh, thanks. I spend every weekend out here.")
    c.say(2, "What's wrong with them?", "Oh dear. What's happening?")
    c.say(1, {"yellow leaves": "The leaves are turning yellow.", "slugs": "Something is eating the leaves at night.", "not enough sun": "They just don't grow.", "too much water": "The roots look rotten."}[prob])
    fix = {"yellow leaves": "feed them once a week", "slugs": "put down crushed eggshells to stop the slugs", "not enough sun": "move them somewhere sunnier", "too much water": "water them less"}[prob]
    c.ask(2, 1, *{"yellow leaves": [("When did you last feed them?", "Feed them? I don't think I ever have."), ("Do you use fertiliser?", "No, never. Should I?")],
                  "slugs": [("Have you looked at them at night?", "Yes, there were little holes everywhere in the morning."), ("Are there holes in the leaves?", "Lots of them, yes.")],
                  "not enough sun": [("Where are they planted?", "Behind the shed, in the shade."), ("Do they get much sun?", "Not really, the fence blocks it most of the day.")],
                  "too much water": [("How often do you water them?", "Every day, sometimes twice."), ("Is the soil wet?", "Always. I water them every morning.")]}[prob])
    c.say(2, f"Sounds like {prob}. You should {fix}.", f"I think it's {prob}. Try to {fix}.")
    if c.chance(0.5):
        c.say(1, "I'll try that. Would you like some of my seeds in return?", "Thanks. Do you want some courgettes? I have too many.")
        c.say(2, "Oh, yes please!", "I'd love some.")
        swap = True
    else:
        swap = False
    c.sum(f"{c.ref(1)} has problems with {plant.replace('the ', '')} in {c.his(1)} garden, and {c.ref(2)} thinks the cause is {prob} and suggests that {c.ref(1)} {fix}." + (f" {c.ref(1)} offers {c.ref(2)} something from {c.his(1)} garden in return." if swap else ""))


def family(c):
    three = c.chance(0.45)
    chore = c.pick(["the dishes", "the laundry", "the bathroom", "the shopping", "the bins", "the hoovering", "the ironing",
                    "the lawn", "the kitchen floor", "the recycling"])
    c.say(1, f"Whose turn is it to do {chore}?", f"Okay, who's doing {chore} tonight?")
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
              f"The family argues about {chore}. {c.ref(1)} will write a fair chore schedule, and {c.ref(3)} asks to swap some tasks.")
    else:
        c.ask(1, 2, ("So what are you doing tonight that's so important?", "I've got a project due tomorrow, honestly."),
              ("Why can't you do it tonight?", "I'm meeting friends at seven. I told you last week."),
              ("And what's your excuse this time?", "It's not an excuse, I'm exhausted after work."))
        c.say(1, "Fine, I'll do it, but you're doing it all weekend.", "Okay, but then you cook on Saturday.")
        c.say(2, "Deal.", "Fair enough.")
        c.sum(f"{c.ref(1)} and {c.ref(2)} argue about who should do {chore}. {c.ref(1)} agrees to do it tonight in exchange for a favour at the weekend.")
    if c.chance(0.4):
        c.say(2, "By the way, Grandma called. She's coming on Sunday.", "Oh, and Aunt Maria is visiting next week.")
        c.say(1, "Then we really need to clean the house.")


def dinner_invitation(c):
    day = c.pick(["Friday", "Saturday", "Sunday"])
    c.greet(0.7, 0.6)
    c.say(1, c.hi(1, 2) + f" Would you like to come over for dinner on {day}?", f"We're having a few friends over on {day}. Would you like to join us?")
    c.say(2, "I'd love to! What time?", "That's so kind of you. When?")
    t = c.clock(18, 20)
    c.say(1, f"Around {t}.", f"Come at {t}.")
    diet = c.chance(0.5)
    if diet:
        d = c.pick(["vegetarian", "vegan", "allergic to nuts", "gluten-free"])
        c.say(2, f"Just so you know, I'm {d}.", f"I should mention that I'm {d}.")
        c.say(1, "No problem at all, I'll make something suitable.", "Thanks for telling me. I'll cook a big risotto then.")
    c.say(2, "Who else is coming?", "Is it a big group?")
    c.say(1, c.pick("Just a few people from work and my brother.", "Only four of us. Very relaxed.", "A couple of neighbours. You'll like them."))
    c.say(2, "Can I bring anything?", "What can I bring?")
    bring = c.pick(["a bottle of wine", "dessert", "some bread", "a salad", "some cheese", "flowers", "a fruit tart", "some sparkling juice"])
    c.say(1, f"Maybe {bring}, if you like.", f"If you insist, {bring} would be nice.")
    c.say(2, "Perfect. I'm looking forward to it.", "Great, see you then!")
    c.sum(f"{c.ref(1)} invites {c.ref(2)} to dinner on {day} at {t}." + (f" {c.ref(2)} is {d}, and {c.ref(1)} will cook accordingly." if diet else "") + f" {c.ref(2)} will bring {bring}.",
          f"{c.ref(2)} accepts {c.ref(1)}'s invitation to dinner on {day} at {t} and will bring {bring}." + (f" {c.ref(2)} mentions being {d}." if diet else ""))


def car_rental(c):
    city = c.pick(CITIES)
    days = c.num(2, 10)
    c.say(2, "Hello, welcome to QuickDrive. How can I help?", "Hi, how can I help you?")
    c.say(1, f"I'd like to rent a car for {NUMWORDS[days]} days.", f"Hi, I need a car for {NUMWORDS[days]} days, to drive around {city}.")
    small, big = c.num(25, 45), c.num(55, 90)
    c.say(2, f"A small car is ${small} a day, an SUV is ${big}.", f"We have compacts at ${small} per day or SUVs at ${big}.")
    suv = c.chance(0.4)
    c.say(1, "The SUV, please, we're four people with luggage." if suv else "The small one is fine.", "SUV, we have lots of bags." if suv else "A compact, please.")
    rate = big if suv else small
    c.say(2, "Would you like full insurance? It's fifteen a day.", "Do you want to add insurance?")
    ins = c.chance(0.5)
    c.say(1, "Yes, I'd rather be safe." if ins else "No, my credit card covers it.")
    total = days * (rate + (15 if ins else 0))
    c.say(2, f"So that's ${total} in total. Please return it with a full tank.", f"${total} for {NUMWORDS[days]} days. Bring it back full, please.")
    c.say(1, "Where do I return it?", "Can I drop it off at the airport?")
    c.say(2, "Here, or at our airport office, before six.", "Yes, at the airport office or here, as you like.")
    c.goodbye("service", 0.4)
    c.sum(f"{c.ref(1)} rents {'an SUV' if suv else 'a small car'} for {NUMWORDS[days]} days at ${rate} a day" + (" with full insurance" if ins else "") + f", paying ${total} in total.")


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
