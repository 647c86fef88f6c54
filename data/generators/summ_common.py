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

import functools
import random
import re

from _common import choose, expand
from summ_voice import (CONTRACTION, GOODBYES, GREETINGS, HOW_ARE_YOU_ANSWER, HOW_ARE_YOU_REPLY, KEEP, SLOTS, SMALLTALK,
                        Voice, expand_contraction, required_word, uncontract)

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


GREETING_RE = re.compile(r"^(Hi|Hello|Good morning|Good afternoon|Good evening|Hi there|Hello there)[,.!]")
VOCATIVE_RE = re.compile(r"^(Yes|No|Okay|Sure|Thanks|Thank you|Great|Perfect|Right|Oh|Well|Hmm|Really|Sorry)([,.!?])")


# Meaning-preserving rewrites of summary sentences: each match keeps its words or takes one of
# the replacements, so that summaries are not all built from the same few verbs and links.
SUBJECT = r"(#Person\d#|(?:Mr\.|Ms\.|Dr\.) [A-Z][\w'-]+|[A-Z][a-z'-]+|They|they|[Hh]e|[Ss]he)"
PARAPHRASES = [(re.compile(p), r) for p, r in [
    (r"\btells (\S+) that\b", [r"informs \1 that", r"lets \1 know that", r"explains to \1 that"]),
    (r"\bwants to\b", ["would like to", "hopes to", "wishes to", "is keen to"]),
    (r"\bdecides to\b", ["chooses to", "opts to", "resolves to"]),
    (r"(?!They\b|they\b)" + SUBJECT + r" will\b(?! not| be)", [r"\1 is going to", r"\1 plans to", r"\1 intends to"]),
    (r"\bbecause (?!of\b)", ["since ", "as "]),
    (r"\bsuggests that\b", ["proposes that", "recommends that"]),
    (r"\bsuggests\b(?! that)", ["recommends", "proposes"]),
    (r"\bbuys\b", ["purchases", "gets", "picks up"]),
    (r"\bexplains that\b", ["points out that", "mentions that", "says that", "clarifies that"]),
    (r"\bsays\b(?= that| the| it| there| breakfast)", ["mentions", "explains", "states", "notes"]),
    (r"\bcosts \$", ["comes to $", "is priced at $", "amounts to $"]),
    (r"\bthinks\b", ["believes", "feels"]),
    (r"\basks " + SUBJECT + r" to\b", [r"requests that \1", r"wants \1 to", r"would like \1 to"]),
    (r"\basks about\b", ["enquires about", "asks for information about", "wants to know about"]),
    (r"\basks for\b", ["requests", "wants", "asks for"]),
    (r"\boffers to\b", ["volunteers to", "is happy to", "proposes to"]),
    (r"\babout \$", ["roughly $", "approximately $", "around $"]),
    (r"\babout (\d)", [r"roughly \1", r"around \1", r"approximately \1"]),
    (r"\bcomplains\b(?= that)", ["protests", "objects"]),
    (SUBJECT + r" calls\b(?! for| it| off| back| in)", [r"\1 phones", r"\1 rings", r"\1 contacts"]),
    (r"\bhas to\b", ["must", "needs to", "is required to"]),
    (r"\bin total\b", ["altogether", "overall", "all in all"]),
    (r", so " + SUBJECT + r"\b(?! and\b)", [r"; as a result, \1", r", and therefore \1", r", which means \1"]),
    (r"\bwhich costs\b", ["costing", "priced at"]),
    (r"\bThey will\b", ["They are going to", "They plan to", "They intend to"]),
    (r"\bbecause of\b", ["due to"]),
    (r"\bfinds that\b", ["discovers that", "establishes that", "realises that"]),
    (r"\blearns that\b", ["finds out that", "hears that", "is told that"]),
    (r"\bdiscuss\b", ["talk about", "go over", "chat about"]),
    (r"\bchooses\b", ["picks", "selects", "goes for", "opts for"]),
    (r"\bwants (?!to\b)", ["would like ", "is looking for ", "hopes for "]),
    (r"\bagrees to\b", ["is willing to", "is happy to"]),
    (r"\bagrees\b(?! to| on| that|\w)", ["accepts", "says yes"]),
    (r"\bagrees on\b", ["settles on", "agrees on", "decides on"]),
    (r"\bwill be ready\b", ["should be ready", "will be finished", "will be done"]),
    (r"\bhelps\b", ["assists", "helps"]),
    (r"\bneeds to\b", ["has to", "must"]),
    (r"\bapologises\b", ["says sorry", "apologises"]),
    (r"\bIn the end,", ["Finally,", "Eventually,", "Ultimately,", "In the end,"]),
    (r", but (?!also)", ["; however, ", ", though ", ", yet ", ", but "]),
    (r"\bfor free\b", ["free of charge", "at no cost", "for free"]),
    (r"\bis worried\b", ["is concerned", "worries", "is anxious"]),
    (r"\bis happy\b", ["is pleased", "is glad", "is delighted"]),
    (SUBJECT + r" books\b", [r"\1 reserves", r"\1 books", r"\1 arranges"]),
    (r"\barranges\b", ["sets up", "organises", "arranges"]),
    (r"\binvites\b", ["asks", "invites"]),
    (r"\bthe problem\b", ["the issue", "the problem"]),
    (r"\bimmediately\b", ["straight away", "at once", "right away"]),
    (r"\btalks about\b", ["discusses", "chats about", "goes over"]),
    (r"\bis going to\b(?= (?!the|an?|his|her|their|my|our|your|work|school|bed)[a-z]+\b)", ["will", "plans to"]),  # not "to <place>"
    (r"\bgives\b(?= (him|her|them|#Person\d#|[A-Z]))", ["hands", "gives", "offers"]),
    (r"\breceives\b", ["gets", "is given"]),
    (r"\bcollects\b", ["picks up", "fetches", "collects"]),
    (r"\bpicks up\b", ["collects", "fetches"]),
    (r"\bexpects\b", ["anticipates", "expects", "hopes for"]),
    (r"\bchecks\b(?= (whether|if|the|that))", ["verifies", "checks", "confirms"]),
    (r"\bplans\b(?= (a|an|the)\b)", ["organises", "prepares", "plans"]),
    (r"\brecommends\b", ["advises", "suggests", "recommends"]),
    (r"\binforms\b", ["tells", "notifies", "informs"]),
    (r"\bmentions\b(?= that)", ["remarks", "notes", "mentions"]),
]]

_PARAPHRASE_TRIGGERS = [required_word(pattern.pattern) for pattern, _ in PARAPHRASES]


# Marks around a rewritten span while the rules run, so that a later rule leaves it alone.
REWRITE_OPEN, REWRITE_CLOSE = "\x02", "\x03"


def _inside_rewrite(match) -> bool:
    """Whether a match touches a span an earlier rule wrote."""
    before, found = match.string[:match.start()], match.group(0)
    return before.count(REWRITE_OPEN) > before.count(REWRITE_CLOSE) or REWRITE_OPEN in found or REWRITE_CLOSE in found


# The share of summaries whose first sentence is drawn only from the options that open with a speaker.
P_SUBJECT_FIRST = 0.8


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

    def __init__(self, rng: random.Random, topic: str, speakers: int = 2, partition: str | None = None):
        self.r = rng
        self.topic = topic
        # "train" or "eval": which share of every wording choice this dialogue draws from (summ_voice.choose).
        self.partition = partition
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
        # How each speaker words things (see summ_voice): drawn once, kept for the whole dialogue.
        self.voices = {i: Voice(rng, partition) for i in range(1, 4)}
        self.speakers = speakers
        self.greeted = False
        # How often names are spoken. DialogSum's summaries mostly say #Person1# / #Person2#
        # (85% of its test summaries name a speaker by tag, 75% open with one), because most of its
        # speakers are never named; the more names a dialogue speaks, the fewer tags its summary keeps.
        self.p_vocative = 0.12
        self.p_intro = 0.2
        # Friends, family and colleagues know each other's names; strangers (a clerk and a
        # customer) only use a name after it has been given.
        self.familiar = False
        # Every string option a script picked from: the topic's slot vocabulary, which the
        # faithfulness check (unsupported()) uses to find values a summary states.
        self.vocab: dict[str, None] = {}
        # In a service encounter the staff member (set by the generator) may address the
        # customer as "sir" / "madam", or by surname once it has been given.
        self.staff: int | None = None
        self.p_honorific = rng.choice([0.0, 0.15, 0.3])
        # The summary's tense: DialogSum's annotators wrote in the present; a few (2-3% of its
        # test summaries) are in the past.
        self.past = rng.random() < 0.03

    # ---- random helpers -------------------------------------------------
    def pick(self, *options):
        """One option at random; a list argument is treated as the options."""
        if len(options) == 1 and isinstance(options[0], (list, tuple)):
            options = options[0]
        self._remember(options)
        return self.r.choice(list(options))

    def branch(self, *options):
        """Like pick(), for a choice of path ("refund" or "exchange") that is never a value a summary states."""
        return self.r.choice(list(options))

    def word(self, *options) -> str:
        """A choice of wording only (never of content): drawn from this dialogue's partition, then expanded."""
        return self.expand(choose(self.r, options, self.partition))

    def expand(self, text: str) -> str:
        """Expand [a|b] alternatives for this dialogue's partition."""
        return expand(self.r, text, self.partition)

    def _remember(self, options) -> None:
        # A tuple option is (what the dialogue says, ...): its first string is the slot value;
        # later strings may be its summary form ("my flat" -> "her flat"), which the dialogue never says.
        for option in options:
            value = option[0] if isinstance(option, tuple) else option
            if isinstance(value, str):
                self.vocab[value] = None

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def sample(self, pool, k):
        self._remember(pool)
        return self.r.sample(list(pool), k)

    def num(self, lo: int, hi: int, step: int = 1) -> int:
        return self.r.randrange(lo, hi + 1, step)

    def money(self, lo: int, hi: int, step: int = 1, cur: str = "$") -> str:
        return f"{cur}{self.num(lo, hi, step)}"

    def clock(self, lo: int = 8, hi: int = 18, halves: bool = True) -> str:
        """A time like '10:30' or '3 p.m.' (12-hour, spoken style)."""
        h = self.num(lo, hi)
        m = self.branch("00", "30", "15", "45") if halves else "00"
        hh = h if h <= 12 else h - 12
        suffix = "a.m." if h < 12 else "p.m."
        return f"{hh} {suffix}" if m == "00" else f"{hh}:{m}"

    def person_name(self) -> str:
        """A third party, e.g. 'Ms. Okafor' or 'Daniel'."""
        female = self.chance(0.5)
        if self.chance(0.5):
            return f"{self.branch('Ms.', 'Mrs.') if female else 'Mr.'} {self.branch(*LAST)}"
        taken = {p.first for p in self.people.values()}  # never reuse a speaker's first name
        return self.branch(*[n for n in (FEMALE if female else MALE) if n not in taken])

    def acquaintance(self, female: bool | None = None) -> tuple[str, bool]:
        """A third person the speakers know, by a first name no speaker has: (name, female)."""
        if female is None:
            female = self.chance(0.5)
        taken = {p.first for p in self.people.values()}
        return self.branch(*[n for n in (FEMALE if female else MALE) if n not in taken]), female

    def full_name(self) -> str:
        return f"{self.branch(*(FEMALE + MALE))} {self.branch(*LAST)}"

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

    def hi(self, who: int, other: int, p_name: float = 0.4) -> str:
        """A greeting, sometimes with the speaker introducing themself or naming the other."""
        if self.greeted:
            return ""
        roll = self.r.random()
        if roll < p_name and self.familiar:  # people who know each other use the name
            return self.expand("[Hi|Hey|Morning|Oh, hello|Hello|Hi there|Hey there][,|] {n}[!|.]").format(n=self.nm(other))
        if roll < p_name * 0.8:  # strangers introduce themselves
            return self.expand("[Hi|Hello|Good morning|Hi there|Good afternoon], [I'm|my name is|this is] {n}.").format(
                n=self.nm(who))
        if self.familiar:
            return self.expand("[Hi|Hey|Hey there|Hiya|Morning|Hello][.|!]")
        return self.expand("[Hi|Hello|Good morning|Good afternoon|Hi there|Hello there][.|!]")

    def _honorific(self, text: str) -> str:
        """End a short question or reply with ", sir" / ", madam" (or ", Ms. Okafor" once the surname is known)."""
        customer = self.people[3 - self.staff]
        if customer.last_named and customer.last in self.dialogue_text():
            title = f"{'Ms.' if customer.female else 'Mr.'} {customer.last}"
        else:
            title = "madam" if customer.female else "sir"
        last_sentence = re.split(r"(?<=[.!?]) ", text)[-1]
        if len(last_sentence.split()) > 9 or not text.endswith(("?", ".")) or re.search(r", [A-Z][\w.' ]*[?.]$|,[^,]{0,10}$", last_sentence):
            return text
        return f"{text[:-1]}, {title}{text[-1]}"

    # ---- small talk (non-salient: summaries never report it) -------------
    def fill(self, template: str) -> str:
        """Expand a small-talk template: [a|b] alternatives, speakers' names and SLOTS."""
        text = self.expand(template)

        def slot(match):
            key = match.group(1)
            if key in ("n1", "n2"):
                return self.nm(int(key[1]))
            return self.r.choice(SLOTS[key])
        return re.sub(r"\{(\w+)\}", slot, text)

    def _exchange(self, lines) -> None:
        for who, template in lines:
            self.say(who, self.fill(template))

    def greet(self, p: float = 0.5, p_smalltalk: float = 0.6) -> None:
        """Optional greeting between people who know each other, then maybe small talk."""
        if not self.chance(p):
            return
        familiar, self.familiar = self.familiar, True
        lines = self.r.choice(GREETINGS)
        self._exchange(lines)
        if self.turns[-1][1].endswith("?") and lines is GREETINGS[0]:
            self.say(1, self.fill(HOW_ARE_YOU_ANSWER))
            if self.turns[-1][1].endswith("?"):
                self.say(2, self.fill(HOW_ARE_YOU_REPLY))
        self.familiar = familiar
        self.greeted = True
        self.smalltalk("friends", p_smalltalk, next_who=1)

    def smalltalk(self, kind: str = "friends", p: float = 0.5, next_who: int | None = None) -> bool:
        """Optional small talk; no speaker talks twice in a row.

        next_who: the speaker of the turn that follows, so the exchange ends with the other one.
        Returns True when an exchange was added.
        """
        if not self.chance(p):
            return False
        last = self.turns[-1][0] if self.turns else None
        fits = [ex for ex in SMALLTALK[kind] if ex[0][0] != last and ex[-1][0] != next_who]
        if not fits:
            return False
        self._exchange(self.r.choice(fits))
        return True

    def goodbye(self, kind: str = "friends", p: float = 0.6) -> None:
        """Optional closing turns (non-salient)."""
        if not self.chance(p):
            return
        last = self.turns[-1][0] if self.turns else None
        fits = [ex for ex in GOODBYES[kind] if ex[0][0] != last]
        if fits:
            self._exchange(self.r.choice(fits))

    # ---- output ---------------------------------------------------------
    def say(self, who: int, *options: str) -> None:
        """Add one turn (one of the options), worded in the speaker's voice (summ_voice.Voice)."""
        text = " ".join(self.word(*options).split())
        previous = self.turns[-1][1] if self.turns and self.turns[-1][0] != who else None
        if text:
            text = self.voices[who].speak(self.r, text, previous)
            if who == self.staff and self.chance(self.p_honorific):
                text = self._honorific(text)
        # A stranger who opens with a greeting often says who they are ("Hello, this is Laura."),
        # as callers and clerks do; the summary may then use the name.
        if not self.familiar and who in (1, 2) and all(w != who for w, _ in self.turns) and self.chance(self.p_intro):
            m = GREETING_RE.match(text)
            if m and not self.people[who].named:
                intro = choose(self.r, ("this is {n}", "I'm {n}", "my name is {n}"), self.partition).format(n=self.nm(who))
                rest = text[m.end():].lstrip()
                text = f"{m.group(1)}, {intro}." + (f" {rest[:1].upper()}{rest[1:]}" if rest else "")
        # Now and then a speaker addresses the previous speaker by name ("Thanks, Laura." or
        # "How long will it take, Laura?"), as people do; the summary may then use that name.
        if self.turns and who in (1, 2) and self.turns[-1][0] == 3 - who and self.chance(self.p_vocative):
            other = 3 - who
            name_re = rf"\b{re.escape(self.people[other].first)}\b"
            known = (self.familiar or re.search(name_re, self.dialogue_text())) and not re.search(name_re, text)
            m = VOCATIVE_RE.match(text)
            if known and m:
                text = f"{m.group(1)}, {self.nm(other)}{m.group(2)}{text[m.end():]}"
            elif known and re.search(r"[a-z]\?$", text) and len(text.split()) < 14:
                text = f"{text[:-1]}, {self.nm(other)}?"
        text = text.replace(".m..", ".m.")
        if any(w == who for w, _ in self.turns) and not re.match(r"(Hi|Hello|Good \w+)[,.!]? (I'm|my name|this is)", text):
            # A speaker who has already spoken (greeting, small talk) does not say hello again.
            text = re.sub(r"^(Hi|Hello|Hey|Hiya|Morning|Good morning|Good afternoon)( there)?[,.!] *", "", text)
            text = text[:1].upper() + text[1:]
        if not text:
            return
        if who == 3:
            self.speakers = 3
        if self.turns and self.turns[-1][0] == who:
            # The same speaker goes on talking: one turn, not two tags in a row.
            self.turns[-1] = (who, self.turns[-1][1] + " " + text)
            return
        self.turns.append((who, text))

    def sum(self, *options: str) -> None:
        """Add one summary sentence (one of the options), lightly paraphrased."""
        # A summary's phrasing is the target style, the same in every split: no partition here.
        if not self.summary and self.chance(P_SUBJECT_FIRST):
            # DialogSum's summaries open with who did what: 80% of its test summaries start with
            # a speaker (#Person1# or a name). The first sentence mostly does too, when a script offers it.
            refs = tuple(self.ref(who) for who in self.people) + ("They ",)
            options = [o for o in options if o.startswith(refs)] or options
        text = " ".join(expand(self.r, self.r.choice(options)).split())
        lower = text.lower()
        for (pattern, replacements), trigger in zip(PARAPHRASES, _PARAPHRASE_TRIGGERS):
            if trigger is not None and trigger not in lower:
                continue                                  # the pattern cannot match: skip the regex
            def one(match, replacements=replacements):
                if _inside_rewrite(match):
                    return match.group(0)                 # never rewrite a rewrite ("decides" -> "chooses" -> "opts for")
                choice = self.r.choice((KEEP, *replacements))
                return match.group(0) if choice == KEEP else f"{REWRITE_OPEN}{match.expand(choice)}{REWRITE_CLOSE}"
            text = pattern.sub(one, text)
            lower = text.lower()
        text = text.replace(REWRITE_OPEN, "").replace(REWRITE_CLOSE, "").replace(".m..", ".m.")
        # Summaries are formal: no contractions copied over from the dialogue.
        text = uncontract(self.r, text, 1.0)
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
        text = " ".join(self.summary)
        return to_past(text) if self.past else text

    def finish(self) -> tuple[str, str]:
        """The dialogue and its summary, with speakers numbered in order of their first turn.

        DialogSum's convention: the speaker who opens is always #Person1#. A script may let
        the clerk speak first; the tags are renumbered here, in dialogue and summary alike.
        """
        order = list(dict.fromkeys(who for who, _ in self.turns))
        mapping = {f"#Person{old}#": f"#Person{new}#" for new, old in enumerate(order, start=1)}
        tags = re.compile(r"#Person\d#")
        renumber = lambda text: tags.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)  # noqa: E731
        return renumber(self.dialogue_text()), renumber(self.summary_text())


def cap(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


def join_and(items) -> str:
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- faithfulness self-check
# A summary must never state what its dialogue does not. unsupported() finds the values a
# summary states -- numbers, days and months, time words, proper names, and the topic's slot
# values (every option its script picks from, collected in Ctx.vocab) -- and lists those that
# its dialogue does not contain. The generator runs it on every row it writes, and so do the tests.

NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20",
                "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100"}
# A time word in a summary, and the words in the dialogue that support it.
TIME_WORDS = {"weekend": ("weekend", "saturday", "sunday"), "tonight": ("tonight", "this evening"),
              "tomorrow": ("tomorrow",), "yesterday": ("yesterday", "last night"), "next week": ("next week",),
              "next month": ("next month",), "this morning": ("this morning",), "last night": ("last night",),
              **{day.lower(): (day.lower(),) for day in DAYS}, **{month.lower(): (month.lower(),) for month in MONTHS}}
HONORIFICS = {"Mr", "Ms", "Mrs", "Dr", "I"}
PROPER_WORDS = set(FEMALE + MALE + LAST) | {word for city in CITIES for word in city.split()}
_POSSESSIVE = re.compile(r"^(my|our|your|his|her|their|a|an|the) ")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def normalize(text: str) -> str:
    """Lower-cased text with contractions spelled out and speaker tags dropped, for matching."""
    text = CONTRACTION.sub(lambda m: expand_contraction(m) or m.group(0), text)
    return " ".join(re.sub(r"#Person\d#:?", " ", text).lower().split())


@functools.lru_cache(maxsize=None)
def _phrase_pattern(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w$]){re.escape(phrase)}(?!\w)")


def _has(phrase: str, text: str) -> bool:
    return phrase in text and _phrase_pattern(phrase).search(text) is not None


def unsupported(dialogue: str, summary: str, vocab=()) -> list[str]:
    """The values ``summary`` states that ``dialogue`` does not contain (empty: faithful).

    Example:
        >>> unsupported("#Person1#: I'll pay $20 on Friday.", "#Person1# will pay $20 at the weekend.")
        ['time word weekend']
    """
    d, s = normalize(dialogue), normalize(summary)
    problems = []
    d_numbers = set(_NUMBER.findall(d))
    problems += [f"number {n}" for n in _NUMBER.findall(s) if n not in d_numbers]
    problems += [f"number word {w}" for w, digit in NUMBER_WORDS.items()
                 if w in s and _has(w, s) and not _has(w, d) and digit not in d_numbers]
    problems += [f"time word {w}" for w, evidence in TIME_WORDS.items()
                 if w in s and _has(w, s) and not any(_has(e, d) for e in evidence)]
    plain = re.sub(r"#Person\d#", " ", summary)
    for sentence in re.split(r"(?<=[.!?;:])\s+", plain):
        for position, match in enumerate(re.finditer(r"\b[A-Z][\w'-]*", sentence)):
            word = re.sub(r"'s?$", "", match.group(0))
            if word.endswith("s") and word[:-1] in DAYS:            # "on Mondays"
                word = word[:-1]
            if word in HONORIFICS or (position == 0 and match.start() == 0 and word not in PROPER_WORDS):
                continue
            if not re.search(rf"\b{re.escape(word)}\b", dialogue):
                problems.append(f"name {word}")
    for value in _slot_values(tuple(vocab)):
        if value in s and _has(value, s) and not _has(value, d):
            problems.append(f"slot {value!r}")
    return sorted(set(problems))


@functools.lru_cache(maxsize=256)
def _slot_values(vocab: tuple) -> tuple:
    """A topic's slot options as unsupported() matches them: normalized, without "my"/"her"."""
    values = (_POSSESSIVE.sub("", normalize(value)) for value in vocab)
    return tuple(dict.fromkeys(v for v in values if len(v) >= 3 and v not in VOCAB_STOPWORDS))


# Slot options too generic to count as a stated value ("home" is in many summaries for other reasons).
VOCAB_STOPWORDS = {"the", "and", "yes", "one", "home", "car", "work", "card"}


# --------------------------------------------------------------------------- past-tense summaries
# DialogSum's annotators wrote in the present ("#Person1# asks ...") or the past ("#Person1# asked
# ..."). A summary is written in one tense throughout: to_past() turns the present-tense sentences
# the scripts write into the past. Words that are also nouns ("books", "plans") change only right
# after a subject ("#Person1# books a table"), never in "a box of books".
PAST = dict(pair.replace("_", " ").split(":") for pair in """accepts:accepted adds:added advises:advised agrees:agreed allows:allowed
amounts:amounted anticipates:anticipated apologises:apologised applies:applied arranges:arranged arrives:arrived asks:asked
bakes:baked believes:believed blames:blamed blocks:blocked books:booked brings:brought buys:bought calls:called cancels:cancelled
changes:changed charges:charged checks:checked chooses:chose clarifies:clarified collects:collected comes:came compares:compared
complains:complained concludes:concluded consents:consented considers:considered contacts:contacted cooks:cooked costs:cost
decides:decided describes:described diagnoses:diagnosed discovers:discovered dispatches:dispatched disputes:disputed does:did
earns:earned encourages:encouraged ends:ended enquires:enquired establishes:established exchanges:exchanged expects:expected
explains:explained feels:felt fetches:fetched finds:found fixes:fixed follows:followed gets:got gives:gave goes:went
grumbles:grumbled handles:handled hands:handed has:had hears:heard helps:helped hires:hired hopes:hoped informs:informed
inspects:inspected intends:intended interviews:interviewed invites:invited is:was are:were joins:joined keeps:kept knows:knew
learns:learned leaves:left lends:lent lets:let looks:looked lowers:lowered makes:made manages:managed marks:marked means:meant
mentions:mentioned moves:moved needs:needed negotiates:negotiated notes:noted notices:noticed notifies:notified objects:objected
obtains:obtained offers:offered opens:opened opts:opted orders:ordered organises:organised owes:owed pays:paid phones:phoned
picks:picked places:placed plans:planned points:pointed posts:posted prefers:preferred promises:promised proposes:proposed
protests:protested purchases:purchased quotes:quoted raises:raised realises:realised rebooks:rebooked recommends:recommended
refunds:refunded refuses:refused remarks:remarked reminds:reminded renews:renewed rents:rented reports:reported requests:requested
reschedules:rescheduled reserves:reserved resolves:resolved returns:returned rings:rang says:said scores:scored selects:selected
sells:sold sends:sent sets:set settles:settled shares:shared shows:showed sleeps:slept solves:solved starts:started states:stated
stores:stored suggests:suggested supports:supported swaps:swapped switches:switched takes:took talks:talked tells:told thinks:thought
travels:travelled tries:tried turns:turned undertakes:undertook upgrades:upgraded urges:urged volunteers:volunteered vows:vowed
wants:wanted warns:warned wishes:wished works:worked worries:worried will:would can:could cannot:could_not must:had_to
arrives:arrived receives:received reserves:reserved accepts:accepted lies:lay stays:stayed waits:waited writes:wrote reads:read
drives:drove rides:rode flies:flew wins:won loses:lost pays:paid spends:spent breaks:broke forgets:forgot remembers:remembered
loves:loved likes:liked hates:hated meets:met runs:ran sits:sat stands:stood speaks:spoke teaches:taught catches:caught
falls:fell grows:grew shows:showed seems:seemed becomes:became begins:began agrees:agreed responds:responded replies:replied
assists:assisted persuades:persuaded convinces:convinced admits:admitted regrets:regretted discusses:discussed argues:argued
weighs:weighed chats:chatted celebrates:celebrated studies:studied visits:visited watches:watched splits:split
compares:compared disagrees:disagreed""".split())
# Also nouns: these change only straight after a subject.
NOUN_TOO = {"books", "plans", "orders", "offers", "calls", "returns", "needs", "works", "costs", "changes", "shows", "reports",
            "hopes", "looks", "places", "points", "posts", "marks", "notes", "objects", "quotes", "refunds", "rings", "sets",
            "stores", "supports", "swaps", "turns", "volunteers", "ends", "means", "hands", "amounts", "lets", "starts",
            "checks", "charges", "exchanges", "talks", "travels", "waits", "rides", "falls", "reads", "blocks", "raises", "states"}
_SUBJECT_BEFORE = re.compile(r"(#Person\d#|\b[A-Z][a-z'-]+|\b(?:he|she|it|they|who|which|and|also|then|still|now|only|that|"
                             r"later|immediately|finally|eventually|both|the two|there)) $")


def _base(verb: str) -> str:
    """The plural (base) form of a third-person verb: "tries" -> "try", "watches" -> "watch"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "oes")):
        return verb[:-2]
    return verb[:-1]


# After "they" or "X and Y" the scripts use the base form ("they agree"): its past is the same.
PAST_PLURAL = {_base(verb): past for verb, past in PAST.items() if verb.endswith("s") and verb not in ("is", "has", "does")}
PAST_PLURAL.update({"are": "were", "have": "had"})
_PLURAL_BEFORE = re.compile(r"(\b[Tt]hey|\bboth|the two|the couple|#Person\d# and #Person\d#|\b[A-Z][a-z]+ and [A-Z][a-z]+|"
                            r"#Person\d# and [A-Z][a-z]+|\b[A-Z][a-z]+ and #Person\d#) $")
# A word that is also a noun is a verb when money, an amount or an object follows ("costs $40", "returns it").
_PLURAL_CLAUSE = re.compile(r"^(\b[Tt]hey|\b[Bb]oth|[Tt]he two|[Tt]he couple|#Person\d# and #Person\d#|[A-Z][a-z]+ and [A-Z][a-z]+|"
                            r"#Person\d# and [A-Z][a-z]+|[A-Z][a-z]+ and #Person\d#) ")
_VERB_AFTER = re.compile(r"^ (\$|about\b|around\b|roughly\b|approximately\b|it\b|them\b|him\b|her\b|#Person|up\b|back\b|out\b|off\b)")


def _plural_and(before: str) -> bool:
    """True for the second verb of "They discuss the trip and choose ...": the clause's subject is plural."""
    if not before.endswith(" and "):
        return False
    clause = re.split(r"[.;:,] ", before)[-1]
    return bool(_PLURAL_CLAUSE.match(clause)) and " to " not in clause


def to_past(text: str) -> str:
    """The summary ``text`` in the past tense ("#Person1# asks" -> "#Person1# asked").

    Example:
        >>> to_past("#Person1# books a table and will pay $20.")
        '#Person1# booked a table and would pay $20.'
    """
    def swap(match):
        word = match.group(0)
        lower = word.lower()
        before, after = text[:match.start()], text[match.end():]
        past = PAST.get(lower)
        if past is None:
            past = PAST_PLURAL.get(lower) if (_PLURAL_BEFORE.search(before) or _plural_and(before)) else None
            if past is None:
                return word
        elif lower in NOUN_TOO and not (_SUBJECT_BEFORE.search(before) or _VERB_AFTER.match(after)):
            return word
        return past[:1].upper() + past[1:] if word[:1].isupper() else past
    text = re.sub(r"\bdo(es)? not\b", "did not", text)
    text = re.sub(r"\bhas to\b", "had to", text)
    text = re.sub(r"\bhas been\b", "had been", text)
    return re.sub(r"\b[A-Za-z]+\b", swap, text)
