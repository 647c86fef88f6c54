"""Shared pieces for the summarization scenario scripts.

Every scenario is a small function ``scenario(c)`` that writes one conversation
with ``c.say(...)`` and then writes its summary with ``c.sum(...)`` from the
*same* facts it chose, so the summary never states anything the dialogue does
not. ``Ctx`` holds the random generator, the speakers and the output.

Naming rule (DialogSum convention): a speaker is called by name in the summary
only when the name is actually spoken in the dialogue; otherwise the summary
calls them ``#Person1#`` / ``#Person2#`` / ``#Person3#``.
"""

from __future__ import annotations

import random
import re

FEMALE = [
    "Laura", "Amara", "Priya", "Mei", "Sofia", "Fatima", "Yuki", "Olga", "Chloe", "Aisha",
    "Ingrid", "Lucia", "Nadia", "Grace", "Hannah", "Zainab", "Elena", "Keiko", "Rosa", "Maya",
    "Leila", "Anna", "Beatriz", "Thandiwe", "Sara", "Ines", "Marta", "Ada", "Naomi", "Freya",
    "Ayesha", "Lin", "Esther", "Camille", "Joanna", "Adaeze", "Kiara", "Paula", "Helen", "Rachel",
]
MALE = [
    "James", "Tomas", "Raj", "Wei", "Kwame", "Ahmed", "Dmitri", "Lucas", "Omar", "Kenji",
    "Mateo", "Samuel", "David", "Ibrahim", "Arjun", "Felix", "Jonas", "Diego", "Tariq", "Oliver",
    "Marcus", "Hiroshi", "Emeka", "Pavel", "Noah", "Ben", "Luis", "Andrei", "Kofi", "Daniel",
    "Hugo", "Yusuf", "Patrick", "Min-jun", "Rafael", "Peter", "Viktor", "Sean", "Amir", "Leo",
]
LAST = [
    "Okafor", "Nguyen", "Patel", "Garcia", "Kowalski", "Smith", "Johansson", "Tanaka", "Mensah",
    "Rossi", "Schmidt", "Haddad", "O'Brien", "Silva", "Kim", "Novak", "Dubois", "Fischer",
    "Hernandez", "Adeyemi", "Chen", "Larsen", "Moreau", "Brennan", "Costa", "Yilmaz",
    "Khan", "Murphy", "Walsh", "Andersson", "Petrov", "Mwangi", "Sato", "Lopez", "Cohen",
    "Baptiste", "Reyes", "Abbott", "Fernandes", "Wright", "Bauer", "Osei", "Ramirez", "Lindqvist",
    "Mbeki", "Horvat", "Popescu", "Park", "Evans", "Duarte",
]
CITIES = [
    "Lisbon", "Toronto", "Manchester", "Osaka", "Nairobi", "Dublin", "Prague", "Melbourne",
    "Chicago", "Edinburgh", "Vienna", "Seoul", "Cape Town", "Barcelona", "Montreal", "Krakow",
    "Amsterdam", "Boston", "Athens", "Copenhagen", "Singapore", "Rome", "Denver", "Bristol",
    "Porto", "Vancouver", "Glasgow", "Kyoto", "Accra", "Galway", "Budapest", "Perth", "Austin",
    "Cork", "Munich", "Busan", "Durban", "Seville", "Quebec City", "Gdansk", "Rotterdam",
    "Philadelphia", "Thessaloniki", "Oslo", "Hanoi", "Florence", "Portland", "Leeds", "Marseille",
    "Istanbul", "Lima", "Auckland", "Valencia", "Bergen",
]
STREETS = [
    "Maple Street", "Harbour Road", "Elm Avenue", "Station Road", "Kingsley Lane", "Park Crescent",
    "Mill Lane", "Oak Drive", "Victoria Road", "Church Street", "Riverside Walk", "Hill Street",
    "Chestnut Grove", "Queen's Road", "Baker Street", "Willow Close", "Market Square", "Canal Street",
    "Orchard Way", "Bridge Road", "Cedar Avenue", "Linden Road", "Albert Street", "Garden Terrace",
    "Fisher Lane", "Northgate", "Springfield Road", "Castle Hill", "Brook Street", "Meadow Lane",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DAYS = WEEKDAYS + ["Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMWORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve"]


VOCATIVE_RE = re.compile(r"^(Yes|No|Okay|Sure|Thanks|Thank you|Great|Perfect|Right|Oh|Well|Hmm|Really|Sorry)([,.!?])")


# Meaning-preserving rewrites applied at random to summary sentences, so that summaries
# are not all built from the same few verbs (the distinct-bigram ratio is checked).
PARAPHRASES = [(re.compile(p), r) for p, r in [
    (r"\btells (\S+) that\b", [r"informs \1 that", r"lets \1 know that"]),
    (r"\bwants to\b", ["would like to", "hopes to"]),
    (r"\bdecides to\b", ["chooses to", "opts to"]),
    # only a sentence's own subject: not the second half of "A and B will ..."
    (r"(?:^|(?<=; )|(?<=, so )|(?<=, and ))(#Person\d#|(?!They\b)[A-Z][a-z]+) will\b(?! not)", [r"\1 is going to", r"\1 plans to"]),
    (r"\bbecause (?!of\b)", ["since ", "as "]),
    (r"\bsuggests\b", ["recommends", "proposes"]),
    (r"\bbuys\b", ["purchases", "gets"]),
    (r"\bexplains that\b", ["points out that", "mentions that"]),
    (r"\bsays\b", ["mentions", "explains"]),
    (r"\bcosts \$", ["comes to $", "is priced at $"]),
    (r"\bthinks\b", ["believes", "feels"]),
    (r"\basks (#Person\d#|[A-Z][a-z]+) to\b", [r"requests that \1"]),
    (r"\boffers to\b", ["volunteers to", "is happy to"]),
    (r"\babout \$", ["roughly $", "approximately $", "around $"]),
    (r"\bcomplains\b", ["protests", "grumbles"]),
    (r"\bcalls\b", ["phones", "rings"]),
    (r"\bhas to\b", ["must", "needs to"]),
    (r"\bin total\b", ["altogether", "overall"]),
    (r", so (#Person\d#|[A-Z][a-z]+|they)\b", [r"; as a result, \1", r", and therefore \1"]),
    (r"\bwhich costs\b", ["costing", "priced at"]),
    (r"\bThey will\b", ["They are going to", "They plan to"]),
    (r"\bbecause of\b", ["due to", "owing to"]),
    (r"\bfinds that\b", ["discovers that", "establishes that"]),
    (r"\basks about\b", ["enquires about", "asks for information about"]),
    (r"\bdiscuss\b", ["talk about", "go over"]),
    (r"\bchooses\b", ["picks", "selects"]),
    (r"\bpromises to\b", ["undertakes to", "vows to"]),
    (r"\bwants (?!to\b)", ["would like ", "is looking for "]),
    (r"\babout (\d)", [r"roughly \1", r"around \1"]),
    (r"\bagrees to\b", ["is willing to", "consents to"]),
    (r"\bwill be ready\b", ["should be ready", "will be finished"]),
]]


class Person:
    def __init__(self, first: str, last: str, female: bool, index: int):
        self.first, self.last, self.female, self.index = first, last, female, index
        self.named = False  # becomes True once the first name is spoken in the dialogue
        self.last_named = False  # the same for the surname


class Ctx:
    """The state of one conversation being written.

    Example:
        c = Ctx(random.Random(1), "shopping")
        c.say(1, "Hi, do you have this in blue?", "Excuse me, is there a blue one?")
        c.sum(f"{c.ref(1)} asks about a blue shirt.")
    """

    def __init__(self, rng: random.Random, topic: str, speakers: int = 2):
        self.r = rng
        self.topic = topic
        self.turns: list[tuple[int, str]] = []
        self.summary: list[str] = []
        self.people: dict[int, Person] = {}
        used = set()
        for i in range(1, 4):
            female = rng.random() < 0.5
            pool = FEMALE if female else MALE
            first = rng.choice([n for n in pool if n not in used])
            used.add(first)
            last = rng.choice(LAST)
            self.people[i] = Person(first, last, female, i)
        self.speakers = speakers
        self.greeted = False
        self.p_vocative = 0.22
        # Friends, family and colleagues know each other's names; strangers (a clerk and a
        # customer) only use a name after it has been given.
        self.familiar = False  # set by greet(); later hi() calls then say nothing

    # ---- random helpers -------------------------------------------------
    def pick(self, *options):
        """One option at random; a list argument is treated as the options."""
        if len(options) == 1 and isinstance(options[0], (list, tuple)):
            options = options[0]
        return self.r.choice(list(options))

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def sample(self, pool, k):
        return self.r.sample(list(pool), k)

    def num(self, lo: int, hi: int, step: int = 1) -> int:
        return self.r.randrange(lo, hi + 1, step)

    def money(self, lo: int, hi: int, step: int = 1, cur: str = "$") -> str:
        return f"{cur}{self.num(lo, hi, step)}"

    def clock(self, lo: int = 8, hi: int = 18, halves: bool = True) -> str:
        """A time like '10:30' or '3 p.m.' (12-hour, spoken style)."""
        h = self.num(lo, hi)
        m = self.pick("00", "30", "15", "45") if halves else "00"
        hh = h if h <= 12 else h - 12
        suffix = "a.m." if h < 12 else "p.m."
        return f"{hh} {suffix}" if m == "00" else f"{hh}:{m}"

    def person_name(self) -> str:
        """A third party, e.g. 'Ms. Okafor' or 'Daniel'."""
        female = self.chance(0.5)
        if self.chance(0.5):
            return f"{self.pick('Ms.', 'Mrs.') if female else 'Mr.'} {self.pick(LAST)}"
        taken = {p.first for p in self.people.values()}  # never reuse a speaker's first name
        return self.pick([n for n in (FEMALE if female else MALE) if n not in taken])

    def full_name(self) -> str:
        return f"{self.pick(FEMALE + MALE)} {self.pick(LAST)}"

    # ---- speakers -------------------------------------------------------
    def nm(self, who: int) -> str:
        """Speak a speaker's first name in the dialogue (the summary may then use it)."""
        self.people[who].named = True
        return self.people[who].first

    def ref(self, who: int) -> str:
        """How the summary refers to a speaker: the first name only if it was really spoken.

        nm() may run for an alternative phrasing that say() then did not choose, so the
        flag alone is not enough; the name must also occur in the written dialogue.
        """
        p = self.people[who]
        text = self.dialogue_text()
        if p.named and re.search(rf"\b{re.escape(p.first)}\b", text):
            return p.first
        if p.last_named and re.search(rf"\b{re.escape(p.last)}\b", text):
            return f"{'Ms.' if p.female else 'Mr.'} {p.last}"
        return f"#Person{who}#"

    def nm_last(self, who: int) -> str:
        """Speak a speaker's surname (a booking, a form); the summary may then say 'Ms. Okafor'."""
        self.people[who].last_named = True
        return self.people[who].last

    def he(self, who: int) -> str:
        return "she" if self.people[who].female else "he"

    def his(self, who: int) -> str:
        return "her" if self.people[who].female else "his"

    def him(self, who: int) -> str:
        return "her" if self.people[who].female else "him"

    def hi(self, who: int, other: int, p_name: float = 0.55) -> str:
        """A greeting, sometimes with the speaker introducing themself or naming the other."""
        if self.greeted:
            return ""
        roll = self.r.random()
        if roll < p_name and self.familiar:  # people who know each other use the name
            return self.pick("Hi, {n}!", "Hey {n}.", "Morning, {n}.", "Oh, hello {n}.").format(n=self.nm(other))
        if roll < p_name * 0.8:  # strangers introduce themselves
            return self.pick("Hi, I'm {n}.", "Hello, my name is {n}.", "Hi there, I'm {n}.").format(n=self.nm(who))
        if self.familiar:
            return self.pick("Hi.", "Hey.", "Hey there.", "Hiya.")
        return self.pick("Hi.", "Hello.", "Good morning.", "Good afternoon.", "Hi there.")

    SMALLTALK = {
        "service": [
            [(1, "How's your day going?"), (2, "Busy! It's been non-stop since we opened. And yours?"), (1, "Not bad, thanks.")],
            [(2, "Lovely weather today, isn't it?"), (1, "It is. Finally some sun after all that rain.")],
            [(1, "Sorry, I'm a bit out of breath. I ran from the bus stop."), (2, "No rush, take your time.")],
            [(2, "Sorry about the wait, we're short-staffed today."), (1, "That's okay, I wasn't waiting long.")],
            [(1, "I hope I'm not too late."), (2, "Not at all, we're open for another hour.")],
            [(2, "Have you been here before?"), (1, "Once, a couple of years ago. It looks different now."), (2, "Yes, we renovated last spring.")],
            [(1, "It's so cold out there today."), (2, "I know, they say it might snow tonight.")],
            [(2, "How are you today?"), (1, "Fine, thanks. A bit tired, it's been a long week.")],
        ],
        "friends": [
            [(1, "How was your weekend?"), (2, "Quiet, I mostly stayed in and read. Yours?"), (1, "Pretty busy, actually.")],
            [(1, "How's the new job going?"), (2, "Tiring, but I like the people. Anyway, how are you?"), (1, "Good, good.")],
            [(2, "You look well! Have you been away?"), (1, "Just a few days at the seaside. It was great.")],
            [(1, "Sorry I didn't answer your message yesterday."), (2, "Don't worry about it, I know you're busy.")],
            [(2, "Is that a new coat?"), (1, "It is! It was on sale."), (2, "It suits you.")],
            [(1, "Did you get home okay last night?"), (2, "Yes, the last bus was late, but I made it.")],
            [(2, "How's your mum doing?"), (1, "Much better, thanks for asking. She's back home now.")],
            [(1, "Ugh, what a morning. The trains were all delayed."), (2, "Tell me about it. I had to take a taxi.")],
            [(2, "{n1}! I didn't expect to see you here."), (1, "I know, it's been ages, {n2}.")],
            [(2, "Do you want a coffee? I just made some."), (1, "Oh, yes please. Milk, no sugar.")],
        ],
    }
    GOODBYE = {
        "service": [
            [(2, "Is there anything else I can help you with?"), (1, "No, that's everything. Thanks for your help."), (2, "You're welcome. Have a nice day.")],
            [(1, "Thank you, you've been very helpful."), (2, "My pleasure. Take care.")],
            [(1, "Thanks a lot."), (2, "No problem. Have a good evening.")],
            [(2, "Here's my card in case you have any questions."), (1, "Great, thanks again.")],
            [(1, "Thanks for being so patient with me."), (2, "Not at all, that's what we're here for.")],
            [(2, "Anything else?"), (1, "No, I think that's it. Bye.")],
            [(1, "Thanks for your help, {n2}."), (2, "You're welcome. Have a good day.")],
            [(2, "By the way, I'm {n2}, if you need anything else."), (1, "Thanks, {n2}. That's very kind.")],
        ],
        "friends": [
            [(1, "Anyway, I have to run."), (2, "Okay, talk to you later.")],
            [(2, "Text me later, okay?"), (1, "Will do. Bye!")],
            [(1, "Right, I'd better get back to work."), (2, "Me too. See you.")],
            [(2, "Great talking to you."), (1, "You too. Say hi to everyone for me.")],
            [(1, "Thanks, I really appreciate it."), (2, "Any time.")],
            [(2, "Oh, is that the time? I need to pick up the kids."), (1, "Go, go! We'll talk soon.")],
            [(1, "Okay, I'll let you go."), (2, "Bye for now.")],
            [(1, "Thanks, {n2}. You're a star."), (2, "Don't mention it.")],
            [(2, "See you tomorrow, {n1}."), (1, "See you!")],
        ],
    }

    def greet(self, p: float = 0.5, p_smalltalk: float = 0.6) -> None:
        """Optional greeting exchange between friends or colleagues, then maybe small talk."""
        if not self.chance(p):
            return
        familiar, self.familiar = self.familiar, True  # a greeting between people who know each other
        self.say(1, self.hi(1, 2, 0.65))
        self.familiar = familiar
        self.say(2, self.pick("Hi! How are you?", "Oh, hey! How are you?", "Hello! How are things?",
                              "Hey, how's it going?", "Hi there. How have you been?"))
        if self.chance(0.5):
            self.say(1, self.pick("Good, thanks. And you?", "Not bad, not bad. You?", "Can't complain. How about you?"))
            self.say(2, self.pick("I'm well, thanks.", "All good here.", "Oh, you know, same old.", "Tired, but okay."))
        else:
            self.say(1, self.pick("Fine, thanks. Busy as always.", "Good, thanks.", "Not bad. A bit tired."))
        self.greeted = True
        self.smalltalk("friends", p_smalltalk, next_who=1)

    def _exchange(self, pool, p, next_who=None) -> None:
        if not self.chance(p):
            return
        last = self.turns[-1][0] if self.turns else None
        fits = [ex for ex in pool if ex[0][0] != last and ex[-1][0] != next_who]
        if not fits:
            return False
        if fits:
            for who, text in self.pick(fits):
                if "{" in text:
                    text = text.format(n1=self.people[1].first, n2=self.people[2].first)
                    self.people[1].named |= self.people[1].first in text
                    self.people[2].named |= self.people[2].first in text
                self.say(who, text)
        return True

    def smalltalk(self, kind: str = "friends", p: float = 0.5, next_who: int | None = None) -> None:
        """Optional small talk (non-salient, never summarised); no speaker talks twice in a row.

        next_who: the speaker of the turn that follows, so the exchange ends with the other one.
        """
        return self._exchange(self.SMALLTALK[kind], p, next_who)

    def goodbye(self, kind: str = "friends", p: float = 0.6) -> None:
        """Optional closing turns (non-salient)."""
        self._exchange(self.GOODBYE[kind], p)

    # ---- output ---------------------------------------------------------
    def say(self, who: int, *options: str) -> None:
        text = self.pick(*options) if len(options) > 1 else options[0]
        text = " ".join(text.split())
        # Now and then a speaker addresses the previous speaker by name ("Thanks, Laura."),
        # as people do; the summary may then use that name.
        if self.turns and who in (1, 2) and self.turns[-1][0] == 3 - who and self.chance(self.p_vocative):
            m = VOCATIVE_RE.match(text)
            known = self.familiar or re.search(rf"\b{re.escape(self.people[3 - who].first)}\b", self.dialogue_text())
            if m and known:
                other = 3 - who
                text = f"{m.group(1)}, {self.nm(other)}{m.group(2)}{text[m.end():]}"
        text = text.replace(".m..", ".m.")
        if any(w == who for w, _ in self.turns) and not text.startswith(("Hi, I'm", "Hello, my name")):
            # A speaker who has already spoken (greeting, small talk) does not say hello again.
            text = re.sub(r"^(Hi|Hello|Hey)( there)?[,.!] *", "", text)
            text = text[:1].upper() + text[1:]
        if who == 3:
            self.speakers = 3
        if self.turns and self.turns[-1][0] == who:
            # The same speaker goes on talking: one turn, not two tags in a row.
            self.turns[-1] = (who, self.turns[-1][1] + " " + text)
            return
        self.turns.append((who, text))

    def sum(self, *options: str) -> None:
        """Add one summary sentence (one of the options), lightly paraphrased."""
        text = self.pick(*options) if len(options) > 1 else options[0]
        text = " ".join(text.split())
        for pattern, replacements in PARAPHRASES:
            if self.chance(0.6):
                text = pattern.sub(lambda m: m.expand(self.pick(replacements)), text)
        text = text.replace(".m..", ".m.")
        # Summaries are formal: no contractions copied over from the dialogue.
        for short, full in (("won't", "will not"), ("can't", "cannot"), ("isn't", "is not"), ("doesn't", "does not"),
                            ("don't", "do not"), ("it's", "it is"), ("It's", "It is"), ("there's", "there is")):
            text = text.replace(short, full)
        self.summary.append(text[0].upper() + text[1:] if text[0].isalpha() else text)

    def ask(self, asker: int, answerer: int, *pairs) -> int:
        """One question with its matching answer, chosen from (question, answer) pairs.

        Returns the index of the chosen pair, so the summary can mention what was said.
        """
        i = self.r.randrange(len(pairs))
        self.say(asker, pairs[i][0])
        self.say(answerer, pairs[i][1])
        return i

    def dialogue_text(self) -> str:
        return "\n".join(f"#Person{w}#: {t}" for w, t in self.turns)

    def summary_text(self) -> str:
        return " ".join(self.summary)


def cap(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


def join_and(items) -> str:
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
