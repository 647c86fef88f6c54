"""How a speaker words a turn: the variation layer of the summarization scenarios.

A scenario script says *what* a speaker says (``c.say(2, "Okay, let me take a look.")``);
this module decides *how*, the way two real people never word the same exchange alike:

* ``[a|b|c]`` in a line is an inline alternative, expanded at random (nesting allowed,
  ``[a|]`` makes ``a`` optional);
* every speaker gets a :class:`Voice` -- an idiolect drawn once per dialogue: "Thanks" or
  "Thank you", "Okay" or "All right", contractions or full forms, a few favourite discourse
  markers ("Well, ...", "Hmm. ...") and how often they use them;
* :data:`REWRITES` are meaning-preserving rewrites of common spoken formulas ("Can I have"
  / "Could I get", "I'm calling about" / "I'm ringing about"), applied at random per turn;
* :data:`GREETINGS`, :data:`SMALLTALK` and :data:`GOODBYES` are small-talk templates with
  alternatives and slots (a city, a relative, a weekday...), so that no opening or closing
  line recurs in more than a small share of dialogues.

None of this changes what a turn means: names, numbers and the values a summary reports
pass through untouched (the generator's self-check verifies that every value a summary
states is still in its dialogue).

Held-out wordings: every choice among wordings goes through :func:`choose`, which can be told
the *partition* it draws for. About a third of the options of each choice (at least one) are
reserved for ``"eval"`` (validation and test rows), the rest for ``"train"``; which ones is
fixed by a hash of the option text, so it is the same in every run. A test dialogue thus
follows the same scripts as the training dialogues of its topic, in wordings no training
dialogue uses.
"""

from __future__ import annotations

import re

from _common import choose  # the held-out share of each wording choice

# --------------------------------------------------------------------------- contractions

# Full form of each contraction; "'s" and "'d" are resolved by the next word (is/has, would/had).
_NOT = {"don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not", "aren't": "are not",
        "wasn't": "was not", "weren't": "were not", "haven't": "have not", "hasn't": "has not",
        "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not", "won't": "will not",
        "can't": "cannot"}
_PRONOUN_FORMS = {"'m": " am", "'re": " are", "'ve": " have", "'ll": " will"}
_S_PRONOUNS = ("it", "that", "there", "what", "he", "she", "who", "where", "here", "how")
_D_PRONOUNS = ("i", "you", "we", "they", "he", "she", "it", "that")
_HAS_NEXT = ("been", "got", "gone", "had", "done")
_WOULD_NEXT = ("like", "love", "rather", "prefer", "be", "go", "say", "need", "recommend", "suggest", "do",
               "take", "have", "appreciate", "buy", "pay", "call", "come", "get", "try", "want", "bring", "put")
_PRONOUN_WORD = re.compile(r"^(i|you|we|they|he|she|it|that|there|who|what)\b", re.IGNORECASE)
CONTRACTION = re.compile(r"\b([A-Za-z]+)('m|'re|'ve|'ll|'s|'d|n't)\b(\s*)(\w*)")


def _keep_case(source: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if source[:1].isupper() else replacement


def expand_contraction(match: re.Match) -> str | None:
    """The full form of one contraction match, or None where it must stay ("isn't it?", "let's")."""
    head, tail, space, following = match.group(1), match.group(2), match.group(3), match.group(4)
    word = (head + tail).lower()
    if tail == "n't":
        if word not in _NOT or _PRONOUN_WORD.match(following):   # "isn't it?", "don't you think"
            return None
        return _keep_case(head, _NOT[word]) + space + following
    lower = head.lower()
    if tail == "'s":
        if lower not in _S_PRONOUNS:
            return None                                          # "Laura's", "let's"
        verb = " has" if following.lower() in _HAS_NEXT else " is"
        return head + verb + space + following
    if tail == "'d":
        if lower not in _D_PRONOUNS or following.lower() not in _WOULD_NEXT:
            return None
        return head + " would" + space + following
    if lower in ("i", "you", "we", "they", "he", "she", "it", "that", "there", "who"):
        return head + _PRONOUN_FORMS[tail] + space + following
    return None


def uncontract(rng, text: str, p: float) -> str:
    """Spell out each contraction with probability ``p`` (a formal speaker)."""
    def swap(match):
        full = expand_contraction(match)
        return full if full is not None and rng.random() < p else match.group(0)
    return CONTRACTION.sub(swap, text)


# Full forms that a casual speaker contracts; a form followed by punctuation ("Yes, it is.") stays.
_CONTRACTIBLE = [(full, re.compile(rf"\b{full}\b(?= [a-z])"), short) for full, short in [
    ("I am", "I'm"), ("you are", "you're"), ("we are", "we're"), ("they are", "they're"),
    ("it is", "it's"), ("that is", "that's"), ("there is", "there's"), ("what is", "what's"),
    ("It is", "It's"), ("That is", "That's"), ("There is", "There's"), ("What is", "What's"),
    ("I will", "I'll"), ("we will", "we'll"), ("You are", "You're"), ("We are", "We're"),
    ("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"),
    ("are not", "aren't"), ("was not", "wasn't"), ("cannot", "can't"), ("will not", "won't"),
    ("Do not", "Don't"), ("I would", "I'd"), ("I have got", "I've got"),
]]


def contract(rng, text: str, p: float) -> str:
    """Contract each full form with probability ``p`` (a casual speaker)."""
    for full, pattern, short in _CONTRACTIBLE:
        if full in text:
            text = pattern.sub(lambda m, s=short: s if rng.random() < p else m.group(0), text)
    return text


# --------------------------------------------------------------------------- idiolect

# Families of interchangeable sentence openers. A speaker prefers one member of each family;
# the pattern only matches a member that stands alone before , . or ! ("Great news" is left be).
IDIOLECT = {
    "okay": ["Okay", "OK", "All right", "Alright", "Right"],
    "thanks": ["Thanks", "Thank you"],
    "yes": ["Yes", "Yeah", "Yep"],
    "great": ["Great", "Perfect", "Lovely", "Excellent", "Wonderful", "Brilliant", "Fantastic", "Good"],
    "sure": ["Sure", "Of course", "Certainly", "Absolutely"],
    "sorry": ["Sorry", "I'm sorry", "Oh, sorry", "I'm so sorry"],
    "hmm": ["Hmm", "Hm", "Mm", "Well"],
}
_FAMILY_PATTERNS = {
    family: re.compile(r"(^|(?<=[.!?] ))(" + "|".join(sorted(map(re.escape, members), key=len, reverse=True))
                       + r")(?=[,.!])")
    for family, members in IDIOLECT.items()
}
# "Thanks a lot" must not become "Thank you a lot": only "Thanks" + [,.!] / " for" / " so much" swap.
_THANKS = re.compile(r"(^|(?<=[.!?] ))(Thanks|Thank you)(?=[,.!]| for\b| so much\b)")

# Discourse markers, by what the turn does: answers a question, reacts to a statement, or asks.
# The comma forms need a lower-case start (see _LOWERABLE); the others stand alone.
MARKERS_ANSWER = ["Well,", "Hmm,", "Let me think.", "Good question.", "Um,", "Let me see.", "Oh,", "Well, let me see.",
                  "Honestly,", "Actually,", "Hmm, let me think.", "To be honest,", "Er,"]
MARKERS_REACT = ["Oh,", "Ah,", "I see.", "Right.", "Okay.", "Mm-hm.", "Oh, right.", "Ah, okay.", "Well,", "Hmm,",
                 "Oh, I see.", "Right,", "Okay, so", "Got it.", "Ah, I see.", "Oh, okay.", "Really?", "Uh-huh."]
MARKERS_QUESTION = ["So,", "And", "Okay, so", "Right,", "Oh,", "Hmm,", "Tell me,", "Just to check,", "Quick question,",
                    "Oh, and", "Can I ask,", "I was wondering,", "Sorry,", "Um,", "Out of interest,", "By the way,"]
# Words a sentence may start with after "Well, " (lower-cased); anything else (a name, "I")
# keeps its capital, so such a turn only gets a full-stop marker ("I see. ...").
_LOWERABLE = set("""the it it's that that's this there there's we we're we'll we've you you're you'll you've your
they they're their what what's how how's when where where's why who which can could would will do does did
is are was were have has let let's maybe if just then in at on for to a an my our no not yes so and but please
all any some here here's go come try take give tell call send put bring get make keep look see nothing
everything something anything everyone nobody mostly mainly only probably definitely usually normally most
he she his her these those because since as after before once every last next its same much many don't
doesn't didn't isn't aren't wasn't won't can't should might must shall perhaps actually still even also
one two three four five six seven eight nine ten twenty half about around roughly quite pretty really""".split())


class Voice:
    """One speaker's habits, drawn once per dialogue from the dialogue's random generator.

    Example:
        >>> import random
        >>> voice = Voice(random.Random(3))
        >>> voice.speak(random.Random(1), "Okay, thanks. I'm fine.", previous="How are you?") != ""
        True
    """

    def __init__(self, rng, partition: str | None = None):
        self.partition = partition
        self.favourite = {family: choose(rng, members, partition) for family, members in IDIOLECT.items()}
        style = rng.choices(["casual", "formal", "mixed"], weights=[55, 20, 25])[0]
        self.p_expand = {"casual": 0.0, "formal": 0.75, "mixed": 0.3}[style]
        self.p_contract = {"casual": 0.8, "formal": 0.0, "mixed": 0.3}[style]
        self.markers = {kind: list(dict.fromkeys(choose(rng, pool, partition) for _ in range(5)))
                        for kind, pool in (("answer", MARKERS_ANSWER), ("react", MARKERS_REACT), ("question", MARKERS_QUESTION))}
        self.p_marker = rng.choice([0.15, 0.25, 0.35, 0.5])
        self.p_favourite = rng.choice([0.6, 0.8, 1.0])

    def _member(self, rng, family: str) -> str:
        if rng.random() < self.p_favourite:
            return self.favourite[family]
        return choose(rng, IDIOLECT[family], self.partition)

    def speak(self, rng, text: str, previous: str | None) -> str:
        # (A marker is used at most once per speaker and dialogue: nobody says "Er," in every turn.)
        """Word ``text`` in this speaker's voice; ``previous``: the other speaker's turn just before, if any."""
        text = rewrite(rng, text, self.partition)
        for family, pattern in _FAMILY_PATTERNS.items():
            if family == "thanks":
                text = _THANKS.sub(lambda m: m.group(1) + self._member(rng, "thanks"), text)
            else:
                text = pattern.sub(lambda m, f=family: m.group(1) + self._member(rng, f), text)
        text = uncontract(rng, text, self.p_expand) if self.p_expand else contract(rng, text, self.p_contract)
        if previous is not None and rng.random() < self.p_marker:
            kind = "question" if text.rstrip().endswith("?") else "answer" if previous.rstrip().endswith("?") else "react"
            if self.markers[kind]:
                marked = add_marker(rng, text, self.markers[kind])   # the markers were drawn for the partition
                if marked != text:
                    self.markers[kind] = [m for m in self.markers[kind] if not marked.startswith(m)]
                text = marked
        return text


_INTERJECTION = re.compile(r"^(Yes|Yeah|Yep|No|Nope|Oh|Ah|Well|Okay|OK|Ok|All right|Alright|Right|Sure|Hmm|Hm|Mm|Um|"
                           r"Great|Perfect|Lovely|Thanks|Thank|Hi|Hello|Hey|Good|Sorry|Excuse|Really|Actually|So|"
                           r"Wow|Oops|Ugh|Fine|Of course|Certainly|Absolutely|Excellent|Wonderful|Brilliant|"
                           r"Fantastic|Morning|Evening|Afternoon|Honestly|Look|Listen|Right|I see|Let me|And|But|Ha|"
                           r"Hooray|Cheers|Dear|Come on|No way|Not|Tell|Just|Quick|One|Can I ask|I was wondering|Um|"
                           r"Welcome|Congratulations|Guess|Anyway|By the way)\b")


def add_marker(rng, text: str, markers) -> str:
    """Put a discourse marker in front of ``text`` unless it already opens with one."""
    if _INTERJECTION.match(text):
        return text
    marker = rng.choice(markers)
    first = text.split(" ", 1)[0]
    if marker.endswith((".", "?")):
        return f"{marker} {text}"
    if first.lower() not in _LOWERABLE or not first[:1].isupper():
        return text
    return f"{marker} {text[:1].lower()}{text[1:]}"                # "Well, it ...", "And what time ..."


# --------------------------------------------------------------------------- rewrites of spoken formulas

# (pattern, replacements): one replacement is drawn per match, and a match is rewritten half
# the time. Each set keeps the meaning; none touches a number, a name or a value a summary reports.
REWRITES = [(re.compile(p), r) for p, r in [
    (r"\b[Hh]ow can I help( you)?( today)?\?", ["How can I help?", "What can I do for you?", "How can I help you today?",
                                               "What can I help you with?", "How may I help you?", "What can I do for you today?"]),
    (r"\bWhat can I do for you( today)?\?", ["How can I help?", "What can I do for you?", "How can I help you?",
                                            "What brings you in?"]),
    (r"^Can I have\b", ["Could I have", "May I have", "Could I get", "Can I get"]),
    (r"(?<=[.!?] )Can I have\b", ["Could I have", "May I have", "Could I get"]),
    (r"\bCould you\b(?! tell)", ["Can you", "Would you", "Could you possibly"]),
    (r"\bCan you tell me\b", ["Could you tell me", "Do you know", "Can you let me know"]),
    (r"(^|(?<=[.!?] ))Do you have\b", [r"\1Have you got", r"\1Do you have", r"\1Do you happen to have"]),
    (r"\bI'd like to\b", ["I would like to", "I want to", "I'd like to", "I was hoping to", "I'm hoping to"]),
    (r"\bI'd like\b(?! to)", ["I would like", "I'd like", "I want", "I'm after"]),
    (r"\bI need to\b", ["I have to", "I've got to", "I need to"]),
    (r"\bWould you like\b", ["Do you want", "Would you like", "Do you need"]),
    (r"\bDo you want to\b", ["Would you like to", "Do you want to"]),
    (r"\bHere you go\.", ["Here you are.", "There you go.", "Here it is.", "Here you go."]),
    (r"\bNo problem( at all)?\.", ["No problem.", "No problem at all.", "Not a problem.", "That's no problem.",
                                   "No trouble at all."]),
    (r"\bThank you so much\b", ["Thanks so much", "Thank you very much", "Thanks a lot", "Many thanks"]),
    (r"\bThanks a lot\b", ["Thanks very much", "Thanks a million", "Thanks a lot", "Much appreciated"]),
    (r"\bI think\b(?! so| about| of)", ["I believe", "I guess", "I think"]),
    (r"\bmaybe\b", ["perhaps", "maybe", "possibly"]),
    (r"\bMaybe\b", ["Perhaps", "Maybe"]),
    (r"\ba bit\b", ["a little", "a bit"]),
    (r"\bright away\b", ["straight away", "right away", "immediately", "at once"]),
    (r"\bLet me (check|have a look|look it up|see)(?=[.!,])", ["Let me check", "Let me have a look", "I'll just check",
                                                               "Give me a second to check"]),
    (r"\blet me (check|have a look|look it up|see)(?=[.!,])", ["let me check", "let me have a look", "I'll just check"]),
    (r"\bI'm sorry to hear that\b", ["Sorry to hear that", "Oh, that's a shame", "I'm sorry to hear that",
                                     "That's too bad"]),
    (r"\bThat's fine\.", ["That's fine.", "That's okay.", "That works.", "That's all right.", "Fine by me."]),
    (r"\bHow about\b", ["What about", "How about"]),
    (r"\bI don't know\b", ["I'm not sure", "I don't know", "I have no idea", "I don't really know"]),
    (r"\bat the moment\b", ["right now", "at the moment", "currently", "just now"]),
    (r"\bWe'll call you\b", ["We'll give you a call", "We'll ring you", "Someone will call you", "We'll phone you"]),
    (r"\bin total\b", ["altogether", "in total", "all in all"]),
    (r"\bI'm looking for\b", ["I'm trying to find", "I'm looking for", "I'm after", "I need"]),
    (r"\bSounds (good|great)\b", ["Sounds good", "Sounds great", "That sounds good", "Sounds perfect"]),
    (r"\bI'm calling about\b", ["I'm phoning about", "I'm ringing about", "I'm calling about", "I'm calling regarding",
                                "I wanted to ask about"]),
    (r"\bBy the way,", ["By the way,", "Oh, by the way,", "Incidentally,", "Just so you know,"]),
    (r"\bto be honest\b", ["honestly", "to be honest", "to tell the truth", "if I'm honest"]),
    (r"\bWhat do you think\?", ["What do you think?", "What do you reckon?", "What's your opinion?", "Any thoughts?"]),
    (r"\bYou're welcome\.", ["You're welcome.", "My pleasure.", "Don't mention it.", "Happy to help.", "Any time."]),
    (r"\bHave a (good|nice|great) (day|evening)\.", [r"Have a good \2.", r"Have a nice \2.", r"Enjoy the rest of your \2.",
                                                   r"Have a lovely \2.", "Take care."]),
    (r"\bI'm afraid\b", ["I'm afraid", "unfortunately"]),
    (r"\bDon't worry\b", ["Don't worry", "No need to worry", "Don't you worry"]),
    (r"\bIs there anything else\b", ["Is there anything else", "Is there anything more"]),
    (r"\bCan I help you\?", ["Can I help you?", "Do you need any help?", "Can I help you with anything?",
                             "Are you being helped?"]),
    (r"\bI'll take it\.", ["I'll take it.", "I'll have it.", "Okay, I'll take it.", "Then I'll take it."]),
    (r"\bOne moment, please\.", ["One moment, please.", "Just a moment.", "Bear with me a second.", "Hold on a second."]),
    (r"\bsee you then\b", ["see you then", "see you there", "see you soon"]),
    (r"\bSee you then\b", ["See you then", "See you there", "See you soon", "Looking forward to it"]),
    (r"\bI'll let you know\b", ["I'll let you know", "I'll tell you", "I'll keep you posted"]),
    (r"\bdefinitely\b", ["definitely", "certainly", "absolutely"]),
    (r"\bEvery day\b", ["Every day", "Every single day"]),
    (r"\bI'm not sure\b", ["I'm not sure", "I'm not certain", "I don't know"]),
    (r"\bWhat's the price\?", ["What's the price?", "How much is it?", "What does it cost?", "How much does it cost?"]),
    (r"\bHow much is it\?", ["How much is it?", "What does it cost?", "What's the price?", "How much does it come to?"]),
    (r"\bThat's (very|so) kind( of you)?\.", ["That's very kind of you.", "That's so kind.", "How kind of you.",
                                              "That's really nice of you."]),
    (r"\bI appreciate it\.", ["I appreciate it.", "I really appreciate that.", "That means a lot.", "Much appreciated."]),
    (r"\bI understand\.", ["I understand.", "I get it.", "I see what you mean.", "Understood."]),
    (r"\bThat's a good idea\.", ["That's a good idea.", "Good idea.", "Great idea.", "That makes sense."]),
    (r"\bGood idea\.", ["Good idea.", "That's a good idea.", "Good thinking.", "Makes sense."]),
    (r"\bexpensive\b", ["expensive", "pricey", "expensive"]),
    # Everyday lexical choices: each keeps the meaning wherever these scripts use it.
    (r"\b(I|We|we|You|you|They|they)'ll (check|send|call|bring|book|take|have|need|ask|try|do|tell|give|pay|come|"
     r"get|put|look|sort|make|email|arrange|find|leave|pick|fix|move|order|text|write|see)\b",
     [r"\1'll \2", r"\1 will \2", r"\1'll \2"]),
    (r"\bI'll (check|send|call|bring|book|take|ask|try|do|tell|give|pay|come|get|put|look|sort|make|email|"
     r"arrange|find|leave|pick|fix|move|order|text|write|see)\b", [r"I'll \1", r"I'm going to \1", r"I will \1"]),
    (r"\bWe'll (check|send|call|bring|book|take|ask|try|do|tell|give|pay|come|get|put|look|sort|make|email|"
     r"arrange|find|leave|pick|fix|move|order|text|write|see)\b", [r"We'll \1", r"We're going to \1", r"We will \1"]),
    (r"\bIt'll be\b", ["It'll be", "It's going to be", "It will be", "That'll be"]),
    (r"\bI want to\b", ["I'd like to", "I want to", "I'd really like to"]),
    (r"\bI'd rather\b", ["I'd rather", "I'd prefer to", "I'd sooner"]),
    (r"\b(really|actually) (?=[a-z])", ["", r"\1 "]),
    (r"\bvery (?=(helpful|kind|good|nice|busy|tired|quiet|expensive|happy|sorry|important|popular|clean|fair)\b)",
     ["very ", "really ", "so ", ""]),
    (r"\bquite (?=(busy|expensive|cheap|tired|long|far|high|quiet|small|big|old|hard|new|good|nice|late|early)\b)",
     ["quite ", "pretty ", "rather ", "a bit "]),
    (r"\blots of\b", ["a lot of", "lots of", "plenty of"]),
    (r"\ba lot of\b", ["a lot of", "lots of"]),
    (r"\bAre you sure\?", ["Are you sure?", "Are you certain?", "Really?", "Is that right?"]),
    (r"\bthe problem\b", ["the problem", "the issue", "the trouble"]),
    (r"\bWhat's the problem\?", ["What's the problem?", "What's wrong?", "What seems to be the problem?",
                                 "What's the matter?"]),
    (r"\bcall (me|you|us|them|him|her)( back)?\b", [r"call \1\2", r"ring \1\2", r"phone \1\2"]),
    (r"\bpick it up\b", ["pick it up", "collect it", "come and get it"]),
    (r"\bcome back\b", ["come back", "pop back", "come back"]),
    (r"\b(That's|It's) (great|lovely|wonderful)\b", [r"\1 great", r"\1 wonderful", r"\1 lovely", r"\1 fantastic"]),
    (r"\bnice\b", ["nice", "lovely"]),
    (r"\bWhat time\b", ["What time", "When", "At what time"]),
    (r"\bWhen can I\b", ["When can I", "When could I", "When will I be able to"]),
    (r"\bHow long (does|will) it take\?", ["How long does it take?", "How long will it take?",
                                         "How long is it going to take?", "How long would that take?"]),
    (r"\bWhere do I\b", ["Where do I", "Where should I", "Where can I"]),
    (r"\bWhat do I\b", ["What do I", "What should I"]),
    (r"\bDo I need\b", ["Do I need", "Will I need"]),
    (r"\bWhat about\b", ["What about", "How about", "And what about"]),
    (r"\bright now\b", ["right now", "now", "at the moment"]),
    (r"\bI hope\b", ["I hope", "I really hope"]),
    (r"\bno idea\b", ["no idea", "no clue"]),
    (r"\bgood (?=(idea|point|question|choice|value)\b)", ["good ", "great "]),
    (r"\bOh no\b", ["Oh no", "Oh dear", "Oh, no"]),
    (r"\bWow\b", ["Wow", "Oh wow", "Goodness"]),
    (r"\bNo way\b", ["No way", "You're kidding", "Seriously"]),
    (r"\bI'm sorry\b(?=[,.])", ["I'm sorry", "I'm so sorry", "I'm really sorry", "Sorry"]),
    (r"\bon the phone\b", ["on the phone", "over the phone"]),
    (r"\bWhat's wrong\b", ["What's wrong", "What's the matter"]),
    (r"\bdon't mind\b", ["don't mind", "don't mind at all"]),
]]


KEEP = "\x00keep"  # the option "leave the words as they are"


def required_word(pattern: str) -> str | None:
    """A word every match of ``pattern`` contains, to skip the regex cheaply when it is absent.

    Alternations, optional parts and lookarounds are removed first; the longest remaining word is
    required. None when nothing is certain (then the regex always runs).
    """
    core = re.sub(r"\(\?<?[=!][^()]*\)", " ", pattern)          # lookarounds
    while re.search(r"\([^()]*\|[^()]*\)", core):                # alternation groups
        core = re.sub(r"\([^()]*\|[^()]*\)", " ", core)
    core = re.sub(r"\[[^\]]*\]|\\[bdsSwW]|\([^()]*\)\?|\w\?", " ", core)  # classes, escapes, optional parts
    words = re.findall(r"[A-Za-z']{3,}", core)
    return max(words, key=len).lower() if words else None


_TRIGGERS = [required_word(pattern.pattern) for pattern, _ in REWRITES]


def rewrite(rng, text: str, partition: str | None = None) -> str:
    """Apply :data:`REWRITES`: each match keeps its words or takes one of the replacements."""
    def one(match, replacements):
        choice = choose(rng, (KEEP, *replacements), partition)
        if choice == KEEP:
            return match.group(0)
        new = match.expand(choice)
        # Keep the case of the first letter: "24-hour locksmith, how can I help?" stays lower-case.
        first = match.group(0)[:1]
        if re.match(r"I\b", new):                          # "I'll just check" keeps its capital
            return new
        return (new[:1].upper() if first.isupper() else new[:1].lower() if first.islower() else new[:1]) + new[1:]
    lower = text.lower()
    for (pattern, replacements), trigger in zip(REWRITES, _TRIGGERS):
        if trigger is None or trigger in lower:
            text = pattern.sub(lambda m, r=replacements: one(m, r), text)
    return text


# --------------------------------------------------------------------------- small talk, greetings, goodbyes
# Each line is a template: [a|b] alternatives and {slots}. {n1}/{n2} are the two speakers' first
# names (spoken, so the summary may use them); the other slots come from SLOTS below. Small
# talk is non-salient: summaries never report it.

SLOTS = {
    "relative": ["sister", "brother", "cousin", "aunt", "uncle", "mum", "dad", "grandmother", "grandfather",
                 "niece", "nephew", "best friend", "son", "daughter"],  # singular: the templates say "my {relative} is ..."
    "trip": ["the coast", "the mountains", "the lake", "my parents' place", "a friend's wedding", "a conference",
             "a cottage by the sea", "my cousin's farm", "a walking holiday", "a city break"],
    "hobby": ["painting the kitchen", "fixing my bike", "sorting out the garage", "training for a 10K run",
              "learning Spanish", "baking bread", "reading a very long novel", "planting the vegetable patch",
              "watching an old series", "clearing out the attic", "putting up shelves", "doing a jigsaw puzzle",
              "helping my neighbour move", "trying out new recipes", "cleaning the windows", "building a bookcase"],
    "weather": ["so cold", "pouring with rain", "really windy", "so humid", "freezing", "lovely and sunny",
                "so foggy", "boiling hot", "grey and drizzly"],
    "forecast": ["it might snow tonight", "it will rain all week", "it will be warmer at the weekend",
                 "there's a storm coming", "the sun is coming back on Thursday", "it might clear up later"],
    "thing": ["coat", "bag", "scarf", "jacket", "haircut", "pair of glasses", "watch", "umbrella", "bike", "hat"],
    "delay": ["the trains were all delayed", "the bus never came", "there was a huge traffic jam",
              "my alarm didn't go off", "I couldn't find my keys", "the road was closed", "my car wouldn't start",
              "the lift was broken again"],
    "place": ["the new cafe on the corner", "that bakery near the station", "the Thai place", "the market",
              "the park", "the swimming pool", "the library", "the gym", "the cinema", "the bookshop"],
    "show": ["that new detective series", "the new documentary about whales", "the cooking competition",
             "the series about the lighthouse keeper", "the new nature programme", "the quiz show everyone talks about",
             "that film about the chess player", "the new sitcom"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "time_ago": ["ages", "months", "weeks", "so long", "forever", "a while"],
    "later": ["later", "soon", "next week", "on the weekend", "tomorrow", "in a bit"],
    "daypart": ["day", "evening", "afternoon", "weekend"],
    "errand": ["pick up the kids", "catch my bus", "get to the bank before it closes", "walk the dog",
               "start dinner", "call my mum back", "get back to the office", "meet my sister", "go to the gym",
               "collect a parcel", "feed the cat", "finish a report"],
}


# Greetings between people who know each other (#1 speaks first). In the first kind, #2 may
# ask "how are you", which the generator answers with HOW_ARE_YOU_ANSWER / _REPLY.
GREETINGS = [
    [(1, "[Hi|Hey|Hello|Oh, hi|Hey there|Morning|Hi there|Good morning|Hiya][, {n2}|, {n2}|][!|.]"
         "[| [Got a minute?|I was hoping I'd catch you.|There you are.|Nice to see you.|Have you got a second?]]"),
     (2, "[Oh, |Ah, |][hi|hey|hello|morning][, {n1}|, {n1}|][!|.] [How are you?|How's it going?|How are things?|"
         "How have you been?|How are you doing?|How's your week going?|How's everything?|How's life?|"
         "How was {weekday}?|Are you well?|How's your {relative}?|All good?]")],
    [(1, "[Hi|Hey|Hello|Morning][, {n2}|, {n2}|]. [Have you got a minute?|Got a second?|Are you busy?|Do you have a moment?|"
         "Can I grab you for a minute?|Are you free for a second?|Can I ask you something?|Is now a good time?]"),
     (2, "[Sure|Of course|Yes|Yeah, sure|For you, always|Just about|Go on|Sure thing][.|!][ What's up?| What is it?|"
         " Go ahead.| What's on your mind?| What can I do for you?| I've got five minutes.| Take a seat.| I'm all ears.|"
         " I was about to {errand}, but go on.]")],
]
HOW_ARE_YOU_ANSWER = ("[Good|Fine|Not bad|Pretty good|All good|Great, actually|Okay|Surviving|Busy|Very well|"
                      "Can't complain|Not too bad][, thanks|, thank you|]. [|[Busy with work, as usual.|"
                      "My {relative} is visiting this week.|I've just got back from {trip}.|I've been {hobby} all week.|"
                      "Still tired from the weekend.|The week is flying by.|I finally had a day off on {weekday}.|"
                      "It's been a long week.|I've been {hobby}, which is taking forever.|"
                      "My {relative} has been ill, but they're better now.|I'm still recovering from {trip}.]] "
                      "[And you?|How about you?|You?|How are you?|And yourself?|What about you?|How are things with you?|]")
HOW_ARE_YOU_REPLY = ("[I'm well|All good here|Can't complain|Tired, but okay|Not bad at all|Pretty good|Oh, you know|"
                     "Busy, busy|Much better now|Fine|Good, thanks|Same as ever][, thanks|]. [|[I've been {hobby}.|"
                     "My {relative} has been staying with us.|It's been {weather} all week, hasn't it?|"
                     "Just back from {trip}.|Work is a bit crazy.|I've started going to {place} again.|"
                     "I was up late watching {show}.|I've been {hobby}, believe it or not.|"
                     "My {relative} is coming on {weekday}, so I'm tidying up.]]")

# Small talk: "service" between a customer (#1) and staff (#2); "friends" between people who know each other.
SMALLTALK = {
    "service": [
        [(1, "[How's your day going|How's your day been|Busy day|Has it been busy today|Are you having a good day]"
             "[| so far]?"),
         (2, "[Busy|Non-stop|Quiet, actually|Not too bad|Crazy|Steady] [!|.] [It's been like this since we opened.|"
             "Everyone seems to need something today.|It's always like this on a {weekday}.|"
             "You're my first customer in an hour.|I haven't had a break since nine.|The morning flew by.] "
             "[And yours?|How about you?|And you?|]"),
         (1, "[Not bad|Fine|Okay|Long|Busy too][, thanks|]. [|Glad it's nearly over.|I'm on my lunch break.|"
             "I've been running errands all morning.|I've got the day off, actually.|Better now I'm inside.]")],
        [(2, "[Lovely|Horrible|Strange|Funny|Miserable|Crazy] weather [today|this week|we're having|out there], "
             "[isn't it|don't you think|eh]?"),
         (1, "[It is|I know|Tell me about it|Yes|Absolutely]. [It's been {weather} all morning.|They say {forecast}.|"
             "I nearly didn't come out.|I got soaked on the way here.|I left my umbrella at home, of course.|"
             "At least it's not {weather}.|My {relative} says {forecast}.]")],
        [(1, "Sorry, I'm [a bit|a little|completely] out of breath. [I ran from the bus stop.|"
             "I came up the stairs too fast.|{delay}, so I rushed.|I was worried you'd be closed.|"
             "I had to park miles away.]"),
         (2, "[No rush|Don't worry|No hurry at all|Take a breath|Take a moment], [take your time|there's no queue|"
             "we're open until six|I'm not going anywhere|you made it|we don't close until seven].")],
        [(2, "[Sorry|Apologies|Thanks for waiting|Sorry for the wait|Sorry to keep you][ about the wait|]. "
             "[We're short-staffed today.|Two of my colleagues are off sick.|It's been one of those days.|"
             "The system was down for a while.|The computer is very slow this morning.|Everyone came at once.]"),
         (1, "[That's okay|No problem|Don't worry|Not at all|It's fine], [I wasn't waiting long|I wasn't in a hurry|"
             "I had a book with me|it gave me time to find my papers|I'm not in a rush today].")],
        [(2, "Have you been [here|in|to us] before?"),
         (1, "[Once, {time_ago} ago.|A couple of times, years ago.|No, it's my first time.|"
             "My {relative} comes here a lot.|Only once, with my {relative}.] [It looks different now.|"
             "It's bigger than I remember.|A friend recommended you.|I live just round the corner now.|]")],
        [(1, "[Is it always this busy|Is it always this quiet on a {weekday}|Have you just opened|"
             "Are you new here|Is it always this warm in here]?"),
         (2, "[Mostly in the mornings.|Only on {weekday}s.|Not usually.|I started last month, actually.|"
             "It comes in waves.|Only when the heating is on.] [It calms down after lunch.|You picked a good time.|"
             "You picked a bad time!|I'm still learning where everything is.|]")],
        [(2, "[I like your {thing}.|That's a nice {thing}.|Nice {thing}, by the way.|What a lovely {thing}.]"),
         (1, "[Oh, thank you!|Thanks!|Oh, thanks.|That's kind of you.] [It was a present from my {relative}.|"
             "I got it in the sales.|It's older than it looks.|I've had it for {time_ago}.|I found it at the market.]")],
    ],
    "friends": [
        [(1, "[How was your weekend|Did you have a good weekend|What did you get up to at the weekend|"
             "Good weekend|How was {weekday}|Did you do anything nice on {weekday}]?"),
         (2, "[Quiet|Lovely|Busy|Exhausting|Relaxing|Pretty good|Too short]. I [went to {trip}|was {hobby}|"
             "visited my {relative}|mostly stayed in and watched {show}|spent most of it at {place}|"
             "helped my {relative} with the garden]. [Yours?|What about you?|And you?|]"),
         (1, "[Pretty busy, actually.|Same as always.|Too short, as usual.|I mostly slept.|"
             "I was {hobby}.|My {relative} came over.|Nothing special.]")],
        [(1, "[How's the new job going|How's work these days|How are things at work|Is your new boss any better|"
             "How's the new office]?"),
         (2, "[Tiring, but I like the people.|Busy, but fine.|Better than the old one.|Don't ask.|"
             "Honestly, it's a lot.|Good, the commute is the worst part.|Slowly getting used to it.] "
             "[Anyway, how are you?|Anyway.|But enough about that.|]"),
         (1, "[Good, good.|Not bad.|Same as always.|Hanging in there.|Can't complain.]")],
        [(2, "[You look well|You look tanned|You look rested|You look happy][!|.] [Have you been away?|Were you on holiday?|"
             "Did you go somewhere nice?]"),
         (1, "[Just a few days at {trip}.|A week at {trip}.|Only a long weekend at {trip}.|Yes, {trip}, with my {relative}.] "
             "[It was great.|It rained the whole time.|I needed it.|I didn't want to come back.|The food was amazing.]")],
        [(1, "Sorry I didn't [answer|reply to] your [message|text|email|call] [yesterday|on {weekday}|last night]."),
         (2, "[Don't worry about it|No problem|That's fine|Oh, it wasn't important|Don't be silly], [I know you're busy|"
             "it can wait|I'd forgotten about it myself|I'll tell you later|it was only a silly photo].")],
        [(2, "[Is that a new|I like your|Nice|That's a lovely|Where did you get that] {thing}[?|!|.]"),
         (1, "[It is!|Thanks!|Oh, this?|Do you like it?] [It was on sale.|My {relative} gave it to me.|I treated myself.|"
             "I've had it for {time_ago}, actually.|I found it at the market.|It was a birthday present.]"),
         (2, "[It suits you.|It really suits you.|Good find.|Lucky you.|I want one.|Very stylish.]")],
        [(1, "Did you get home [okay|all right|in the end|safely] [last night|on {weekday}|after the party]?"),
         (2, "[Yes|Just about|Eventually|In the end], [but the last bus was late|I shared a taxi|I walked in the end|"
             "my {relative} picked me up|but {delay}|it took over an hour].")],
        [(2, "How's your {relative} [doing|getting on|these days]?"),
         (1, "[Much better|A lot better|Still not great|Getting there|Back to normal|Busy as ever], thanks for asking. "
             "[Back at home now.|Back at work now.|Coming to visit next month.|It's been a slow recovery.|"
             "Still talking about {trip}.|]")],
        [(1, "[Ugh|Oh|Honestly|Phew], what a [morning|day|week]. [{delay}.|I've been on the phone all day.|"
             "Nothing has gone right.|I spilled coffee on my shirt.]"),
         (2, "[Tell me about it|Oh no|Poor you|Same here|That sounds awful]. [I had to take a taxi.|I was late too.|"
             "You need a coffee.|Let's hope the afternoon is better.|Sit down for a minute.]")],
        [(2, "{n1}! [I didn't expect to see you here.|What are you doing here?|Fancy meeting you here.|"
             "I was hoping I'd bump into you.]"),
         (1, "[I know, it's been {time_ago}, {n2}.|I could say the same, {n2}!|Hi, {n2}! I'm here for {place}.|"
             "{n2}! Good to see you.]")],
        [(2, "[Do you want|Would you like|Fancy] a [coffee|tea|cup of tea|glass of water]? I [just made some|was about to make one|"
             "have some ready]."),
         (1, "[Oh, yes please.|I'd love one.|Go on, then.|Not for me, thanks.|That would be great.] [Milk, no sugar.|"
             "Black, please.|Just a small one.|]")],
        [(1, "Have you [seen|watched|heard about] {show}?"),
         (2, "[[Not yet.|Only the first episode.|My {relative} keeps telling me to.] [Is it any good?|No spoilers!|"
             "Should I?|]|[Yes! I loved it.|Yes, it was brilliant.] [The ending!|I watched it all in one go.|]|"
             "[I tried, but I fell asleep halfway through.|I gave up after ten minutes.]]")],
        [(2, "Are you still going to {place}?"),
         (1, "[Every {weekday}.|Not as much as I should.|When I can.|I stopped, actually.|Twice a week now.] "
             "[It's the only time I switch off.|It's got so expensive.|I'm trying to get back into it.|"
             "My {relative} comes with me now.|]")],
        [(1, "Did you hear that {place} is [closing|closing down|moving]?"),
         (2, "[No way!|Really?|I heard that too.|That's a shame.|Since when?] [I used to go there all the time.|"
             "Where will we go now?|I'm not surprised, it was always empty.|My {relative} will be upset.|]")],
    ],
}

GOODBYES = {
    "service": [
        [(2, "[Is there anything else|Anything else|Is there anything more|Is there anything else at all] "
             "[I can help you with|I can do for you|you need|we can do for you][ today|][?| this {daypart}?]"),
         (1, "[No|No, that's all|That's everything|No, I think that's it|Not today][, thanks|, thank you|]. "
             "[Thanks for your help.|You've been very helpful.|That was quick.|]"),
         (2, "[You're welcome.|My pleasure.|No problem.|Glad to help.] [Have a nice {daypart}.|"
             "Enjoy the rest of your {daypart}.|Take care.|Bye now.|See you next time.]")],
        [(1, "[Thank you|Thanks|Thanks so much], you've been [very|really|so|incredibly] [helpful|kind|patient]."),
         (2, "[My pleasure|Not at all|Glad I could help|That's what I'm here for|You're very welcome|Any time]. "
             "[Take care.|Have a good {daypart}.|Good luck with everything.|Come back any time.|]")],
        [(2, "Here's [my card|our number|a leaflet|the receipt] [in case you have any|if you have any|for any] "
             "[questions|problems|other questions]."),
         (1, "[Great|Perfect|Lovely|Thanks], [thanks|thank you] [again|a lot|for everything|].")],
        [(1, "Thanks for being so [patient|helpful|quick|understanding] [with me|about this|today|this morning]."),
         (2, "[Not at all|No problem at all|Of course|Happy to help], [that's what we're here for|it was no trouble|"
             "it's my job|I hope it all works out].")],
        [(1, "Thanks for your help, {n2}."),
         (2, "[You're welcome.|My pleasure.|Any time.|Glad to help.] [Have a good {daypart}.|Take care.|Bye now.|]")],
        [(2, "By the way, I'm {n2}, if you need anything else[| later| at all]."),
         (1, "[Thanks|Thank you], {n2}. [That's very kind.|I'll remember that.|Good to know.|I appreciate it.]")],
    ],
    "friends": [
        [(1, "[Anyway|Right|Okay|Oh], I [have to|need to|'d better] [run|go|get going|dash|head off]. "
             "[I have to {errand}.|I promised to {errand}.|]"),
         (2, "[Okay|Sure|No worries|Go|Of course], [talk to you {later}|see you {later}|I'll call you {later}|"
             "catch you {later}|speak {later}].")],
        [(2, "[Text|Call|Message|Ring] me [later|tonight|when you know|when you're home], [okay|all right|will you]?"),
         (1, "[Will do|I will|Of course|Sure|Promise]. [Bye!|See you!|Talk soon.|Say hi to your {relative}.]")],
        [(2, "[Great|Lovely|Nice|Good|So good] [talking to you|to see you|catching up|to have a chat]."),
         (1, "[You too|Likewise|Same here]. Say hi to [everyone|your {relative}|the family] for me.")],
        [(2, "[Oh, is that the time?|Oh no, look at the time.|I didn't realise how late it is.|Is it really that late?] "
             "I [need|have|promised] to {errand}."),
         (1, "[Go, go!|Off you go.|Don't let me keep you.|Of course, go.] [We'll talk soon.|Speak {later}.|Bye!|"
             "Say hello to your {relative}.]")],
        [(1, "[Okay|Right|Anyway|Well], I'll let you [go|get on|get back to it]."),
         (2, "[Bye for now.|Take care.|See you {later}.|Speak soon.|Thanks for stopping by.]")],
        [(1, "[Thanks|Cheers|Thank you], {n2}. [You're a star.|You're the best.|I owe you one.|You're a lifesaver.]"),
         (2, "[Don't mention it.|Any time.|You'd do the same for me.|No problem at all.]")],
        [(2, "See you [tomorrow|{later}|on {weekday}|at the weekend], {n1}."),
         (1, "[See you!|Bye!|See you then.|Take care.|Bye, {n2}.]")],
    ],
}
