"""Scenario scripts: office life (leave, resigning, memos, reviews, colleagues, starting a business).

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script.
"""

import re

from summ_common import CITIES, FEMALE, MONTHS, STREETS, WEEKDAYS, cap, join_and


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _third(c):
    """A third party (a colleague): name, he/she, him/her, his/her."""
    name = c.person_name()
    female = name.startswith(("Ms.", "Mrs.")) or name in FEMALE
    return name, ("she" if female else "he"), ("her" if female else "him"), ("her" if female else "his")


def _theirs(text: str, his: str) -> str:
    """A speaker's own words in the summary's third person: 'my clients' -> 'her clients'."""
    return re.sub(r"\bmy\b", his, text)


def leave_request(c):
    city = c.pick(CITIES)
    reason, why_s = c.pick(
        (f"my sister is getting married in {city}", f"{c.his(1)} sister is getting married in {city}"),
        ("I'm moving flat and I need time to pack", f"{c.he(1)} is moving flat"),
        ("my dad is having an operation and I want to be with him", f"{c.his(1)} father is having an operation"),
        (f"we've finally booked a family holiday in {city}", f"{c.he(1)} has booked a family holiday in {city}"),
        ("my son is starting school and I want to help him settle in", f"{c.his(1)} son is starting school"),
        (f"I'm running the marathon in {city}", f"{c.he(1)} is running the marathon in {city}"),
        (f"my grandmother is turning ninety and the whole family is meeting in {city}", f"{c.his(1)} grandmother is turning ninety"),
        ("I have to renew my visa in person at the embassy", f"{c.he(1)} has to renew {c.his(1)} visa at the embassy"),
        ("I haven't had a proper break all year, and I'm really tired", f"{c.he(1)} has not had a break all year"),
        ("our kitchen is being rebuilt and someone has to be at home", f"{c.his(1)} kitchen is being rebuilt"),
        ("my partner is having a baby", f"{c.his(1)} partner is having a baby"),
        ("I've got my final accounting exams", f"{c.he(1)} has {c.his(1)} final accounting exams"),
        ("my best friend is getting married and I'm in the wedding party", f"{c.his(1)} best friend is getting married"))
    if c.branch("dates", "phrase") == "dates":
        month = c.pick(MONTHS)
        d1 = c.num(2, 20)
        d2 = d1 + c.num(2, 7)
        when = f"from the {_ordinal(d1)} to the {_ordinal(d2)} of {month}"
        when_s = f"[{when}|from {month} {d1} to {month} {d2}|between {month} {d1} and {d2}]"
    else:
        when = c.pick("next Thursday and Friday", "the whole of next week", "Monday and Tuesday next week", "next Friday",
                      f"the first week of {c.pick(MONTHS)}", f"the last two weeks of {c.pick(MONTHS)}", "the week after next",
                      "the last three days of the month", "next Wednesday")
        when_s = when
    cover, he, him, his = _third(c)
    task = c.pick("look after my clients", "answer my emails", "run the Monday team meeting", "finish the monthly invoices",
                  "deal with the suppliers", "keep the website project going", "handle the stock orders", "cover the front desk",
                  "take my calls", "send out the weekly newsletter", "check the payroll", "look after the new intern")
    task_s = _theirs(task, c.his(1))
    if c.branch("employee", "manager") == "employee":
        c.say(1, c.hi(1, 2) + " Have you got a minute?", "[Sorry to bother you.|Excuse me.] Could I ask you something?",
              c.hi(1, 2, 0.7) + " Do you have five minutes?")
        c.say(2, "Sure, come in. What's up?", "Of course. [Take a seat.|What is it?]", "Yes, [go ahead|what can I do for you]?")
    else:
        c.say(2, c.hi(2, 1, 0.7) + " You wanted a word with me?", "[Come in.|Hi.] I got your message. What's it about?", "[Come in, come in.|Hello.] What can I do for you?")
    c.say(1, f"I'd like to take some time off, {when}.", f"I wanted to ask for leave {when}.",
          f"Would it be possible to take some time off {when}?", f"Could I [book|take] some leave {when}?")
    c.say(2, "What's the occasion?", "Oh? [Anything special|Is everything all right]?", "I see. Can I ask what it's for?")
    c.say(1, f"{cap(reason)}.", f"[Well,|To be honest,] {reason}.")
    left = None
    if c.chance(0.55):
        left = c.num(4, 19)
        c.ask(2, 1, ("How many days have you got left this year?", f"I've still got {left} days, so that's fine."),
              ("Do you still have enough holiday left?", f"Yes, {left} days. I checked with HR [yesterday|this morning]."),
              ("Have you got enough leave left?", f"I think so. HR says I have {left} days."))
    if c.chance(0.55):
        c.say(2, "Who's going to cover for you?", "And what about your work while you're away?", "[Okay.|Right.] Who'll do your work?")
        c.say(1, f"I've talked to {cover}. {cap(he)} can {task}.", f"{cover} has [agreed|offered] to {task}.")
        cover_said = True
    else:
        cover_said = False
    outcome = c.branch("yes", "yes_if", "partly", "no")
    clash = c.pick("the annual audit", "the trade fair", "the stock count", "a big client visit", "the system upgrade", "the board meeting",
                   "the product launch", "the office move", "the end of the quarter", "the new staff training")
    cond, cond_s = c.pick(("finish the sales report before you go", "finishes the sales report before leaving"),
                          ("update the project plan first", "updates the project plan first"),
                          ("put it in the holiday calendar today", "puts it in the holiday calendar"),
                          ("brief the team before you leave", "briefs the team before leaving"),
                          ("fill in the leave form on the HR portal", "fills in the leave form on the HR portal"),
                          ("answer the client complaints before you go", "answers the client complaints first"),
                          ("leave clear notes for whoever covers", "leaves clear notes for whoever covers"))
    if outcome == "yes":
        c.say(2, "That's fine. [Enjoy it.|Of course you should go.] I'll approve it today.", "No problem at all. I'll sign it off this afternoon.")
        c.say(1, "Thank you so much.", "[Great|Brilliant], thanks.")
        res = c.branch(f"{c.ref(2)} approves the leave", f"{c.ref(2)} agrees [at once|straight away]", f"{c.ref(2)} [is happy to|will] sign it off",
                       f"{c.ref(2)} has no problem with it", f"the request is approved [the same day|without any problem]")
    elif outcome == "yes_if":
        c.say(2, f"Okay, you can go, but please {cond}.", f"Fine by me, as long as you {cond}.")
        c.say(1, "Of course, I'll do that.", "No problem. Thank you!")
        res = c.branch(f"{c.ref(2)} says yes on condition that {c.ref(1)} {cond_s}", f"{c.ref(2)} [allows it|lets {c.him(1)} go] as long as {c.ref(1)} {cond_s}")
    elif outcome == "partly":
        c.say(2, f"Hmm. The problem is {clash} is that week. Could you take a day less?",
              f"I can give you some of it, but I need you here for {clash}. Could you come back a day early?")
        c.say(1, "That's fine, I can do that.", "Okay, I'll come back a day early.", "[It's not ideal,|Hmm,] but all right.")
        res = c.branch(f"because of {clash}, {c.ref(2)} [approves only part of it|asks {c.ref(1)} to come back a day early]",
                       f"{c.ref(2)} needs {c.him(1)} back a day early for {clash}, and {c.ref(1)} [agrees|accepts]")
    else:
        later = c.pick("the week after", "later in the month", f"in {c.pick(MONTHS)}", "after the summer", "the following week")
        c.say(2, f"I'm sorry, that's a bad time. We have {clash}. Could you go {later} instead?",
              f"I'm afraid I can't. {cap(clash)} is that week. What about {later}?")
        if c.branch("move", "upset") == "move":
            c.say(1, "I understand. I'll see if I can change my plans.", "Okay, I'll try to move it.")
            res = f"{c.ref(2)} [refuses|says no] because of {clash}"
        else:
            c.say(1, "I really can't change it. Could we talk to HR?", "That's difficult. It's not something I can move.")
            c.say(2, "Let me see what I can do and I'll get back to you.", "Let me think about it and talk to HR.")
            res = f"{c.ref(2)} will think about it, as {clash} is that week"
    who_s = (f" [{cover} will {task_s}|{cover} is going to {task_s} while {c.he(1)} is away|While {c.he(1)} is off, {cover} will {task_s}].") if cover_said else ""
    if left and not cover_said:
        who_s = (f" [{c.ref(1)} still has {left} days of leave left|{cap(c.he(1))} has {left} days left this year].")
    c.sum(f"{c.ref(1)} asks {c.ref(2)} for [leave|some time off] because {why_s}. {cap(res)}.",
          f"{c.ref(1)} wants time off {when_s}. {cap(res)}.",
          f"Because {why_s}, {c.ref(1)} [requests|asks for] leave. {cap(res)}.",
          f"{c.ref(1)} [needs|would like] [some time off|some leave], as {why_s}.",
          f"{c.ref(1)} asks {c.ref(2)} for leave {when_s}. {cap(res)}.")


def resignation(c):
    path = c.branch("job", "job", "other")
    comp = c.pick("Brightwater Media", "Falcon Logistics", "Greenfield Bank", "Lighthouse Software", "Meridian Hotels", "Pioneer Foods",
                  "Quarry Hill Architects", "Riverside Hospital", "Summit Insurance", "Tandem Design", "Willow Pharma", "Zenith Motors",
                  "the city council", "a start-up in " + c.pick(CITIES))
    role = c.pick("team leader", "senior analyst", "marketing manager", "project manager", "head of sales", "lead designer",
                  "office manager", "software engineer", "training coordinator", "account manager", "operations manager")
    perk, perk_s = c.pick(("the salary is a lot higher", "a much higher salary"), ("it's ten minutes from my flat", "a shorter commute"),
                          ("I'd be leading a team of my own", "the chance to lead a team"), ("I can work from home three days a week", "working from home three days a week"),
                          ("they'll pay for my master's degree", "a paid master's degree"), ("it's a real step up for me", "a step up in {his} career"),
                          ("it's the kind of work I've always wanted to do", "the kind of work {he} has always wanted"),
                          ("the hours are much better", "better hours"), ("they offered me a company car", "a company car"),
                          ("I'd get to travel a lot", "the chance to travel"), ("there's a lot more training", "more training"))
    perk_s = perk_s.format(his=c.his(1), he=c.he(1))
    plan, plan_s = c.pick((f"I'm moving to {c.pick(CITIES)} with my family", "moving away with {his} family"),
                          ("I'm going back to university to study nursing", "going back to university to study nursing"),
                          ("I'm starting my own business", "starting {his} own business"),
                          ("I'm taking a year off to travel", "taking a year off to travel"),
                          ("I need to look after my mother for a while", "looking after {his} mother"),
                          ("I've decided to retrain as a teacher", "retraining as a teacher"),
                          ("my partner got a job abroad and we're moving", "moving abroad with {his} partner"))
    plan_s = plan_s.format(his=c.his(1))
    c.greet(0.3, 0.3)
    if c.greeted:
        c.say(1, "[Listen,|Actually,] could we talk in private for a minute? It's [a bit|rather] important.",
              "[Anyway,|Listen,] there's something I need to tell you. Can we close the door?")
    else:
        c.say(1, c.hi(1, 2, 0.6) + " Have you got a moment? It's [a bit|rather] important.", "Could we talk in private for a minute?",
              "[Sorry to interrupt.|Excuse me.] Can I have a quick word?")
    c.say(2, "Sure, close the door. What's going on?", "Of course. Sit down. Is everything okay?", "Yes, [of course|come in]. What is it?")
    if path == "job":
        c.say(1, f"[I'm afraid|I wanted you to hear it from me first:] I'm handing in my notice. I've accepted a job as {role} at {comp}.",
              f"This isn't easy to say, but I'm resigning. I've been offered a {role} position at {comp}, and I've said yes.")
        c.say(2, "Oh. That's a surprise. [Can I ask why?|What made you decide?]", "Wow, I didn't see that coming. Why?")
        c.say(1, f"Mainly because {perk}.", f"[Honestly,|Well,] {perk}. It was hard to say no.")
        move = f"[has accepted a job as {role} at {comp}|is joining {comp} as {role}|has taken a {role} position at {comp}|is going to work for {comp} as {role}]"
        move2 = f"[is leaving to become|is quitting to work as|resigns to become] {role} at {comp}, [attracted by|mainly for|because of] {perk_s}"
    else:
        c.say(1, f"I've decided to leave the company. {cap(plan)}.", f"I'm afraid I'm handing in my notice. {cap(plan)}.")
        c.say(2, "Oh, I'm sorry to hear that. [Is everything all right?|That's a big change.]", "That's a big step. Are you sure?")
        c.say(1, "Yes, I've thought about it for a long time.", "I'm sure. It's been coming for a while.")
        move = f"is {plan_s}"
        move2 = f"[is leaving the company|hands in {c.his(1)} notice|resigns] because {c.he(1)} is {plan_s}"
    notice = c.pick("two weeks", "four weeks", "one month", "three months", "six weeks", "a month")
    month = c.pick(MONTHS)
    day = c.num(1, 28)
    c.say(2, "How much notice are you giving?", "What's your notice period?", "Okay. What about your notice period?")
    c.say(1, f"My contract says {notice}, so my last day would be the {_ordinal(day)} of {month}.",
          f"{cap(notice)}. So the {_ordinal(day)} of {month} would be my last day.")
    heir, he, him, his = _third(c)
    hand = c.pick("the client accounts", "the monthly reports", "the supplier contracts", "the website", "the training schedule",
                  "the budget spreadsheets", "the recruitment files", "the new product launch", "the team rota", "the social media accounts")
    hand_said = c.chance(0.65)
    if hand_said:
        c.say(2, "Okay. We'll need a proper handover.", "And what about your work? We need a handover plan.")
        c.say(1, f"Of course. I'll write everything down and train {heir} on {hand}.",
              f"I was thinking {heir} could take over {hand}. I'll show {him} everything before I go.")
    counter = c.branch("none", "money", "promotion")
    raise_ = c.pick("ten percent more", "a five percent raise", "an extra $3,000 a year", "a fifteen percent raise", "an extra $5,000 a year",
                    "an extra week of holiday", "a four-day week")
    if counter == "none":
        c.say(2, "Well, I'm sorry to lose you, but I understand. [Congratulations.|Good luck.]", "We'll miss you. It's a great opportunity, though.")
        c.say(1, "Thank you for everything.", "Thanks for understanding.")
        end = c.branch(f"{c.ref(2)} is sorry to lose {c.him(1)} but [accepts the decision|understands]",
                       f"{c.ref(2)} [accepts the resignation|takes the news well] and wishes {c.him(1)} luck",
                       f"{c.ref(2)} [congratulates {c.him(1)} and|] does not try to [keep {c.him(1)}|change {c.his(1)} mind]")
    else:
        offer = raise_ if counter == "money" else c.pick("a promotion to team leader", "a promotion to deputy manager", "a promotion to senior manager",
                                                           "a place on the management programme")
        c.say(2, f"Is there anything we could do to keep you? I could offer you {offer}.", f"Before you decide, what if we offered you {offer}?")
        stay = c.branch("stay", "no", "think")
        if stay == "stay":
            c.say(1, "Really? [Well, that changes things.|Hmm, in that case...] Okay, I'll stay.", "That's generous. [All right,|Okay,] I'll stay.")
            end = c.branch(f"{c.ref(2)} offers {offer}, so {c.ref(1)} [stays|agrees to stay]", f"[Offered|Tempted by] {offer}, {c.ref(1)} [agrees to stay|stays after all]")
        elif stay == "no":
            c.say(1, "Thank you, but my mind is made up.", "That's kind, but I've already signed the contract.")
            end = c.branch(f"{c.ref(1)} turns down {c.ref(2)}'s offer of {offer}", f"{c.ref(1)} says no to {offer}")
        else:
            c.say(1, "I didn't expect that. Can I think about it until tomorrow?", "Let me think about it overnight.")
            end = c.branch(f"{c.ref(1)} will think about {c.ref(2)}'s offer of {offer}", f"{c.ref(1)} [will consider|asks for time to consider] {offer}")
    hand_s = (f" [{heir} will take over {hand}|{cap(c.he(1))} will hand over {hand} to {heir}|{cap(hand)} will go to {heir}].") if hand_said else ""
    notice_s = f"{notice}' notice" if notice.endswith("s") else f"{notice}'s notice"
    last = f"the {_ordinal(day)} of {month}"
    if counter == "none":
        c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.he(1)} {move}. {cap(end)}.",
              f"{c.ref(1)} [hands in {c.his(1)} notice|resigns] because {c.he(1)} {move}. {cap(end)}.",
              f"{c.ref(1)} {move2}.",
              f"[With|Giving] {notice_s}, {c.ref(1)} [tells|informs] {c.ref(2)} that {c.he(1)} {move}.",
              f"{c.ref(1)}'s last day will be {last}: {c.he(1)} {move}.")
    else:
        c.sum(f"{c.ref(1)} tells {c.ref(2)} that {c.he(1)} {move}. {cap(end)}.",
              f"{c.ref(1)} [hands in {c.his(1)} notice|resigns] because {c.he(1)} {move}. {cap(end)}.",
              f"{c.ref(1)} {move2}.",
              f"{c.ref(2)} [learns|hears] that {c.ref(1)} {move}. {cap(end)}.")


def office_memo(c):
    policy, policy_s = c.pick(
        ("all staff must wear their ID badges at all times", "staff must wear ID badges at all times"),
        ("instant messaging may no longer be used with clients", "instant messaging is no longer allowed with clients"),
        ("expense claims must go through the new online system", "expense claims go through the new online system"),
        ("everyone has to complete the online fire safety training", "everyone must do the fire safety training"),
        ("all visitors must sign in at reception", "visitors must sign in at reception"),
        ("holiday requests must be made four weeks in advance", "holiday requests need four weeks' notice"),
        ("the kitchen fridge will be emptied every Friday", "the fridge will be emptied every Friday"),
        ("staff may work from home two days a week", "staff can work from home two days a week"),
        ("colour printing now needs a manager's approval", "colour printing needs a manager's approval"),
        ("passwords must be changed every three months", "passwords must be changed every three months"),
        ("jeans are no longer allowed when meeting clients", "jeans are not allowed at client meetings"),
        ("smoking is not allowed anywhere on the grounds, including the car park", "smoking is banned everywhere on the grounds"),
        ("the car park will be closed for repairs", "the car park will be closed for repairs"),
        ("all laptops must be locked away at night", "laptops must be locked away at night"),
        ("meetings can't be longer than forty-five minutes", "meetings must not last over forty-five minutes"),
        ("the office will close at four on Friday afternoons", "the office closes early on Friday afternoons"),
        ("company phones may not be taken abroad without permission", "company phones need permission to go abroad"),
        ("overtime has to be agreed with a manager first", "overtime needs a manager's approval"),
        ("the lifts will be out of service for two weeks", "the lifts will be out of service"),
        ("everyone must use the new booking system for meeting rooms", "meeting rooms are booked through the new system"),
        ("paper cups are no longer provided, so please bring your own mug", "staff must bring their own mugs"),
        ("all doors must be locked by the last person to leave", "the last person out must lock up"))
    who = c.pick("all employees", "everyone in the sales department", "all managers", "the warehouse staff", "all part-time staff",
                 "the IT team", "new employees", "everyone on the third floor", "the customer service team", "all interns", "the whole company",
                 "the accounts department", "all drivers", "the night shift", "the marketing team", "all team leaders", "the research lab",
                 "everyone at the Leeds office")
    start = c.pick("next Monday", f"the first of {c.pick(MONTHS)}", "the end of this month", f"{c.pick(WEEKDAYS)} next week", "tomorrow morning",
                   f"the {_ordinal(c.num(2, 28))} of {c.pick(MONTHS)}", "the first of next month", "this Friday")
    contact = c.pick("the HR office", "the IT help desk", "the office manager", "the facilities team", "the finance department",
                     "their line manager", "the security desk", "the health and safety officer", "reception", "the payroll team")
    contact_s = f"{c.full_name()} from {contact}" if c.chance(0.35) and contact != "their line manager" else contact
    title = "Ms." if c.people[2].female else "Mr."
    call2 = c.branch("first", "last", "none")
    addr = c.nm(2) if call2 == "first" else (f"{title} {c.nm_last(2)}" if call2 == "last" else "")
    c.say(1, (f"{addr}, c" if addr else "C") + "ould you take down a memo for me? It needs to go out today.",
          (f"{addr}, I" if addr else "I") + " need you to [write|type up] a memo for me, please.",
          "Have you got a pen? I'd like to dictate a memo.")
    c.say(2, "Of course. [Go ahead.|I'm ready.] Who is it to?", "Yes, [one moment|just a second]. Who's it for?", "Sure. Who should I address it to?")
    c.say(1, f"To {who}.", f"It's for {who}.", f"Address it to {who}, please.")
    c.say(2, "And what's it about?", "Okay. [What do you want it to say?|And the subject?]")
    c.say(1, f"[Start like this:|Write this:] with effect from {start}, {policy}.", f"It says that from {start}, {policy}.")
    add = None
    if c.chance(0.6):
        q, a, add = c.branch(("Does that include part-time staff and interns?", "Yes, everyone. Please make that clear.", "it includes part-time staff and interns"),
                             ("Should I say why?", "Yes, say it's [for safety reasons|because of the new regulations].", "it gives the reason for the change"),
                             ("What happens if people don't follow it?", "Say that it will be taken seriously.", "breaking the rule will be taken seriously"),
                             ("Is this instead of the old rule?", "Yes, it replaces the old one completely.", "it replaces the old rule"),
                             ("Do people need to reply?", "No, they just need to read it.", "nobody needs to reply"))
        c.say(2, q)
        c.say(1, a)
    c.say(2, "And if anyone has questions?", "Who should people ask if they have questions?", "Should I add a contact for questions?")
    c.say(1, f"They should [contact|speak to] {contact_s}.", f"Questions go to {contact_s}.")
    how = c.pick("send it by email", "put it on the notice board", "put it in the staff newsletter", "post it on the intranet",
                 "print a copy for every desk", "send it to all the team leaders", "read it out at the morning meeting")
    c.say(2, f"Shall I {how}?", f"Do you want me to {how}?")
    t = c.clock(10, 17)
    c.say(1, f"Yes, please, and show me a copy first. It has to go out before {t}.", f"Yes. Let me read it before it goes out, and send it before {t}.",
          f"Yes, [as soon as possible|today], please. Definitely before {t}.")
    add_s = f" The memo says {add}." if add else ""
    c.sum(f"{c.ref(1)} [asks|gets] {c.ref(2)} to [write|type up] [a memo|a notice] telling {who} that {policy_s}.",
          f"{c.ref(1)} dictates [a memo|a notice] to {c.ref(2)}: from {start}, {policy_s}.",
          f"{c.ref(2)} helps {c.ref(1)} to write a memo to {who} about a [new rule|new policy|change]: {policy_s}.",
          f"A [memo|notice] to {who} [says|announces] that {policy_s}. {c.ref(2)} will {how}.",
          f"{c.ref(1)} [needs|would like] {who} to know that {policy_s}, so {c.ref(2)} [takes down|types up] a memo.")


def performance_review(c):
    client = c.pick("Hartwell", "Bluestone", "Corrigan", "Delta Foods", "Evergreen", "Northgate", "Lambert", "Orion", "Redfern", "Castello")
    strength, strength_s = c.pick(
        (f"You handled the {client} account really well", f"handled the {client} account well"),
        ("Your reports are always on time and very clear", "writes clear reports on time"),
        ("The customers love you. We had lots of thank-you emails", "gets lots of thank-you emails from customers"),
        ("You trained the two new people brilliantly", "trained two new colleagues"),
        ("You cut our delivery times by almost a week", "cut delivery times by almost a week"),
        ("You organised the trade fair almost on your own", "organised the trade fair almost alone"),
        ("You come up with great ideas in meetings", "comes up with great ideas"),
        ("You stayed calm during the system crash and kept everyone going", "stayed calm during the system crash"),
        ("Your sales numbers were the best in the team", "had the best sales numbers in the team"),
        ("You fixed the old booking system that nobody else understood", "fixed the old booking system"),
        ("You saved us a lot of money on the new supplier contract", "saved money on the supplier contract"),
        ("The new filing system you set up works perfectly", "set up a new filing system"),
        ("You never missed a single deadline", "never missed a deadline"),
        (f"You won the {client} contract for us", f"won the {client} contract"))
    improve, improve_s = c.pick(("speak up more in meetings", "speak up more in meetings"), ("delegate more", "delegate more"),
                                ("answer emails faster", "answer emails faster"), ("be more careful with the numbers", "check figures more carefully"),
                                ("plan your time better. A few deadlines slipped", "plan time better"), ("share information with the team", "share information with the team"),
                                ("be on time for meetings", "be on time for meetings"), ("keep the project tracker up to date", "update the project tracker"),
                                ("be more confident with clients", "be more confident with clients"), ("ask for help earlier", "ask for help sooner"),
                                ("keep your notes shorter", "write shorter notes"), ("take proper breaks. You work too late", "stop working so late"),
                                ("give the juniors more feedback", "give juniors more feedback"), ("stay calm when things go wrong", "stay calm under pressure"))
    goal = c.pick("lead the new website project", "bring in three new clients", "get a project management certificate", "mentor one of the new trainees",
                  "cut customer complaints by half", "learn the new accounting software", "run the team meetings", "open the new branch in " + c.pick(CITIES),
                  "present the team's results at the conference", "write the training manual", "take over the Lambert account", "improve the online shop",
                  "sort out the stock system", "build a client survey")
    reward = c.pick("a three percent raise", "a five percent raise", "a project management course", "an Excel course", "a leadership workshop",
                    "a public speaking course", "a bonus of $2,000", "a promotion to senior", "a Spanish course", "a bonus of $1,500",
                    "an extra day of holiday", "a place on the management programme", "a four percent raise", "a coding course")
    c.say(1, c.hi(1, 2, 0.6) + " Thanks for coming in. [Let's go through your review.|This is your yearly review, so don't worry.]",
          "[Come in, sit down.|Okay, let's start.] This is just your review for the year, nothing scary.")
    c.say(2, "Thanks. I'm a bit nervous, [to be honest|I admit].", "Sure. [I've been looking forward to it.|I've prepared a few notes.]")
    c.say(1, f"First, the good news. {strength}.", f"[Overall it's been a good year.|Let's start with what went well.] {strength}.")
    c.say(2, "Thank you, that's nice to hear.", "Oh, thank you. I [enjoyed|worked hard on] that.")
    c.say(1, f"One thing I'd like you to work on: try to {improve}.", f"If there's one thing to improve, it's that you should {improve}.")
    react = c.branch("agree", "explain")
    if react == "agree":
        c.say(2, "That's fair. I know I need to work on that.", "You're right. I'll try.")
    else:
        c.say(2, "I know. It's been hard with so much work this year.", "Yes, I know. I think I've just had too much on my plate.")
        c.say(1, "I understand. We'll look at your workload together.", "That's fair. Let's see how we can lighten your load.")
    by = c.pick(MONTHS)
    c.say(1, f"For next year, I'd like you to {goal} by {by}.", f"And as a goal, how would you feel about trying to {goal} by {by}?")
    c.say(2, "I'd love that.", "That sounds [exciting|like a challenge], but yes.")
    asked = c.chance(0.5)
    if asked:
        c.say(2, "Can I ask about a raise or some training?", "Is there any chance of a raise, or some training?")
    if c.branch("yes", "yes", "later") == "yes":
        c.say(1, ("[Yes.|Actually, yes.] " if asked else "[And one more thing.|Also, some good news.] ") + f"I've recommended you for {reward}.",
              f"I'm happy to tell you we're giving you {reward}.")
        c.say(2, "Thank you so much!", "That's [great|wonderful]. Thank you.")
        rew = c.branch(f"{c.ref(2)} [will get|is getting|is rewarded with] {reward}", f"{c.ref(1)} is giving {c.ref(2)} {reward}", f"{c.ref(1)} has good news: {c.ref(2)} gets {reward}", f"{c.ref(1)} [puts|has put] {c.ref(2)} forward for {reward}",
                       f"{c.he(2)} [gets|is offered] {reward}")
    else:
        mon = c.pick(MONTHS)
        c.say(1, f"Not right now, the budget is tight. But if you reach that goal, we can talk about {reward} in {mon}.",
              f"I can't promise anything now. Let's look at {reward} again in {mon}.")
        c.say(2, "Okay, that's fair.", "[All right.|Fair enough.] I'll hold you to that.")
        rew = c.branch(f"{reward} [will be discussed|is on the table] in {mon}", f"{c.ref(1)} [will consider|promises to look at] {reward} in {mon}",
                       f"{c.ref(1)} cannot offer {reward} until {mon}")
    why = " because of [a heavy workload|too much work]" if react == "explain" else ""
    c.sum(f"{c.ref(1)} praises {c.ref(2)} in {c.his(2)} [performance review|appraisal]: {c.he(2)} {strength_s}. {cap(rew)}.",
          f"{c.ref(1)} tells {c.ref(2)} that {c.he(2)} {strength_s} but should {improve_s}.",
          f"In {c.ref(2)}'s [yearly review|appraisal], {c.ref(1)} asks {c.him(2)} to {improve_s}{why} and to {goal} by {by}.",
          f"{c.ref(2)} [has|gets] [a performance review|{c.his(2)} yearly review]. {cap(c.he(2))} {strength_s}, and {rew}.",
          f"{c.ref(1)} [reviews {c.ref(2)}'s year|goes through {c.ref(2)}'s work]: {c.he(2)} {strength_s} but [needs to|should] {improve_s}.")


def colleague_conflict(c):
    col, he, him, his = _third(c)
    prob, prob_s = c.pick(
        ("takes the credit for my work in meetings", "takes the credit for {p}'s work"),
        (f"never does {his} share of our project", f"does not do {his} share of their project"),
        ("talks on the phone all day right next to my desk", "talks on the phone all day"),
        ("keeps changing my files without telling me", "changes {p}'s files without asking"),
        ("is always late, so I end up covering", "is always late"),
        ("criticises me in front of clients", "criticises {p} in front of clients"),
        ("makes jokes about my accent", "makes jokes about {p}'s accent"),
        ("keeps giving me work that isn't mine", "keeps passing work on to {p}"),
        ("ignores my emails", "ignores {p}'s emails"),
        ("gossips about me to the rest of the team", "gossips about {p}"),
        ("interrupts me every time I speak", "interrupts {p} all the time"),
        ("leaves the kitchen in a mess and expects me to clean it", "leaves the kitchen in a mess"),
        (f"plays music on {his} speaker all afternoon", f"plays music on {his} speaker all afternoon"),
        (f"never answers {his} phone, so all the calls come to me", "never answers the phone"))
    since = c.pick("for weeks", "since the summer", "since the new project started", f"since {c.pick(MONTHS)}", "for months", "since the office move")
    listener = c.branch("friend", "friend", "manager")
    c.greet(0.45 if listener == "friend" else 0.2, 0.3)
    c.say(1, c.hi(1, 2, 0.5) + f" Can I talk to you about {col}?", f"[I need some advice.|Can I ask your advice?] It's about {col} at work.",
          f"[Honestly, I've had enough of|I'm so fed up with] {col}.")
    c.say(2, "Oh dear. What's happened?", "Of course. What's going on?", "What's wrong?")
    c.say(1, f"{cap(he)} {prob}. It's been going on {since}.", f"[Well,|It's just that] {he} {prob}, and it's been like that {since}.")
    c.say(2, "That sounds [really annoying|awful|difficult].", "Hmm, that's not okay.", "[Oh no.|Seriously?] That's not fair on you.")
    if c.chance(0.6):
        c.ask(2, 1, ("Is it affecting your work?", c.branch("Yes. I can't concentrate, and I'm behind on everything.", "A bit. I'm tired of being annoyed all the time.")),
              ("How are you feeling about it?", c.branch("Honestly, I dread going into the office now.", "Stressed. I'm losing sleep over it.")),
              ("Does anyone else notice?", c.branch("I think so, but nobody says anything.", "A couple of people have noticed, yes.")))
    if c.chance(0.5):
        c.say(2, f"Have you said anything to {him}?", f"Does {col} know it bothers you?")
        c.say(1, "Not really. I don't want to make things worse.", "I tried once, but it didn't help.", f"No, I'm worried {he}'ll get angry.")
    advice, advice_s = c.pick((f"talk to {him} in private first", f"talk to {col} privately"), ("keep a record of every time it happens", "keep a record of every incident"),
                              ("put everything in writing", "put everything in writing"), ("speak to HR", "speak to HR"),
                              ("suggest a clear list of who does what", "agree a clear list of tasks"), ("ask to move desks", "ask to move desks"),
                              (f"invite {him} for a coffee and clear the air", f"clear the air with {col} over a coffee"), ("stay calm and not react", "stay calm and not react"),
                              ("tell your manager", "tell the manager"), ("say something the next time it happens", "speak up the next time it happens"))
    if listener == "friend":
        c.say(2, f"If I were you, I'd {advice}.", f"[Honestly,|Well,] I think you should {advice}.", f"Why don't you {advice}?")
        dec = c.branch("follow", "other", "unsure")
        if dec == "follow":
            when = c.pick("tomorrow", "on Monday", "this week", "before the next meeting", "first thing in the morning")
            c.say(1, f"You're right. I'll do that {when}.", f"[Okay,|Good idea.] I'll {advice} {when}.")
        elif dec == "other":
            plan = c.pick("talk to my manager", "look for another team", "wait until the project ends", "send an email to the whole team",
                          "ask for a transfer")
            c.say(1, f"Maybe. But I think I'll {plan} first.", f"I'm not sure. I'd rather {plan}.")
        else:
            c.say(1, "I don't know. I'll think about it.", "Maybe. Let me sleep on it.")
        c.goodbye("friends", 0.3)
        p = c.ref(1)
        prob_s = prob_s.format(p=p)
        end = {"follow": lambda: f"{p} will follow the advice {when}", "other": lambda: f"{p} would rather {_theirs(plan, c.his(1))} instead",
               "unsure": lambda: f"{p} is not sure what to do yet"}[dec]()
        c.sum(f"{p} tells {c.ref(2)} that {col} {prob_s}. {c.ref(2)} advises {c.him(1)} to {advice_s}.",
              f"{p} complains to {c.ref(2)} about {col}, who {prob_s}. {cap(end)}.",
              f"{c.ref(2)} advises {p} to {advice_s}, as {col} {prob_s}.",
              f"{p} asks for {c.ref(2)}'s advice about {col}, who {prob_s}. {cap(end)}.")
    else:
        act = c.pick(f"talk to {him} this week", "set up a meeting with both of you", "move you to another desk",
                     "bring it up with HR", "keep an eye on it for a couple of weeks", f"have a word with {col} today")
        c.say(2, f"Thank you for telling me. [That's not acceptable.|I didn't know.] I'll {act}.",
              f"I'm glad you came to me. Let me {act}.")
        c.say(1, "Thank you. I just want to get on with my work.", "Thanks, I appreciate it.")
        advice, advice_s = c.pick(("keep a record of every time it happens", "keep a record of every incident"), ("put everything in writing", "put everything in writing"),
                                  ("stay calm and not react", "stay calm and not react"), ("say something the next time it happens", "speak up the next time it happens"),
                                  ("tell me straight away if it happens again", "report it if it happens again"))
        c.say(2, f"In the meantime, please {advice}.", f"And for now, I'd [suggest you|like you to] {advice}.")
        p = c.ref(1)
        prob_s = prob_s.format(p=p)
        act_s = act.replace("both of you", "both of them").replace("move you", f"move {p}").replace(f"talk to {him}", f"talk to {col}")
        c.sum(f"{p} tells {c.ref(2)}, {c.his(1)} manager, that {col} {prob_s}. {c.ref(2)} will {act_s}.",
              f"{p} complains to {c.ref(2)} that {col} {prob_s}. {c.ref(2)} promises to {act_s}.",
              f"{c.ref(2)} hears {p}'s complaint that {col} {prob_s}, and will {act_s}.")


def business_plan(c):
    biz = c.pick("a coffee shop", "a bakery", "a dog-walking business", "a bike repair shop", "an online clothes shop", "a food truck",
                 "a yoga studio", "a cleaning company", "a small bookshop", "a wedding photography business", "a vegan restaurant",
                 "a tutoring agency", "a plant shop", "a phone repair stall", "a craft beer bar", "a children's play cafe",
                 "a removal company", "a hair salon", "an online shop for handmade jewellery", "a pizza van")
    where = c.pick([f"on {s}" for s in STREETS] + ["near the university", "in the old market hall", "next to the station", "in my home town"])
    where = "" if biz.startswith("an online") else where
    why, why_s = c.pick(("I'm tired of working for someone else", "is tired of working for someone else"),
                        ("I've just been made redundant", "has just been made redundant"),
                        ("I've always dreamed of it", "has always dreamed of it"),
                        ("there's nothing like it in the area", "has noticed there is nothing like it in the area"),
                        ("I want to be my own boss", "wants to be {his} own boss"),
                        ("my job is going nowhere", "feels {his} job is going nowhere"),
                        ("I've been doing it as a hobby for years", "has done it as a hobby for years"))
    why_s = why_s.format(his=c.his(1))
    need = c.sample(["a budget", "a market study", "a list of all your costs", "a cash-flow forecast", "a marketing plan",
                     "a description of your customers", "a look at the competition", "a pricing plan", "a sales forecast",
                     "a summary of the idea", "a plan for the first year", "a break-even point"], 2)
    need_s = [_theirs(n.replace("your", "my"), c.his(1)) for n in need]
    cost = c.num(8, 90) * 1000
    source = c.pick("a bank loan", "my savings", "my parents", "a small business grant", "a business partner", "crowdfunding",
                    "selling my car", "a loan from my uncle", "my redundancy money", "an investor I met")
    source_s = _theirs(source, c.his(1)).replace(" I met", f" {c.he(1)} met")
    c.greet(0.55, 0.35)
    at = f" {where}" if where else ""
    c.say(1, c.hi(1, 2) + f" [Guess what?|Can I tell you something?] I'm thinking of starting {biz}{at}.",
          f"I've [decided|made up my mind]. I'm going to open {biz}{at}.", f"I want to start {biz}{at}. [Don't laugh.|What do you think?]")
    c.say(2, "[Really?|Wow!] That's [exciting|brave]. Why now?", "That's a big step! What brought this on?")
    c.say(1, f"[Well,|Honestly,] {why}.", f"Because {why}.")
    c.say(2, "Have you written a business plan?", "Do you have a business plan yet?", "Fair enough. Is there a business plan?")
    c.say(1, "Not yet. What does it need?", "Not really. What should go in it?", "Sort of, it's in my head. What should it include?")
    c.say(2, f"At least {need[0]} and {need[1]}. The bank will ask for both.", f"You'll need {need[0]} and {need[1]}, to start with.")
    c.say(2, "And how much money do you need?", "How much will it cost to start?")
    opening = c.pick(MONTHS)
    c.say(1, f"About ${cost:,}. I'm hoping to get it from {source} and open in {opening}.", f"Around ${cost:,}, [I think|I reckon]. I'd use money from {source}. I want to open by {opening}.")
    risk, risk_s = c.pick(("there are already three of those nearby", "there is already a lot of competition"), ("rents are very high there", "rents are high"),
                          ("most new businesses struggle in the first year", "most new businesses struggle at first"),
                          ("you'd have no salary for months", "there will be no salary for months"), ("it's a lot of work for one person", "running it alone is hard work"),
                          ("prices have gone up a lot this year", "prices have gone up"))
    warned = c.chance(0.5)
    out = c.branch("write", "adviser", "small", "wait")
    if warned:
        c.say(2, f"Just be careful: {risk}.", f"I don't want to be negative, but {risk}.")
        if out != "wait":
            c.say(1, "I know. That's why I want to plan it properly.", "I've thought about that. I think I can do it differently.")
    if out == "write":
        day = c.pick(WEEKDAYS)
        c.say(2, f"Write it down and I'll look at it. We could go through it on {day}.", f"Send me a draft and let's meet on {day}.")
        c.say(1, "Deal. Thank you!", "That would be amazing. Thanks.")
        end = f"{c.ref(2)} [will read|will look at] [the draft|{c.his(1)} plan] on {day}"
    elif out == "adviser":
        adv, adv_s = c.pick(("the bank's small business adviser", "the bank's small business adviser"), ("the council's business centre", "the council's business centre"),
                            ("an accountant friend of mine", f"an accountant friend of {c.his(2)}"), ("a free start-up workshop", "a free start-up workshop"),
                            ("my cousin, who runs a cafe", f"{c.his(2)} cousin, who runs a cafe"))
        c.say(2, f"You should talk to {adv}. They help with plans like this.", f"Have you thought about {adv}? They're very good.")
        c.say(1, "Good idea, I'll book an appointment.", "I'll do that this week.")
        end = f"{c.ref(2)} [recommends|suggests] {adv_s}"
    elif out == "small":
        c.say(2, "Why not start small, at weekends, and keep your job for now?", "Maybe test it at weekends first, before you quit your job.")
        c.say(1, "That's sensible. I'll try it that way first.", "You're right. Less risk.")
        end = f"{c.ref(1)} [plans|resolves] to [start small at weekends|test the idea at weekends first|keep {c.his(1)} job and begin at weekends]"
    else:
        c.say(1, "Actually, hearing it out loud, maybe I should wait a year and save more.", "Hmm. Maybe I need to save for another year first.")
        c.say(2, "That's not a bad idea.", "There's no rush.")
        end = f"{c.ref(1)} [plans|resolves] to [wait a year and save more|save for another year first|put it off for a year]"
    warn = f" {c.ref(2)} warns that {risk_s}." if warned else ""
    c.sum(f"{c.ref(1)} [wants to start|is thinking of opening] {biz} because {c.he(1)} {why_s}.",
          f"{c.ref(1)} tells {c.ref(2)} about {c.his(1)} idea for {biz}.{warn}",
          f"{c.ref(1)} [plans to open|hopes to start] {biz} with ${cost:,} from {source_s}. {cap(end)}.",
          f"{c.ref(2)} [advises|helps] {c.ref(1)}, who wants to start {biz}. The plan needs {join_and(need_s)}.",
          f"{c.ref(1)} hopes to open {biz} in {opening}. {cap(end)}.")


SCENARIOS = {
    "leave request": leave_request,
    "resignation": resignation,
    "office memo": office_memo,
    "performance review": performance_review,
    "colleague conflict": colleague_conflict,
    "business plan": business_plan,
}
FAMILIAR_TOPICS = {"leave request", "resignation", "office memo", "performance review", "colleague conflict", "business plan"}
STAFF_TOPICS = set()
