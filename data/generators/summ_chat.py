"""Scenario scripts: everyday chats between people who know each other (illness, news, habits,
the commute, a hospital visit) and a telephone message taken for someone who is out.

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

from summ_common import CITIES, FEMALE, MALE, WEEKDAYS, cap


def _pro(female):
    """he / his / him for a third person."""
    return ("she", "her", "her") if female else ("he", "his", "him")


# --------------------------------------------------------------------------- feeling unwell
# symptom group: (symptoms, {likely cause: remedies that fit it}, remedies that fit any cause); every cause fits
# "maybe it's ...", every remedy "you should ...".
UNWELL = {
    "head": (["a terrible headache", "a nasty headache", "a pounding headache", "dizzy spells", "a migraine"],
             {"dehydration": ["drink plenty of water"], "too much time at the computer": ["take a break from the screen", "get an eye test"],
              "the heat": ["drink plenty of water", "lie down in a dark room"], "a lack of sleep": ["get an early night"],
              "all the stress at work": ["take a few days off", "get an early night"], "the bright lights in the office": ["get an eye test", "lie down in a dark room"],
              "too much coffee": ["switch to water for a few days"]},
             ["take a paracetamol and rest", "see a doctor", "lie down in a dark room"]),
    "cold": (["a sore throat", "a blocked nose and a cough", "a high temperature", "a bad cold", "a fever and aching muscles",
              "a chesty cough", "an earache"],
             {"the flu that's going round": ["stay in bed for a day or two"], "the bug everyone at the office has": ["stay off work tomorrow"],
              "something the kids brought home from school": ["stay in bed for a day or two"], "getting soaked in the rain": ["have a hot bath"],
              "the air conditioning at work": ["ask to move desks"], "the cold weather": ["wear a scarf", "have a hot bath"]},
             ["have a hot drink with honey and lemon", "take a paracetamol and rest", "ask the pharmacist for something", "see a doctor", "drink plenty of water"]),
    "stomach": (["a stomach ache", "an upset stomach", "stomach cramps", "bad indigestion"],
                {"something from that takeaway": ["eat only plain rice and toast"], "the prawns at the party": ["eat only plain rice and toast"],
                 "a stomach bug": ["stay off work tomorrow", "stay in bed for a day or two"], "too much coffee on an empty stomach": ["eat a proper breakfast"],
                 "the spicy curry": ["skip dinner tonight", "have some peppermint tea"], "the milk that was past its date": ["skip dinner tonight"]},
                ["drink plenty of water", "see a doctor", "ask the pharmacist for something", "have some peppermint tea"]),
    "allergy": (["itchy eyes and a runny nose", "a rash on both arms", "constant sneezing", "swollen, itchy eyes"],
                {"hay fever": ["take an antihistamine", "keep the windows closed"], "the new washing powder": ["change back to the old one"],
                 "the cat at the party": ["take an antihistamine"], "the pollen": ["keep the windows closed", "take an antihistamine"],
                 "the dust in the spare room": ["give the room a good clean"], "the new face cream": ["stop using it for a few days"]},
                ["ask the pharmacist for something", "see a doctor"]),
}
TIMED = ("get an early night", "stay off work tomorrow", "skip dinner tonight", "take a few days off")
UNWELL_SINCE = ["since this morning", "since yesterday", "for two days", "since the weekend", "for three days", "since last night",
                "since Sunday", "for about a week"]


def feeling_unwell(c):
    group = c.branch(*UNWELL)
    symptoms, causes, remedies = UNWELL[group]
    sym, since, cause = c.pick(symptoms), c.pick(UNWELL_SINCE), c.pick(list(causes))
    outcome = c.branch("agree", "busy", "offer")
    fits = [r for r in causes[cause] + remedies if not (outcome == "busy" and r in TIMED)]
    fix = c.pick(fits)
    sym_s = sym.replace("won't", "will not")
    c.greet(0.35, 0.3)
    if c.branch("self", "self", "relative") == "self":
        c.say(1, c.hi(1, 2, 0.5) + " [Are you okay?|Are you all right?] You look [pale|terrible|awful|really tired].",
              "You don't look well. [What's wrong?|Is everything okay?|Are you feeling all right?]",
              "[Hey|Hmm], you've been quiet all [morning|day]. Are you [ill|feeling unwell]?")
        c.say(2, f"[I feel awful.|I'm not great, to be honest.|Oh, it's nothing serious.] I've had {sym} {since}.",
              f"I've had {sym} {since}. [It's horrible.|It's driving me mad.]")
        impact, impact_s = c.pick(("I couldn't sleep last night", "could not sleep"), ("I nearly stayed at home today", "nearly stayed at home"),
                                  ("I had to leave the meeting early", "had to leave a meeting early"), ("I've hardly eaten anything", "has hardly eaten"),
                                  ("I can't concentrate on anything", "cannot concentrate"), ("I almost fainted on the bus", "almost fainted on the bus"),
                                  ("I've already taken two painkillers", "has already taken two painkillers"),
                                  ("I had to cancel my swimming lesson", f"had to cancel {c.his(2)} swimming lesson"))
        c.ask(1, 2, ("Oh no. [Is it bad?|How bad is it?]", f"[Pretty bad.|Bad enough.] {cap(impact)}."),
              ("Is it getting worse?", f"[A bit, yes.|About the same.|It comes and goes.] {cap(impact)}."),
              ("[Poor you.|Oh dear.] [Have you taken anything?|Did you take anything for it?]", f"[Not yet.|Just some tea.] {cap(impact)}, [though|anyway]."))
        c.say(1, f"Maybe it's {cause}. You should {fix}.", f"I bet it's {cause}. [Honestly,|Why don't you] {fix}?".replace("Honestly, " + fix + "?", f"Honestly, {fix}."),
              f"Could it be {cause}? [If I were you, I'd|I think you should] {fix}.")
        if outcome == "agree":
            c.say(2, f"You might be right. [Okay, I'll|I'll] {fix}.", f"[Yes,|Okay,] I think I will. Thanks.")
            c.say(1, "Good. [Let me know how you feel later.|Text me if you need anything.|Take care of yourself.]")
            end = (f"{c.ref(2)} [takes|accepts] the advice.", f"{c.ref(2)} agrees.", f"{c.ref(2)} will [do so|do that].")
        elif outcome == "busy":
            duty = c.pick("a presentation this afternoon", "to finish the monthly report", "my sister's birthday dinner tonight",
                          "to pick the kids up at four", "an exam tomorrow", "a job interview on Thursday", "a delivery to sort out",
                          "three meetings today", "to train the new assistant")
            duty_s = duty.replace("my ", c.his(2) + " ")
            day = c.pick(WEEKDAYS)
            c.say(2, f"I can't, I've got {duty}.", f"[I wish I could,|Not today,] I have {duty}.")
            c.say(1, "Your health comes first, you know.", "[Seriously?|Come on.] Nobody will thank you for being ill.")
            c.say(2, f"I know. If it's not better by {day}, I'll {fix}. [Promise.|I promise.|]",
                  f"Okay, [okay|fine]. If I still feel like this on {day}, I'll {fix}.")
            end = (f"{c.ref(2)} has {duty_s}, so {c.he(2)} will wait until {day}.",
                   f"{c.ref(2)} is too busy [today|for now] because {c.he(2)} has {duty_s}.",
                   f"{c.ref(2)} will only do so if {c.he(2)} still feels ill on {day}.")
        else:
            offer, offer_s = c.pick(("make you some soup", f"make {c.him(2)} some soup"), ("get you something from the chemist", f"get {c.him(2)} something from the chemist"),
                                    ("drive you home", f"drive {c.him(2)} home"), ("tell the boss you've gone home", f"tell the boss that {c.he(2)} has gone home"),
                                    ("take your shift tomorrow", f"take {c.his(2)} shift tomorrow"), ("walk your dog tonight", f"walk {c.his(2)} dog tonight"),
                                    ("bring you some ginger tea", f"bring {c.him(2)} some ginger tea"), ("pick up the kids from school", "pick up the kids from school"),
                                    ("finish that report for you", f"finish {c.his(2)} report"))
            c.say(2, "[Maybe you're right.|I think I will.|Yes, okay.] I just [hate|don't like] leaving things [half done|unfinished].",
                  "[Okay.|All right.] But I still have [so much|a lot] to do.")
            c.say(1, f"Don't worry, I'll {offer}.", f"[Go on.|Listen,] I can {offer}.")
            c.say(2, "[Thanks, you're a star.|That's so kind. Thank you.|You're the best.]")
            end = (f"{c.ref(1)} offers to {offer_s}.", f"{c.ref(1)} will {offer_s}.", f"{c.ref(1)} [kindly offers|promises] to {offer_s}.")
        r1, r2, he2, him2 = c.ref(1), c.ref(2), c.he(2), c.him(2)
        tell = c.r.choice([f"advises {him2} to {fix}", f"tells {him2} to {fix}", f"suggests that {he2} {fix}"])
        e = c.r.choice(end)
        symp = "symptoms" if " and " in sym_s else sym_s.split(" ", 1)[1] if sym_s.startswith(("a ", "an ")) else sym_s
        c.sum(f"{r2} has {sym_s}. {r1} [blames|puts it down to] {cause} and {tell}.",
              f"{r2} has {sym_s}, so {r1} {tell}. " + e,
              f"{r1} thinks {cause} [is to blame for|is behind] {r2}'s {symp}. " + e if outcome != "agree" else
              f"{r1} thinks {cause} [is to blame for|is behind] {r2}'s {symp} and {tell}.",
              f"{r2} [feels ill|is not well] with {sym_s}. {r1} {tell}. " + e,
              f"{r2} {impact_s} because of {sym_s}. {r1} {tell}.")
    else:
        rel, rel_s, fem = c.pick(("my mum", f"{c.his(2)} mother", True), ("my dad", f"{c.his(2)} father", False), ("my little brother", f"{c.his(2)} younger brother", False),
                                 ("my grandmother", f"{c.his(2)} grandmother", True), ("my son", f"{c.his(2)} son", False), ("my daughter", f"{c.his(2)} daughter", True),
                                 ("my husband", f"{c.his(2)} husband", False), ("my wife", f"{c.his(2)} wife", True), ("my flatmate", f"{c.his(2)} flatmate", c.chance(0.5)),
                                 ("my grandad", f"{c.his(2)} grandfather", False), ("my sister", f"{c.his(2)} sister", True))
        he, his, him = _pro(fem)
        c.say(1, c.hi(1, 2, 0.5) + " You seem [worried|distracted]. Is everything okay?", "[What's up?|Is something wrong?] You keep checking your phone.")
        c.say(2, f"It's {rel}. {cap(he)}'s had {sym} {since}.", f"[I'm worried about|Not really. It's] {rel}. {cap(he)}'s had {sym} {since} and it's not going away.")
        questions = [(f"Is {he} eating?", "[Hardly anything.|Just soup.|A bit of toast.]"),
                     (f"Poor thing. Is {he} in bed?", f"[Yes, all day.|No, {he} says {he}'s fine, but {he} isn't.]")]
        if "fever" not in sym and "temperature" not in sym:  # a fever needs no asking about
            questions.append((f"Oh no. Has {he} got a temperature?", "[A little.|I don't think so.|We haven't checked.]"))
        c.ask(1, 2, *questions)
        c.say(1, f"It might be {cause}. [{cap(he)} should|Tell {him} to] {fix}.", f"Sounds like {cause} to me. [I'd tell {him} to|Maybe {he} should] {fix}.")
        plan, plan_s = c.pick((f"take {him} to the doctor's tomorrow", f"take {rel_s} to the doctor's tomorrow"),
                              (f"make sure {he} stays in bed", f"make sure {rel_s} stays in bed"),
                              ("call the doctor's surgery in the morning", "call the doctor's surgery in the morning"),
                              (f"pick up some medicine on the way home", "pick up some medicine on the way home"),
                              (f"go round and check on {him} tonight", f"check on {rel_s} tonight"),
                              (f"ring {him} after work", f"ring {rel_s} after work"))
        c.say(2, f"[You're right.|Good idea.|That makes sense.] I'll {plan}.", f"[Yes.|Hmm, maybe.] I think I'll {plan}.")
        if c.chance(0.5):
            c.say(1, "[Let me know if I can help.|Tell me if you need anything.|I hope it's nothing serious.]",
                  f"[Give {him} my love.|Say hi to {him} from me.]")
        r1, r2, rel_w = c.ref(1), c.ref(2), rel_s.split(" ", 1)[1]
        c.sum(f"{r2} is worried because {rel_s} has {sym_s}. {r2} will {plan_s}.",
              f"{r2} tells {r1} that {rel_s} has {sym_s}. {r1} [blames|suspects] {cause}.",
              f"{r1} thinks {r2}'s {rel_w} should {fix}, and {r2} will {plan_s}.",
              f"{r2}'s {rel_w} has {sym_s}. {r1} [guesses|thinks] the cause is {cause}.",
              f"{r2}'s {rel_w} has {sym_s}, so {r2} [plans|decides] to {plan_s}.")
    c.goodbye("friends", 0.3)


# --------------------------------------------------------------------------- news about friends
def news_about_friends(c):
    friend, fem = c.acquaintance()
    he, his, him = _pro(fem)
    kind = c.branch("engaged", "moving", "job", "baby", "break-up", "house")
    c.greet(0.45, 0.35)
    met = c.chance(0.3)
    if met:
        c.say(1, c.hi(1, 2, 0.5) + f" Guess who I [ran into|bumped into|saw] [yesterday|at the weekend|this morning]? {friend}!")
        c.say(2, f"[Really?|Oh,|Oh, nice!] [How is {he}?|I haven't seen {him} for ages.|How's {he} doing?]")
        if kind == "break-up":
            c.say(1, f"[Not great, actually.|Okay, I think. But {he} had some sad news.]")
        else:
            c.say(1, "[Great, actually. And {he} had big news.|Very well. And guess what?|Good! {cap} had news, too.]".replace("{he}", he).replace("{cap}", cap(he)))
    else:
        c.say(1, c.hi(1, 2, 0.5) + f" Have you heard the news about {friend}?", f"[Did you hear|Has anyone told you] about {friend}?")
        c.say(2, "No! What happened?", "No, [tell me|what's going on]!", f"[No.|Not a thing.] I haven't seen {him} for [ages|months].")
    if kind == "engaged":
        partner, pfem = c.acquaintance(not fem if c.chance(0.85) else fem)
        where = c.pick("on a beach in Portugal", "at the top of a mountain", "in the restaurant where they first met", "on a boat trip",
                       "at the airport", "in front of the whole family at Christmas", "on a hot-air balloon ride", "during a concert",
                       "in the park where they had their first date", "on New Year's Eve")
        when = c.pick("next summer", "in the spring", "in September", "in two years", "next May", "in October", "in June")
        c.say(1, f"{cap(he)}'s engaged! {partner} proposed {where}." if c.chance(0.5) else f"{friend} and {partner} are getting married! {cap(he)} proposed {where}.",
              f"{friend} got engaged to {partner}! It happened {where}.")
        c.say(2, "[That's wonderful!|No way! That's fantastic.|Oh, how romantic!] [When's the wedding?|Have they set a date?]")
        c.say(1, f"{cap(when)}, I think. [They want something small.|It's going to be a big party.|They're still looking for a place.]",
              f"[Probably|They said] {when}.")
        news = f"is engaged to {partner}"
        news_s = f"got engaged to {partner} {where}"
        extra = f"The wedding will be {when}."
        plans = [("send them a card", "send them a card"), ("buy them a bottle of champagne", "buy them a bottle of champagne"),
                 ("take them out for dinner", "take the couple out for dinner"), ("throw them an engagement party", "throw them an engagement party"),
                 (f"call {him} tonight to congratulate {him}", f"call {friend} tonight to congratulate {him}")]
    elif kind == "moving":
        city = c.pick(CITIES)
        why, why_s = c.pick(("for a new job", "for a new job"), (f"to be closer to {his} parents", f"to be closer to {his} parents"),
                            ("because the rent here is too high", "because the rent is too high"), ("to study for a master's degree", "to study for a master's degree"),
                            (f"because {his} partner is from there", f"because {his} partner is from there"), ("to open a little cafe", "to open a little cafe"),
                            ("because the company is moving the whole team", "because the company is moving the whole team"))
        when = c.pick("next month", "in March", "at the end of the summer", "in two weeks", "in the autumn", "before Christmas", "in April")
        c.say(1, f"{cap(he)}'s moving to {city} {when}!", f"{friend} is leaving! {cap(he)}'s moving to {city} {when}.")
        c.say(2, f"{city}? [Wow.|Really?|That's so far!] Why?", f"[Oh no!|Seriously?] Why {city}?")
        c.say(1, f"{cap(why)}.", f"[Apparently|It's] {why}. [{cap(he)}'s really excited.|{cap(he)} seems happy about it.]")
        c.say(2, "[I'll miss|We'll miss] [having|seeing] " + him + " around.", f"That's [great for {him}|a big change], but I'll miss {him}.")
        news = f"is moving to {city} {when}"
        news_s = f"is moving to {city} {when} {why_s}"
        extra = f"{friend} is going {why_s}."
        plans = [(f"throw {him} a leaving party", f"throw {friend} a leaving party"), (f"help {him} pack", f"help {friend} pack"),
                 (f"visit {him} in {city} in the summer", f"visit {friend} in {city} in the summer"),
                 (f"take {him} out for a farewell dinner", f"take {friend} out for a farewell dinner"),
                 (f"give {him} a photo album as a goodbye present", f"give {friend} a photo album as a goodbye present")]
    elif kind == "job":
        job = c.pick("a job as head chef at a hotel", "a teaching job at the primary school", "a nursing job at the children's hospital",
                     "a job at a games company", "a job with the city council", "a place on a graduate scheme at a bank", "a job at the airport",
                     "a job as a radio presenter", "a job at the zoo", "a job as a park ranger", "a job at a big law firm", "a job designing gardens")
        start = c.pick("on Monday", "next month", "in two weeks", "after the summer", "in January", "next week")
        c.say(1, f"{cap(he)} got {job}! {cap(he)} starts {start}.", f"{friend} finally found a job! {cap(job)}. {cap(he)} starts {start}.")
        c.ask(2, 1, ("[Good for " + him + "!|That's brilliant!] Was it hard to get?", f"[Very.|Yes,] {he} had [three|four|five] interviews."),
              ("[That's great news!|Finally!] Is it well paid?", f"Better than {his} old job, {he} says."),
              ("Oh, that's perfect for " + him + ". How did " + he + " find it?", "Through a friend, [I think|apparently]."))
        news = f"has got {job}"
        news_s = f"has got {job} and starts {start}"
        extra = f"{cap(he)} starts {start}."
        plans = [(f"take {him} out for a drink on Friday", f"take {friend} out for a drink on Friday"), (f"send {him} a card", f"send {friend} a card"),
                 (f"call {him} to say congratulations", f"call {friend} to congratulate {him}"),
                 (f"buy {him} a plant for the new office", f"buy {friend} a plant for the new office"),
                 (f"cook {him} a celebration dinner", f"cook {friend} a celebration dinner")]
    elif kind == "baby":
        girl = c.chance(0.5)
        name = c.branch(*[n for n in (FEMALE if girl else MALE) if n not in {p.first for p in c.people.values()} | {friend}])
        born = c.pick("last night", "on Tuesday", "yesterday morning", "on Sunday", "early this morning", "on Friday night")
        c.say(1, f"{cap(he)} had the baby! A little {'girl' if girl else 'boy'}, born {born}." if fem
              else f"{cap(he)}'s a dad! {cap(his)} partner had a little {'girl' if girl else 'boy'} {born}.",
              f"{friend}'s baby [has arrived|is here]! A {'girl' if girl else 'boy'}, born {born}.")
        c.ask(2, 1, ("[Oh, that's lovely!|Oh, how wonderful!|Finally!] What's the name?",
                     f"They called {'her' if girl else 'him'} {name}. [Mother and baby are both fine.|Everyone's tired but fine.|They're already home.]"),
              ("[Aww!|Oh, that's amazing!] Have they picked a name?", f"Yes, {name}. [Everyone is doing well.|The baby's healthy, and they're already home.]"))
        news = f"has a new baby {'girl' if girl else 'boy'} called {name}"
        news_s = f"has a new baby {'girl' if girl else 'boy'} called {name}, born {born}"
        extra = f"The baby, {name}, was born {born}."
        plans = [("send them some flowers", "send the family some flowers"), ("buy a present for the baby", "buy a present for the baby"),
                 ("visit them next week", "visit them next week"), ("cook some meals for them", "cook some meals for the new parents"),
                 ("send them a card", "send them a card"), ("knit a blanket for the baby", "knit a blanket for the baby")]
    elif kind == "break-up":
        partner, _ = c.acquaintance(not fem if c.chance(0.85) else fem)
        years = c.num(2, 9)
        mood = c.pick("heartbroken", "okay, actually", "relieved, honestly", "not sleeping much", "staying with " + his + " parents for now",
                      "trying to keep busy", "not eating much", "already going out again")
        mood_s = mood.replace(", actually", "").replace(", honestly", "")
        c.say(1, f"{cap(he)} and {partner} have split up. After {years} years!", f"{friend} and {partner} broke up. [Can you believe it?|I couldn't believe it.]")
        c.say(2, "[What? No!|Oh no.|That's so sad.] [What happened?|I thought they were happy.|How is " + he + "?]")
        c.say(1, f"[I don't know the details.|{cap(he)} didn't say much.] {cap(he)}'s {mood}.", f"[They just grew apart, {he} says.|It was mutual, apparently.] {cap(he)}'s {mood}.")
        news = f"has split up with {partner}"
        news_s = f"has broken up with {partner} after {years} years" if f"{years} years" in c.dialogue_text() else f"has broken up with {partner}"
        extra = f"{cap(he)} is {mood_s}."
        plans = [(f"call {him} tonight", f"call {friend} tonight"), (f"invite {him} over for dinner", f"invite {friend} over for dinner"),
                 (f"take {him} to the cinema at the weekend", f"take {friend} to the cinema at the weekend"),
                 (f"ask {him} to come on the hiking trip", f"ask {friend} to join them on the hiking trip"),
                 (f"take {him} out for a coffee", f"take {friend} out for a coffee")]
    else:
        where = c.pick("near the river", "in the village where they grew up", "right next to the park", "by the sea", "on the edge of town",
                       "two streets from here", "in the old part of the city")
        partner, _ = c.acquaintance()
        c.say(1, f"{cap(he)} and {partner} bought a house! It's {where}.", f"{friend} and {partner} finally bought a place {where}.")
        c.say(2, "[Wow, good for them!|That's brilliant!|Finally!] Is it [big|nice]?", "[No way!|Amazing!] [What's it like?|Have you seen it?]")
        c.say(1, "[It needs a lot of work, but it has a garden.|Three bedrooms and a lovely kitchen.|Small, but it's perfect for them.]",
              "[I've seen photos. It's lovely.|Not yet, but they're having a housewarming party.]")
        news = f"has bought a house with {partner}"
        news_s = f"has bought a house {where} with {partner}"
        extra = "It is {where}.".format(where=where)
        plans = [("buy them a housewarming present", "buy them a housewarming present"), ("help them paint the rooms", "help them paint the rooms"),
                 ("bring a plant for the garden", "bring a plant for the garden"), ("send them a card", "send them a card"),
                 ("help them move in", "help them move in")]
    plan, plan_s = c.pick(plans)
    feel = (f"Is {he} happy about it?",
            f"[I think so.|{cap(he)} looked really happy.|Hard to say, you know {him}.]")
    if kind == "break-up":
        feel = ("Who ended it?", f"[I think it was mutual.|{cap(he)} did, apparently.|{partner} did, apparently.]")
    if met:
        c.ask(2, 1, feel)
    else:
        c.ask(2, 1, ("How did you find out?", f"{cap(he)} told me {'herself' if fem else 'himself'} [on the phone|in a message]."),
              ("Who told you?", f"{cap(his)} sister. [It's not a secret, don't worry.|It's all over social media now.]"),
              ("When did you hear?", "[Last night.|This morning.|Just an hour ago.] I [was so surprised|couldn't believe it]."), feel)
    if c.chance(0.4):
        other, other_s = c.pick([p for p in plans if p[0] != plan])
        c.say(2, f"We should {other}.", f"[Shall we|Why don't we] {other}?")
        c.say(1, f"[Hmm, or|Or maybe] we could {plan}. [That's more personal.|That might be nicer.|I think that's better.]")
        c.say(2, "[Good idea.|You're right. Let's do that.|Yes, let's.]")
        who_s = c.branch(1, 1, 2)
    else:
        c.say(1, f"[We should|Let's] {plan}.", f"[Shall we|Why don't we] {plan}?")
        c.say(2, "[Definitely.|Yes, let's do that.|Great idea.|I'd love that.]", f"[Good idea.|Yes!] I'll [ask the others|let the others know].")
        who_s = 1
    c.goodbye("friends", 0.3)
    r1, r2 = c.ref(1), c.ref(2)
    c.sum(f"{r1} tells {r2} that {friend} {news}. They decide to {plan_s}.",
          f"{r1} and {r2} talk about {friend}, who {news_s}.",
          f"{r2} learns from {r1} that {friend} {news}. {c.ref(who_s)} [suggests that they|proposes that they] {plan_s}.",
          f"{r1} shares the news that {friend} {news}. {extra}",
          f"{r1} tells {r2} that {friend} {news}, and they [agree|plan] to {plan_s}.")


# --------------------------------------------------------------------------- commuting
# mode: (how it is said, summary form, reasons (dialogue, "because of" form, "because" form), alternatives (dialogue, summary))
COMMUTE = {
    "car": ("I drive", "drives to work",
            [("there was an accident on the ring road", "an accident on the ring road", "there was an accident on the ring road"),
             ("there were roadworks on the bridge", "roadworks on the bridge", "there were roadworks on the bridge"),
             ("the motorway was completely blocked", "a blocked motorway", "the motorway was completely blocked"),
             ("I couldn't find a parking space", "the lack of parking spaces", "{he} could not find a parking space"),
             ("a lorry broke down in the tunnel", "a broken-down lorry in the tunnel", "a lorry broke down in the tunnel"),
             ("the road by the school was closed", "a road closure by the school", "the road by the school was closed"),
             ("there was a huge traffic jam in the centre", "a huge traffic jam in the centre", "there was a huge traffic jam in the centre"),
             ("the traffic lights on the high street weren't working", "broken traffic lights on the high street", "the traffic lights on the high street were not working"),
             ("I got stuck behind a tractor for miles", "a slow tractor", "{he} got stuck behind a tractor"),
             ("the police closed the main road", "a police road closure", "the police closed the main road"),
             ("the underpass was flooded", "a flooded underpass", "the underpass was flooded")],
            [("take the train", "take the train"), ("cycle to work", "cycle to work"), ("leave home earlier", "leave home earlier"),
             ("share a car with {x}", "share a car with {x}"), ("use the park-and-ride", "use the park-and-ride"),
             ("take the express bus", "take the express bus"), ("work from home one day a week", "work from home one day a week"),
             ("go in before the rush hour", "go in before the rush hour"), ("try the back roads through the village", "try the back roads through the village"),
             ("get a motorbike", "get a motorbike")]),
    "bus": ("I take the bus", "takes the bus",
            [("the bus broke down", "a broken-down bus", "the bus broke down"),
             ("the first bus was full and didn't stop", "a full bus that did not stop", "the first bus was full and did not stop"),
             ("there was a diversion because of a marathon", "a diversion for a marathon", "there was a diversion for a marathon"),
             ("the bus came late", "a late bus", "the bus came late"),
             ("the bus got stuck behind a delivery van", "a delivery van blocking the bus", "the bus got stuck behind a delivery van"),
             ("the drivers are on strike", "a bus strike", "the bus drivers are on strike"),
             ("I missed my connection", "a missed connection", "{he} missed {his} connection"),
             ("the bus got a flat tyre", "a flat tyre on the bus", "the bus got a flat tyre"),
             ("the bus was cancelled without any warning", "a cancelled bus", "the bus was cancelled without warning"),
             ("a burst water pipe closed the bus lane", "a burst water pipe", "a burst water pipe closed the bus lane")],
            [("cycle to work", "cycle to work"), ("leave home earlier", "leave home earlier"), ("take the tram", "take the tram"),
             ("get an electric scooter", "get an electric scooter"), ("share a car with {x}", "share a car with {x}"),
             ("walk to the station and take the train", "walk to the station and take the train"), ("ask the boss if you can start at ten", "ask the boss about starting at ten"),
             ("take the number twelve instead", "take the number twelve bus"), ("buy a second-hand bike", "buy a second-hand bike"),
             ("join the lift share scheme at work", "join the lift share scheme at work")]),
    "train": ("I come by train", "comes by train",
              [("the train was cancelled", "a cancelled train", "the train was cancelled"),
               ("there was a signal failure", "a signal failure", "there was a signal failure"),
               ("we were stuck outside the station for ages", "a long wait outside the station", "{his} train was stuck outside the station"),
               ("there was a tree on the line", "a tree on the line", "there was a tree on the line"),
               ("the train was so full I couldn't get on", "an overcrowded train", "the train was too full for {him} to get on"),
               ("there's a strike on the railway", "a railway strike", "there is a strike on the railway"),
               ("the trains were running slowly because of the snow", "snow on the line", "the trains were slow in the snow"),
               ("they changed the platform at the last minute and I missed it", "a last-minute platform change", "a last-minute platform change made {him} miss {his} train"),
               ("the train broke down between two stations", "a broken-down train", "the train broke down between two stations"),
               ("the doors wouldn't close at the first station", "faulty train doors", "the train doors would not close")],
              [("take an earlier train", "take an earlier train"), ("cycle to work", "cycle to work"), ("leave home earlier", "leave home earlier"),
               ("get a season ticket for the express line", "get a season ticket for the express line"), ("share a car with {x}", "share a car with {x}"),
               ("work from home when the trains are bad", "work from home when the trains are bad"), ("ask the boss if you can start at ten", "ask the boss about starting at ten"),
               ("take the coach instead", "take the coach"), ("buy a folding bike for the last part", "buy a folding bike for the last part of the journey"),
               ("download the app that warns you about delays", "use an app that warns about delays")]),
}
def _benefits(idea, mode):
    """Why an alternative way to work is better: (dialogue, summary)."""
    fit, green, money = ("you'd get fit at the same time", "to get fit"), ("it's better for the environment", "to help the environment"), \
        ("you'd save a lot of money", "to save money")
    calm, never, read = ("you'd be a lot less stressed", "to be less stressed"), ("you'd never be late again", "so that {he} is never late again"), \
        ("you'd have time to read on the way", "to have time to read")
    jams = ("you'd never get stuck in traffic", "to avoid the traffic")
    if idea.startswith(("cycle", "buy a")):
        return [fit, green, money, jams]
    if idea.startswith(("get an electric", "get a motorbike")):
        return [jams, money, ("you'd be here in half the time", "to save time")]
    if idea.startswith(("leave", "take an earlier", "go in before", "try the back", "download")):
        return [calm, never, ("you'd miss the worst of the rush hour", "to miss the rush hour")]
    if idea.startswith(("share", "join")):
        return [money, green, ("you'd have some company", "for the company")]
    if idea.startswith(("work", "ask")):
        return [calm, ("you'd save hours every week", "to save time"), ("you'd miss the worst of the rush hour", "to miss the rush hour")]
    extra = [("you'd save yourself the parking fees", "to save on parking fees")] if mode == "car" else [("it's much more reliable", "because it is more reliable")]
    return [read, calm, green] + extra


def _objections(idea):
    """What someone may say against an alternative way to work: (dialogue, summary)."""
    if idea.startswith(("cycle", "get an electric", "buy a", "get a motorbike")):
        return [("I'd arrive all sweaty and there are no showers here", "there are no showers at work"),
                ("the main road is too dangerous", "the main road is too dangerous"), ("it rains half the year here", "it rains too often")]
    if idea.startswith(("leave", "take an earlier", "go in before")):
        return [("I'm not a morning person", "early mornings are hard for {him}"), ("I have to drop the kids at school first", "the kids need dropping at school")]
    if idea.startswith("share"):
        return [("she lives on the other side of town" if idea.split()[-1] in FEMALE else "he lives on the other side of town",
                 idea.split()[-1] + " lives on the other side of town"),
                ("we finish at different times", "they finish at different times")]
    if idea.startswith("join"):
        return [("nobody else lives near me", "nobody else lives near {him}"), ("I often work late", "{he} often works late")]
    if idea.startswith(("work", "ask")):
        return [("the boss would never agree", "the boss would never agree"), ("I need to be here for the morning meetings", "{he} needs to be at the morning meetings")]
    if idea.startswith(("try the back", "download")):
        return [("everyone else has the same idea", "everyone else has the same idea"), ("I've tried that before", "{he} has tried that before")]
    return [("it costs twice as much", "it costs twice as much"), ("it takes even longer", "it takes even longer"),
            ("the stop is twenty minutes from my house", "the stop is far from {his} house")]


def commuting(c):
    mode = c.branch(*COMMUTE)
    how, how_s, reasons, ideas = COMMUTE[mode]
    (reason, reason_s, reason_c), mins = c.pick(reasons), c.num(10, 50, 5)
    reason_c = reason_c.format(he=c.he(2), his=c.his(2), him=c.him(2))
    x, _ = c.acquaintance()
    idea, idea_s = c.pick([(a.format(x=x), b.format(x=x)) for a, b in ideas])
    if c.chance(0.5):
        c.say(2, f"Sorry I'm late! {cap(reason)}.", f"[Sorry, sorry!|I'm so sorry.] {cap(reason)}.", f"[Morning.|Hi.] Sorry I'm late, {reason}.")
        c.say(1, "[You look stressed.|Don't worry.|It happens.] [How late were you?|Did you miss much?|Sit down and breathe.]",
              f"[Again?|Not again!] That's the [second|third] time this week.")
        c.say(2, f"I've been stuck for [ages|what felt like hours]. I'm {mins} minutes late.", f"I'm {mins} minutes late. [What a morning.|I hate this.]")
    else:
        c.say(1, c.hi(1, 2, 0.5) + f" There you are! [The meeting started without you.|We were about to start.|I was starting to worry.]",
              "[Finally!|There you are!] [What happened?|Where have you been?]")
        c.say(2, f"[Sorry.|I know, I know.] {cap(reason)}, so I'm {mins} minutes late.", f"Don't ask. {cap(reason)}. {mins} minutes late, [again|and on a Monday]!")
    missed = None
    if c.chance(0.6):
        missed, missed_s = c.pick(("the start of the team meeting", "the start of the team meeting"), ("the call with the new client", "the call with the new client"),
                                  ("the boss's announcement", "the boss's announcement"), ("the first half of the training session", "the first half of the training session"),
                                  ("your turn to present", f"{c.his(2)} turn to present"), ("the delivery you were supposed to sign for", f"a delivery {c.he(2)} was supposed to sign for"),
                                  ("the safety briefing", "the safety briefing"), ("the interview with the new candidate", "an interview with a new candidate"),
                                  ("the birthday cake in the kitchen", "the birthday cake in the kitchen"), ("the visit from head office", "the visit from head office"))
        c.say(1, f"[Well,|Never mind.|Bad luck.] You missed {missed}.", f"[Unfortunately,|I'm afraid] you missed {missed}.")
        c.say(2, "[Oh no.|Great, just great.|I know. I feel terrible.|Typical.]")
    normal = c.num(25, 80, 5)
    c.ask(1, 2, ("How long does it normally take you?", f"About {normal} minutes. {how}, so I'm always at the mercy of the traffic." if mode == "car"
                 else f"About {normal} minutes. {how}."),
          ("How do you usually get here?", f"{how}. On a good day it's {normal} minutes."))
    benefit, benefit_s = c.pick(_benefits(idea, mode))
    benefit_s = benefit_s.format(he=c.he(2))
    c.say(1, f"Have you thought about trying something else? You could {idea}. [And|Honestly,] {benefit}.", f"[Why don't you|Maybe you should] {idea}? {cap(benefit)}.",
          f"[You know what I'd do?|Here's an idea.] {cap(idea)}. [Trust me,|Think about it,] {benefit}.")
    obj = None
    if c.chance(0.45):
        obj, obj_s = c.pick(_objections(idea))
        obj_s = obj_s.format(he=c.he(2), his=c.his(2), him=c.him(2))
        c.say(2, f"[I've thought about it, but|Hmm, the problem is] {obj}.", f"[I don't know.|Maybe, but] {obj}.")
        if c.branch("fix", "other") == "fix":
            c.say(1, "[Fair enough, but|I see, but] [think about the money you'd save.|it's worth a try for one week.|you'd feel so much better.]",
                  "[Just try it once.|Try it for a week and see.|Lots of people here do it.]")
            final, final_s = idea, idea_s
        else:
            final, final_s = c.pick([(a.format(x=x), b.format(x=x)) for a, b in ideas if a.format(x=x) != idea])
            c.say(1, f"[Then|Okay, then] [at least|maybe] {final}?", f"[Fine.|Okay.] [Or you could|You could always] {final}.")
    else:
        final, final_s = idea, idea_s
    start = c.pick("from Monday", "next week", "tomorrow", "from next month", "this Friday", "on Wednesday", "after the holidays", "from the first of the month", "on Thursday", "when the clocks change")
    if c.chance(0.75):
        c.say(2, f"[You're right.|Okay, you've convinced me.|Why not?] I'll [try|give it a go] {start}.",
              f"[Okay,|Fine,] I'll {final} {start} and see how it goes." if " you" not in final else f"[Okay,|Fine,] I'll try it {start} and see how it goes.")
        decided = True
    else:
        c.say(2, "[I'll think about it.|Maybe. I'll look into it.|I don't know. Let me think about it.]")
        decided = False
    if c.chance(0.4):
        c.say(1, "[Good.|Let me know how it goes.|Anyway, grab a coffee, we start in five.|Anyway, the boss didn't notice.]")
    c.goodbye("friends", 0.2)
    r1, r2, he2, him2 = c.ref(1), c.ref(2), c.he(2), c.him(2)
    outcome = c.r.choice((f"{r2} agrees to try it {start}.", f"{r2} agrees.", f"{r2} will [start|try it] {start}.", f"{r2} will give it a go.")
                         if decided else (f"{r2} will think about it.", f"{r2} is not sure yet."))
    advise = c.r.choice([f"{r1} suggests that {he2} {final_s}", f"{r1} [advises|encourages] {him2} to {final_s}",
                         f"{r1} thinks {he2} should {final_s}"] + ([f"{r1} persuades {him2} to {final_s}"] if decided else []))
    if final == idea and c.chance(0.3):
        advise += " " + benefit_s
    late = c.r.choice(["is late", "arrives late", "is late for work", f"is {mins} minutes late", "turns up late"])
    summary = [f"{r2} {late} because {reason_c}. {advise}.",
               f"{r2} is late because of {reason_s}. {advise}. " + outcome,
               f"{r1} and {r2} talk about [the commute|other ways to get to work] after {r2} {late} because of {reason_s}.",
               f"{r2}, who usually {how_s}, {late} because of {reason_s}. {advise}.",
               f"{r1} [advises|tells] {r2}, who {late} because of {reason_s}, to {final_s}."]
    if missed:
        summary.append(f"{r2} is late and misses {missed_s} because of {reason_s}.")
    c.sum(*summary)


# --------------------------------------------------------------------------- healthy habits
def healthy_habits(c):
    his1, him1, he1 = c.his(1), c.him(1), c.he(1)
    kind = c.branch("smoking", "exercise", "food", "sleep")
    if kind == "smoking":
        per_day = c.num(5, 25)
        goal, goal_s = "give up smoking", "give up smoking"
        now = f"I still smoke about {per_day} a day."
        now_s = f"smokes about {per_day} cigarettes a day"
        why = [("my daughter keeps asking me to", f"{his1} daughter keeps asking {him1} to"), ("I get out of breath on the stairs", f"{he1} gets out of breath on the stairs"),
               ("it costs me a fortune", f"it costs {him1} a fortune"), ("my doctor told me to", f"{his1} doctor told {him1} to"),
               ("we're having a baby in the spring", f"{he1} and {his1} partner are having a baby"), ("I want to run a half marathon", f"{he1} wants to run a half marathon"),
               ("my clothes always smell of smoke", f"{his1} clothes always smell of smoke")]
        hard = [("the coffee break at work", "the coffee break at work"), ("going out with friends", "going out with friends"),
                ("the first hour after dinner", "the hour after dinner"), ("when I'm stressed", f"when {he1} is stressed"), ("the mornings", "the mornings")]
        tips = [("try nicotine patches", "try nicotine patches"), ("keep your hands busy", f"keep {his1} hands busy"),
                ("stay away from the smoking area at work", "stay away from the smoking area at work"),
                ("put the money you save in a jar", f"put the money {he1} saves in a jar"), ("tell everyone, so they can help", "tell everyone"),
                ("download one of those apps that count the days", "use an app that counts the days"), ("chew gum when the craving comes", "chew gum when the craving comes"),
                ("join the support group at the health centre", "join the support group at the health centre")]
    elif kind == "exercise":
        goal, goal_s = c.pick(("start running three times a week", "start running three times a week"), ("swim before work", "swim before work"),
                              ("join a yoga class", "join a yoga class"), ("cycle to work every day", "cycle to work every day"),
                              ("go to the gym at lunchtime", "go to the gym at lunchtime"), ("join a five-a-side football team", "join a five-a-side football team"),
                              ("start doing a dance class", "take a dance class"), ("walk ten thousand steps a day", "walk ten thousand steps a day"))
        now, now_s = c.pick(("I haven't done any sport for years.", "has not done any sport for years"), ("I sit at a desk all day.", "sits at a desk all day"),
                            ("I get tired just climbing the stairs.", "gets tired climbing the stairs"), ("I used to be so fit at school.", "used to be fit at school"))
        why = [("my back is always stiff", f"{his1} back is always stiff"), ("I want to do a 10K race in the autumn", f"{he1} wants to run a 10K race in the autumn"),
               ("I want to keep up with my kids", f"{he1} wants to keep up with {his1} kids"), ("I'd like to lose a few kilos", f"{he1} would like to lose a few kilos"),
               ("my doctor says my blood pressure is too high", f"{his1} blood pressure is too high"), ("I feel tired all the time", f"{he1} feels tired all the time")]
        hard = [("finding the time", "finding the time"), ("getting up early", "getting up early"), ("my knees", f"{his1} knees"),
                ("staying motivated", "staying motivated"), ("the cold mornings", "the cold mornings")]
        tips = [("start slowly", "start slowly"), ("find someone to go with", "find someone to go with"), ("put it in your calendar like a meeting", "put it in the calendar like a meeting"),
                ("buy proper shoes first", "buy proper shoes first"), ("set small goals", "set small goals"), ("get your kit ready the night before", "get the kit ready the night before"),
                ("don't do too much in the first week", "not do too much in the first week")]
    elif kind == "food":
        pizza, crisps = ("I had pizza four times last week.", "had pizza four times last week"), ("I live on sandwiches and crisps.", "lives on sandwiches and crisps")
        biscuits, cola = ("I eat biscuits all afternoon.", "eats biscuits all afternoon"), ("I drink three cans of cola a day.", "drinks three cans of cola a day")
        foods = {"eat more vegetables": [pizza, crisps], "stop ordering takeaways": [pizza, ("I order food almost every night.", "orders food almost every night")],
                 "cut out sugar": [biscuits, cola], "cook at home every night": [pizza, ("I eat out most evenings.", "eats out most evenings")],
                 "bring my own lunch to work": [("I spend a fortune on lunch every day.", "spends a fortune on lunch"), crisps],
                 "drink less coffee": [("I drink about six coffees a day.", "drinks about six coffees a day")],
                 "stop snacking in the evening": [biscuits, ("I eat crisps in front of the TV every night.", "eats crisps in front of the TV every night")],
                 "drink two litres of water a day": [cola, ("I hardly drink any water.", "hardly drinks any water")], "give up fizzy drinks": [cola]}
        goal = c.pick(list(foods))
        goal_s = goal.replace("my own", f"{his1} own")
        now, now_s = c.pick(foods[goal])
        drink = goal.startswith(("drink", "give up fizzy"))
        why = [("I always feel sluggish after lunch", f"{he1} always feels sluggish after lunch"), ("my doctor says my cholesterol is high", f"{his1} cholesterol is high"),
               ("I want to save money", f"{he1} wants to save money"), ("my skin has been terrible", f"{his1} skin has been bad"),
               ("I keep getting headaches", f"{he1} keeps getting headaches"), ("I want to set a good example for the kids", f"{he1} wants to set a good example for {his1} kids")]
        hard = [("the biscuits in the office", "the biscuits in the office"), ("being too tired to cook after work", "being too tired to cook after work"),
                ("eating out with friends", "eating out with friends"), ("the vending machine on my floor", "the vending machine at work"),
                ("late nights", "late nights")]
        tips = [("cook big batches on Sunday", "cook big batches on Sunday"), ("don't keep snacks in the house", "not keep snacks in the house"),
                ("write a shopping list and stick to it", "write a shopping list and stick to it"), ("eat a proper breakfast", "eat a proper breakfast"),
                ("keep fruit on your desk", f"keep fruit on {his1} desk"), ("try one new recipe a week", "try one new recipe a week"),
                ("allow yourself one treat a week", f"allow {him1}self one treat a week")]
        if drink:
            hard = [("the coffee machine at work", "the coffee machine at work"), ("the afternoon slump", "the afternoon slump"),
                    ("meetings, where there's always something to drink", "the drinks in meetings"), ("habit, really", "breaking the habit")]
            tips = [("switch to herbal tea in the afternoon", "switch to herbal tea in the afternoon"), ("carry a water bottle everywhere", "carry a water bottle everywhere"),
                    ("cut down one cup at a time", "cut down one cup at a time"), ("drink sparkling water instead", "drink sparkling water instead"),
                    ("set a reminder on your phone", f"set a reminder on {his1} phone")]
    else:
        goal, goal_s = c.pick(("go to bed before eleven", "go to bed before eleven"), ("stop looking at my phone in bed", "stop looking at {his} phone in bed"),
                              ("get eight hours of sleep", "get eight hours of sleep"), ("stop drinking coffee after lunch", "stop drinking coffee after lunch"),
                              ("get up at the same time every day", "get up at the same time every day"), ("stop watching series until two in the morning", "stop watching series late at night"))
        goal_s = goal_s.format(his=his1)
        now, now_s = c.pick(("I'm getting about five hours a night.", "gets about five hours of sleep a night"), ("I'm always falling asleep on the bus.", "keeps falling asleep on the bus"),
                            ("I'm never in bed before one.", "is never in bed before one"), ("I wake up tired every day.", "wakes up tired every day"))
        why = [("I made mistakes at work last week", f"{he1} made mistakes at work"), ("I'm so grumpy in the mornings", f"{he1} is grumpy in the mornings"),
               ("I nearly fell asleep at the wheel", f"{he1} nearly fell asleep while driving"), ("my exams start next month", f"{his1} exams start next month"),
               ("I read that it's bad for your heart", "poor sleep is bad for the heart")]
        hard = [("not checking my messages", "not checking messages"), ("my neighbour's music", "the neighbour's music"), ("switching off my brain", "switching off"),
                ("the last episode is always so good", "the series"), ("the weekends", "the weekends")]
        tips = [("leave your phone in the kitchen", f"leave {his1} phone in the kitchen"), ("read a book instead of scrolling", "read a book instead of scrolling"),
                ("keep the bedroom cool and dark", "keep the bedroom cool and dark"), ("try earplugs", "try earplugs"),
                ("have a warm bath before bed", "have a warm bath before bed"), ("set an alarm to tell you when to go to bed", "set an alarm for bedtime"),
                ("write down what's on your mind before bed", "write down worries before bed")]
    why, why_s = c.pick(why)
    hard, hard_s = c.pick(hard)
    tip, tip_s = c.pick(tips)
    c.greet(0.45, 0.3)
    started = c.chance(0.5)
    if not started:
        c.say(1, c.hi(1, 2, 0.5) + f" I've made a decision. I'm going to {goal}.", f"[Guess what?|So,] I've decided to {goal}.",
              f"[Right,|Okay,] this is it. I'm going to {goal}. [For real this time.|I mean it.]")
        c.say(2, "[Good for you!|Really? That's great.|Wow, that's brilliant.] [What made you decide?|Why now?|What brought that on?]")
        c.say(1, f"{cap(why)}. " + now, f"[Well,|Honestly,] {why}. [And|Plus,] " + (now if now.startswith("I ") else now[0].lower() + now[1:]))
    else:
        c.say(2, c.hi(2, 1, 0.5) + " [You look different.|You seem full of energy today.|What's that app you keep looking at?]",
              "[Is everything okay? You seem a bit distracted.|You look different. What's going on?]")
        c.say(1, f"I'm trying to {goal}. {now}", f"[It's my plan.|A new plan.] I want to {goal}. {now}")
        c.say(2, "[Oh, nice!|Good for you.|That's a big step.|Seriously?] [Why now?|What made you decide?|Why?]")
        c.say(1, f"{cap(why)}. [It's time.|I have to do something.]", f"[Because|Mainly because] {why}.")
    if started:
        c.ask(2, 1, ("How's it going so far?", f"[Not bad, but the|It's hard. The|Okay. The] hardest part is {hard}."),
              ("What's the hardest part?", f"{cap(hard)}. [It's a nightmare.|That's when I almost give up.]"),
              ("Is it difficult?", f"[Very.|A bit.] Especially {hard}."))
    else:
        c.ask(2, 1, ("What do you think will be the hardest part?", f"{cap(hard)}, probably. [I know myself.|That's always my problem.]"),
              ("Won't it be difficult?", f"[Probably.|Yes, I know.] Especially {hard}."))
    c.say(2, f"[What helped me was to|My advice:|You should] {tip}.", f"[Have you tried to|Why don't you] {tip}?".replace("Have you tried to don't", "Try not to"),
          f"[When I did it,|A friend of mine did this and] the trick was to {tip}.")
    together = c.chance(0.35)
    start, start_s = c.pick(("on Monday", "on Monday"), ("from tomorrow", "from tomorrow"), ("on the first of the month", "on the first of the month"),
                            ("this weekend", "this weekend"), ("after my birthday", f"after {his1} birthday"), ("today", "today"), ("next week", "next week"),
                            ("after the holidays", "after the holidays"))
    if together:
        c.say(2, "Actually, I could do with that too. [Shall we do it together?|Why don't we do it together?]",
              "You know what? I'll join you. [It's easier with two.|We can keep each other going.]")
        c.say(1, f"[Really? Deal!|That would help a lot.] Let's start {start}.", f"[Great!|Perfect.] {cap(start)}, then.")
        end = (f"They agree to do it together.", f"{c.ref(2)} will join {c.him(1)}.")
    else:
        if started:
            c.say(1, f"[Good idea.|That makes sense.] I'll [try that|do that] {start}.", f"[Thanks.|Okay.] I'll try that {start}. [Check on me in a week.|Don't let me give up.]")
            end = (f"{c.ref(1)} will try [it|that] {start_s}.", f"{c.ref(1)} [promises|agrees] to try it.")
        else:
            c.say(1, f"[Good idea.|I'll try that.|That makes sense.] I'm starting {start}.",
                  f"[Thanks.|Okay.] I'll start {start}. [Check on me in a week.|Don't let me give up.|Ask me how it's going.]")
            end = (f"{c.ref(1)} will start {start_s}.", f"{c.ref(1)} [promises|plans] to start {start_s}.")
        c.say(2, "[You can do it.|I'm proud of you.|I'll keep asking, then!|Good luck!]")
    e = c.r.choice(end)
    r1, r2 = c.ref(1), c.ref(2)
    c.sum(f"{r1} wants to {goal_s} because {why_s}. {r2} advises {c.him(1)} to {tip_s}.",
          f"{r1} plans to {goal_s}. {r2} suggests that {c.he(1)} {tip_s}.",
          f"{r1} has decided to {goal_s} because {why_s}. " + e,
          f"{r1} [wants|is trying] to {goal_s}, and {r2}'s advice is to {tip_s}.",
          f"{r1} [talks about|describes] {c.his(1)} plan to {goal_s} and the hardest part, {hard_s}.")


# --------------------------------------------------------------------------- hospital visit
def hospital_visit(c):
    his2, him2, he2 = c.his(2), c.him(2), c.he(2)
    what, what_s = c.pick(("I fell off a ladder and broke my leg", f"broke {his2} leg falling off a ladder"),
                          ("I had my appendix out", f"had {his2} appendix out"), ("I slipped on the ice and broke my wrist", f"slipped on the ice and broke {his2} wrist"),
                          ("I had an operation on my knee", "had a knee operation"), ("I came off my bike and hurt my shoulder", f"came off {his2} bike and hurt {his2} shoulder"),
                          ("I had a bad asthma attack", "had a bad asthma attack"), ("I had pneumonia", "had pneumonia"), ("I had a hip replacement", "had a hip replacement"),
                          ("I broke my ankle playing football", f"broke {his2} ankle playing football"), ("I had a kidney infection", "had a kidney infection"),
                          ("I fainted at work and hit my head", f"fainted at work and hit {his2} head"), ("I burned my hand on the oven", f"burned {his2} hand on the oven"),
                          ("I fell down the stairs and cracked a rib", "fell down the stairs and cracked a rib"),
                          ("I had a bad reaction to some medicine", "had a bad reaction to some medicine"),
                          ("I cut my foot badly on some glass", f"cut {his2} foot badly on some glass"))
    home = c.pick("on Friday", "tomorrow, if the scan is fine", "in three or four days", "at the weekend", "next week at the earliest", "on Monday",
                  "as soon as the doctor has seen the X-ray", "on Thursday", "once the stitches are out", "in a day or two",
                  "after one more night", "when the swelling goes down", "in about a week", "on Tuesday morning")
    home_s = home.replace(", if", " if")
    item, item_s = c.pick(("some grapes", "some grapes"), ("flowers from the garden", "flowers from the garden"), ("a pile of magazines", "some magazines"),
                          ("a crossword book", "a crossword book"), ("some chocolate biscuits", "some chocolate biscuits"), ("your phone charger", f"{his2} phone charger"),
                          ("clean pyjamas", "clean pyjamas"), ("a card from everyone at the office", "a card from everyone at the office"),
                          ("some homemade soup", "some homemade soup"), ("a puzzle book", "a puzzle book"), ("your reading glasses", f"{his2} reading glasses"),
                          ("a box of chocolates", "a box of chocolates"), ("a bag of oranges", "a bag of oranges"), ("your favourite cake", f"{his2} favourite cake"),
                          ("a drawing from the kids", "a drawing from the kids"), ("some warm socks", "some warm socks"), ("your favourite tea", f"{his2} favourite tea"),
                          ("a jigsaw puzzle", "a jigsaw puzzle"))
    task, task_s = c.pick(("feed your cat", f"feed {his2} cat"), ("water your plants", f"water {his2} plants"), ("pick up your post", f"pick up {his2} post"),
                          ("walk your dog", f"walk {his2} dog"), ("drive you home when they let you out", f"drive {him2} home when {he2} leaves"),
                          ("tell the team at work", "tell the team at work"), ("take the kids to school", "take the kids to school"),
                          ("cancel your dentist appointment", f"cancel {his2} dentist appointment"), ("do your shopping", f"do {his2} shopping"),
                          ("put the bins out", "put the bins out"), ("look after your rabbit", f"look after {his2} rabbit"),
                          ("cut your grass", f"cut {his2} grass"), ("collect your car from the garage", f"collect {his2} car from the garage"),
                          ("take your library books back", f"take {his2} library books back"), ("let your landlord know", f"let {his2} landlord know"))
    cond_q, cond, cond_s = c.pick(("Does it hurt?", "Only when I move.", f"it only hurts when {he2} moves"),
                                  ("Does it hurt?", "Not with the painkillers.", "the painkillers help"),
                                  ("Are they looking after you well?", "The nurses are lovely.", "the nurses are lovely"),
                                  ("Do they know what caused it?", "Not yet. They're still doing tests.", "the doctors are still doing tests"),
                                  ("Have you had lots of visitors?", "You're the first one! Everyone else is at work.", "nobody else has visited yet"),
                                  ("Are they looking after you well?", "Yes, but the food is terrible.", "the food is terrible"),
                                  ("Are you sleeping?", "Not really. The man in the next bed snores.", "the man in the next bed snores"),
                                  ("Are you sleeping?", "Badly. It's so noisy at night.", "the ward is noisy at night"),
                                  ("How are the days?", "So boring. I've watched every film on my tablet.", f"{he2} is very bored"),
                                  *([("Can you walk yet?", "Only with crutches, and only to the window.", f"{he2} can only walk with crutches")]
                                    if any(w in what for w in ("leg", "knee", "ankle", "hip", "foot")) else
                                    [("Can you move your arm?", "Not much. They want me to rest it.", f"{he2} has to rest {his2} arm")]
                                    if any(w in what for w in ("wrist", "shoulder", "hand")) else
                                    [("Are you eating?", "A little. The soup is okay.", f"{he2} is eating a little")]))
    c.say(1, c.hi(1, 2, 0.6) + " [How are you feeling?|How are you doing?|There you are! How are you?]",
          "[Knock, knock.|Hello, patient!] [Can I come in? How are you?|Is this a good time? How are you feeling?]")
    c.say(2, "[Oh, hello! Come in.|Hi! It's so good to see you.|What a nice surprise!] [Better than yesterday.|Sore, but okay.|Bored, mostly.]",
          "[Much better, thanks.|A bit sore.|Tired, but okay.] [Sit down, sit down.|Grab that chair.]")
    c.say(1, "So what happened? [I only heard you were in hospital.|Nobody told me the details.|Your sister just said you'd had an accident.]",
          "I was so worried when I heard. What happened exactly?")
    c.say(2, f"{cap(what)}. [Can you believe it?|Stupid, really.|It all happened so fast.]", f"[Well,|Oh, it's a long story.] {cap(what)}.")
    c.say(1, f"[Oh no.|You poor thing.|Ouch.] {cond_q}")
    c.say(2, cond)
    c.say(1, "When can you go home?", "[Have they said|Do you know] when you can go home?")
    c.say(2, f"{cap(home)}, [the doctor says|they think|hopefully].", f"[They said|The doctor said] {home}.")
    c.say(1, f"[Oh, before I forget,|Here,|Look,] I brought you {item}.", f"I've brought you {item}. [I hope that's okay.|I thought you'd like it.]")
    c.say(2, "[Oh, you're so kind!|Thank you, that's lovely.|Perfect, thank you!]")
    nurse = c.chance(0.3)
    if nurse:
        nwhat, nwhat_s = c.pick(("Visiting time ends in ten minutes.", "visiting time ends in ten minutes"),
                                ("It's time for your medicine.", f"it is time for {c.his(2)} medicine"),
                                ("I just need to check your temperature.", f"{c.he(3)} needs to check {his2} temperature"),
                                ("The doctor will be round in a minute.", "the doctor is coming soon"))
        c.say(3, f"[Sorry to interrupt.|Excuse me.] {nwhat}")
        c.say(1, "[No problem.|Of course.] I'll be quick.", "[Sure.|That's fine.] I was just leaving.")
    c.say(1, f"[And don't worry about anything at home.|Anything you need, just ask.] I'll {task}.",
          f"[While you're in here,|Until you're back,] I'll {task}. [It's no trouble.|Don't argue.]")
    req = c.chance(0.4)
    if req:
        want = c.pick("my laptop", "some proper coffee", "my slippers", "the newspaper", "a good book", "my headphones", "some fruit", "my dressing gown")
        want_s = want.replace("my ", his2 + " ")
        c.say(2, f"Thank you. [Oh, and|And] could you bring {want} next time?", f"[You're an angel.|Thanks so much.] Next time, could you bring {want}?")
        c.say(1, "Of course.", "[Sure, no problem.|Consider it done.]")
    else:
        c.say(2, "[You're an angel.|What would I do without you?|Thank you so much.]")
    c.goodbye("friends", 0.3)
    r1, r2, he2 = c.ref(1), c.ref(2), c.he(2)

    def gh():
        return c.r.choice(["go home", "be discharged", "leave hospital", "go home", "get out"])
    facts = {  # what a frame has not said yet may end the summary
        "home": [f"{r2} [hopes to|should be able to|can] {gh()} {home_s}.", f"{cap(he2)} [hopes to|should] {gh()} {home_s}."],
        "task": [f"{r1} will {task_s}.", f"{r1} [offers|promises] to {task_s}."],
        "item": [f"{r1} brings {item_s}.", f"{r1} has brought {item_s}."],
    }
    if req:
        facts["req"] = [f"{r2} asks for {want_s} [next time|on the next visit]."]

    def tail(*said):
        return c.r.choice(facts[c.r.choice([k for k in facts if k not in said])])
    c.sum(f"{r1} [visits|goes to see|drops in on] {r2} in hospital after {he2} {what_s}. " + tail(),
          f"{r1} [visits|goes to see|drops in on] {r2}, who {what_s}, [and brings|with] {item_s}.",
          f"{r2} is in hospital because {he2} {what_s}. " + tail(),
          f"{r1} visits {r2} in hospital with {item_s}. " + tail("item"),
          f"{r2} is in hospital after {he2} {what_s}. {r2} [says|tells {r1}] that {cond_s}.")


# --------------------------------------------------------------------------- phone message
OFFICE = {  # caller's company: what they call about
    "Brightline Insurance": ["the renewal of the office insurance", "the claim for the flooded basement"],
    "Northway Travel": ["the hotel booking for the conference", "the flights to the trade fair"],
    "Greenleaf Printing": ["the delivery of the printer paper", "the new brochures", "the invoice from last month"],
    "Atlas Logistics": ["the order of new desks", "a delay with the shipment"],
    "Parkview Estate Agents": ["the lease for the new office", "a viewing on Thursday"],
    "the city council": ["the parking permits", "the planning application"],
    "Summit Software": ["the quote for the new website", "the software update on Friday"],
    "Bayside Builders": ["the repairs to the office roof", "the contract for the new warehouse"],
    "the Riverside Gallery": ["the painting for the reception", "the opening night on Saturday"],
    "a recruitment agency": ["the job advert", "the interview on Thursday"],
}
OFFICE_WHERE = ["in a meeting until three", "out at lunch", "at the dentist", "on holiday until Monday", "on another call", "out visiting a client",
                "off sick today", "not in the office today", "at a conference", "in the warehouse", "at the bank", "in a training session"]
HOME = {  # caller: what they call about
    "a friend from the running club": ["the race on Sunday", "the new training times", "the club dinner on Friday"],
    "the garage": ["the car, which is ready to collect", "the new tyres", "the bill for the repairs"],
    "a friend from work": ["the leaving party on Friday", "swapping shifts next week", "a lift to work tomorrow"],
    "the school": ["the school trip", "the parents' evening on Thursday", "a form that needs signing"],
    "the dentist's": ["the check-up next week", "a cancelled appointment", "a new appointment time"],
    "the book club": ["the book club on Wednesday", "the book for next month", "the meeting at the library"],
    "the tennis club": ["the tennis match tomorrow", "the membership fees", "the new court times"],
    "an old friend from university": ["the reunion in June", "a visit next month", "the photos from the wedding"],
}
HOME_WHERE = ["at the supermarket", "in the shower", "at football practice", "still at work", "out walking the dog", "at the gym", "at a piano lesson",
              "out with friends", "at the hairdresser's", "asleep", "at the cinema", "picking up the kids"]
CALLBACK = ["after four", "before six this evening", "tomorrow morning", "before Friday", "this afternoon", "as soon as possible", "tonight",
            "any time before eight", "at lunchtime"]


def phone_message(c):
    office = c.chance(0.55)
    w, wfem = c.acquaintance()
    if office and c.chance(0.6):
        w = f"{'Ms.' if wfem else 'Mr.'} {c.branch('Walsh', 'Brennan', 'Kim', 'Haddad', 'Silva', 'Park', 'Evans', 'Novak', 'Costa', 'Fischer')}"
    he, his, him = _pro(wfem)
    org_s = ""
    if office:
        org = c.pick(list(OFFICE))
        where, about = c.pick(OFFICE_WHERE), c.pick(OFFICE[org])
        c.say(2, f"Good [morning|afternoon], {c.branch('Baker and Sons', 'Meridian Consulting', 'Hart Design', 'Foxley Accountants', 'Delta Engineering')}. [How can I help?|Can I help you?]",
              f"[Hello|Good morning], {c.nm(2)} speaking.")
        c.say(1, f"[Hello|Hi], this is {c.nm(1)} {c.nm_last(1)} from {org}. Could I speak to {w}, please?",
              f"[Hello|Good morning]. May I speak to {w}? It's {c.nm(1)} from {org}.")
        c.say(2, f"I'm sorry, {he}'s {where}. [Can I take a message?|Would you like to leave a message?|Can I help at all?]",
              f"[I'm afraid|Sorry,] {w} is {where}. [Can I take a message?|Shall I ask {him} to call you back?]")
        org_s = f" from {org}"
    else:
        who = c.pick(list(HOME))
        who_s = who
        where, about = c.pick(HOME_WHERE), c.pick(HOME[who])
        c.say(2, "Hello?", "[Hello.|Hi.] [Who's calling?|Who is it?]", "Hello, [who's speaking?|can I help you?]")
        c.say(1, f"[Hi|Hello], is {w} there? It's {c.nm(1)}, from {who}." if not who.startswith("a") else f"[Hi|Hello], is {w} there? This is {c.nm(1)}, {who}.",
              f"[Hello.|Hi.] Could I talk to {w}, please? I'm {c.nm(1)}, from {who}." if not who.startswith("a") else f"[Hello.|Hi.] Could I talk to {w}, please? I'm {c.nm(1)}, {who}.")
        c.say(2, f"Sorry, {he}'s {where}. [Can I give {him} a message?|Do you want to leave a message?|I can take a message.]",
              f"[No, sorry,|I'm afraid not,] {he}'s {where}. [Shall I tell {him} you called?|Can I take a message?]")
        org_s = f", {who_s}," if who.startswith("a") else f" from {who_s}"
    c.say(1, f"Yes, please. It's about {about}.", f"[Could you|Can you] tell {him} I called about {about}?",
          f"[Sure.|Thanks.] [Just tell|Please tell] {him} it's about {about}.")
    if c.chance(0.35):
        c.say(2, "[Sorry, could you spell your surname?|How do you spell your surname?]" if office else "[Sorry, what was your name again?|And your name was?]")
        last = c.people[1].last
        c.say(1, ("-".join(ch for ch in last.upper() if ch.isalpha()) + ".") if office else f"{c.nm(1)}. {'She' if wfem else 'He'} knows me.")
    way = c.branch("number", "number", "time", "both")
    number = f"0{c.num(1, 9)}{c.num(10, 99)} {c.num(100, 999)} {c.num(100, 999)}"
    when = c.pick(CALLBACK)
    if way in ("number", "both"):
        c.ask(2, 1, (f"[Of course.|Sure.] Does {he} have your number?", f"[I'll give it to you just in case.|Maybe not. Let me give it to you.] It's {number}."),
              ("And what's the best number to reach you on?", f"[It's|My mobile is] {number}."))
        c.say(2, f"So that's {number}. [Got it.|Okay.]", f"Let me read it back: {number}.")
        if way == "both":
            c.say(1, f"That's right. [{cap(he)} can|Ask {him} to] call me {when}.", f"Yes. I'm free {when}, if that helps.")
    else:
        c.say(2, f"[Okay.|Sure.] Should {he} call you back?", f"[Got it.|Okay.] Shall I ask {him} to call you?")
        c.say(1, f"No, don't worry, I'll call back {when}.", f"[It's fine,|No need,] I'll try again {when}.")
    c.say(2, f"[I'll make sure|I'll see that] {he} gets the message.",
          f"[I'll pass it on.|I'll leave a note on {his} desk.|I'll tell {him} as soon as {he}'s back.]" if office else f"[I'll pass it on.|I'll leave a note on the fridge.|I'll tell {him} as soon as {he}'s back.]")
    c.say(1, "[Thank you very much.|Thanks so much.|Great, thank you.]" + (" Goodbye." if c.chance(0.5) else ""))
    r1, r2 = c.ref(1), c.ref(2)
    back = {"number": f"{r1} leaves {c.his(1)} number.", "both": f"{w} should call {r1} back {when}.",
            "time": f"{r1} will call back {when}."}[way]
    back2 = {"number": f"leaves {c.his(1)} number", "both": f"asks to be called back {when}", "time": f"will call back {when}"}[way]
    c.sum(f"{r1} [phones|rings] to speak to {w}, who is {where}. {r2} takes a message.",
          f"{r1} wants to talk to {w} about {about}. " + back,
          f"{r2} takes a message for {w} from {r1}{org_s} about {about}.",
          f"{r1} [phones|rings] {w}, but {he} is {where}, so {r1} leaves a message.",
          f"{r1} leaves a message for {w} about {about} and {back2}.")


SCENARIOS = {
    "feeling unwell": feeling_unwell,
    "news about friends": news_about_friends,
    "commuting": commuting,
    "healthy habits": healthy_habits,
    "hospital visit": hospital_visit,
    "phone message": phone_message,
}
FAMILIAR_TOPICS = {"feeling unwell", "news about friends", "commuting", "healthy habits", "hospital visit"}
STAFF_TOPICS = set()
