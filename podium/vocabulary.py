"""The word lists that the readers and speaker matching share, each with where it comes from.

Used by :mod:`podium.formats.labelled` (which line starts with a label), :mod:`podium.formats.subtitles`
(through :func:`~podium.formats.labelled.is_cue_label`), :mod:`podium.parse` (which labels are
shared by many people) and :mod:`podium.speakers` (roles and aliases). Lists are upper case unless
noted; a label is compared after upper-casing and dropping a final period.
"""

from __future__ import annotations

__all__ = [
    "COURTESY_TITLES",
    "EMPHASIS_WORDS",
    "GENERIC_QUESTIONERS",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "NOT_LABELS",
    "OTHER_LABELS",
    "QUESTION_LABELS",
    "QUESTION_LABELS_OTHER_SCRIPTS",
    "ROLE_WORDS",
    "TITLES",
    "UNKNOWN_SPEAKER",
    "UNNAMED_PREFIX",
    "UNNAMED_QUESTIONER",
]

#: Speaker name given to unlabelled question lines (the seed's ``- `` lines).
UNNAMED_QUESTIONER = "REPORTER"
#: Speaker name given to speech whose speaker the source does not say.
UNKNOWN_SPEAKER = "UNKNOWN"
#: Speaker name prefix for unnamed speakers that captions mark only by ``>>`` or a dialogue dash
#: ("SPEAKER 1", "SPEAKER 2", in order of appearance).
UNNAMED_PREFIX = "SPEAKER"

#: Words that open a person's label as a title or office ("MR. LITTLE", "Senator Smith", "THE
#: PRESIDENT"): US and UK honorifics, military ranks and offices as they appear in the corpus's White
#: House, State Department, congressional, court and Hansard transcripts.
TITLES = frozenset(
    {
        "ADMIRAL",
        "AGENT",
        "AMBASSADOR",
        "ASSEMBLYMAN",
        "ASSEMBLYWOMAN",
        "CAPT",
        "CAPTAIN",
        "CHAIR",
        "CHAIRMAN",
        "CHAIRWOMAN",
        "CHIEF",
        "COL",
        "COLONEL",
        "COMMISSIONER",
        "CONGRESSMAN",
        "CONGRESSWOMAN",
        "COUNCILMAN",
        "COUNCILWOMAN",
        "DAME",
        "DETECTIVE",
        "DIRECTOR",
        "DR",
        "FATHER",
        "GEN",
        "GENERAL",
        "GOV",
        "GOVERNOR",
        "HON",
        "JUDGE",
        "JUSTICE",
        "LADY",
        "LIEUTENANT",
        "LORD",
        "LT",
        "MAJOR",
        "MAYOR",
        "MINISTER",
        "MISS",
        "MR",
        "MRS",
        "MS",
        # French, Spanish, German and Italian courtesy titles ("Mme Borne :", "Sra. López:")
        "M",
        "MME",
        "MLLE",
        "SR",
        "SRA",
        "SRTA",
        "HERR",
        "FRAU",
        "SIG",
        "SIGRA",
        "COUNCILLOR",
        "COUNCILOR",
        "ALDERMAN",
        "ALDERWOMAN",
        "OFFICER",
        "PRESIDENT",
        "PRIME",
        "PROF",
        "PROFESSOR",
        "REP",
        "REPRESENTATIVE",
        "REV",
        "SEC",
        "SECRETARY",
        "SEN",
        "SENATOR",
        "SGT",
        "SHERIFF",
        "SIR",
        "SISTER",
        "SPEAKER",
        "THE",
        "VICE",
    }
)

#: Single words that are speaker roles, accepted as labels even when seen once: the roles that
#: broadcast, hearing and interview transcripts print in place of a name.
ROLE_WORDS = frozenset(
    {
        "MODERATOR",
        "INTERVIEWER",
        "HOST",
        "REPORTER",
        "QUESTION",
        "ANSWER",
        "NARRATOR",
        "ANNOUNCER",
        "AUDIENCE",
        "CROWD",
        "PROTESTER",
        "CALLER",
        "PARTICIPANT",
        "OPERATOR",
        "INTERPRETER",
        "TRANSLATOR",
        "CHAIRMAN",
        "CHAIR",
        "CHAIRWOMAN",
        "STAFF",
        "CLERK",
        "WITNESS",
        "GUEST",
        "PANELIST",
        "VOICE",
        "SPEAKER",
    }
)

#: Words that take a colon in page furniture but are never speakers: datelines, tags, contact
#: lines and participant lists found before or between turns in the corpus's press-office,
#: hearing and podcast pages.
NOT_LABELS = frozenset(
    {
        "NOTE",
        "NOTES",
        "SOURCE",
        "SOURCES",
        "DATE",
        "TIME",
        "TIMES",
        "SUBJECT",
        "RE",
        "TO",
        "FROM",
        "CC",
        "LOCATION",
        "PLACE",
        "PARTICIPANTS",
        "PRESENT",
        "TAGS",
        "TAG",
        "CATEGORY",
        "CATEGORIES",
        "UPDATE",
        "UPDATED",
        "PUBLISHED",
        "POSTED",
        "LINK",
        "URL",
        "HTTP",
        "HTTPS",
        "EMAIL",
        "PHONE",
        "TRANSCRIPT",
        "VIDEO",
        "AUDIO",
        "WATCH",
        "LISTEN",
        "READ",
        "SHARE",
        "EDITOR",
        "EDITORS",
        "CONTACT",
        "RELEASE",
        "FOR IMMEDIATE RELEASE",
        "PS",
        "EDT",
        "EST",
        "PM",
        "AM",
        "P.M",
        "A.M",
        "PRESIDING",
        "SENATE MEMBERS PRESENT",
        "ALSO PRESENT",
        "ALSO IN ATTENDANCE",
        "ROUNDTABLE PARTICIPANTS",
        "ROUNDTABLE PARTICIPANTS, CONTINUED",
        "WITNESSES",
        "SPEAKERS",
        "PANELISTS",
        "TOPIC",
        "TOPICS",
        "AGENDA",
        "BREAK",
        "KEYWORDS",
        "DESCRIPTION",
        "TITLE",
        "SUMMARY",
        "EPISODE",
        "MEDIA",
        "ALIASES",
        "LAYOUT",
        "CORRECTION",
        "CORRECTION AND CLARIFICATION",
        "WARNING",
        "DISCLAIMER",
        "CAPTION",
        "PHOTO",
        "CREDIT",
        "IMAGE",
        "CPD",
        "FIRST AIRED",
        "AIRED",
        "ORIGINALLY AIRED",
        "LAST UPDATED",
        "RECORDED",
        "BROADCAST",
        "COPYRIGHT",
        "APPEARANCES",
        "ON BEHALF OF THE PETITIONERS",
        "ON BEHALF OF THE RESPONDENTS",
        "ON BEHALF OF THE PETITIONER",
        "ON BEHALF OF THE RESPONDENT",
        # e-mail headers, editors' furniture, earnings-call sections (found by new-user tests)
        "SENT",
        "BCC",
        "EDITOR'S NOTE",
        "EDITORS' NOTE",
        "EDITORS NOTE",
        "READ MORE",
        "SEE ALSO",
        "RELATED",
        "ADVERTISEMENT",
        "SUPPORT PROVIDED BY",
        "PREPARED REMARKS",
        "QUESTIONS & ANSWERS",
        "QUESTIONS AND ANSWERS",
        "QUESTION-AND-ANSWER SESSION",
        "CALL PARTICIPANTS",
        "CORPORATE PARTICIPANTS",
        "CONFERENCE CALL PARTICIPANTS",
    }
)

#: Lower-case words inside personal names ("Aaron van Wirdum", "Ursula von der Leyen", "Sir Alder
#: of Finch"): Dutch, German, Romance, Arabic and English particles. Compared in lower case.
NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "of",
        "the",
        "and",
        "y",
        "e",
        "mac",
        "st",
        "for",
        "on",
        "in",
        "to",
    }
)

#: Short English words that are emphasis, not names, when capitalised before a colon ("SO: what
#: now", "LOOK: we did"): seen in the corpus's briefings and op-eds. Compared in lower case.
EMPHASIS_WORDS = frozenset(
    {
        "so",
        "ok",
        "okay",
        "no",
        "yes",
        "now",
        "well",
        "look",
        "note",
        "first",
        "second",
        "third",
        "again",
        "remember",
        "listen",
        "please",
        "warning",
        "update",
        "answer",
        "question",
        "bottom",
        "line",
        "point",
        "fact",
        "reality",
        "truth",
        "example",
        "result",
    }
)

#: Labels shared by many people (every reporter is "Q"): two labelled blocks in a row are two
#: questions, possibly from two reporters, so they are not merged into one turn.
GENERIC_QUESTIONERS = frozenset({"Q", "QUESTION", UNNAMED_QUESTIONER})

#: Courtesy titles that say nothing about office, so "MR. LITTLE" can be "GEORGE LITTLE"; "PRESIDENT
#: CLINTON" and "SECRETARY CLINTON" are never taken to be "HILLARY CLINTON".
COURTESY_TITLES = frozenset(
    {"MR", "MRS", "MS", "MISS", "DR", "MX", "M", "MME", "MLLE", "SR", "SRA", "SRTA", "HERR", "FRAU", "SIG", "SIGRA"}
)
#: Courtesy titles of men and of women: a surname under one of each is two people (MR. and MRS. SMITH).
MALE_COURTESY_TITLES = frozenset({"MR", "M", "SR", "HERR", "SIG"})
FEMALE_COURTESY_TITLES = frozenset({"MRS", "MS", "MISS", "MME", "MLLE", "SRA", "SRTA", "FRAU", "SIGRA"})
#: Name suffixes that are not part of the surname ("MARTIN LUTHER KING JR.").
NAME_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV", "PHD", "MD", "ESQ"})

#: Labels of people on the asking side: reporters, moderators, hosts and interviewers as
#: press briefings, debates and podcasts label them.
QUESTION_LABELS = frozenset(
    {
        "Q",
        "QUESTION",
        "QUESTIONER",
        "REPORTER",
        "INTERVIEWER",
        "MODERATOR",
        "AUDIENCE MEMBER",
        "AUDIENCE QUESTION",
        "PARTICIPANT",
        "THE PRESS",
        "PRESS",
        "JOURNALIST",
        "HOST",
        "CO-HOST",
        "COHOST",
        "ANCHOR",
        # the same in French, Spanish, Portuguese, Italian, German and Dutch transcripts (accents
        # are taken off before the comparison: "MODÉRATEUR" is "MODERATEUR")
        "JOURNALISTE",
        "MODERATEUR",
        "ANIMATEUR",
        "ANIMATRICE",
        "PREGUNTA",
        "PERIODISTA",
        "REPORTERO",
        "REPORTERA",
        "MODERADOR",
        "MODERADORA",
        "ENTREVISTADOR",
        "ENTREVISTADORA",
        "INTERLOCUTOR",  # Mexico's presidency: the reporter in its stenographic versions
        "INTERLOCUTORA",
        "PERGUNTA",
        "JORNALISTA",
        "DOMANDA",
        "GIORNALISTA",
        "MODERATORE",
        "INTERVISTATORE",
        "FRAGE",
        "JOURNALISTIN",
        "REPORTERIN",
        "MODERATORIN",
        "VRAAG",
        "VERSLAGGEVER",
    }
)

#: The same in scripts without case: Chinese (记者 reporter, 主持人 host, 提问者 questioner),
#: Japanese (記者, 司会 host, 質問者), Arabic (صحفي journalist, صحفية, المذيع host, مراسل
#: correspondent, سؤال question). Compared as written.
QUESTION_LABELS_OTHER_SCRIPTS = frozenset(
    {
        "记者",
        "主持人",
        "提问者",
        "記者",
        "司会",
        "司会者",
        "質問者",
        "صحفي",
        "صحفية",
        "المذيع",
        "مراسل",
        "سؤال",
    }
)

#: Labels of speakers who neither ask nor answer: unknown voices, operators, announcers,
#: clerks and interpreters.
OTHER_LABELS = frozenset(
    {
        "UNKNOWN",
        "OPERATOR",
        "ANNOUNCER",
        "NARRATOR",
        "STAFF",
        "INTERPRETER",
        "VOICE OVER",
        "VOICEOVER",
        "THE CLERK",
        "CLERK",
        "AUDIENCE",
        "UNIDENTIFIED",
        "CROSSTALK",
        "MULTIPLE SPEAKERS",
    }
)
