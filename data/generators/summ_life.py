"""Scenario scripts: work, school, housing and health."""

from summ_common import FEMALE, MALE, LAST, CITIES, DAYS, MONTHS, STREETS, WEEKDAYS, NUMWORDS, cap


def work_meeting(c):
    boss = c.person_name()
    d1, d2 = c.sample(WEEKDAYS, 2)
    c.greet(0.5)
    reason = c.pick("a dentist appointment", "my son's school play", "a training course", "a doctor's appointment", "a flight to " + c.pick(CITIES),
                    "my daughter's sports day", "a hospital check-up", "a court date", "a plumber coming to my flat", "my driving test",
                    "a conference in " + c.pick(CITIES), "my sister's wedding rehearsal")
    c.say(1, c.hi(1, 2) + f" Do you have a minute? It's about the meeting with {boss} on {d1}.", f"Hey, about {d1}'s meeting with {boss}...")
    c.say(2, "Sure, what's up?", "Yes? Is something wrong?")
    c.say(1, f"I can't make it. I have {reason}. Could we move it to {d2}?", f"I've got {reason} that day. Any chance we could do {d2} instead?")
    if c.chance(0.5):
        c.say(2, "Oh, that's a pity. Is it something you can't move?", "Hmm. Can't you reschedule it?")
        c.say(1, c.pick("I already moved it twice, so no.", "Not really, it took me a month to get it.", "Unfortunately not."))
    agree = c.chance(0.6)
    if agree:
        c.say(2, f"{d2} should work. I'll check with {boss} and email the team.", f"I think {d2} is fine. I'll send everyone an email.")
        if c.chance(0.5):
            c.say(1, "Thanks. Should I still send the slides beforehand?", "Thanks a lot. Do you still want the report before the meeting?")
            c.say(2, "Yes, by the day before, please.", "Yes, send it over when you can.")
        c.say(1, "Great, I owe you one.", "Perfect, thank you.")
        c.goodbye("friends", 0.5)
        c.sum(f"{c.ref(1)} asks {c.ref(2)} to move the meeting with {boss} from {d1} to {d2} because of {reason.replace('my ', c.his(1) + ' ')}. {c.ref(2)} agrees and will email the team.",
              f"Because of {reason.replace('my ', c.his(1) + ' ')}, {c.ref(1)} cannot attend the {d1} meeting with {boss}. {c.ref(2)} agrees to move it to {d2} and will let the team know.")
    else:
        c.say(2, f"Hmm, {d2} is difficult, {boss} is away then. Could you join by video?", f"{boss} is travelling on {d2}. Could you dial in from wherever you are?")
        c.say(1, "I suppose I could call in for the first half hour.", "I could join by phone for part of it, I guess.")
        c.say(2, "That's good enough. I'll send you the link.", "Okay, let's do that then.")
        c.sum(f"{c.ref(1)} wants to move the {d1} meeting with {boss} because of {reason.replace('my ', c.his(1) + ' ')}, but {boss} is away on {d2}.",
              f"{c.ref(1)} has {reason.replace('my ', c.his(1) + ' ')} during the {d1} meeting with {boss}; moving it to {d2} is not possible.")
        c.sum(f"They agree that {c.ref(1)} will join part of the meeting remotely.", f"{c.ref(1)} will call in for part of it instead.")


def work_deadline(c):
    proj = c.pick("the quarterly report", "the website redesign", "the client presentation", "the budget plan", "the product launch",
                  "the mobile app", "the training manual", "the annual survey", "the trade fair stand", "the new logo", "the sales forecast")
    client = c.pick(["Hartley & Co", "Bluewave", "Nordic Foods", "the city council", "Apex Logistics", "Greenway Farms", "Stellar Insurance",
                     "Maple Health", "Quayside Hotels", "Ironbridge Bank", "Lumen Solar", "the university"])
    c.greet(0.5)
    c.say(1, f"How's {proj} for {client} going?", f"Any news on {proj}? {cap(client)} called again.")
    behind = c.chance(0.6)
    if behind:
        c.say(2, "Honestly, we're behind.", "Not great. We're about three days behind.")
        c.say(1, "What's the main problem?", "Why? What happened?")
        cause, cause_s = c.pick(("The data from finance arrived late, and we had to redo half the charts.", "the finance data arrived late"),
                                ("The client changed the requirements last week, so we had to start some parts again.", "the client changed the requirements"),
                                ("Two people have been off sick this week.", "two team members have been off sick"),
                                ("Everything took longer than planned, to be honest.", "everything took longer than planned"))
        c.say(2, cause)
        c.say(1, "The deadline is Friday. What do you need?", "That's a problem. What would help?")
        help_ = c.pick("one more designer", "someone to check the numbers", "two extra days", "help from the marketing team",
                   "a freelance translator", "another developer for a week", "overtime pay for the weekend", "access to the old project files")
        c.say(2, f"If we could get {help_}, we could still make it.", f"{cap(help_)} would make a real difference.")
        ok = c.chance(0.6)
        if ok:
            c.say(1, f"Okay, I'll arrange {help_}. Keep me posted.", "Fine. I'll sort that out today.")
            c.sum(f"{c.ref(2)} tells {c.ref(1)} that {proj} for {client} is behind schedule because {cause_s}. {c.ref(1)} agrees to arrange {help_}.",
                  f"{proj[0].upper() + proj[1:]} for {client} is behind, and {c.ref(2)} asks for {help_}; {c.ref(1)} will arrange it.")
        else:
            c.say(1, "I can't promise that. Let's cut the scope and deliver the main part first.", "That's not possible this week. Let's focus on the essentials.")
            c.say(2, "All right, I'll tell the team.", "Understood, we'll prioritise.")
            c.sum(f"{c.ref(2)} says {proj} for {client} is running late and asks for {help_}. {c.ref(1)} refuses and suggests delivering the main part first.")
    else:
        c.say(2, "Right on track. We should finish by Thursday.", "Good, actually. We'll be done by Thursday, a day early.")
        c.say(1, "Really? I thought the testing would take longer.", "That's a surprise. What changed?")
        c.say(2, c.pick("The new team members are very quick.", "We started early and nobody was off sick.", "We cut a few meetings and just worked."))
        c.say(1, f"Excellent. {cap(client)} will be happy.", "Great news.")
        if c.chance(0.6):
            c.say(2, "Should we send them a draft first?", "Do you want to review it before it goes out?")
            c.say(1, "Yes, send me the draft on Wednesday.", "Yes, let's go through it together on Wednesday afternoon.")
            c.sum(f"{proj[0].upper() + proj[1:]} for {client} is on schedule and should be finished by Thursday. {c.ref(1)} wants to review it on Wednesday.")
        else:
            c.sum(f"{c.ref(2)} tells {c.ref(1)} that {proj} for {client} is on track to be finished by Thursday.",
                  f"{proj[0].upper() + proj[1:]} for {client} is going well, and {c.ref(2)} expects to finish it by Thursday.")


def job_interview(c):
    comp = c.pick("Greenleaf Energy", "Marlow Software", "Citywide Logistics", "Sunrise Hotels", "Brightpath Education", "Vela Design",
                  "Tidewater Foods", "Crestline Media", "Harbourside Clinic", "Pinecone Games", "Atlas Engineering", "Redwood Publishing")
    role = c.pick("marketing assistant", "junior developer", "sales manager", "receptionist", "data analyst", "project coordinator",
                  "graphic designer", "accountant", "customer service adviser", "warehouse supervisor", "nurse", "copywriter", "lab technician")
    c.ask(1, 2, (f"Thank you for coming in. Please, have a seat. So you're applying for the {role} position at {comp}?", "Yes, thank you for having me."),
          (f"Welcome to {comp}. Let's talk about the {role} role.", "Thank you. I'm very excited about it."),
          (f"Good morning, and welcome to {comp}. Did you find us easily?", f"Yes, thanks. I'm really looking forward to talking about the {role} job."))
    years = c.num(1, 9)
    yrs = f"{NUMWORDS[years]} year{'s' if years > 1 else ''}"
    prev = c.pick("a bank", "a small start-up", "a travel agency", "a hospital", "a supermarket chain", "an insurance company",
                  "a local newspaper", "a car dealership", "a call centre", "a primary school", "a hotel in " + c.pick(CITIES))
    led = c.chance(0.5)
    c.say(1, "Tell me about your experience.", "Can you tell me a bit about your background?")
    c.say(2, f"I worked for {yrs} at {prev}, where I led a team of four." if led else f"I've spent {yrs} at {prev}. I handled customers and reports.")
    why_said, why_sum = c.pick(("I want more responsibility", "wants more responsibility"),
                               ("I'd like to work in a bigger company", "would like to work for a bigger company"),
                               ("I'm moving closer to the city", "is moving closer to the city"),
                               ("I want to learn new skills", "wants to learn new skills"),
                               ("my current contract ends in the summer", "has a contract that ends in the summer"))
    c.ask(1, 2, ("Why do you want to leave?", f"Mainly because {why_said}."),
          ("Why are you looking for a new job?", f"To be honest, {why_said}, and your company has a great reputation."))
    if c.chance(0.5):
        c.ask(1, 2, ("What's your biggest weakness?", "I can be a perfectionist, but I've learned to set deadlines for myself."),
              ("How do you handle stress?", "I make lists and deal with one thing at a time."),
              ("Tell me about a mistake you made at work.", "I once sent a report to the wrong client. I told my manager straight away and we fixed it."))
    sal = c.num(35, 75) * 1000
    c.say(1, "What are your salary expectations?", "What salary are you looking for?")
    c.say(2, f"Around ${sal:,} a year.", f"Something around ${sal:,}.")
    start = c.pick(MONTHS)
    c.say(1, "That's within our range. When could you start?", "Okay. And when would you be available?")
    c.say(2, f"At the beginning of {start}.", f"I could start in {start}.")
    if c.chance(0.5):
        q, a, r = c.pick(("Do you have any questions for us?", "Yes, is there any training for new staff?", "Yes, there's a two-week induction."),
                         ("Is there anything you'd like to ask?", "How big is the team I'd be working with?", "It's a team of eight, very friendly."),
                         ("Any questions from your side?", "Is it possible to work from home some days?", "Two days a week, after the first three months."))
        c.say(1, q)
        c.say(2, a)
        c.say(1, r)
    c.say(1, "We'll let you know by the end of next week.", "Thank you. We'll be in touch soon.")
    c.sum(f"{c.ref(2)} is interviewed for the {role} position at {comp}.",
          f"{c.ref(1)} interviews {c.ref(2)} for a job as a {role} at {comp}.",
          f"{comp} is interviewing {c.ref(2)} for the post of {role}.")
    c.sum(f"{c.ref(2)} has worked at {prev} for {yrs}" + (", leading a team of four," if led else "") + f" and {why_sum}.",
          f"{c.ref(2)} describes {yrs} of experience at {prev} and explains that {c.he(2)} {why_sum}.",
          f"After {yrs} at {prev}, {c.ref(2)} {why_sum}.")
    c.sum(f"{c.ref(2)} expects about ${sal:,} a year and could start in {start}.", f"{c.ref(2)} asks for around ${sal:,} and can begin in {start}.",
          f"The expected salary is about ${sal:,}, and {c.ref(2)} is available from {start}.")


def job_offer(c):
    comp = c.pick("Northwind Media", "Kestrel Engineering", "Bloom Pharmacy", "Orbit Games", "Harbor Bank", "Silverline Travel",
                  "Oakridge Consulting", "Polar Logistics", "Fernhill Schools", "Beacon Architects", "Cobalt Robotics")
    offer = c.num(40, 80) * 1000
    c.say(1, c.hi(1, 2, 0.6) + f" I'm calling from {comp}. We'd like to offer you the job, at ${offer:,} a year.", f"Good news: {comp} would like to offer you the position. The salary is ${offer:,}.")
    c.say(2, "That's wonderful, thank you! Can I ask a few questions first?", "Thank you so much! I'm really pleased. Could we talk about the details?")
    ask = offer + c.num(3, 8) * 1000
    c.say(2, f"I was hoping for something closer to ${ask:,}, given my experience.", f"Is there any flexibility on the salary? I had ${ask:,} in mind.")
    result = c.pick("meet", "middle", "benefits")
    if result == "meet":
        c.say(1, f"I spoke to the manager already. We can do ${ask:,}.", f"I think we can agree to ${ask:,}.")
        final = f"${ask:,}"
    elif result == "middle":
        mid = (offer + ask) // 2
        c.say(1, f"We can't go that high, but we could meet in the middle at ${mid:,}.", f"How about ${mid:,}? That's the top of the band.")
        final = f"${mid:,}"
    else:
        c.say(1, "The salary is fixed, I'm afraid, but we could add an extra week of holiday and one day working from home.", "We can't change the salary, but we can offer more holiday and flexible hours.")
        final = None
    c.say(2, "That sounds fair. When do you need an answer?", "Okay, I appreciate that. Can I have a day to think?")
    dl = c.pick(WEEKDAYS)
    c.say(1, f"By {dl}, if possible.", f"Let us know by {dl}.")
    c.say(2, "You'll hear from me before then.")
    if final:
        c.sum(f"{c.ref(1)} offers {c.ref(2)} a job at {comp} for ${offer:,} a year. {c.ref(2)} asks for ${ask:,}, and they settle on {final}.",
              f"{comp} offers {c.ref(2)} a job at ${offer:,}; after {c.ref(2)} negotiates, the salary becomes {final}.")
    else:
        c.sum(f"{c.ref(1)} offers {c.ref(2)} a position at {comp} for ${offer:,}. {c.ref(2)} asks for more, but the salary is fixed, so {c.ref(1)} offers extra holiday and remote work instead.")
    c.sum(f"{c.ref(2)} will answer by {dl}.", f"{c.ref(2)} has until {dl} to decide.")


def exam_results(c):
    subj = c.pick("chemistry", "maths", "history", "economics", "French", "biology", "statistics", "physics", "German",
                  "geography", "accounting", "philosophy", "computer science", "English literature", "psychology")
    score = c.num(38, 96)
    c.greet(0.4, 0.3)
    c.say(1, c.hi(1, 2, 0.5) + " Did you get your results?", "So? Have you seen your exam results?")
    good = score >= 60
    c.say(2, f"Yes, I got {score} in {subj}." + (" I can't believe it!" if good else " I'm so disappointed."),
          f"I did. {score} percent in {subj}." + (" Much better than I thought." if good else " I failed, basically."))
    c.say(1, "How did the exam feel at the time?", "Was it as hard as everyone said?")
    c.say(2, c.pick("The essay question was horrible, I ran out of time.", "The first half was fine, but the last section was a nightmare.", "Honestly, I thought it went okay.", "I was so nervous I forgot half of what I knew."))
    if good:
        c.say(1, "Well, it clearly went fine in the end. Well done!", "Still, that's a great mark! All that studying paid off.")
        c.say(2, "Thanks. How about you?", "Thanks! What did you get?")
        s2 = c.num(45, 90)
        c.say(1, f"{s2}. Not bad, but I want to do better in the final.", f"I got {s2}. I'm okay with it.")
        cel = c.chance(0.5)
        if cel:
            place = c.pick("the pizza place on " + c.pick(STREETS), "the cafe near campus", "the Thai restaurant")
            c.say(2, f"Let's celebrate tonight at {place}.", f"We should celebrate. Dinner at {place}?")
            c.say(1, "Sounds great, seven o'clock?", "I'm in. My treat.")
        c.sum(f"{c.ref(2)} scores {score} in {subj} and is happy with the result, while {c.ref(1)} gets {s2}." + (f" They will celebrate at {place}." if cel else ""),
              f"{c.ref(1)} and {c.ref(2)} talk about their exam results: {c.ref(2)} got {score} in {subj} and {c.ref(1)} got {s2}." + (f" They plan dinner at {place}." if cel else ""))
    else:
        c.say(1, "Oh no, I'm sorry. Can you retake it?", "That's rough. Is there a resit?")
        month = c.pick(["June", "August", "September", "January"])
        c.say(2, f"Yes, in {month}. But I have no idea what went wrong.", f"There's a resit in {month}.")
        tutor = c.chance(0.5)
        if tutor:
            c.say(1, f"I could help you study. I did well in {subj} last year.", "Why don't we study together? I can help with the hard parts.")
            c.say(2, "Would you? That would be amazing.", "Really? Thank you, that means a lot.")
        else:
            c.say(1, "Talk to the teacher, they might go through the paper with you.", "Ask for feedback on the paper, it really helps.")
            c.say(2, "Good idea, I'll email her today.", "Yes, I'll do that.")
        c.sum(f"{c.ref(2)} is disappointed after scoring {score} in {subj} and will resit the exam in {month}.",
              f"{c.ref(2)} got only {score} in the {subj} exam; there is a resit in {month}.")
        c.sum(f"{c.ref(1)} offers to help {c.ref(2)} study." if tutor else f"{c.ref(1)} advises {c.ref(2)} to ask the teacher for feedback.")


def school(c):
    child = c.pick([n for n in FEMALE + MALE if n not in {p.first for p in c.people.values()}])
    teacher_ = f"{c.pick('Ms.', 'Mr.', 'Mrs.')} {c.pick(LAST)}"
    c.say(1, f"Thanks for meeting me, {teacher_}. I'm {child}'s {c.pick('mother', 'father')}.", f"Hello, {teacher_}. I wanted to talk about {child}.")
    c.say(2, f"Of course. {child} is a lovely student.", f"Yes, I'm glad you came. {child} is doing well overall.")
    c.ask(1, 2, (f"Does {child} participate in class?", f"Mostly. {child} is a bit quiet in group work."),
          (f"Does {child} join in during lessons?", f"Yes, {child} loves art and always has great ideas."),
          (f"That's good to hear. How is {child} getting on with the other subjects?", "Very well in science, and the music teacher is very happy too."))
    issue = c.pick("homework", "reading", "friends", "maths")
    if issue == "homework":
        c.say(2, f"But {child} hasn't handed in homework for three weeks.", "My only worry is the homework. It's often missing.")
        c.say(1, "Really? I had no idea. We'll check it every evening from now on.", "I'm surprised. I'll make sure it gets done.")
        c.sum(f"{teacher_} tells {child}'s parent that {child} has not been handing in homework, and {c.ref(1)} promises to check it every evening.")
    elif issue == "reading":
        c.say(2, f"{child} is a little behind with reading. Reading at home for twenty minutes a day would help.", "Reading is the weak point. A few minutes every day at home would help a lot.")
        c.say(1, "We can do that. Any books you'd recommend?", "Okay. What kind of books?")
        c.say(2, "I'll send a list home on Monday.", "Anything with short chapters. I'll give you a list.")
        c.sum(f"{teacher_} says {child} is behind with reading and suggests reading at home every day; {teacher_} will send a book list.")
    elif issue == "friends":
        c.say(1, f"{child} says nobody plays with {child} at break.", "We're worried. It seems like there are problems with other kids.")
        c.say(2, "I've noticed it too. I'll put them in a group project with some kind classmates.", "Thank you for telling me. I'll keep an eye on the playground.")
        c.say(1, "That would really help.")
        c.sum(f"{child}'s parent tells {teacher_} that {child} feels lonely at school, and {teacher_} promises to help.")
    else:
        c.say(2, f"{child} is excellent at maths, actually. I'd like to move {child} to the advanced group.", "I think the maths class is too easy. The advanced group might be better.")
        ok = c.chance(0.7)
        c.say(1, "That's great news. Let's do it." if ok else "I'm not sure, we don't want too much pressure.")
        c.say(2, "We'll try it for a month and see.", "Let's talk again after half term.")
        c.sum(f"{teacher_} suggests moving {child} to the advanced maths group" + (", and the parent agrees to try it for a month." if ok else "; the parent is worried about pressure."))
    if c.chance(0.4):
        c.say(1, "When is the next parents' evening?", "And when is the school trip?")
        d = c.num(3, 28)
        c.say(2, f"On the {d}th of {c.pick(MONTHS)}.", "I'll send a letter with the date.")


def renting_a_flat(c):
    street = c.pick(STREETS)
    rent = c.num(8, 22) * 100
    beds = c.pick(["one", "two", "three"])
    c.say(1, c.hi(1, 2) + f" I'm calling about the {beds}-bedroom flat on {street}. Is it still available?", f"Hello, I saw your ad for the flat on {street}.")
    c.say(2, f"Yes, it is. The rent is ${rent:,} a month, plus bills.", f"It's still free. ${rent:,} per month, bills not included.",
          f"Yes, it's available. I'm {c.nm(2)}, the landlord. It's ${rent:,} a month, bills extra.")
    q = c.pick("pets", "deposit", "parking")
    if q == "pets":
        c.say(1, "Are pets allowed? I have a cat.", "Is it okay to have a small dog?")
        pet_ok = c.chance(0.5)
        c.say(2, "Small pets are fine." if pet_ok else "Sorry, the owner doesn't allow pets.")
        extra = "pets are allowed" if pet_ok else "pets are not allowed"
    elif q == "deposit":
        dep = c.pick(["one", "two"])
        c.say(1, "How much is the deposit?", "What do you need upfront?")
        c.say(2, f"{cap(dep)} month{'s' if dep == 'two' else ''}' rent as a deposit.", f"A deposit of {dep} month{'s' if dep == 'two' else ''}' rent.")
        extra = f"the deposit is {dep} month{'s' if dep == 'two' else ''}' rent"
    else:
        c.say(1, "Is there parking?", "Does it come with a parking space?")
        c.say(2, "There's one space behind the building.", "No, but there's street parking.")
        extra = None
    if c.chance(0.5):
        c.ask(1, 2, ("Is it furnished?", "Partly, there's a bed and a sofa."),
              ("Which floor is it on?", "It's on the third floor, no lift, I'm afraid."))
    c.say(1, "When is it available from?", "How soon could I move in?")
    c.say(2, f"From the first of {c.pick(MONTHS)}. The current tenants are moving out.", "From next month. The last tenant just left.")
    day = c.pick(DAYS)
    t = c.clock(9, 18)
    c.say(1, "Could I come and see it?", "When can I view it?")
    c.say(2, f"How about {day} at {t}?", f"I can show it on {day}, around {t}.")
    c.say(1, "Perfect, see you then.", f"{day} works for me.")
    c.sum(f"{c.ref(1)} calls about a {beds}-bedroom flat on {street} that costs ${rent:,} a month" + (f"; {extra}." if extra else ".") + f" They arrange a viewing on {day} at {t}.",
          f"{c.ref(2)} tells {c.ref(1)} that the flat on {street} rents for ${rent:,} a month. {c.ref(1)} will view it on {day} at {t}.")


def complaint_to_landlord(c):
    prob = c.pick("the heating", "the boiler", "the washing machine", "a leak in the bathroom ceiling", "the front door lock", "mould in the bedroom",
                  "the broken window in the kitchen", "the shower", "the oven", "the intercom", "a leaking radiator", "the fridge")
    c.say(1, c.hi(1, 2, 0.4) + f" Sorry to bother you again, but {prob} still isn't fixed.", f"I'm calling about {prob}. It's been two weeks.")
    c.say(2, "I know, I'm sorry. The repairman cancelled on me.", "Yes, I haven't forgotten. It's been hard to find someone.")
    c.say(1, "I've sent you three messages this week.", "You said that last week as well.")
    c.say(2, "I know, and I'm sorry. It's been a difficult month.", "I understand you're frustrated.")
    c.say(1, "It's really not acceptable. " + c.pick("It's making everyday life really difficult.", "I've been patient for long enough.", "It's getting worse every day."),
          "I pay my rent on time, and I expect things to be fixed.")
    outcome = c.pick("date", "date", "rent", "tenant")
    if outcome == "date":
        day = c.pick(WEEKDAYS)
        c.say(2, f"You're right. I've booked a plumber for {day} morning.", f"I've found someone who can come on {day}.")
        c.ask(1, 2, ("Will you be there to let them in?", "Yes, I'll come with them myself."), ("Okay, I'll be home.", "Great, I'll tell them to ring the bell."))
        c.sum(f"{c.ref(1)} complains to the landlord, {c.ref(2)}, that {prob} has still not been repaired. {c.ref(2)} apologises and arranges a repair on {day}.",
              f"{prob[0].upper() + prob[1:]} in {c.ref(1)}'s flat is still broken, so {c.ref(1)} complains. {c.ref(2)} promises that someone will come on {day}.")
    elif outcome == "rent":
        c.say(1, "If it isn't fixed this week, I think I should pay less rent.", "I want a reduction in the rent until it's fixed.")
        c.say(2, "That's fair. I'll take a hundred dollars off this month.", "Okay, I'll reduce this month's rent by a hundred dollars.")
        c.sum(f"{c.ref(1)} complains that {prob} is still not fixed and asks for lower rent. {c.ref(2)} takes a hundred dollars off this month's rent.")
    else:
        c.say(2, "If you know someone, get it fixed and send me the bill.", "Could you find a repair person yourself? I'll pay.")
        c.say(1, "Fine, but I want the money back straight away.", "All right, I'll call someone today and send you the invoice.")
        c.sum(f"{c.ref(1)} complains about {prob}, which is still broken. {c.ref(2)} asks {c.ref(1)} to hire someone and promises to pay the bill.")


def moving_house(c):
    city = c.pick(CITIES)
    three = c.chance(0.35)
    c.greet(0.6, 0.5)
    c.say(1, c.hi(1, 2, 0.5) + f" Guess what? We're moving to {city}!", f"I have news. We're finally moving to {city}.")
    mon = c.pick(MONTHS)
    why = c.pick("my wife got a job there", "my husband found work there", "we want to be near my parents", "the rent here is too high", "I'm starting a master's degree")
    c.ask(2, 1, ("Really? When?", f"At the end of {mon}. {cap(why)}."),
          ("Wow! When is this happening?", f"At the end of {mon}. {cap(why)}, so it made sense."),
          ("No way! Why?", f"{cap(why)}. We'll go at the end of {mon}."))
    c.say(2, "Do you need help packing?", "That's a big move. Have you booked a moving company?")
    movers = c.chance(0.5)
    if movers:
        price = c.num(6, 25) * 100
        c.say(1, f"We booked a company. ${price:,}, can you believe it?", f"Yes, they quoted ${price:,}. Expensive, but worth it.")
    else:
        c.say(1, "We're renting a van and doing it ourselves to save money.", "No, we'll hire a van and do it ourselves.")
        c.say(2, "I can help on the Saturday. I'm good at carrying boxes.", "Count me in. I'll bring my brother too.")
    if three:
        c.say(3, f"Sorry to interrupt, did you say {city}? I lived there for years!", f"{city}? I grew up there. You'll love it.")
        c.say(1, "Really? Any tips?", "Oh great, where should we live?")
        area = c.pick(["the old town", "near the river", "the north side", "near the university"])
        c.say(3, f"Look for something {area}. It's quiet and has good schools." if "near" in area else f"Look for a place in {area}. It's lively and close to everything.")
    c.say(2, "I'll miss you, though.", "We'll have to visit you.")
    c.say(1, "You'd better! We'll have a spare room.", "You're always welcome.")
    c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.ref(1)}'s family is moving to {city} at the end of {mon} because {why.replace('my wife', c.his(1) + ' wife').replace('my husband', c.his(1) + ' husband').replace('my parents', 'their parents').replace(chr(73) + chr(39) + 'm starting', c.ref(1) + ' is starting').replace('we want', 'they want')}.",
          f"{c.ref(1)} is moving to {city} at the end of {mon}.")
    c.sum((f"They have booked a moving company for ${price:,}." if movers else f"They will move themselves with a van, and {c.ref(2)} offers to help.") + (f" {c.ref(3)}, who knows {city}, recommends living {area}." if three and "near" in area else (f" {c.ref(3)} recommends {area} in {city}." if three else "")))


def health(c):
    c.greet(0.4, 0.0)
    c.say(1, c.hi(1, 2, 0.4) + " You look tired. Are you okay?", "Are you all right? You seem a bit down today.")
    prob = c.pick("sleep", "back", "stress", "diet")
    if prob == "sleep":
        hrs = c.pick(["four", "five", "three"])
        c.say(2, f"I've been sleeping only {hrs} hours a night for weeks.", f"Not really. I can't sleep, maybe {hrs} hours a night.")
        c.ask(1, 2, ("Oh no. Is something worrying you?", "Not really, I just lie awake."),
              ("That's terrible. Since when?", "Since I started the night shifts, I think."),
              ("How long has that been going on?", "A few weeks. Maybe it's the heat."))
        c.ask(1, 2, ("Are you drinking coffee late in the day?", "Guilty. Sometimes I have a coffee at eight in the evening."),
              ("Do you look at your phone in bed?", "Yes, I scroll until midnight."))
        tip = c.pick(["stop coffee after lunch", "put the phone away an hour before bed", "go for a walk in the evening"])
        c.say(1, f"Try to {tip}. It helped me a lot.", f"You should {tip}. And see a doctor if it doesn't get better.")
        c.say(2, "I'll give it a try.", "Okay, I'll try that this week.")
        c.sum(f"{c.ref(2)} has been sleeping only {hrs} hours a night. {c.ref(1)} suggests that {c.ref(2)} {tip.replace('put the phone', 'put ' + c.his(2) + ' phone')}.",
              f"{c.ref(1)} notices that {c.ref(2)} is tired; {c.ref(2)} sleeps only about {hrs} hours a night, and {c.ref(1)} advises {c.him(2)} to {tip.replace('put the phone', 'put ' + c.his(2) + ' phone')}.")
    elif prob == "back":
        c.say(2, "My back is killing me. I think it's my chair at work.", "My back hurts. I sit at a desk all day.")
        c.say(1, "Have you seen a physiotherapist?", "You should see someone about it.")
        physio = c.chance(0.5)
        if physio:
            c.say(2, "I have an appointment on Thursday.", "Yes, I'm seeing one on Thursday.")
        else:
            c.say(2, "Not yet. I keep hoping it'll go away.", "No, I don't have time.")
            c.say(1, "Don't wait. My cousin waited and it got much worse.", "Please book one. Back problems get worse if you ignore them.")
        c.say(1, "And ask your manager for a better chair.", "Also, stand up and stretch every hour.")
        c.say(2, "Good idea. I'll set a reminder on my phone.", "I will. Thanks for worrying about me.")
        c.sum(f"{c.ref(2)} has back pain from sitting at a desk" + (" and will see a physiotherapist on Thursday." if physio else f"; {c.ref(1)} urges {c.him(2)} to see a specialist soon."))
    elif prob == "stress":
        c.say(2, "Work has been crazy. I've been working until ten every night.", "I'm stressed. There's too much work and my manager keeps adding more.")
        c.say(1, "That's not sustainable. Have you talked to your manager?", "You need to say something, or you'll burn out.")
        c.say(2, "I'm afraid it'll look like I can't cope.", "I don't want to seem weak.")
        c.ask(1, 2, ("Is anyone else on the team struggling?", "Everyone is, I think, but nobody says anything."),
              ("Are you at least taking breaks?", "Not really. I eat lunch at my desk most days."))
        c.say(1, "It's not weakness. Ask which tasks are most important.", "Everyone has limits. Tell them honestly.")
        c.say(2, "You're right. I'll talk to her tomorrow.", "Maybe. I'll think about it.")
        c.sum(f"{c.ref(2)} is stressed because of too much work. {c.ref(1)} encourages {c.ref(2)} to talk to {c.his(2)} manager about priorities.")
    else:
        kg = c.num(3, 9)
        c.say(2, f"I'm fine, just hungry. I'm trying to lose {kg} kilos before summer.", f"I'm on a diet. I want to lose {kg} kilos.")
        c.say(1, f"{cap(NUMWORDS[kg])} kilos? You look fine to me.", "Why? You look great.")
        c.say(2, "Thanks, but I want to feel fitter at the beach.", "I just don't feel comfortable in my clothes.")
        c.say(1, "What are you eating?", "Are you eating enough?")
        c.say(2, "Mostly salad. And I skip breakfast.", "Just soup and fruit, really.")
        c.ask(1, 2, ("That's not healthy. Eat proper meals and exercise instead.", "Maybe you're right."),
              ("Skipping meals won't help. Why not join my running group on Sundays?", "Okay, I'll come on Sunday."))
        c.sum(f"{c.ref(2)} is dieting to lose {kg} kilos and skipping meals. {c.ref(1)} says it is unhealthy and recommends proper meals and exercise.")


def pet_care(c):
    pet, name = c.pick(("dog", c.pick(["Biscuit", "Max", "Luna", "Pepper", "Rocky", "Bruno", "Poppy", "Scout", "Maple", "Buster"])),
                       ("cat", c.pick(["Mittens", "Oscar", "Cleo", "Tiger", "Smokey", "Nala", "Ginger", "Pumpkin"])),
                       ("rabbit", c.pick(["Clover", "Thumper", "Daisy", "Hazel"])), ("guinea pig", c.pick(["Peanut", "Coco", "Fudge"])))
    mode = c.pick("vet", "sitter")
    if mode == "vet":
        c.say(2, c.pick("Hello, what seems to be the problem?", "Good morning. Who do we have here?"))
        sym = c.pick(["hasn't eaten for two days", "keeps scratching its ears", "is limping on its back leg", "has been sick twice"])
        c.say(1, f"This is {name}, my {pet}. {name} {sym}.", f"Hi. My {pet}, {name}, {sym}.")
        c.say(2, "Let me have a look. How old is he?", f"Let's see. How old is {name}?")
        age = c.num(2, 12) if pet in ("dog", "cat") else c.num(1, 6)
        c.say(1, f"{cap(NUMWORDS[age])}.", f"{cap(NUMWORDS[age])} years old.")
        diag = {"hasn't eaten for two days": "a bad tooth", "keeps scratching its ears": "an ear infection", "is limping on its back leg": "a sprained leg", "has been sick twice": "an upset stomach"}[sym]
        c.say(2, "Has anything changed at home? New food, for example?", "Is there anything different in the routine?")
        c.say(1, c.pick("We did switch to a cheaper food last week.", "No, nothing at all.", "We moved house recently, actually."))
        c.say(2, f"It looks like {diag}. I'll give you some medicine.", f"I think it's {diag}. Nothing serious.")
        cost = c.num(40, 180)
        c.say(1, "How much will it cost?", "Thank goodness. What do I owe you?")
        c.say(2, f"${cost} with the medicine. Come back in a week.", f"It's ${cost}. Bring {name} back in a week for a check.")
        c.sum(f"{c.ref(1)} takes {c.his(1)} {NUMWORDS[age]}-year-old {pet}, {name}, to the vet because it {sym.replace('has been', 'has been').replace(chr(104) + 'asn' + chr(39) + 't', 'has not')}. {c.ref(2)} finds {diag}; the visit costs ${cost}.",
              f"The vet, {c.ref(2)}, says {c.ref(1)}'s {pet} {name} has {diag} and asks to see it again in a week.")
    else:
        days = c.num(3, 10)
        city = c.pick(CITIES)
        c.familiar = True  # asking a friend or neighbour for a favour
        c.say(1, c.hi(1, 2, 0.5) + f" Could you look after {name} while I'm in {city}? It's {NUMWORDS[days]} days.", f"I need a big favour. Could you take care of my {pet}, {name}, for {NUMWORDS[days]} days?")
        c.say(2, "Sure. What do I need to do?", "Of course. Any special instructions?")
        food = c.pick(["twice a day, morning and evening", "once a day, in the evening", "three small meals a day"])
        c.say(1, f"Feed {name} {food}." + (" And a walk every afternoon." if pet == "dog" else ""), f"Just food {food}, and fresh water.")
        if c.chance(0.5):
            c.say(2, "What if something goes wrong?", "Is there a vet I should call?")
            c.say(1, f"The vet's number is on the fridge. Dr. {c.pick(['Mensah', 'Larsen', 'Costa'])} knows {name}.", "I'll leave the vet's number on the fridge.")
        c.say(2, "No problem. I'll send you photos.", "Don't worry, we'll be fine.")
        c.say(1, "Oh, and the spare key is with my neighbour at number 12.", "I'll drop off the key and the food on Friday.")
        c.say(1, "You're a star. I'll bring you something back.", "Thanks so much!")
        c.sum(f"{c.ref(1)} asks {c.ref(2)} to look after {c.his(1)} {pet}, {name}, for {NUMWORDS[days]} days" + (f" while {c.he(1)} is in {city}" if city in " ".join(t for _, t in c.turns) else "") + f". {c.ref(2)} agrees and will feed {name} {food}.")


SCENARIOS = {
    "work": work_meeting,
    "work deadline": work_deadline,
    "job interview": job_interview,
    "job offer negotiation": job_offer,
    "exam results": exam_results,
    "school": school,
    "renting a flat": renting_a_flat,
    "complaint to landlord": complaint_to_landlord,
    "moving house": moving_house,
    "health": health,
    "pet care": pet_care,
}
