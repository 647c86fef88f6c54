"""Scenario scripts: work, school, housing and health.

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

from summ_common import CITIES, DAYS, FEMALE, LAST, MALE, MONTHS, NUMWORDS, STREETS, WEEKDAYS, cap


def work_meeting(c):
    boss = c.person_name()
    d1, d2 = c.sample(WEEKDAYS, 2)
    topic = c.pick("the budget", "the new website", "the sales figures", "the summer schedule", "the client visit", "the office move",
                   "the hiring plan", "the product launch", "the training day", "the annual review")
    c.greet(0.5)
    reason = c.pick("a dentist appointment", "my son's school play", "a training course", "a doctor's appointment",
                    "a flight to " + c.pick(CITIES), "my daughter's sports day", "a hospital check-up", "a court date",
                    "a plumber coming to my flat", "my driving test", "a conference in " + c.pick(CITIES),
                    "my sister's wedding rehearsal", "a parents' evening", "a job interview for my partner")
    reason_s = reason.replace("my ", c.his(1) + " ")
    c.say(1, c.hi(1, 2) + f" [Do you have|Have you got] a minute? It's about the meeting with {boss} [about|on] {topic} on {d1}.",
          f"[Hey|Hi], about {d1}'s meeting with {boss} [about|on] {topic}...")
    c.say(2, "[Sure|Of course|Yes], what's up?", "Yes? Is something wrong?", "[Go on.|Sure, go ahead.|What about it?]")
    c.say(1, f"I can't make it. I have {reason}. [Could we|Is there any way we could|Would it be possible to] move it to {d2}?",
          f"I've got {reason} that day. [Any chance|Do you think] we could do {d2} instead?")
    if c.chance(0.5):
        c.say(2, "[Oh, that's a pity.|Hmm.|Oh dear.] [Is it something you can't move?|Can't you reschedule it?|Is there no other time for it?]")
        c.say(1, "[I already moved it twice, so no.|Not really, it took me a month to get it.|Unfortunately not.|I'm afraid not, it's fixed.]")
    agree = c.chance(0.6)
    if agree:
        c.say(2, f"{d2} should work. I'll check with {boss} and [email|message] the team.", f"I think {d2} is fine. I'll send everyone an email.")
        if c.chance(0.5):
            c.say(1, "Thanks. Should I still send the slides [beforehand|before the meeting]?", "Thanks a lot. Do you still want the report before the meeting?")
            c.say(2, "Yes, by the day before, please.", "Yes, send it over when you can.")
        c.say(1, "[Great|Brilliant], I owe you one.", "[Perfect|Great], thank you.")
        c.goodbye("friends", 0.45)
        c.sum(f"{c.ref(1)} asks {c.ref(2)} to move the meeting with {boss} from {d1} to {d2} because of {reason_s}. {c.ref(2)} agrees and will [email|inform] the team.",
              f"Because of {reason_s}, {c.ref(1)} cannot attend the {d1} meeting with {boss}. {c.ref(2)} agrees to move it to {d2} and will let the team know.",
              f"{c.ref(1)} has {reason_s} on {d1}, so the meeting [with {boss}|with {boss} about {topic}] is [moved|pushed back|rescheduled] to {d2} with {c.ref(2)}'s agreement.",
              f"{c.ref(2)} [agrees|is happy] to move the meeting about {topic} with {boss} to {d2}, as {c.ref(1)} has {reason_s} on {d1}.",
              f"The {d1} meeting with {boss} about {topic} [will now be|moves to] {d2}, because {c.ref(1)} has {reason_s}.")
    else:
        c.say(2, f"Hmm, {d2} is difficult, {boss} is away then. Could you join by video?", f"{boss} is travelling on {d2}. Could you dial in from wherever you are?")
        c.say(1, "I suppose I could call in for the first half hour.", "I could join by phone for part of it, I guess.")
        c.say(2, "That's good enough. I'll send you the link.", "[Okay|Good], let's do that then.")
        c.sum(f"{c.ref(1)} wants to move the {d1} meeting with {boss} because of {reason_s}, but {boss} is away on {d2}.",
              f"{c.ref(1)} has {reason_s} during the {d1} meeting with {boss}; moving it to {d2} is not possible.",
              f"{c.ref(1)} [cannot make|will miss most of] the {d1} meeting because of {reason_s}, and {boss} [is away|will be travelling] on {d2}.",
              f"Because of {reason_s} on {d1}, {c.ref(1)} [asks|wants] to [postpone|move] the meeting about {topic}, but {boss} [cannot do|is away on] {d2}.")
        c.sum(f"They agree that {c.ref(1)} will join part of the meeting remotely.", f"{c.ref(1)} will call in for part of it instead.",
              f"[Instead,|As a compromise,] {c.ref(1)} will join [by video|remotely] for part of the meeting.")


def work_deadline(c):
    proj = c.pick("the quarterly report", "the website redesign", "the client presentation", "the budget plan", "the product launch",
                  "the mobile app", "the training manual", "the annual survey", "the trade fair stand", "the new logo", "the sales forecast",
                  "the customer newsletter", "the warehouse audit", "the translation project")
    client = c.pick("Hartley & Co", "Bluewave", "Nordic Foods", "the city council", "Apex Logistics", "Greenway Farms", "Stellar Insurance",
                    "Maple Health", "Quayside Hotels", "Ironbridge Bank", "Lumen Solar", "the university", "Castlegate Museum", "Orchid Airlines")
    c.greet(0.5)
    c.say(1, f"How's {proj} for {client} going?", f"Any news on {proj}? {cap(client)} called again.", f"[So|Okay], where are we with {proj} for {client}?")
    behind = c.chance(0.6)
    if behind:
        c.say(2, "[Honestly|To be honest], we're behind.", "Not great. We're about three days behind.", "[Not well|Badly], I'm afraid. We're behind schedule.")
        c.say(1, "What's the main problem?", "Why? What happened?", "[Oh no.|Hmm.] What went wrong?")
        cause, cause_s = c.pick(("The data from finance arrived late, and we had to redo half the charts.", "the finance data arrived late"),
                                ("The client changed the requirements last week, so we had to start some parts again.", "the client changed the requirements"),
                                ("Two people have been off sick this week.", "two team members have been off sick"),
                                ("Everything took longer than planned, to be honest.", "everything took longer than planned"),
                                ("Our main supplier sent the wrong files.", "a supplier sent the wrong files"))
        c.say(2, cause)
        c.say(1, "The deadline is Friday. What do you need?", "That's a problem. What would help?", "[Okay.|Right.] What would get us back on track?")
        help_ = c.pick("one more designer", "someone to check the numbers", "two extra days", "help from the marketing team",
                       "a freelance translator", "another developer for a week", "overtime pay for the weekend", "access to the old project files")
        c.say(2, f"If we could get {help_}, we could still make it.", f"{cap(help_)} would make a real difference.")
        if c.chance(0.6):
            c.say(1, f"[Okay|Fine|All right], I'll arrange {help_}. Keep me posted.", "Fine. I'll sort that out today.")
            c.sum(f"{c.ref(2)} tells {c.ref(1)} that {proj} for {client} is behind schedule because {cause_s}. {c.ref(1)} agrees to arrange {help_}.",
                  f"{cap(proj)} for {client} is behind, and {c.ref(2)} asks for {help_}; {c.ref(1)} will arrange it.",
                  f"[Since|Because] {cause_s}, {proj} for {client} is late, so {c.ref(1)} [promises|agrees] to get {c.ref(2)} {help_}.",
                  f"[With|Because of] the delay on {proj} for {client}, {c.ref(2)} [requests|asks for] {help_}, and {c.ref(1)} [will arrange it|agrees to organise it].",
                  f"{c.ref(1)} [hears|is told] that {proj} for {client} is [late|behind] because {cause_s}, and [promises|agrees] to arrange {help_}.")
        else:
            c.say(1, "I can't promise that. Let's cut the scope and deliver the main part first.", "That's not possible this week. Let's focus on the essentials.")
            c.say(2, "All right, I'll tell the team.", "Understood, we'll prioritise.")
            c.sum(f"{c.ref(2)} says {proj} for {client} is running late and asks for {help_}. {c.ref(1)} refuses and suggests delivering the main part first.",
                  f"{cap(proj)} for {client} is delayed because {cause_s}; {c.ref(1)} cannot provide {help_} and tells {c.ref(2)} to [focus on|deliver] the essentials first.",
                  f"{c.ref(1)} [cannot provide|refuses] {help_} for the late {proj}, and [wants|asks] the team to [deliver|focus on] the main part first.")
    else:
        c.say(2, "Right on track. We should finish by Thursday.", "Good, actually. We'll be done by Thursday, a day early.")
        c.say(1, "Really? I thought the testing would take longer.", "That's a surprise. What changed?")
        c.say(2, "[The new team members are very quick.|We started early and nobody was off sick.|We cut a few meetings and just worked.]")
        c.say(1, f"[Excellent|Great|Wonderful]. {cap(client)} will be happy.", "Great news.")
        if c.chance(0.6):
            c.say(2, "Should we send them a draft first?", "Do you want to review it before it goes out?")
            c.say(1, "Yes, send me the draft on Wednesday.", "Yes, let's go through it together on Wednesday afternoon.")
            c.sum(f"{cap(proj)} for {client} is on schedule and should be finished by Thursday. {c.ref(1)} wants to review it on Wednesday.",
                  f"{c.ref(2)} reports that {proj} for {client} will be ready by Thursday, and {c.ref(1)} will [look at|review] a draft on Wednesday.",
                  f"{c.ref(2)} [expects|says] {proj} for {client} [will be done|to be finished] by Thursday, a day early; {c.ref(1)} [will look at|wants to check] a draft on Wednesday.")
        else:
            c.sum(f"{c.ref(2)} tells {c.ref(1)} that {proj} for {client} is on track to be finished by Thursday.",
                  f"{cap(proj)} for {client} is going well, and {c.ref(2)} expects to finish it by Thursday.",
                  f"Thanks to a quick team, {proj} for {client} is [ahead of|on] schedule and [due|expected] by Thursday.")


def job_interview(c):
    comp = c.pick("Greenleaf Energy", "Marlow Software", "Citywide Logistics", "Sunrise Hotels", "Brightpath Education", "Vela Design",
                  "Tidewater Foods", "Crestline Media", "Harbourside Clinic", "Pinecone Games", "Atlas Engineering", "Redwood Publishing",
                  "Northstar Retail", "Bluebell Care Homes")
    role = c.pick("marketing assistant", "junior developer", "sales manager", "receptionist", "data analyst", "project coordinator",
                  "graphic designer", "accountant", "customer service adviser", "warehouse supervisor", "nurse", "copywriter",
                  "lab technician", "event planner", "HR assistant")
    c.ask(1, 2, (f"Thank you for coming in. Please, have a seat. So you're applying for the {role} position at {comp}?", "Yes, thank you for having me."),
          (f"Welcome to {comp}. Let's talk about the {role} role.", "Thank you. I'm very excited about it."),
          (f"Good morning, and welcome to {comp}. Did you find us easily?", f"Yes, thanks. I'm really looking forward to talking about the {role} job."))
    years = c.num(1, 9)
    yrs = f"{NUMWORDS[years]} year{'s' if years > 1 else ''}"
    prev = c.pick("a bank", "a small start-up", "a travel agency", "a hospital", "a supermarket chain", "an insurance company",
                  "a local newspaper", "a car dealership", "a call centre", "a primary school", "a hotel in " + c.pick(CITIES))
    led = c.chance(0.5)
    c.say(1, "Tell me about your [experience|work experience].", "Can you tell me a bit about your background?", "[So,|Okay.] What have you been doing until now?")
    c.say(2, f"I worked for {yrs} at {prev}, where I led a team of four." if led else f"I've spent {yrs} at {prev}. I handled customers and reports.")
    why_said, why_sum = c.pick(("I want more responsibility", "wants more responsibility"),
                               ("I'd like to work in a bigger company", "would like to work in a bigger company"),
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
    c.say(1, "What are your salary expectations?", "What salary are you [looking for|hoping for]?")
    c.say(2, f"Around ${sal:,} a year.", f"Something around ${sal:,}.")
    start = c.pick(MONTHS)
    c.say(1, "That's within our range. When could you start?", "Okay. And when would you be available?")
    c.say(2, f"At the beginning of {start}.", f"I could start in {start}.")
    if c.chance(0.5):
        q, a, r = c.branch(("Do you have any questions for us?", "Yes, is there any training for new staff?", "Yes, there's a two-week induction."),
                           ("Is there anything you'd like to ask?", "How big is the team I'd be working with?", "It's a team of eight, very friendly."),
                           ("Any questions from your side?", "Is it possible to work from home some days?", "Two days a week, after the first three months."))
        c.say(1, q)
        c.say(2, a)
        c.say(1, r)
    c.say(1, "We'll let you know by the end of next week.", "Thank you. We'll be in touch soon.")
    if c.chance(0.5):
        c.sum(f"{c.ref(2)} is interviewed for the {role} position at {comp}.", f"{c.ref(1)} interviews {c.ref(2)} for a job as a {role} at {comp}.",
              f"{comp} is interviewing {c.ref(2)} for the post of {role}.", f"{c.ref(2)} [applies|interviews] for a {role} job at {comp}.",
              f"{comp} [holds|conducts] a job interview with {c.ref(2)}, who wants the {role} [role|position].",
              f"{c.ref(2)} [talks about|describes] {c.his(2)} [background|experience] in an interview for the {role} job at {comp}.")
        c.sum(f"{c.ref(2)} has worked at {prev} for {yrs}" + (", leading a team of four," if led else "") + f" and {why_sum}.",
              f"{c.ref(2)} describes {yrs} of experience at {prev} and explains that {c.he(2)} {why_sum}.",
              f"After {yrs} at {prev}, {c.ref(2)} {why_sum}.",
              f"{c.ref(2)} [spent|has spent] {yrs} at {prev}" + (f", where {c.he(2)} led a team of four" if led else "") + f", and {why_sum}.")
    else:
        # One sentence for the interview and the background, as an annotator in a hurry would write.
        c.sum(f"{c.ref(1)} interviews {c.ref(2)}, who has spent {yrs} at {prev} and {why_sum}, for the {role} [job|position] at {comp}.",
              f"In an interview at {comp} for the {role} [job|role], {c.ref(2)} [explains|says] that after {yrs} at {prev} {c.he(2)} {why_sum}.",
              f"{c.ref(2)}, {yrs} at {prev}" + (" as a team leader" if led else "") + f", [applies|interviews] for the {role} post at {comp} and {why_sum}.",
              f"{c.ref(2)}'s {yrs} at {prev} [come up|are discussed] when {c.ref(1)} interviews {c.him(2)} for the {role} job at {comp}; {c.he(2)} {why_sum}.")
    c.sum(f"{c.ref(2)} expects about ${sal:,} a year and could start in {start}.", f"{c.ref(2)} asks for around ${sal:,} and can begin in {start}.",
          f"The expected salary is about ${sal:,}, and {c.ref(2)} is available from {start}.",
          f"{c.ref(2)} [would like|hopes for] about ${sal:,} and [could begin|would be free] in {start}; {c.ref(1)} says that is within range.",
          f"[Asked about money,|On salary,] {c.ref(2)} [names|mentions] ${sal:,} a year, and {c.he(2)} [can|could] start in {start}.",
          f"${sal:,} a year and a start in {start} are what {c.ref(2)} [proposes|suggests].")


def job_offer(c):
    comp = c.pick("Northwind Media", "Kestrel Engineering", "Bloom Pharmacy", "Orbit Games", "Harbor Bank", "Silverline Travel",
                  "Oakridge Consulting", "Polar Logistics", "Fernhill Schools", "Beacon Architects", "Cobalt Robotics")
    offer = c.num(40, 80) * 1000
    c.say(1, c.hi(1, 2, 0.6) + f" I'm calling from {comp}. We'd like to offer you the job, at ${offer:,} a year.",
          f"Good news: {comp} would like to offer you the position. The salary is ${offer:,}.")
    c.say(2, "That's wonderful, thank you! Can I ask a few questions first?", "Thank you so much! I'm really pleased. Could we talk about the details?")
    ask = offer + c.num(3, 8) * 1000
    c.say(2, f"I was hoping for something closer to ${ask:,}, given my experience.", f"Is there any flexibility on the salary? I had ${ask:,} in mind.")
    result = c.branch("meet", "middle", "benefits")
    if result == "meet":
        c.say(1, f"I spoke to the manager already. We can do ${ask:,}.", f"I think we can agree to ${ask:,}.")
        final = f"${ask:,}"
    elif result == "middle":
        mid = (offer + ask) // 2
        c.say(1, f"We can't go that high, but we could meet in the middle at ${mid:,}.", f"How about ${mid:,}? That's the top of the band.")
        final = f"${mid:,}"
    else:
        c.say(1, "The salary is fixed, I'm afraid, but we could add an extra week of holiday and one day working from home.",
              "We can't change the salary, but we can offer an extra week of holiday and one day working from home.")
        final = None
    c.say(2, "That sounds fair. When do you need an answer?", "Okay, I appreciate that. Can I have a day to think?")
    dl = c.pick(WEEKDAYS)
    c.say(1, f"By {dl}, if possible.", f"Let us know by {dl}.")
    c.say(2, "You'll hear from me before then.", "[I'll get back to you|I'll call you] before then.")
    if final:
        c.sum(f"{c.ref(1)} offers {c.ref(2)} a job at {comp} for ${offer:,} a year. {c.ref(2)} asks for ${ask:,}, and they settle on {final}.",
              f"{comp} offers {c.ref(2)} a job at ${offer:,}; after {c.ref(2)} negotiates, the salary becomes {final}.",
              f"{comp} [wants to hire|offers a job to] {c.ref(2)}: the first offer of ${offer:,} [becomes|is raised to] {final} after {c.ref(2)} [asks for|requests] ${ask:,}.")
    else:
        c.sum(f"{c.ref(1)} offers {c.ref(2)} a position at {comp} for ${offer:,}. {c.ref(2)} asks for more, but the salary is fixed, "
              f"so {c.ref(1)} offers extra holiday and a day working from home instead.")
    c.sum(f"{c.ref(2)} will answer by {dl}.", f"{c.ref(2)} has until {dl} to decide.",
          f"{c.ref(2)} [must reply|has to give an answer] by {dl}.")


def exam_results(c):
    subj = c.pick("chemistry", "maths", "history", "economics", "French", "biology", "statistics", "physics", "German",
                  "geography", "accounting", "philosophy", "computer science", "English literature", "psychology", "law", "Spanish")
    score = c.num(38, 96)
    c.greet(0.4, 0.3)
    c.say(1, c.hi(1, 2, 0.6) + " [Did you get|Have you got|Did they send] your results?", "So? Have you seen your [exam results|results|marks]?",
          "[Well?|Go on, then.] [How did the exam go?|What did you get?]")
    good = score >= 60
    c.say(2, f"Yes, I got {score} in {subj}." + (" [I can't believe it!|I'm so relieved!|Can you believe it?]" if good else " [I'm so disappointed.|I failed, basically.|It's terrible.]"),
          f"I did. {score} percent in {subj}." + (" [Much better than I thought.|Not bad, right?]" if good else " [I'm gutted.|Not good at all.]"))
    c.say(1, "How did the exam feel at the time?", "Was it as hard as everyone said?", "[Did you expect that?|Were you surprised?]")
    c.say(2, "[The essay question was horrible, I ran out of time.|The first half was fine, but the last section was a nightmare.|"
             "Honestly, I thought it went okay.|I was so nervous I forgot half of what I knew.|I had a terrible cold that day.]")
    if good:
        c.say(1, "Well, it clearly went fine in the end. [Well done!|Congratulations!]", "Still, that's a great mark! All that studying paid off.")
        c.say(2, "Thanks. How about you?", "Thanks! What did you get?", "[Thanks!|Cheers.] And you?")
        s2 = c.num(45, 90)
        c.say(1, f"{s2}. [Not bad, but I want to do better in the final.|I'm okay with it.|Could be worse.]", f"I got {s2}. [I'm okay with it.|I'll take it.]")
        place = None
        if c.chance(0.5):
            place = c.pick("the pizza place on " + c.pick(STREETS), "the cafe near campus", "the Thai restaurant", "the noodle bar",
                           "the pub by the river", "the new burger place")
            c.say(2, f"Let's celebrate tonight at {place}.", f"We should celebrate. Dinner at {place} tonight?")
            c.say(1, "[Sounds great|Good idea], seven o'clock?", "I'm in. My treat.")
        c.sum(f"{c.ref(2)} [scores|gets] {score} in {subj} and is [happy|pleased|delighted] with the result, while {c.ref(1)} gets {s2}."
              + (f" They will celebrate at {place}." if place else ""),
              f"{c.ref(1)} and {c.ref(2)} [talk about|compare] their exam results: {c.ref(2)} got {score} in {subj} and {c.ref(1)} got {s2}."
              + (f" They plan dinner at {place}." if place else ""),
              f"With {score} in {subj}, {c.ref(2)} did [better than expected|well]; {c.ref(1)} scored {s2}."
              + (f" [They will go to|They will celebrate at] {place} tonight." if place else ""),
              f"{c.ref(1)} and {c.ref(2)} [got|received] their results: {score} in {subj} for {c.ref(2)}, {s2} for {c.ref(1)}.",
              f"[Good news for|It is good news for] {c.ref(2)}: {score} in {subj}. {c.ref(1)} [got|scored] {s2}." + (f" They will celebrate at {place} tonight." if place else ""))
    else:
        c.say(1, "Oh no, I'm sorry. Can you retake it?", "That's rough. Is there a resit?", "[Oh dear.|That's a shame.] Can you take it again?")
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
              f"{c.ref(2)} got only {score} in the {subj} exam; there is a resit in {month}.",
              f"A mark of {score} in {subj} leaves {c.ref(2)} [upset|disappointed], but a resit is possible in {month}.",
              f"{c.ref(2)} [failed|did badly in] {subj} with {score} and [has|needs] to take the resit in {month}.",
              f"{c.ref(2)} [scored|got] {score} in {subj}, [a fail|not a pass], and [will resit|must resit] the exam in {month}.")
        c.sum(f"{c.ref(1)} offers to help {c.ref(2)} study." if tutor else f"{c.ref(1)} advises {c.ref(2)} to ask the teacher for feedback.",
              f"{c.ref(1)} [will help|promises to help] {c.ref(2)} prepare." if tutor else f"{c.ref(1)} suggests getting feedback on the paper from the teacher.")


def school(c):
    child = c.pick([n for n in FEMALE + MALE if n not in {p.first for p in c.people.values()}])
    title = c.pick("Ms.", "Mr.", "Mrs.")
    teacher = f"{title} {c.pick(LAST)}"
    parent = c.pick("mother", "father")
    c.say(1, f"Thanks for meeting me, {teacher}. I'm {child}'s {parent}.", f"[Hello|Good afternoon], {teacher}. I'm {child}'s {parent}, and I wanted to talk about {child}.")
    c.say(2, f"[Of course.|Not at all.] {child} is a lovely student.", f"Yes, I'm glad you came. {child} is doing well overall.")
    c.ask(1, 2, (f"Does {child} participate in class?", f"Mostly. {child} is a bit quiet in group work."),
          (f"Does {child} join in during lessons?", f"Yes, {child} loves art and always has great ideas."),
          (f"That's good to hear. How is {child} getting on with the other subjects?", "Very well in science, and the music teacher is very happy too."))
    issue = c.branch("homework", "reading", "friends", "maths")
    ref_t = teacher if c.chance(0.5) else c.ref(2)
    if issue == "homework":
        c.say(2, f"But {child} hasn't handed in homework for three weeks.", "My only worry is the homework. It's often missing.")
        c.say(1, "Really? I had no idea. We'll check it every evening from now on.", "I'm surprised. I'll make sure it gets done every evening.")
        c.sum(f"{ref_t} tells {child}'s {parent} that {child} has not been handing in homework, and the {parent} promises to check it every evening.",
              f"{child} has been [missing|skipping] homework, {ref_t} [reports|explains]; {child}'s {parent} will check it every evening.",
              f"Homework from {child} has often been missing, so {child}'s {parent} [will check|promises to check] it every evening.",
              f"{ref_t} [raises|reports] the missing homework, and {child}'s {parent} [will check|promises to check] it every evening.")
    elif issue == "reading":
        c.say(2, f"{child} is a little behind with reading. Reading at home for twenty minutes a day would help.",
              "Reading is the weak point. Twenty minutes every day at home would help a lot.")
        c.say(1, "We can do that. Any books you'd recommend?", "Okay. What kind of books?")
        c.say(2, "I'll send a list home on Monday.", "Anything with short chapters. I'll give you a list.")
        c.sum(f"{ref_t} says {child} is behind with reading and suggests reading at home every day; {ref_t} will send a book list.",
              f"{child}'s {parent} learns that {child} needs more reading practice at home, and {ref_t} [will send|promises] a list of books.",
              f"To help {child} with reading, {ref_t} [recommends|suggests] twenty minutes of reading at home each day.",
              f"{ref_t} [asks|wants] {child}'s {parent} to read with {child} at home every day and [will send|promises] a book list.")
    elif issue == "friends":
        c.say(1, f"{child} says nobody plays with {child} at break.", "We're worried. It seems like there are problems with other kids.")
        c.say(2, "I've noticed it too. I'll put them in a group project with some kind classmates.", "Thank you for telling me. I'll keep an eye on the playground.")
        c.say(1, "That would really help.", "[Thank you.|Thanks, I appreciate it.]")
        c.sum(f"{child}'s {parent} tells {ref_t} that {child} feels lonely at school, and {ref_t} promises to help.",
              f"{ref_t} [agrees|promises] to help after {child}'s {parent} explains that {child} has no one to play with at break.",
              f"{ref_t} [promises|agrees] to help {child}, who [has no one|finds nobody] to play with at break.",
              f"{child} feels lonely at break, {child}'s {parent} [tells|explains to] {ref_t}, who [will help|promises to help].")
    else:
        c.say(2, f"{child} is excellent at maths, actually. I'd like to move {child} to the advanced group.",
              "I think the maths class is too easy. The advanced group might be better.")
        ok = c.chance(0.7)
        c.say(1, "That's great news. Let's do it." if ok else "I'm not sure, we don't want too much pressure.")
        c.say(2, "We'll try it for a month and see.", "Let's talk again after a month.")
        c.sum(f"{ref_t} suggests moving {child} to the advanced maths group" + (f", and the {parent} agrees to try it for a month." if ok else f"; the {parent} is worried about pressure."))
    if c.chance(0.4):
        c.say(1, "When is the next parents' evening?", "And when is the school trip?")
        c.say(2, f"On the {c.num(4, 20)}th of {c.word(*MONTHS)}.", "I'll send a letter with the date.")


def renting_a_flat(c):
    street = c.pick(STREETS)
    rent = c.num(8, 22) * 100
    beds = c.pick(["one", "two", "three"])
    c.say(1, c.hi(1, 2) + f" I'm calling about the {beds}-bedroom flat on {street}. Is it still available?",
          f"[Hello|Hi], I saw your ad for the {beds}-bedroom flat on {street}. [Is it still free?|Has it gone yet?]")
    c.say(2, f"Yes, it is. The rent is ${rent:,} a month, plus bills.", f"It's still free. ${rent:,} per month, bills not included.",
          f"Yes, it's available. I'm {c.nm(2)}, the landlord. It's ${rent:,} a month, bills extra.")
    q = c.branch("pets", "deposit", "parking")
    extra = None
    if q == "pets":
        c.say(1, "Are pets allowed? I have a cat.", "Is it okay to have a small dog?")
        pet_ok = c.chance(0.5)
        c.say(2, "Small pets are fine." if pet_ok else "Sorry, the owner doesn't allow pets.")
        extra = "pets are allowed" if pet_ok else "pets are not allowed"
    elif q == "deposit":
        dep = c.pick(["one", "two"])
        c.say(1, "How much is the deposit?", "What do you need upfront?")
        months = f"{dep} month's" if dep == "one" else f"{dep} months'"
        c.say(2, f"{cap(months)} rent as a deposit.", f"A deposit of {months} rent.")
        extra = f"the deposit is {months} rent"
    else:
        c.say(1, "Is there parking?", "Does it come with a parking space?")
        c.say(2, "There's one space behind the building.", "No, but there's street parking.")
    if c.chance(0.5):
        c.ask(1, 2, ("Is it furnished?", "Partly, there's a bed and a sofa."),
              ("Which floor is it on?", "It's on the third floor, no lift, I'm afraid."))
    c.say(1, "When is it available [from|]?", "How soon could I move in?")
    c.say(2, f"From the first of {c.word(*MONTHS)}. The current tenants are moving out.", "From next month. The last tenant just left.")
    day = c.pick(DAYS)
    t = c.clock(9, 18)
    c.say(1, "Could I come and see it?", "When can I view it?", "[Can|Could] I arrange a viewing?")
    c.say(2, f"How about {day} at {t}?", f"I can show it on {day}, around {t}.")
    c.say(1, "[Perfect|Great], see you then.", f"{day} works for me.")
    c.sum(f"{c.ref(1)} [calls|phones|rings] about a {beds}-bedroom flat on {street} that costs ${rent:,} a month" + (f"; {extra}." if extra else ".")
          + f" They arrange a viewing on {day} at {t}.",
          f"{c.ref(2)} tells {c.ref(1)} that the flat on {street} rents for ${rent:,} a month. {c.ref(1)} will view it on {day} at {t}.",
          f"[Interested in|Keen on] the {beds}-bedroom flat on {street} at ${rent:,} a month, {c.ref(1)} [books|arranges] a viewing for {day} at {t}."
          + (f" {cap(extra)}." if extra else ""),
          f"The flat on {street} has {beds} {'bedroom' if beds == 'one' else 'bedrooms'} and costs ${rent:,} a month; {c.ref(1)} will see it on {day} at {t}.",
          f"A viewing of the {beds}-bedroom flat on {street} (${rent:,} a month) is [set|arranged] for {day} at {t}." + (f" {cap(extra)}." if extra else ""),
          f"{c.ref(1)} [asks about|enquires about] the flat on {street}: {beds} {'bedroom' if beds == 'one' else 'bedrooms'} for ${rent:,} a month. The viewing is on {day} at {t}.")


def complaint_to_landlord(c):
    prob = c.pick("the heating", "the boiler", "the washing machine", "a leak in the bathroom ceiling", "the front door lock", "mould in the bedroom",
                  "the broken window in the kitchen", "the shower", "the oven", "the intercom", "a leaking radiator", "the fridge",
                  "the extractor fan", "a blocked sink", "the doorbell")
    c.say(1, c.hi(1, 2, 0.4) + f" Sorry to bother you again, but {prob} still isn't fixed.", f"I'm calling about {prob}. It's been two weeks.",
          f"[Hi|Hello]. [I need to talk to you about|It's about] {prob} again.")
    c.say(2, "I know, I'm sorry. The repairman cancelled on me.", "Yes, I haven't forgotten. It's been hard to find someone.")
    c.say(1, "I've sent you three messages this week.", "You said that last week as well.", "[This is|It's] the third time I've asked.")
    c.say(2, "I know, and I'm sorry. It's been a difficult month.", "I understand you're frustrated.")
    c.say(1, "It's really not acceptable. [It's making everyday life really difficult.|I've been patient for long enough.|It's getting worse every day.]",
          "I pay my rent on time, and I expect things to be fixed.")
    outcome = c.branch("date", "date", "rent", "tenant")
    cap_prob = cap(prob)
    if outcome == "date":
        day = c.pick(WEEKDAYS)
        who = c.pick("a plumber", "an electrician", "a repairman", "a technician")
        c.say(2, f"You're right. I've booked {who} for {day} morning.", f"I've found {who} who can come on {day}.")
        c.ask(1, 2, ("Will you be there to let them in?", "Yes, I'll come with them myself."), ("Okay, I'll be home.", "Great, I'll tell them to ring the bell."))
        c.sum(f"{c.ref(1)} complains to the landlord, {c.ref(2)}, that {prob} has still not been repaired. {c.ref(2)} apologises and arranges for {who} to come on {day}.",
              f"{cap_prob} in {c.ref(1)}'s flat is still broken, so {c.ref(1)} complains. {c.ref(2)} promises that {who} will come on {day}.",
              f"After weeks of waiting for {prob} to be fixed, {c.ref(1)} [gets|obtains] a promise from {c.ref(2)}: {who} will come on {day}.",
              f"{c.ref(1)} is [fed up|angry] that {prob} still does not work; {c.ref(2)} [says sorry|apologises] and books {who} for {day}.",
              f"{c.ref(2)} [sends|books] {who} for {day} to [fix|repair] {prob}, after {c.ref(1)} [complains again|complains once more].")
    elif outcome == "rent":
        c.say(1, "If it isn't fixed this week, I think I should pay less rent.", "I want a reduction in the rent until it's fixed.")
        c.say(2, "That's fair. I'll take a hundred dollars off this month.", "Okay, I'll reduce this month's rent by a hundred dollars.")
        c.sum(f"{c.ref(1)} complains that {prob} is still not fixed and asks for lower rent. {c.ref(2)} takes a hundred dollars off this month's rent.",
              f"Since {prob} [remains broken|is still not repaired], {c.ref(2)} agrees to reduce {c.ref(1)}'s rent by a hundred dollars this month.",
              f"{c.ref(2)} [agrees to cut|reduces] this month's rent by a hundred dollars because {prob} is still broken.")
    else:
        c.say(2, "If you know someone, get it fixed and send me the bill.", "Could you find a repair person yourself? I'll pay.")
        c.say(1, "Fine, but I want the money back straight away.", "All right, I'll call someone today and send you the invoice.")
        c.sum(f"{c.ref(1)} complains about {prob}, which is still broken. {c.ref(2)} asks {c.ref(1)} to hire someone and promises to pay the bill.",
              f"{c.ref(2)} lets {c.ref(1)} [arrange|organise] the repair of {prob} and will pay for it.",
              f"{c.ref(2)} [tells|asks] {c.ref(1)} to get {prob} repaired by someone {c.he(1)} knows and [send|forward] the bill.")


def moving_house(c):
    city = c.pick(CITIES)
    three = c.chance(0.35)
    c.greet(0.6, 0.45)
    c.say(1, c.hi(1, 2, 0.6) + f" Guess what? We're moving to {city}!", f"I have news. We're finally moving to {city}.",
          f"[Have you heard?|Big news:] we're moving to {city}.")
    mon = c.pick(MONTHS)
    why, why_s = c.pick(("my wife got a job there", f"{c.his(1)} wife got a job there"),
                        ("my husband found work there", f"{c.his(1)} husband found work there"),
                        ("we want to be near my parents", f"they want to be near {c.his(1)} parents"),
                        ("the rent here is too high", "the rent where they live is too high"),
                        ("I'm starting a master's degree", f"{c.he(1)} is starting a master's degree"),
                        ("the schools there are better for the kids", "the schools there are better for the children"))
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
    area = None
    if three:
        c.say(3, f"Sorry to interrupt, did you say {city}? I lived there for years!", f"{city}? I grew up there. You'll love it.")
        c.say(1, "Really? Any tips?", "Oh great, where should we live?")
        area = c.pick(["the old town", "near the river", "the north side", "near the university", "near the park"])
        c.say(3, f"Look for something {area}. It's quiet and has good schools." if "near" in area else f"Look for a place in {area}. It's lively and close to everything.")
    c.say(2, "I'll miss you, though.", "We'll have to visit you.", "[It won't be the same without you.|I'll really miss you.]")
    c.say(1, "You'd better! We'll have a spare room.", "You're always welcome[, of course|].")
    c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.his(1)} family is moving to {city} at the end of {mon} because {why_s}.",
          f"{c.ref(1)} is moving to {city} at the end of {mon}.",
          f"[At the end of {mon},|By the end of {mon},] {c.ref(1)} and {c.his(1)} family will move to {city}, as {why_s}.",
          f"{c.ref(1)} [announces|shares the news] that {c.he(1)} is moving to {city} at the end of {mon}.",
          f"[Because|As] {why_s}, {c.ref(1)}'s family [will move|is moving] to {city} at the end of {mon}.",
          f"{c.ref(2)} [hears|learns] that {c.ref(1)} is leaving for {city} at the end of {mon}, because {why_s}.")
    tip = (f" {c.ref(3)}, who knows {city}, recommends living {area}." if area and "near" in area else
           (f" {c.ref(3)} recommends {area} in {city}." if area else ""))
    c.sum((f"They have booked a moving company for ${price:,}." if movers else f"They will move themselves with a van, and {c.ref(2)} offers to help.") + tip,
          (f"The movers will cost ${price:,}." if movers else f"They are hiring a van, and {c.ref(2)} will help carry boxes.") + tip,
          (f"Movers [will cost|cost] them ${price:,}." if movers else f"{c.ref(2)} [will help|offers to help] them move with a hired van.") + tip,
          (f"The move will cost ${price:,} with a moving company." if movers else f"To save money they will hire a van, and {c.ref(2)} [will help|offers to help].") + tip,
          (f"A moving company [has quoted|is charging] ${price:,}." if movers else f"They will do the move themselves, and {c.ref(2)} [is ready|promises] to carry boxes.") + tip)


def health(c):
    c.greet(0.4, 0.0)
    c.say(1, c.hi(1, 2, 0.6) + " You look tired. Are you okay?", "Are you all right? You seem a bit [down|quiet] today.",
          "[Is everything okay?|Are you feeling all right?] [You look exhausted.|You don't look well.]")
    prob = c.branch("sleep", "back", "stress", "diet")
    if prob == "sleep":
        hrs = c.pick(["four", "five", "three"])
        c.say(2, f"I've been sleeping only {hrs} hours a night for weeks.", f"Not really. I can't sleep, maybe {hrs} hours a night.")
        c.ask(1, 2, ("Oh no. Is something worrying you?", "Not really, I just lie awake."),
              ("That's terrible. Since when?", "Since I started the night shifts, I think."),
              ("How long has that been going on?", "A few weeks. Maybe it's the heat."))
        c.ask(1, 2, ("Are you drinking coffee late in the day?", "Guilty. Sometimes I have a coffee at eight in the evening."),
              ("Do you look at your phone in bed?", "Yes, I scroll until midnight."))
        tip, tip_s = c.pick(("stop coffee after lunch", "stop drinking coffee after lunch"),
                            ("put the phone away an hour before bed", f"put {c.his(2)} phone away an hour before bed"),
                            ("go for a walk in the evening", "go for a walk in the evening"))
        c.say(1, f"Try to {tip}. It helped me a lot.", f"You should {tip}. And see a doctor if it doesn't get better.")
        c.say(2, "I'll give it a try.", "Okay, I'll try that this week.")
        c.sum(f"{c.ref(2)} has been sleeping only {hrs} hours a night. {c.ref(1)} suggests that {c.ref(2)} {tip_s}.",
              f"{c.ref(1)} notices that {c.ref(2)} is tired; {c.ref(2)} sleeps only about {hrs} hours a night, and {c.ref(1)} advises {c.him(2)} to {tip_s}.",
              f"[Because|Since] {c.ref(2)} gets only {hrs} hours of sleep a night, {c.ref(1)} [recommends|suggests] that {c.he(2)} {tip_s}.",
              f"{c.ref(1)} [thinks|believes] {c.ref(2)}, who sleeps only {hrs} hours a night, should {tip_s}.",
              f"Sleeping only {hrs} hours a night, {c.ref(2)} [is advised|is told] by {c.ref(1)} to {tip_s}.")
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
        c.sum(f"{c.ref(2)} has back pain from sitting at a desk" + (" and will see a physiotherapist on Thursday." if physio else f"; {c.ref(1)} urges {c.him(2)} to see a specialist soon."),
              f"{c.ref(2)}'s back hurts [because of|from] long hours at a desk" + (", and a physiotherapy appointment is booked for Thursday." if physio else f", so {c.ref(1)} tells {c.him(2)} not to wait before seeing someone."),
              f"Sitting at a desk all day [gives|has given] {c.ref(2)} back pain" + (f", and a physiotherapist will see {c.him(2)} on Thursday." if physio else f"; {c.ref(1)} says {c.he(2)} should not wait to see someone."),
              f"{c.ref(1)} [tells|urges] {c.ref(2)}, whose back hurts from desk work, to [ask|get] a better chair and stretch every hour.")
    elif prob == "stress":
        c.say(2, "Work has been crazy. I've been working until ten every night.", "I'm stressed. There's too much work and my manager keeps adding more.")
        c.say(1, "That's not sustainable. Have you talked to your manager?", "You need to say something, or you'll burn out.")
        c.say(2, "I'm afraid it'll look like I can't cope.", "I don't want to seem weak.")
        c.ask(1, 2, ("Is anyone else on the team struggling?", "Everyone is, I think, but nobody says anything."),
              ("Are you at least taking breaks?", "Not really. I eat lunch at my desk most days."))
        c.say(1, "It's not weakness. Ask which tasks are most important.", "Everyone has limits. Tell them honestly.")
        c.say(2, "You're right. I'll talk to her tomorrow.", "Maybe. I'll think about it.")
        c.sum(f"{c.ref(2)} is stressed because of too much work. {c.ref(1)} encourages {c.ref(2)} to talk to {c.his(2)} manager about priorities.",
              f"Overworked and [stressed|exhausted], {c.ref(2)} is afraid to seem weak, but {c.ref(1)} says {c.he(2)} should speak to {c.his(2)} manager.",
              f"{c.ref(1)} [tells|urges] {c.ref(2)} to ask {c.his(2)} manager which tasks matter most, because {c.he(2)} is [overworked|stressed].",
              f"{c.ref(2)} [feels|is] [overwhelmed|stressed] by work, and {c.ref(1)} [suggests|recommends] an honest talk with {c.his(2)} manager.")
    else:
        kg = c.num(3, 9)
        c.say(2, f"I'm fine, just hungry. I'm trying to lose {kg} kilos before summer.", f"I'm on a diet. I want to lose {kg} kilos.")
        c.say(1, f"{cap(NUMWORDS[kg])} kilos? You look fine to me.", "Why? You look great.")
        c.say(2, "Thanks, but I want to feel fitter at the beach.", "I just don't feel comfortable in my clothes.")
        c.say(1, "What are you eating?", "Are you eating enough?")
        c.say(2, "Mostly salad. And I skip breakfast.", "Just soup and fruit, really. I skip meals.")
        c.ask(1, 2, ("That's not healthy. Eat proper meals and exercise instead.", "Maybe you're right."),
              ("Skipping meals won't help. Why not join my running group on Sundays?", "Okay, I'll come on Sunday."))
        c.sum(f"{c.ref(2)} is dieting to lose {kg} kilos and skipping meals. {c.ref(1)} says it is unhealthy and recommends proper meals and exercise.",
              f"{c.ref(1)} [worries|is concerned] that {c.ref(2)}, who wants to lose {kg} kilos, skips meals, and suggests eating properly and exercising.",
              f"To lose {kg} kilos, {c.ref(2)} [is skipping|skips] meals; {c.ref(1)} [suggests|recommends] proper meals and exercise instead.",
              f"{c.ref(1)} [warns|tells] {c.ref(2)} that skipping meals to lose {kg} kilos is not healthy.")


def pet_care(c):
    pet, name = c.pick(("dog", c.pick(["Biscuit", "Max", "Luna", "Pepper", "Rocky", "Bruno", "Poppy", "Scout", "Maple", "Buster"])),
                       ("cat", c.pick(["Mittens", "Oscar", "Cleo", "Tiger", "Smokey", "Nala", "Ginger", "Pumpkin"])),
                       ("rabbit", c.pick(["Clover", "Thumper", "Daisy", "Hazel"])), ("guinea pig", c.pick(["Peanut", "Coco", "Fudge"])))
    if c.branch("vet", "sitter") == "vet":
        c.say(2, "[Hello|Good morning], what seems to be the problem?", "[Good morning|Hi]. Who do we have here?")
        sym, sym_s, diag = c.pick(("hasn't eaten for two days", "has not eaten for two days", "a bad tooth"),
                                  ("keeps scratching its ears", "keeps scratching its ears", "an ear infection"),
                                  ("is limping on its back leg", "is limping on its back leg", "a sprained leg"),
                                  ("has been sick twice", "has been sick twice", "an upset stomach"),
                                  ("has a sore eye", "has a sore eye", "an eye infection"))
        c.say(1, f"This is {name}, my {pet}. {name} {sym}.", f"[Hi|Hello]. My {pet}, {name}, {sym}.")
        c.say(2, f"Let me have a look. How old is {name}?", f"Let's see. How old is {name}?")
        age = c.num(2, 12) if pet in ("dog", "cat") else c.num(1, 6)
        c.say(1, f"{cap(NUMWORDS[age])}.", f"{cap(NUMWORDS[age])} years old.")
        c.say(2, "Has anything changed at home? New food, for example?", "Is there anything different in the routine?")
        c.say(1, "We did switch to a cheaper food last week.", "No, nothing at all.", "We moved house recently, actually.")
        c.say(2, f"It looks like {diag}. I'll give you some medicine.", f"I think it's {diag}. Nothing serious.")
        cost = c.num(40, 180)
        c.say(1, "How much will it cost?", "Thank goodness. What do I owe you?")
        c.say(2, f"${cost} with the medicine. Come back in a week.", f"It's ${cost}. Bring {name} back in a week for a check.")
        c.sum(f"{c.ref(1)} takes {c.his(1)} {NUMWORDS[age]}-year-old {pet}, {name}, to the vet because it {sym_s}. {c.ref(2)} finds {diag}; the visit costs ${cost}.",
              f"{c.ref(2)} says {c.ref(1)}'s {pet} {name} has {diag} and asks to see it again in a week.",
              f"{name}, {c.ref(1)}'s {pet}, {sym_s}; {c.ref(2)} [diagnoses|finds] {diag}, and the visit costs ${cost}.")
    else:
        days = c.num(3, 10)
        city = c.pick(CITIES)
        c.familiar = True  # asking a friend or neighbour for a favour
        said_city = c.chance(0.7)
        c.say(1, c.hi(1, 2, 0.6) + (f" Could you look after my {pet}, {name}, while I'm in {city}? It's {NUMWORDS[days]} days." if said_city
                                    else f" I need a big favour. Could you take care of my {pet}, {name}, for {NUMWORDS[days]} days?"))
        c.say(2, "Sure. What do I need to do?", "Of course. Any special instructions?")
        food = c.pick(["twice a day, morning and evening", "once a day, in the evening", "three small meals a day"])
        c.say(1, f"Feed {name} {food}." + (" And a walk every afternoon." if pet == "dog" else ""), f"Just food {food}, and fresh water.")
        if c.chance(0.5):
            c.say(2, "What if something goes wrong?", "Is there a vet I should call?")
            c.say(1, f"The vet's number is on the fridge. Dr. {c.word('Mensah', 'Larsen', 'Costa', 'Reyes')} knows {name}.", "I'll leave the vet's number on the fridge.")
        c.say(2, "No problem. I'll send you photos.", "Don't worry, we'll be fine.")
        c.say(1, "Oh, and the spare key is with my neighbour at number 12.", "I'll drop off the key and the food on Friday.")
        c.say(1, "You're a star. I'll bring you something back.", "Thanks so much!")
        c.sum(f"{c.ref(1)} asks {c.ref(2)} to look after {c.his(1)} {pet}, {name}, for {NUMWORDS[days]} days" + (f" while {c.he(1)} is in {city}" if said_city else "")
              + f". {c.ref(2)} agrees and will feed {name} {food}.")


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
