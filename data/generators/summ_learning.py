"""Scenario scripts: learning and personal life (language classes, course registration, gifts, hobbies, dates, holidays).

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

from summ_common import CITIES, STREETS, cap, join_and

LANGUAGES = ["Spanish", "French", "Japanese", "German", "Italian", "Mandarin", "Portuguese", "Korean", "Arabic",
             "Russian", "Dutch", "Greek", "Turkish", "Swedish"]


def language_class(c):
    lang = c.pick(LANGUAGES)
    friends = c.chance(0.4)
    if friends:                                   # two friends: the learner is #2
        c.staff, c.familiar = None, True
        L = 2
    else:                                         # signing up at a language school: #2 is the receptionist
        L = 1
    he, his = c.he(L), c.his(L)
    why, why_s = c.pick(("my partner's family speaks it, and I'd love to chat with them", f"{his} partner's family speaks it"),
                        ("I'm moving abroad for work next year", f"{he} is moving abroad for work next year"),
                        ("I want to read novels in the original", f"{he} wants to read novels in the original"),
                        ("I'm going travelling in the summer", f"{he} is going travelling in the summer"),
                        ("I need it for my job. We have lots of clients who speak it", f"{he} needs it for {his} job"),
                        ("my grandparents spoke it and I never learnt", f"{his} grandparents spoke it"),
                        ("I watch a lot of films and series in it", f"{he} watches a lot of films and series in it"),
                        ("I'd like to do a master's degree abroad", f"{he} would like to do a master's degree abroad"),
                        ("I've just retired and I want to keep my brain busy", f"{he} has just retired and wants to keep {his} brain busy"),
                        ("my new neighbours speak it and I want to talk to them properly", f"{he} wants to talk to {his} new neighbours"),
                        ("I just wanted a new challenge", f"{he} wanted a new challenge"))
    exp, levels = c.branch(("I've never studied it at all.", ["beginners'"]),
                           ("I did a bit at school, but I've forgotten most of it.", ["elementary", "beginners'"]),
                           ("I can get by, but I make lots of mistakes.", ["intermediate", "pre-intermediate"]),
                           ("I lived there for a year, so I'm fairly fluent.", ["advanced", "upper-intermediate"]),
                           ("I've used an app for a few months.", ["elementary", "beginners'"]))
    level = c.pick(levels)
    sched = c.pick("Monday and Wednesday evenings", "Tuesday and Thursday evenings", "Saturday mornings", "Wednesday evenings",
                   "Monday evenings", "Thursday evenings", "Sunday mornings", "Tuesday and Friday evenings", "Friday afternoons",
                   "Wednesday afternoons", "Saturday afternoons")
    t = c.clock(9, 11) if "morning" in sched else c.clock(18, 19) if "evening" in sched else c.clock(13, 17)
    weeks = c.pick("six", "eight", "ten", "twelve")
    fmt = c.pick("small group class", "group class", "online class", "conversation class", "intensive course", "class for adults")
    a_fmt = ("an " if fmt[0] in "aeiou" else "a ") + fmt
    price = c.money(120, 480, 10)
    tip, tip_s = c.pick(("watch series with subtitles in the language", "watching series with subtitles"),
                        ("label things around your house", "labelling things around the house"),
                        ("use a flashcard app for ten minutes every day", "using a flashcard app every day"),
                        ("listen to podcasts on your way to work", "listening to podcasts on the way to work"),
                        ("find a conversation partner", "finding a conversation partner"),
                        ("read children's books first", "reading children's books first"),
                        ("keep a little diary in the language", "keeping a diary in the language"),
                        ("listen to songs and read the lyrics", "listening to songs and reading the lyrics"),
                        ("change the language on your phone", "changing the language on {his} phone"),
                        ("talk to yourself while cooking", "talking to {himself} while cooking"),
                        ("stop worrying about mistakes", "not worrying about mistakes"))
    tip_s = tip_s.format(his=c.his(1), himself="herself" if c.people[1].female else "himself")
    tip_to = tip.replace("yourself", "herself" if c.people[1].female else "himself").replace("your ", c.his(1) + " ")
    if friends:
        c.greet(0.6, 0.5)
        c.say(1, c.hi(1, 2) + f" I heard you've started learning {lang}!", f"How's your {lang} class going?",
              f"[Someone told me|I heard] you're taking {lang} lessons. [Is that true?|Really?]")
        c.say(2, "Yes! I signed up a month ago. I love it.", "Yes, I started last month. It's hard but fun.",
              "[Yes, I started a few weeks ago.|It's true!] I'm really enjoying it.")
        c.say(1, f"What made you choose {lang}?", "Why that language?", f"Why {lang}, [though|of all languages]?")
        c.say(2, f"Well, {why}.", f"Mainly because {why}.")
        c.say(1, "And how often do you go?", "Is it every day?", "How often are the classes?")
        c.say(2, f"{sched}, at {t}. It's {a_fmt}.", f"It's {a_fmt} on {sched}, from {t}.")
        if c.chance(0.6):
            c.say(1, "Is it expensive?", "What does it cost, if you don't mind me asking?")
            c.say(2, f"{price} for {weeks} weeks. Not bad, really.", f"It's {price} for {weeks} weeks, books included.")
        c.say(1, "I've always wanted to learn a language. Any tips?", "Any advice for a beginner like me?",
              "I tried once and gave up. [What's your secret?|How do you keep going?]")
        c.say(2, f"My teacher says to {tip}. It really works.", f"Definitely {tip}. That helped me a lot.")
        join = c.branch("yes", "no", "maybe")
        c.say(2, "Why don't you come along? [There's a new group starting next month.|They're starting a new group soon.]",
              "You should join us! [The next course starts next month.|There's a new course next month.]")
        if join == "yes":
            c.say(1, "You know what? I will. Send me the link.", "Why not? I'll sign up this week.")
            end = f"{{r1}} [will join|is going to sign up for] the next course."
            end2 = f"[persuades|convinces] {{r1}} to join"
        elif join == "no":
            c.say(1, "I'd like to, but I really don't have the time at the moment.", "Maybe next year. I'm too busy right now.")
            end = f"{{r1}} is too busy to join at the moment."
            end2 = f"invites {{r1}} to join, but {{r1}} is too busy"
        else:
            c.say(1, "Hmm, let me think about it.", "Maybe. I'll think about it.")
            end = f"{{r1}} will think about joining the next course."
            end2 = f"invites {{r1}} to join, and {{r1}} will think about it"
        c.goodbye("friends", 0.3)
        end, end2 = (x.format(r1=c.ref(1), r2=c.ref(2)) for x in (end, end2))
        c.sum(f"{c.ref(2)} is learning {lang} because {why_s}. {end}",
              f"{c.ref(2)} tells {c.ref(1)} about {c.his(2)} {lang} class and {end2}.",
              f"{c.ref(1)} and {c.ref(2)} talk about {c.ref(2)}'s {lang} lessons. {end}",
              f"{c.ref(2)}, who is learning {lang}, [advises|tells] {c.ref(1)} to {tip_to}.",
              f"{c.ref(2)} [has started|is taking] {lang} lessons on {sched} and {end2}.",
              f"{c.ref(2)} [has started|is taking] {lang} lessons because {why_s}.")
        return
    c.say(2, "[Hello|Good morning], welcome to the language centre. How can I help?", "Hi there. Are you here about a course?",
          "[Hello|Good afternoon]. What can I do for you?")
    c.say(1, f"Hi, I'd like to sign up for a {lang} course.", f"I'm interested in your {lang} classes.",
          f"[Hello|Hi]. I'm thinking of learning {lang}. [Do you have any courses?|What courses do you have?]")
    if c.chance(0.6):
        c.say(2, f"Great choice. Can I ask why you want to learn {lang}?", "Lovely. Is it for work or for fun?")
        c.say(1, f"Well, {why}.", f"[It's because|Mostly because] {why}.")
        has_why = True
    else:
        has_why = False
    c.say(2, "Have you studied it before?", "What's your level at the moment?", "Do you speak any already?")
    c.say(1, exp)
    c.say(2, f"Then our {level} group would suit you.", f"[I think|I'd say] the {level} group is right for you.")
    c.say(2, f"It's {a_fmt} on {sched}, at {t}. The course is {weeks} weeks and costs {price}.",
          f"There's {a_fmt} on {sched} at {t}: {weeks} weeks for {price}.")
    prob = c.branch("none", "price", "time", "none")
    if prob == "price":
        deal, deal_s = c.pick(("ten percent off if you pay for the whole course today", "ten percent off for paying the whole course today"),
                              ("a student discount of fifteen percent",) * 2, ("payment in two instalments",) * 2,
                              ("a free textbook if you sign up this week", "a free textbook for signing up this week"),
                              ("a cheaper online version of the course",) * 2)
        c.say(1, "Hmm, that's more than I expected.", "That's a bit expensive for me.")
        c.say(2, f"Well, we can offer {deal}.", f"[We do have|There's] {deal}, if that helps.")
        c.say(1, "Okay, that helps. I'll take it.", "Fine, [let's do that|sign me up].")
        extra = (f" {{r2}} offers {deal_s} because it is expensive.", f" {{r2}} [offers|mentions] {deal_s}.")
    elif prob == "time":
        other = c.pick([o for o in ("Saturday mornings", "Thursday evenings", "Monday evenings", "Sunday mornings", "Tuesday evenings",
                                    "Friday afternoons", "Wednesday evenings") if o.split()[0] not in sched])
        c.say(1, "Oh, I can't make that. I work then.", f"{sched} [don't work|are no good] for me, I'm afraid.")
        c.say(2, f"There's also a group on {other}.", f"Then try the group on {other}. It's the same level.")
        c.say(1, f"{other} would be perfect.", "That works. [Sign me up.|I'll take that one.]")
        extra = (f" {{r1}} [cannot make|cannot do] {sched}, so {c.he(1)} takes the group on {other}.",
                 f" As {sched} do not suit {{r1}}, {c.he(1)} [takes|picks] the group on {other}.")
    else:
        c.say(1, "That sounds [perfect|fine]. [Can I sign up now?|I'll take it.]", "Great, I'll sign up.")
        extra = ("", "")
    c.say(2, "Here's the form. [Oh, and|One more thing:] a little tip from our teachers: " + tip + ".",
          "Wonderful. [Fill this in, please.|Just fill in this form.] And until the course starts, try to " + tip + ".")
    c.say(1, "Thanks, I'll try that.", "Good idea, thank you.")
    c.goodbye("service", 0.3)
    extra = tuple(x.format(r1=c.ref(1), r2=c.ref(2)) for x in extra)
    because = f" because {why_s}" if has_why else ""
    tip_end = f" {c.ref(2)} also [recommends|suggests] {tip_s}." if not extra[0] and c.chance(0.3) else ""
    c.sum(f"{c.ref(1)} signs up for the {level} {lang} group{because}.{extra[0] or tip_end}",
          f"{c.ref(1)} wants to learn {lang}, and {c.ref(2)} [suggests|recommends] the {level} group.{extra[1] or tip_end}",
          f"{c.ref(1)} asks {c.ref(2)} about {lang} courses and joins the {level} {fmt}.{extra[1]}",
          f"{c.ref(2)} signs {c.ref(1)} up for {a_fmt} in {lang}.{extra[0]}",
          f"{c.ref(1)} [enrols in|joins] {a_fmt} in {lang}{because}.{extra[1]}")

COURSES = [("Organic Chemistry", "General Chemistry"), ("Advanced Statistics", "Introduction to Statistics"),
           ("Intermediate Microeconomics", "Principles of Economics"), ("Data Structures", "Introduction to Programming"),
           ("Cognitive Psychology", "Introduction to Psychology"), ("Creative Writing II", "Creative Writing I"),
           ("Linear Algebra", "Calculus I"), ("Modern European History", "World History"),
           ("Marketing Strategy", "Principles of Marketing"), ("Molecular Biology", "Cell Biology"),
           ("Machine Learning", "Linear Algebra"), ("Corporate Finance", "Financial Accounting"),
           ("Spanish Literature", "Intermediate Spanish"), ("Environmental Policy", "Introduction to Environmental Science"),
           ("Public Speaking", "Academic Writing")]


def course_registration(c):
    (course, prereq), (clash, _) = c.sample(COURSES, 2)
    c.vocab[prereq] = None
    year = c.pick("first year", "second year", "third year", "final year")
    need, need_s = c.pick(("I need it to graduate next year", "needs it to graduate next year"),
                          ("it's required for my major", "needs it for {his} major"),
                          ("it's the last course I need for my minor", "needs it to finish {his} minor"),
                          ("I want to apply for a master's in that field", "wants to apply for a master's in that field"),
                          ("my scholarship says I have to be full-time", "must stay full-time for {his} scholarship"),
                          ("I need it before my internship in the summer", "needs it before {his} summer internship"),
                          ("everyone says the professor is brilliant", "has heard the professor is brilliant"),
                          ("I switched majors and I'm behind", "switched majors and is behind"))
    need_s = need_s.format(he=c.he(1), his=c.his(1))
    c.say(1, "[Hi|Hello|Excuse me]. I'm having trouble registering for a course.", f"Hi, I need some help with my registration for {course}.",
          "[Hello|Good morning]. Is this where I can sort out a registration problem?")
    c.say(2, "Sure, have a seat. Which course is it?", "Of course. What's the course?", "Happy to help. Which course?")
    c.say(1, f"{course}. The system won't let me sign up.", f"It's {course}. I keep getting an error.", f"{course}, for next semester.")
    student_id = c.num(100000, 999999)
    if c.chance(0.6):
        c.say(2, "Can I have your student number first?", "Could I have your student ID, please?")
        c.say(1, f"It's {student_id}.", f"Yes, {student_id}.")
    c.say(2, "And what year are you in?", "Which year are you in?") if c.chance(0.5) else None
    if c.turns[-1][0] == 2:
        c.say(1, f"My {year}.", f"I'm in my {year}.")
    issue = c.branch("full", "clash", "prereq", "credits")
    if issue == "full":
        seats = c.num(25, 60, 5)
        c.say(2, f"Let me see. Ah, the class is full. All {seats} places are taken.", f"I see. The class is full, I'm afraid: {seats} students already.")
        c.say(1, f"But {need}!", f"Oh no. {cap(need)}. Is there anything I can do?")
        fix = c.branch("wait", "section", "prof")
        if fix == "wait":
            pos = c.num(2, 9)
            c.say(2, f"I can put you on the waiting list. You'd be number {pos}. People usually drop out in the first week.",
                  f"There's a waiting list. You'd be number {pos}, and places often open up.")
            c.say(1, "Okay, please put me on it.", "Fine, I'll take my chances.")
            sol = (f"{{r2}} puts {{r1}} on the waiting list as number {pos}.", f"{{r1}} joins the waiting list at number {pos}.",
                   f"The only option is the waiting list, where {{r1}} is number {pos}.")
        elif fix == "section":
            day = c.pick("Tuesday", "Thursday", "Friday", "Wednesday", "Monday")
            t = c.clock(8, 17)
            c.say(2, f"There's a second section on {day} at {t} with a few places left.", f"The second section, on {day} at {t}, still has room.")
            c.say(1, "That works. Can you put me in that one?", "Great, I'll take that.")
            sol = (f"{{r2}} enrols {{r1}} in the second section on {day}.", f"{{r1}} takes the second section on {day} instead.",
                   f"Luckily, the second section on {day} still has places.")
        else:
            c.say(2, "You could ask the professor for permission. Sometimes they add one or two extra seats.",
                  "Only the professor can add you now. Email and ask for permission.")
            c.say(1, "I'll email the professor today.", "Okay, I'll go to office hours tomorrow.")
            sol = (f"{{r2}} [tells|advises] {{r1}} to ask the professor for permission.", f"{{r1}} will ask the professor for permission.",
                   f"{{r2}} suggests asking the professor, who can sometimes add extra seats.")
        prob = ("the class is full", f"all {seats} places are taken")
    elif issue == "clash":
        c.say(2, f"Let me look. It clashes with {clash}, which you're already registered for.", f"It's a time clash. {course} is at the same time as your {clash} class.")
        c.say(1, f"Oh, I didn't notice. I need both of them. {cap(need)}.", f"Really? But {need}.")
        fix = c.branch("online", "later", "switch")
        if fix == "online":
            c.say(2, f"There's an online section of {course}. You can watch the lectures whenever you like.", f"{course} also has an online section, so there's no clash.")
            c.say(1, "Perfect, sign me up for that.", "Great, I'll do it online then.")
            sol = (f"{{r1}} takes the online section of {course}.", f"{{r1}} agrees to take the online section.",
                   f"The solution is the online section of {course}.")
        elif fix == "later":
            c.say(2, f"Honestly, you could take {course} next semester. It's offered every term.", f"My advice: take {clash} now and {course} next semester.")
            c.say(1, "I suppose that makes sense.", "Okay, I'll wait until next semester.")
            sol = (f"{{r1}} agrees to take {course} next semester.", f"{{r1}} will take it next semester.",
                   f"In the end, {{r1}} [will wait|agrees to wait] until next semester.")
        else:
            c.say(2, f"There's another section of {clash} in the evening. If you switch, the clash disappears.",
                  f"You could move to the evening section of {clash}.")
            c.say(1, "Oh, good idea. Let's do that.", "That works, please switch me.")
            sol = (f"{{r1}} moves to the evening section of {clash}.", f"{{r2}} moves {{r1}}'s other class to the evening.",
                   f"An evening section of {clash} solves the problem.")
        prob = (f"it clashes with {clash}", f"it clashes with {clash}")
    elif issue == "prereq":
        c.say(2, f"The problem is the prerequisite. You need {prereq} first.", f"You haven't taken {prereq}, which is a prerequisite.")
        fix = c.branch("waiver", "first", "both")
        if fix == "waiver":
            school, school_s = c.pick(("I took something similar at my old college", "took something similar at {his} old college"),
                                      ("I did it in summer school", "did it in summer school"),
                                      ("I studied it during my exchange year", "studied it during {his} exchange year"))
            school_s = school_s.format(his=c.his(1))
            c.say(1, f"But {school}.", f"[Actually,|Well,] {school}. Does that count?")
            c.say(2, "Then you can ask the department for a waiver. Bring your transcript.", "Then fill in this waiver form and attach your transcript.")
            c.say(1, "Okay, I'll bring my transcript tomorrow.", "Great, I'll do that.")
            sol = (f"{{r2}} tells {{r1}} to ask for a waiver.",
                   f"{{r1}} will apply for a waiver.",
                   f"Because {{r1}} {school_s}, {c.he(1)} can ask the department for a waiver.")
        elif fix == "first":
            c.say(1, f"Can't I just take it anyway? {cap(need)}.", "Is there any way around it?")
            c.say(2, f"I'm afraid not. Take {prereq} this term and {course} next year.", f"No. I'd register for {prereq} now and do {course} after that.")
            c.say(1, "Okay, that's what I'll do.", "Fine. Please register me for it.")
            sol = (f"{{r1}} registers for {prereq} first and will take {course} later.", f"{{r1}} will take {prereq} first.",
                   f"{{r1}} [agrees|plans] to do {prereq} this term.")
        else:
            c.say(1, f"Can I take {prereq} at the same time?", "What if I take both this term?")
            c.say(2, "Only with a signature from the head of department. I'll send you the form.", "It's possible with the head of department's signature.")
            c.say(1, "Thanks, I'll get it signed.", "Great, send me the form, please.")
            sol = (f"{{r1}} can take both with a signature from the head of department.",
                   f"{{r1}} will get a form signed to take {prereq} at the same time.",
                   f"With the head of department's signature, {{r1}} can take both together.")
        prob = (f"{c.he(1)} has not taken {prereq}", f"{prereq} is a prerequisite")
    else:
        credits = c.pick("twenty-one", "twenty-two", "twenty-four")
        c.say(2, f"You're already at the credit limit. With {course} you'd have {credits} credits.", f"That would take you to {credits} credits, which is over the limit.")
        fix = c.branch("drop", "sign")
        if fix == "drop":
            c.say(1, f"Hmm. Then I'll drop {clash}.", f"Okay, can I drop {clash} instead?")
            c.say(2, f"Sure. I'll drop {clash} and add {course}.", "Yes, that solves it.")
            sol = (f"{{r1}} drops {clash} to make room.", f"{{r1}} [offers|agrees] to drop {clash} instead.",
                   f"To make room, {{r2}} drops {clash} and adds {course}.")
        else:
            c.say(1, f"But my grades are good, and {need}.", "I really want to do all of them. Any way around it?")
            c.say(2, "With your grades, I can sign an overload form.", "I can approve an overload, since your grades are good.")
            c.say(1, "That would be great, thank you.", "Thank you so much!")
            sol = (f"{{r2}} signs an overload form for {{r1}}.", f"{{r2}} approves an overload for {{r1}}.",
                   f"Thanks to {c.his(1)} good grades, {{r1}} gets an overload approved.")
        prob = (f"it would put {c.him(1)} over the credit limit", f"it would take {c.him(1)} to {credits} credits")
    if c.chance(0.5):
        c.say(1, "And when is the deadline to add courses?", "By the way, what's the last day to change courses?")
        dl = c.pick("Friday", "next Monday", "the end of next week", "Wednesday", "the fifteenth")
        c.say(2, f"{cap(dl)}, so don't wait too long.", f"It's {dl}.")
    c.goodbye("service", 0.5)
    sol = tuple(x.format(r1=c.ref(1), r2=c.ref(2)) for x in sol)
    k = c.branch(0, 1, 2)
    clause = sol[1].rstrip(".")
    c.sum(f"{c.ref(1)} cannot register for {course} because {prob[0]}. {sol[k]}",
          f"{c.ref(1)} cannot register for {course} because {prob[0]}, so {clause}.",
          f"{c.ref(1)} asks {c.ref(2)} for help with {course}, but {prob[1]}. {sol[k]}",
          f"{c.ref(1)} [wants|tries] to [take|sign up for] {course}, but {prob[1]}, so {clause}.",
          f"{c.ref(2)} helps {c.ref(1)}, who {need_s}, with {course}. {sol[k]}" if need in c.dialogue_text() else
          f"{c.ref(2)} helps {c.ref(1)} with a problem registering for {course}. {sol[k]}",
          f"{c.ref(1)} has a problem with {course}: {prob[1]}. {sol[k]}",
          f"{c.ref(1)} cannot get into {course}, so {clause}.")

def choosing_a_gift(c):
    fem = c.chance(0.5)
    rel, rel_s = c.pick(("my sister", "sister"), ("my dad", "dad"), ("my boss", "boss"), ("my grandmother", "grandmother"),
                        ("my best friend", "best friend"), ("my mum", "mum"), ("my brother", "brother"), ("my colleague", "colleague"),
                        ("my neighbour", "neighbour"), ("my uncle", "uncle"), ("my flatmate", "flatmate"), ("my teacher", "teacher"))
    she = {"my sister": True, "my dad": False, "my grandmother": True, "my mum": True, "my brother": False, "my uncle": False}.get(rel, fem)
    sh, her = ("she", "her") if she else ("he", "his")
    occ = c.pick("birthday", "retirement", "new job", "housewarming", "promotion", "leaving party", "wedding anniversary",
                 "big birthday", "name day")
    budget = c.num(30, 150, 10)
    likes = c.pick("loves cooking", "started gardening this year", "reads all the time", "drinks so much coffee",
                   "goes hiking every weekend", "listens to music all day", "works too hard and never relaxes",
                   "loves old family photos", "plays board games with friends every week", "travels for work every month")
    likes_s = likes
    gifts = {"loves cooking": ["a cooking class", "a good chef's knife", "a cookbook from that famous chef"],
             "started gardening this year": ["a set of garden tools", "a gardening voucher", "a pair of leather gardening gloves"],
             "reads all the time": ["a reading light", "a bookshop voucher", "a book by that new author"],
             "drinks so much coffee": ["a coffee grinder", "a bag of special coffee beans and a mug", "a coffee tasting class"],
             "goes hiking every weekend": ["a good water bottle", "a hiking guidebook", "a warm hat and gloves"],
             "listens to music all day": ["concert tickets", "a record player", "a pair of wireless headphones"],
             "works too hard and never relaxes": ["a spa voucher", "a massage voucher", "a weekend away"],
             "loves old family photos": ["a personalised photo album", "a framed family photo", "a digital photo frame"],
             "plays board games with friends every week": ["a new board game", "a puzzle cafe voucher", "a chess set"],
             "travels for work every month": ["a leather passport holder", "a travel backpack", "a portable charger"]}
    final = c.pick(gifts[likes])
    rejects = c.sample([("a scarf", f"{sh} already has loads"), ("perfume", "it's too personal"), ("a gift card", "it's a bit boring"),
                        ("flowers", "they don't last"), ("chocolates", f"{sh} doesn't eat sugar"), ("a watch", "it's too expensive"),
                        ("a plant", f"{sh} forgets to water them"), ("a mug", "everyone gives mugs"), ("wine", f"{sh} doesn't drink"),
                        ("socks", "that's what people buy when they have no ideas"), ("a candle", f"{sh} got three last year"),
                        ("a phone case", f"{sh} changes phones all the time")], c.branch(1, 1, 2))
    c.greet(0.5, 0.3)
    c.say(1, c.hi(1, 2) + f" Can you help me? I need a present for {rel}'s {occ} and I have no idea.",
          f"I'm stuck. {cap(rel)}'s {occ} is coming up and I don't know what to get.",
          f"[Have you got a minute?|Can I ask you something?] I need a gift for {rel}. It's for {her} {occ}.")
    c.say(2, "Sure. How much do you want to spend?", "Happy to help. What's the budget?", "Of course. [Any budget in mind?|How much can you spend?]")
    c.say(1, f"About ${budget}, not more.", f"Up to ${budget}, I'd say.")
    idea, reason = rejects[0]
    c.say(2, f"What about {idea}?", f"[How about|Maybe] {idea}?")
    c.say(1, f"No, {reason}.", f"Hmm, I don't think so. {cap(reason)}.")
    if len(rejects) > 1:
        idea2, reason2 = rejects[1]
        c.say(2, f"Okay, {idea2} then?", f"Then {idea2}?")
        c.say(1, f"{reason2[0].upper() + reason2[1:]}, [unfortunately|sadly].", f"No, {reason2}.")
    c.say(2, f"Well, what does {sh} like doing?", f"Tell me about {her} hobbies, then.", "What's [he|she] into these days?".replace("[he|she]", sh))
    c.say(1, f"{cap(sh)} {likes}.", f"Hmm, {sh} {likes}, [I suppose|mostly].")
    c.say(2, f"Then why not {final}?", f"[Perfect.|There you go.] Get {sh == 'she' and 'her' or 'him'} {final}.")
    split = c.chance(0.35)
    if c.chance(0.5):
        cost = c.num(budget // 2, budget, 5)
        c.say(1, f"That's a great idea! It's about ${cost}, I think.", f"Oh, {sh}'d love that. And it's only about ${cost}.")
    else:
        c.say(1, f"Oh, {sh}'d love that!", "That's perfect. Why didn't I think of that?")
    if split:
        c.say(1, "Actually, do you want to go halves? You know " + ("her" if she else "him") + " too.", "Would you like to split it with me? We could give it together.")
        c.say(2, "Sure, let's give it from both of us.", "Good idea, count me in.")
    else:
        c.say(2, "Glad I could help.", "[Great|Good], problem solved.")
    rejected = join_and([r[0] for r in rejects])
    who = f"{c.his(1)} {rel_s}"
    end = " They [agree to|will] share the cost." if split else ""
    c.sum(f"{c.ref(1)} asks {c.ref(2)} to help choose a present for {who}'s {occ}. They choose {final}.{end}",
          f"{c.ref(1)} needs a gift for {who}, who {likes_s}, and {c.ref(2)} [suggests|comes up with] {final}.",
          f"{c.ref(1)} chooses {final} for {who}'s {occ} with {c.ref(2)}'s help.{end}",
          f"{c.ref(1)} [rejects|says no to] {rejected} for {who}'s {occ} and [goes for|settles on] {final}.",
          f"{c.ref(1)} and {c.ref(2)} talk about a present for {who}. They [go for|settle on] {final}.{end}",
          f"{c.ref(1)} wants a gift under ${budget} for {who}, and {c.ref(2)} [suggests|proposes] {final}.")

# hobby: (what it gives: (dialogue, summary) pairs, the outing it invites to, why it is cheap to start)
HOBBIES = {
    "photography": ([("the way it makes me notice the light", "how it makes {him} notice the light"),
                     ("walking around the city looking for pictures", "walking around the city looking for pictures"),
                     ("editing the photos afterwards", "editing the photos afterwards")],
                    "a photo walk along the canal", "a second-hand camera is enough"),
    "watercolour painting": ([("how relaxing it is", "how relaxing it is"), ("mixing the colours", "mixing the colours"),
                              ("painting outdoors in the park", "painting outdoors in the park")],
                             "a painting workshop at the community centre", "a small set of paints and brushes is enough"),
    "the guitar": ([("learning songs I love", "learning songs {he} loves"), ("playing with other people", "playing with other people"),
                    ("how it clears my head after work", "how it clears {his} head after work")],
                   "an open mic night at a cafe", "a cheap guitar is fine to start"),
    "chess": ([("that every game is different", "that every game is different"), ("thinking several moves ahead", "thinking several moves ahead"),
               ("the people at the club", "the people at the club")],
              "the chess club at the library", "it costs nothing, you can play online"),
    "running": ([("how fresh I feel afterwards", "how fresh {he} feels afterwards"), ("running by the river in the morning", "running by the river in the morning"),
                 ("beating my own times", "beating {his} own times")],
                "the five-kilometre park run", "you only need good shoes"),
    "knitting": ([("making presents for people", "making presents for people"), ("how calm it makes me", "how calm it makes {him}"),
                  ("choosing the wool", "choosing the wool")],
                 "a knitting circle at a cafe", "wool and needles are cheap"),
    "pottery": ([("getting my hands dirty", "getting {his} hands dirty"), ("using the bowls I make", "using the bowls {he} makes"),
                 ("the moment you open the kiln", "the moment the kiln is opened")],
                "a taster class at the pottery studio", "the studio provides everything"),
    "rock climbing": ([("solving the routes like puzzles", "solving the routes like puzzles"), ("how strong I've become", "how strong {he} has become"),
                       ("the friendly people at the wall", "the friendly people at the wall")],
                      "a beginners' session at the climbing wall", "you can rent shoes there"),
    "birdwatching": ([("being outside early in the morning", "being outside early in the morning"), ("learning the birdsongs", "learning the birdsongs"),
                      ("how patient it makes me", "how patient it makes {him}")],
                     "a bird walk at the nature reserve", "a pair of binoculars is all you need"),
    "salsa dancing": ([("the music", "the music"), ("meeting new people", "meeting new people"),
                       ("getting exercise without noticing", "getting exercise without noticing")],
                      "a salsa night at a bar", "a class is only a few dollars and you don't need a partner"),
    "woodwork": ([("building something real", "building something real"), ("the smell of the wood", "the smell of the wood"),
                  ("fixing things at home myself", "fixing things at home {himself}")],
                 "an open workshop day at the woodwork studio", "the workshop lends you the tools"),
    "cycling": ([("exploring the villages outside the city", "exploring the villages outside the city"),
                 ("the long rides on Sunday mornings", "the long rides on Sunday mornings"), ("not needing the bus any more", "not needing the bus any more")],
                "a group ride with the cycling club", "any old bike will do at first"),
    "the piano": ([("playing pieces I heard as a child", "playing pieces {he} heard as a child"), ("how it calms me down", "how it calms {him} down"),
                   ("hearing myself get better every week", "hearing {himself} improve every week")],
                  "a small concert at the music school", "a digital piano doesn't cost much"),
    "sketching": ([("drawing people in cafes", "drawing people in cafes"), ("filling a whole sketchbook", "filling a whole sketchbook"),
                   ("seeing the city in a different way", "seeing the city in a different way")],
                  "a sketching meet-up at the botanical garden", "a pencil and a notebook are enough"),
    "yoga": ([("how flexible I've become", "how flexible {he} has become"), ("having no more back pain", "having no more back pain"),
              ("the quiet at the end of the class", "the quiet at the end of the class")],
             "a yoga class in the park", "you just need a mat"),
}


def hobbies(c):
    hobby = c.pick(list(HOBBIES))
    likes, event, cheap = HOBBIES[hobby]
    doing = {"the guitar": "learning the guitar", "the piano": "learning the piano", "chess": "playing chess",
             "watercolour painting": "painting with watercolours", "sketching": "going out sketching",
             "salsa dancing": "going to salsa classes"}.get(hobby, f"doing {hobby}")
    like, like_s = c.pick(likes)
    like_s = like_s.format(he=c.he(2), his=c.his(2), him=c.him(2), himself="herself" if c.people[2].female else "himself")
    how_long = c.pick("about six months", "two years", "a few weeks", "almost a year", "three months", "a couple of years", "four months")
    start, start_s = c.pick(("a friend dragged me to a beginners' class", "a friend took {him} to a beginners' class"),
                            ("I saw a video online and thought I'd try it", "{he} saw a video online"),
                            ("my doctor told me to find something relaxing", "{his} doctor told {him} to find something relaxing"),
                            ("I needed something to do on winter evenings", "{he} needed something to do on winter evenings"),
                            ("I wanted a break from screens after work", "{he} wanted a break from screens"),
                            ("my company organised a taster session", "{his} company organised a taster session"),
                            ("my neighbour got me into it", "{his} neighbour got {him} into it"),
                            ("I moved here and wanted to meet people", "{he} wanted to meet people after moving"),
                            ("my kids started and I joined them", "{his} children started and {he} joined them"),
                            ("I got a voucher for my birthday", "{he} got a voucher for {his} birthday"),
                            ("a colleague kept talking about it", "a colleague kept talking about it"),
                            ("I read an article about how good it is for stress", "{he} read that it is good for stress"),
                            ("my sister challenged me to try it", "{his} sister challenged {him} to try it"),
                            ("it was one of my New Year's resolutions", "it was one of {his} New Year's resolutions"),
                            ("my partner bought me a course as a present", "{his} partner bought {him} a course"))
    start_s = start_s.format(he=c.he(2), his=c.his(2), him=c.him(2))
    day = c.pick("Saturday", "Sunday", "Thursday", "Friday", "next weekend", "Wednesday")
    on_day = day if day.startswith("next") else f"on {day}"
    ans = c.branch("yes", "yes", "no", "maybe")
    c.greet(0.5, 0.4)
    ago = f"{how_long} ago"
    v = c.branch(1, 2)
    if v == 1:
        c.say(1, c.hi(1, 2) + f" I saw your pictures online. I didn't know you were into {hobby}!",
              f"Someone told me you've taken up {hobby}. Is that true?", f"[So|Hey,] how are you getting on with {hobby}?")
        c.say(2, f"Yes! I started {ago}.", f"[It's true.|Yes, it's going well.] I've been doing it for {how_long}.")
        c.say(1, "How did you get into it?", "What made you start?", "How did that happen?")
        c.say(2, f"Oh, {start}.", f"Well, {start}. [And I was hooked.|I loved it straight away.]")
    else:
        c.say(1, c.hi(1, 2) + " What do you do in your free time these days?", "Have you got any hobbies? I need something to do at weekends.",
              "[I'm bored of|I'm tired of] just watching TV at the weekend. What do you do?")
        c.say(2, f"Actually, I've been {doing} for {how_long}.", f"I took up {hobby} {ago}.")
        c.say(1, f"Really? {cap(hobby)}? How did you start?", f"{cap(hobby)}? How did you get into that?")
        c.say(2, f"{cap(start)}.", f"Well, {start}.")
    c.say(1, "And what do you like about it?", "What's the best part?", "What do you enjoy most about it?")
    c.say(2, f"I love {like}.", f"Mostly {like}. [It's addictive.|I can't stop now.]", f"Honestly? {cap(like)}.")
    if c.chance(0.5):
        c.say(1, "Isn't it expensive to start?", "Do you need a lot of equipment?")
        c.say(2, f"Not really, {cheap}.", f"No, {cheap}.")
        cost = True
    else:
        cost = False
    c.say(2, f"Why don't you come with me? There's {event} {on_day}.", f"You should try it. I'm going to {event} {on_day}. Come along!")
    if ans == "yes":
        c.say(1, "Okay, I'm in!", "Why not? Count me in.", "[I'd love to.|Sounds great.] What time?")
        if c.turns[-1][1].endswith("?"):
            c.say(2, f"I'll pick you up at {c.clock(9, 18)}.", "I'll text you the details.")
        end = c.branch(f"{c.ref(1)} will join {c.him(2)} {on_day}.", f"{c.ref(1)} agrees to [come along|go with {c.him(2)}].")
        inv = f"and {c.ref(1)} [agrees|says yes]"
    elif ans == "no":
        c.say(1, f"I'd love to, but I'm busy {on_day}. Maybe next time.", f"Not {on_day}, sorry, I'm working. Another time?")
        c.say(2, "Sure, there's one every month.", "No problem, I'll let you know about the next one.")
        end = c.branch(f"{c.ref(1)} is busy {on_day} but would like to try another time.", f"{c.ref(1)} cannot go because of work.")
        inv = f"but {c.ref(1)} is busy"
    else:
        c.say(1, "Hmm, I'm not sure I'd be any good. Let me think about it.", "Maybe. I'll let you know.")
        c.say(2, "Everyone's a beginner at first!", "Don't worry, nobody's an expert.")
        end = c.branch(f"{c.ref(1)} will think about joining {c.him(2)}.", f"{c.ref(1)} is not sure {c.he(1)} would be any good.")
        inv = f"and {c.ref(1)} will think about it"
    c.sum(f"{c.ref(2)} took up {hobby} {ago} because {start_s}.",
          f"{c.ref(2)} tells {c.ref(1)} about {c.his(2)} new hobby, {hobby}. {end}",
          f"{c.ref(2)} [loves|enjoys] {hobby}, especially {like_s}. {end}",
          f"{c.ref(2)} invites {c.ref(1)} to {event} {on_day}, {inv}.",
          f"{c.ref(1)} and {c.ref(2)} talk about {c.ref(2)}'s hobby, {hobby}. {end}",
          f"{c.ref(2)} got into {hobby} because {start_s} and invites {c.ref(1)} to join {c.him(2)}." + (" It is cheap to start." if cost else ""))

def first_date(c):
    dn, dfem = c.acquaintance()
    they, them, their = ("she", "her", "her") if dfem else ("he", "him", "his")
    place, place_s = c.pick(("a little Italian place on " + c.pick(STREETS),) * 2, ("the cinema", "the cinema"), ("a jazz bar", "a jazz bar"),
                            ("the Thai restaurant by the river",) * 2, ("a board game cafe",) * 2, ("a picnic in the park", "a picnic in the park"),
                            ("a cooking class",) * 2, ("a comedy club",) * 2, ("the bowling alley",) * 2, ("the aquarium",) * 2,
                            ("a wine bar",) * 2, ("the art gallery",) * 2, ("the food market",) * 2, ("a karaoke bar",) * 2)
    met = c.pick("on a dating app", "at a friend's wedding", "at the gym", "at my book club", "through my cousin", "at a concert",
                 "at the dog park", "in my evening class", "at a birthday party", "on the train to work")
    met_s = {"at my book club": "at a book club", "in my evening class": "in an evening class", "through my cousin": "through a cousin"}.get(met, met)
    v = c.branch("report", "report", "plan")
    c.greet(0.6, 0.45)
    if v == "report":
        good = c.branch(True, True, False)
        c.say(1, c.hi(1, 2) + f" So? How was the date with {dn}?", f"I want to hear everything. How did it go with {dn}?",
              f"[Come on,|So,] tell me about your first date with {dn}!")
        c.say(2, "Better than I expected, actually!" if good else "Honestly? Not great.", "It was lovely." if good else "Hmm. Mixed feelings.")
        if c.chance(0.6):
            c.say(1, "Wait, remind me how you met.", f"Remind me, where did you meet {them}?", "How did you two meet again?")
            c.say(2, f"We met {met}. We'd been chatting for weeks.", f"{cap(met)}, a month ago.")
        c.say(1, "Where did you go?", f"Where did you take {them}?", "So where did you go in the end?")
        c.say(2, f"We went to {place}.", f"{cap(place)}. [It was {their} idea.|I chose it.]")
        if good:
            det, det_s = c.pick(("we talked for hours and they had to close around us", "they talked for hours"),
                                ("we have the same favourite band", "they have the same favourite band"),
                                (f"{they} made me laugh the whole evening", f"{dn} made {c.him(2)} laugh all evening"),
                                (f"it turns out we both grew up in {c.pick(CITIES)}", "they both grew up in the same city"),
                                (f"{they} remembered a tiny thing I said in our messages", f"{dn} remembered something from their messages"),
                                (f"{they} was really easy to talk to", f"{dn} was easy to talk to"),
                                (f"{they} walked me to the bus stop in the rain", f"{dn} walked {c.him(2)} to the bus stop in the rain"))
            c.say(2, f"And the best part: {det}.", f"[What I liked most|The nicest thing] was that {det}.")
            c.say(1, "Aww, that's sweet.", "See? I told you it would be fine.", "Okay, I'm a little jealous.")
            again = c.pick("the cinema on Friday", "dinner at my place next week", "a walk by the sea on Sunday", "a concert next Saturday",
                           "the museum next weekend", "brunch on Sunday", "a football match on Saturday", "the theatre next Thursday")
            again_s = again.replace("my place", f"{c.ref(2)}'s place")
            c.say(1, f"So are you seeing {them} again?", "Second date?", "Are you going to meet again?")
            c.say(2, f"Yes! We're going to {again}.", f"Already planned. {cap(again)}.")
            c.say(1, "I'm so happy for you!", "That's great news!")
            c.sum(f"{c.ref(2)}'s first date with {dn} at {place_s} went well because {det_s}.",
                  f"{c.ref(2)} tells {c.ref(1)} that the first date with {dn} went well. They are planning {again_s}.",
                  f"{c.ref(2)} had a great first date with {dn}: {det_s}.",
                  f"{c.ref(1)} asks about {c.ref(2)}'s date with {dn}, which went well. Their second date is {again_s}.",
                  f"{c.ref(2)} and {dn} went to {place_s} on a first date and are planning {again_s}.")
        else:
            det, det_s = c.pick((f"{they} was on {their} phone the whole time", f"{dn} was on {their} phone the whole time"),
                                (f"{they} talked about {their} ex all evening", f"{dn} talked about {their} ex all evening"),
                                (f"{they} was forty minutes late", f"{dn} was forty minutes late"),
                                (f"{they} was rude to the waiter", f"{dn} was rude to the waiter"),
                                (f"{they} wanted to split the bill to the cent", f"{dn} wanted to split the bill to the cent"),
                                (f"{they} only talked about work", f"{dn} only talked about work"),
                                (f"{they} didn't ask me a single question", f"{dn} did not ask {c.him(2)} a single question"))
            c.say(2, f"[The problem was|Well,] {det}.", f"{cap(det)}. [I couldn't believe it.|Can you imagine?]")
            c.say(1, "Oh no. You're joking.", "Seriously? That's terrible.", "Oh dear. What did you do?")
            c.say(2, "I just smiled and finished my drink.", "What could I do? I was polite and went home early.")
            c.say(1, "So no second date?", f"Are you going to see {them} again?")
            maybe = c.chance(0.35)
            if maybe:
                c.say(2, f"Maybe one more try. {cap(they)} might have been nervous.", "I'll give it one more chance. Everyone's nervous on a first date.")
                c.say(1, "That's fair.", "Fair enough. Let me know how it goes.")
                out = ("wants to give it one more chance", f"[will give|is giving] {dn} one more chance")
            else:
                c.say(2, "No, I don't think so. We're just too different.", "I don't think so. There was no spark.")
                c.say(1, "Never mind, you'll meet the right person.", "[Oh well.|Never mind.] Their loss.")
                out = (f"does not want to see {them} again", f"will not see {dn} again")
            c.sum(f"{c.ref(2)}'s first date with {dn} at {place_s} did not go well because {det_s}.",
                  f"{c.ref(2)}'s first date with {dn} was [a disappointment|not a success]: {det_s}.",
                  f"{c.ref(2)} {out[1]} because {det_s}.",
                  f"{c.ref(1)} asks how {c.ref(2)}'s first date with {dn} went. {cap(det_s)}, so {c.ref(2)} {out[1]}.",
                  f"{c.ref(2)} tells {c.ref(1)} about a bad first date at {place_s}. {cap(c.he(2))} {out[1]}.")
        return
    # planning: #1 asks #2 for advice on where to take someone on a first date
    day = c.pick("Friday", "Saturday", "Sunday", "Thursday")
    c.say(1, c.hi(1, 2) + f" I've got a first date with {dn} on {day} and I don't know where to take {them}.",
          f"I need your help. I'm meeting {dn} on {day}, our first date. Any ideas?",
          f"[Guess what?|You won't believe it.] {dn} said yes! We're going out on {day}, but where should we go?")
    c.say(2, f"Ooh, exciting! How did you meet {them}?", "Congratulations! Where did you meet?")
    c.say(1, f"{cap(met)}. We've been messaging for a week.", f"We met {met}.")
    c.say(2, f"And what's {they} like?", f"What does {they} enjoy?")
    trait = c.pick("into music", "a big foodie", "shy", "sporty", "into art", "funny and competitive",
                   "a bookworm", "crazy about animals", "into old films")
    c.say(1, f"{cap(they)}'s {trait}.", f"From our messages, {they}'s {trait}.")
    bad, why = c.pick(("a fancy restaurant", "too formal"), ("the cinema", "too dark and quiet to talk"), ("a nightclub", "too loud"),
                      ("dinner at your place", "a bit much for a first date"), ("a long hike", "too long if it goes badly"),
                      ("a big party", "too crowded"), ("a football match", "too noisy to talk"))
    c.say(2, f"Well, not {bad}, that's {why}.", f"Don't do {bad}. It's {why}.")
    bad_s = bad.replace("your place", f"{c.ref(1)}'s place")
    if place == bad:
        place, place_s = "a board game cafe", "a board game cafe"
    c.say(2, f"What about {place}?", f"I'd go for {place}. [Easy and relaxed.|You can chat and have fun.]")
    ok = c.chance(0.7)
    if ok:
        c.say(1, "That's perfect, actually.", f"Good idea. I think {they}'d like that.")
        c.sum(f"{c.ref(1)} asks {c.ref(2)} where to take {dn} on a first date, and {c.ref(2)} suggests {place_s}.",
              f"{c.ref(2)} advises {c.ref(1)} against {bad_s} for the first date with {dn} and suggests {place_s}.",
              f"{c.ref(1)} will take {dn} to {place_s} on {day} for their first date, as {c.ref(2)} suggests.",
              f"{c.ref(1)} met {dn} {met_s} and asks {c.ref(2)} for first date ideas. {c.ref(2)} suggests {place_s}.")
    else:
        alt = c.pick("a walk by the river and ice cream", "a coffee and a museum", "a cooking class", "a comedy show", "a street food market")
        c.say(1, f"Hmm, I'm not sure. Maybe {alt}?", f"Or {alt}? That feels more like me.")
        c.say(2, "Even better. Just be yourself.", "That works too. Relax and be yourself.")
        c.sum(f"{c.ref(2)} suggests {place_s} for {c.ref(1)}'s first date with {dn}, but {c.ref(1)} prefers {alt}.",
              f"{c.ref(1)} chooses {alt} for a first date with {dn}, who is {trait}.",
              f"{c.ref(2)} warns {c.ref(1)} against {bad_s} because it is {why}, and {c.ref(1)} [decides on|chooses] {alt}.",
              f"{c.ref(1)} asks {c.ref(2)} where to take {dn} on {day}. {c.ref(1)} [decides on|chooses] {alt}.")
    if c.chance(0.5):
        c.say(1, "And what should I wear?", "Should I bring flowers?", "Should I pay for everything?")
        c.say(2, "Something simple. Don't try too hard.", "No, keep it simple.", "Just relax. Don't overthink it.")


FESTIVALS = {
    "Diwali": (["sweets like ladoos and barfi", "samosas and a big family dinner"], ["light oil lamps all around the house", "watch fireworks", "draw rangoli patterns at the door"]),
    "Lunar New Year": (["dumplings", "a whole fish for good luck"], ["give children red envelopes with money", "clean the whole house before the new year", "watch the lion dance"]),
    "Eid": (["a big lunch with lamb", "dates and sweet pastries"], ["visit all the relatives", "wear new clothes", "give money to the children"]),
    "Thanksgiving": (["turkey with cranberry sauce", "pumpkin pie"], ["say what we are thankful for", "watch football after dinner", "have the whole family round"]),
    "Christmas": (["roast dinner", "mince pies"], ["decorate the tree", "open presents in the morning", "sing carols"]),
    "Hanukkah": (["latkes", "doughnuts filled with jam"], ["light the candles every night", "play the dreidel game", "give small presents"]),
    "Easter": (["lamb", "hot cross buns"], ["paint eggs", "hide chocolate eggs in the garden", "go to church"]),
    "Midsummer": (["pickled herring and new potatoes", "strawberry cake"], ["dance around the maypole", "stay up all night", "wear flower crowns"]),
    "the Day of the Dead": (["pan de muerto, a sweet bread", "tamales"], ["build an altar with photos of our relatives", "visit the cemetery", "decorate with marigolds"]),
    "Chuseok": (["songpyeon, little rice cakes", "japchae, glass noodles with vegetables"], ["visit our hometown", "visit the family graves", "play traditional games"]),
    "Nowruz": (["rice with herbs and fish", "sweet pastries"], ["set up a table with seven special things", "jump over small fires", "visit relatives for days"]),
    "Hogmanay": (["shortbread", "black bun, a kind of fruit cake"], ["sing Auld Lang Syne at midnight", "visit the neighbours after midnight", "clean the house before the new year"]),
    "Holi": (["gujiya, sweet dumplings", "spicy snacks"], ["throw coloured powder at everyone", "have water fights", "light a bonfire the night before"]),
    "Passover": (["matzah", "chicken soup"], ["have a long dinner called the seder", "tell the story of the holiday", "hide a piece of matzah for the children"]),
}


def holiday_traditions(c):
    fest = c.pick(list(FESTIVALS))
    foods, customs = FESTIVALS[fest]
    food = c.pick(foods)
    custom = c.pick(customs)
    he, his = c.he(2), c.his(2)
    # (what #2 says, the summary's form, whether #1 can be invited to it)
    city = c.pick(CITIES)
    plan, plan_s, local = c.pick((f"I'm flying home to {city} to be with my family", f"{he} is flying home to {city}", False),
                                 ("I'm hosting it for the first time, at my flat", f"{he} is hosting it for the first time", True),
                                 ("flights are too expensive, so I'm celebrating with friends here",
                                  f"{he} is celebrating with friends because flights cost too much", True),
                                 ("I have to work, so it's just a small dinner", f"{he} has to work, so it will be a small dinner", True),
                                 ("my parents are coming to visit me", f"{his} parents are coming to visit {c.him(2)}", True),
                                 ("we're going to my grandparents' house in the country", f"the family is spending it at {his} grandparents' house", False),
                                 ("my sister just had a baby, so we're celebrating at her place", f"they are celebrating at {his} sister's place", False),
                                 ("we're having it at my aunt's for the first time", f"the family is celebrating at {his} aunt's", False))
    crowd = c.pick("about thirty relatives", "just my parents and my brother", "my grandparents, aunts and cousins",
                   "the whole street", "around fifteen people", "three generations of the family")
    crowd_s = crowd.replace("my ", f"{his} ")
    custom_s = custom.replace("what we", "what they").replace("our ", "their ")
    c.greet(0.5, 0.4)
    v = c.branch(1, 2)
    if v == 1:
        c.say(1, c.hi(1, 2) + f" {cap(fest)} is coming up, isn't it? How do you usually celebrate?",
              f"I've never celebrated {fest}. What do you do?", f"[Are you doing anything for|Do you celebrate] {fest}?")
    else:
        c.say(1, c.hi(1, 2) + " Why is the office kitchen full of sweets?", "You look excited about something. What's going on?")
        c.say(2, f"It's {fest} this week!", f"{cap(fest)} is coming up! I always get excited.")
        c.say(1, "How do you celebrate it?", "Oh, I've never celebrated it. What do you do?", "Tell me more. What happens?")
    c.say(2, f"Well, {crowd} get together and we {custom}.", f"The main thing is that we {custom}. [It's my favourite part.|The kids love it.]",
          f"It's mostly about family. We {custom}, and there's so much food.")
    if crowd not in c.turns[-1][1]:
        c.say(1, "Is it a big gathering?", "How many people come?", "Who's there?")
        c.say(2, f"Oh, {crowd}.", f"Usually {crowd}. [It's chaos.|It's loud, but I love it.]")
    c.say(1, "And what do you eat?", "What about the food?", "I bet the food is amazing.")
    c.say(2, f"Oh, {food}. Nobody cooks it like my grandmother.", f"{cap(food)}, [always|every year]. I eat far too much.")
    own = None
    if c.chance(0.5):
        own = c.pick("we just have a quiet dinner", "we don't celebrate anything like that", "we go to the beach for the holidays",
                     "we watch old films all day", "we have a huge barbecue in the summer", "my dad makes pancakes for everyone")
        c.say(1, f"That sounds wonderful. In my family, {own}.", f"Sounds fun. At my house {own}.")
    same = c.chance(0.5)
    c.say(1, "Are you doing the same this year?" if same else "So what's the plan for this year?",
          "Is it the same this year?" if same else "What are your plans this year?")
    c.say(2, f"Not quite. {cap(plan)}." if same else f"Well, {plan}.", f"Not this year. {cap(plan)}." if same else f"This year {plan}.")
    inv = c.branch("yes", "yes", "no") if local else None
    if inv:
        c.say(2, "You should come! [There'll be plenty of food.|Everyone's welcome.]", "Why don't you join us? You'd love it.")
        if inv == "yes":
            c.say(1, "Really? I'd love to. What should I bring?", "I'd be honoured. Can I bring something?")
            bring = c.pick("some fruit", "a dessert", "flowers", "some drinks", "a salad", "some bread")
            c.say(2, f"Just bring {bring}, if you like.", f"{cap(bring)} would be great. Thanks!")
            end = c.branch(f" {c.ref(1)} will join them and bring {bring}.", f" {c.ref(1)} accepts an invitation to join them.")
        else:
            c.say(1, "I'd love to, but I'm away that week. Maybe next year!", "That's kind, but I'll be at my parents'. Next year?")
            c.say(2, "Deal. Next year then.", "I'll hold you to that!")
            end = c.branch(f" {c.ref(1)} cannot come this year.", f" {c.ref(1)} hopes to join them next year.")
    else:
        if not local and c.chance(0.6):
            c.say(1, f"Lucky you! Bring me back some {food.split(',')[0]}!", "That sounds lovely. Have a great time!")
        else:
            c.say(1, "Well, enjoy it!", "That sounds wonderful. Have a great time!")
        end = ""
    own_s = f" In {c.ref(1)}'s family, {own}." if own else ""
    own_s = own_s.replace(" we ", " they ").replace("don't", "do not").replace("my dad", f"{c.his(1)} dad")
    this_year = f" This year {plan_s}."
    c.sum(f"{c.ref(2)} tells {c.ref(1)} how {his} family celebrates {fest}.{end or this_year}",
          f"{c.ref(2)} explains that at {fest} they {custom_s} and eat {food}.",
          f"{c.ref(1)} asks {c.ref(2)} about {fest}, when {his} family {custom_s}.{end}",
          f"{c.ref(2)} describes {fest} to {c.ref(1)}: {crowd_s} get together and eat {food}.",
          f"{c.ref(2)} [loves|looks forward to] {fest}, but this year {plan_s}.{end}",
          f"{c.ref(1)} and {c.ref(2)} talk about how {c.ref(2)}'s family celebrates {fest}.{end or own_s or this_year}",
          f"For {fest}, {c.ref(2)}'s family [always|usually] eat {food}. This year {plan_s}.")

SCENARIOS = {
    "language class": language_class,
    "course registration": course_registration,
    "choosing a gift": choosing_a_gift,
    "hobbies": hobbies,
    "first date": first_date,
    "holiday traditions": holiday_traditions,
}
FAMILIAR_TOPICS = {"choosing a gift", "hobbies", "first date", "holiday traditions"}
STAFF_TOPICS = {"language class", "course registration"}
