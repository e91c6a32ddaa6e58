"""Labels a copy lost the line break before, or wrote without a space, or with a long role (found by a
new-user test): each kind used to give its words to the previous speaker without a notice. Word
counts are counted by hand from the text in each test.
"""

from __future__ import annotations

from podium.parse import parse_text


def _parse(text: str):
    return parse_text(text, name="inline.txt")


def _words(text: str) -> dict[str, int]:
    return _parse(text).turns.groupby("speaker")["n_words"].sum().to_dict()


def test_a_recurring_label_after_a_sentence_end_inside_a_line_starts_a_turn():
    text = (
        "MODERATOR: Welcome, everyone. Our first question goes to the mayor.\n"
        "MAYOR LEE: Thanks. I am proud of our record. MODERATOR: Thank you. Next, the challenger.\n"
        "CHALLENGER PARK: The record is bad.\n"
        "MODERATOR: Thanks to you both.\n"
    )
    turns = _parse(text).turns
    assert list(turns["speaker"]) == ["MODERATOR", "MAYOR LEE", "MODERATOR", "CHALLENGER PARK", "MODERATOR"]
    assert list(turns["n_words"]) == [9, 7, 5, 4, 4]
    assert turns["text"].iloc[2] == "Thank you. Next, the challenger."


def test_a_label_inside_a_sentence_or_seen_once_is_left_in_the_text():
    text = (
        "HOST: The sign said NOTE: keep out. Then GUEST: was written under it.\n"  # no sentence end before
        "GUEST: Right. SPOKESMAN: no comment, they said.\n"  # SPOKESMAN is never a label at a line start
        "HOST: Okay.\n"
        "GUEST: Yes.\n"
    )
    assert _words(text) == {"HOST": 13, "GUEST": 7}  # HOST 12 + 1; GUEST 6 + 1


def test_a_label_without_a_space_after_its_colon():
    text = (
        "HOST: Hello and welcome.\n"
        "GUEST: Thanks for having me.\n"
        "HOST:What is new?\n"
        "GUEST: Not much.\n"
        "HOST: Okay.\n"
        "GUEST:\tReally nothing.\n"
    )
    assert _words(text) == {"HOST": 7, "GUEST": 8}  # 3 + 3 + 1; 4 + 2 + 2
    assert len(_parse(text).turns) == 6


def test_a_short_one_line_scrape_is_split_at_its_labels():
    text = (
        "HOST: Welcome to the show. Today we talk budgets. GUEST: Thanks for having me. "
        "HOST: What is the deficit? GUEST: About two trillion dollars. HOST: Wow. GUEST: Yes."
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["HOST", "GUEST"] * 3
    assert _words(text) == {"HOST": 13, "GUEST": 9}  # 8 + 4 + 1; 4 + 4 + 1
    assert any("no line breaks" in n for n in t.notices)


def test_a_scraped_passage_without_line_breaks_inside_a_file_that_has_them():
    passage = " ".join(
        f"HOLT: Question {i} is for you. CLINTON: My answer {i} is this. TRUMP: I disagree with {i}." for i in range(60)
    )
    text = "MODERATOR: Good evening.\nPANELIST: Hello.\n" + passage + "\nMODERATOR: Good night.\nPANELIST: Bye.\n"
    words = _words(text)
    # each round: HOLT 5, CLINTON 5, TRUMP 4 words; the passage's first HOLT label opens the line
    assert words["HOLT"] == 5 * 60 and words["CLINTON"] == 5 * 60 and words["TRUMP"] == 4 * 60
    assert words["MODERATOR"] == 4 and words["PANELIST"] == 2


def test_name_and_role_labels_with_a_long_or_title_case_role_seen_once():
    text = (
        "JAKE TAPPER, CNN ANCHOR: Welcome to THE LEAD. We begin with the President.\n\n"
        "(BEGIN VIDEO CLIP)\n\n"
        "JOE BIDEN, PRESIDENT OF THE UNITED STATES: We are not going to back down.\n\n"
        "(END VIDEO CLIP)\n\n"
        "TAPPER: Joining me now, Jane Doe.\n\n"
        "TAPPER: Thank you.\n"
    )
    assert _words(text) == {
        "JAKE TAPPER, CNN ANCHOR": 16,  # 9 + 5 + 2
        "JOE BIDEN, PRESIDENT OF THE UNITED STATES": 7,
    }
    mixed = (
        "Jake Tapper: Welcome to the show.\n"
        "Jane Doe, Director of the Budget Office: Thank you, Jake.\n"
        "Jake Tapper: Thank you.\n"
    )
    assert _words(mixed) == {"Jake Tapper": 6, "Jane Doe, Director of the Budget Office": 3}  # 4 + 2


def test_a_wrapped_line_that_looks_like_name_comma_title_is_not_a_label():
    # A one-word name before the comma and a title-case "role": a wrapped sentence, not a speaker.
    text = (
        "THE SECRETARY: By Senator\n"
        "Bruno, Senate Resolution: Resolved that a day be set aside.\n"
        "THE PRESIDENT: Thank you.\n"
        "THE SECRETARY: By Senator\n"
        "Bruno, Senate Resolution: Resolved again.\n"
        "THE PRESIDENT: Thanks.\n"
    )
    assert set(_words(text)) == {"THE SECRETARY", "THE PRESIDENT"}


def test_teams_names_written_surname_first():
    header_lines = (
        "Smith, John   0:03\nLet's begin the review.\n\n"
        "M\u00fcller, J\u00fcrgen   0:10\nWhen is the launch? Tell me.\n\n"
        "Smith, John   0:15\nIn March.\n"
    )
    assert _words(header_lines) == {"Smith, John": 6, "M\u00fcller, J\u00fcrgen": 6}  # 4 + 2; 6
    cue_lines = (
        "0:0:0.0 --> 0:0:3.120\nSmith, John\nLet's begin the review.\n\n"
        "0:0:10.0 --> 0:0:12.0\nM\u00fcller, J\u00fcrgen\nWhen is the launch? Tell me.\n\n"
        "0:0:15.0 --> 0:0:16.0\nSmith, John\nIn March.\n"
    )
    turns = _parse(cue_lines).turns
    assert list(turns["speaker"]) == ["Smith, John", "M\u00fcller, J\u00fcrgen", "Smith, John"]
    assert list(turns["n_words"]) == [4, 6, 2]  # the name lines are not words


def test_numbered_agenda_items_are_not_speakers():
    text = (
        "Mayor Ruiz: Welcome. Two items tonight.\n\n"
        "Item 1: the budget.\n\n"
        "Item 2: The parks plan.\n\n"
        "Councilor Kim: What does the budget cost?\n\n"
        "Mayor Ruiz: Four million.\n\n"
        "Councilor Kim: Thanks.\n"
    )
    t = _parse(text)
    assert _words(text) == {"Mayor Ruiz": 15, "Councilor Kim": 6}  # 4 + 4 + 5 + 2; 5 + 1
    assert any("Item 1:" in n and "not read as one" in n for n in t.notices)


def test_a_bare_surname_and_its_one_titled_label_are_one_person():
    from podium.speakers import propose_aliases

    aliases = propose_aliases(["SEN. HARRIS", "TRUMP", "PRESIDENT TRUMP", "HARRIS", "Senator Warren", "Warren"])
    assert aliases["TRUMP"] == "PRESIDENT TRUMP"
    assert aliases["HARRIS"] == "SEN. HARRIS"
    assert aliases["Warren"] == "Senator Warren"
    # two titled forms of one surname: which one "SMITH" is cannot be told; a role word is no surname
    two = propose_aliases(["MR. SMITH", "MRS. SMITH", "SMITH", "MODERATOR", "CHIEF MODERATOR"])
    assert two["SMITH"] == "SMITH" and two["MODERATOR"] == "MODERATOR"


def test_debate_speakers_under_short_and_titled_labels_are_counted_once():
    text = (
        "MODERATOR: Good evening. Senator, your first question: what about jobs?\n\n"
        "SEN. HARRIS: Thank you. Jobs are up.\n\n"
        "TRUMP: That's wrong -- totally wrong.\n\n"
        "MODERATOR: Mr. President, why did jobs fall?\n\n"
        "PRESIDENT TRUMP: They didn't fall.\n\n"
        "HARRIS: They fell by 2 million.\n"
    )
    assert _words(text) == {"MODERATOR": 15, "SEN. HARRIS": 10, "PRESIDENT TRUMP": 7}  # 9 + 6; 5 + 5; 4 + 3


def test_times_written_around_labels_and_on_lines_of_their_own():
    bracket_after = (
        "Host [00:00:05]: Welcome to the show everyone.\n"
        "Guest [00:00:10]: Thanks for having me here.\n"
        "Host [00:01:00]: Great to have you.\n"
    )
    paren_before = (
        "(00:05) Host: Welcome to the show everyone.\n"
        "(00:10) Guest: Thanks for having me here.\n"
        "(01:00) Host: Great to have you.\n"
    )
    name_then_clock = (
        "Host\n00:00:05\nWelcome to the show everyone.\n\n"
        "Guest\n00:00:10\nThanks for having me here.\n\n"
        "Host\n00:01:00\nGreat to have you.\n"
    )
    for text in (bracket_after, paren_before, name_then_clock):
        turns = _parse(text).turns
        assert list(turns["speaker"]) == ["Host", "Guest", "Host"]
        assert list(turns["n_words"]) == [5, 5, 4]  # the clocks are not words
        assert list(turns["start_s"]) == [5.0, 10.0, 60.0]


def test_a_copied_video_transcript_keeps_its_times_without_speakers():
    text = (
        "0:00\ngood morning everyone\n0:05\nthanks for coming today\n"
        "0:09\nlet us begin with the budget\n1:02:03\nand that is all\n"
    )
    t = _parse(text)
    assert t.turns["n_words"].sum() == 17  # 3 + 4 + 6 + 4; the four clocks are not words
    assert set(t.turns["speaker"]) == {"UNKNOWN"}
    assert t.turns["end_s"].max() > 3723  # the last passage starts at 1:02:03 = 3,723 s
    assert any("unknown speaker" in n and "4 times" in n for n in t.notices)


def test_french_and_spanish_courtesy_titles_seen_once():
    text = (
        "M. LE PR\u00c9SIDENT : Mesdames et messieurs, bonjour.\n"
        "Mme \u00c9LISABETH BORNE : Merci, monsieur le pr\u00e9sident.\n"
        "M. LE PR\u00c9SIDENT : D\u00e8s l'automne.\n"
        "M. Jean-Luc M\u00c9LENCHON : C'est une honte !\n"
        "Mme Borne : Non.\n"
    )
    # "Mme Borne" is a speaker, and the one Borne with a first name: Mme ÉLISABETH BORNE
    assert _words(text) == {"M. LE PR\u00c9SIDENT": 6, "Mme \u00c9LISABETH BORNE": 5, "M. Jean-Luc M\u00c9LENCHON": 3}
    spanish = "Sr. P\u00e9rez: Buenos d\u00edas.\nSra. L\u00f3pez: Hola.\nSr. P\u00e9rez: Adi\u00f3s.\n"
    assert _words(spanish) == {"Sr. P\u00e9rez": 3, "Sra. L\u00f3pez": 1}


def test_a_wire_digest_of_datelines_is_not_a_transcript():
    # "CITY - " opens a news item, not a speaker's turn: no label is read, and a notice says so
    text = (
        "WASHINGTON - The Senate passed the bill on Monday.\n"
        "LONDON - The Bank of England held rates.\n"
        "WASHINGTON - The House will vote next week.\n"
        "LONDON - Markets rose on the news.\n"
        "PARIS - Talks resume on Friday.\n"
    )
    t = _parse(text)
    assert set(_words(text)) == {"UNKNOWN"}
    assert any("No speaker labels" in n for n in t.notices)


def test_a_dash_after_a_word_in_prose_is_not_a_label():
    text = (
        "Washington - The council met today.\nIt voted - narrowly - for the plan.\n"
        "Critics - and there were many - objected.\n"
    )
    assert set(_words(text)) == {"UNKNOWN"}


def test_zoom_chat_names_the_sender_not_the_audience():
    text = (
        "10:01:05\t From  Ana Ruiz  to  Everyone:\tHello all\n"
        "10:01:20\t From  Ben O'Hara  to  Everyone:\tCan you hear me?\n"
        "10:02:00\t From  Ana Ruiz  to  Ben O'Hara(Direct Message):\tYes, loud and clear\n"
    )
    turns = _parse(text).turns
    assert list(turns["speaker"]) == ["Ana Ruiz", "Ben O'Hara", "Ana Ruiz"]
    assert list(turns["n_words"]) == [2, 4, 4]


def test_a_copyright_footer_with_a_colon_is_back_matter_without_a_notice():
    text = (
        "MS. LEAVITT: Good afternoon.\n\nQ: Is a deal close?\n\nMS. LEAVITT: Very close.\n\n"
        "Copyright 2025. Contact: webmaster\n"
    )
    t = _parse(text)
    assert _words(text) == {"MS. LEAVITT": 4, "Q": 4}
    assert not any("not read as one" in n for n in t.notices)


def test_a_bare_surname_beside_a_spouse_and_an_office_is_left_alone():
    from podium.speakers import propose_aliases

    aliases = propose_aliases(["PRESIDENT TRUMP", "MELANIA TRUMP", "TRUMP"])
    assert aliases["TRUMP"] == "TRUMP"  # either of two people: not guessed
    assert aliases["PRESIDENT TRUMP"] == "PRESIDENT TRUMP" and aliases["MELANIA TRUMP"] == "MELANIA TRUMP"


def test_one_line_scrapes_with_titled_labels():
    text = (
        "MR. SMITH: Thank you, Dr. Jones. I have a question for the U.S. Attorney. MS. JONES: Go ahead. "
        "MR. SMITH: What did the F.B.I. find? MS. JONES: Nothing. GEN. MILLEY (via video): I can add to that. "
        "MS. JONES: Thank you, general. MR. SMITH: I yield back."
    )
    # the periods of "MR." and "Dr." are no sentence ends; a title and a name seen once is a speaker
    assert _words(text) == {"MR. SMITH": 20, "MS. JONES": 6, "GEN. MILLEY (via video)": 5}  # 12 + 5 + 3; 2 + 1 + 3


def test_a_time_after_the_colon_is_the_turns_start_not_a_word():
    text = "Jane Doe: [00:00:05] Welcome back.\nJohn Smith: [00:00:09] Thanks, Jane.\nJane Doe: [00:00:12] Let's go.\n"
    turns = _parse(text).turns
    assert list(turns["start_s"]) == [5.0, 9.0, 12.0]
    assert list(turns["n_words"]) == [2, 2, 2]


def test_editorial_and_email_lines_are_not_speakers():
    text = (
        "EDITOR'S NOTE: This transcript was edited for length.\n\n"
        "HOST: Welcome back.\n\nGUEST: Thanks.\n\n"
        "READ MORE: Our earlier coverage.\n\n"
        "HOST: Goodbye.\n\nGUEST: Bye.\n"
    )
    assert set(_words(text)) == {"HOST", "GUEST"}


def test_caption_text_with_speaker_marks_names_and_numbers_the_speakers():
    text = (
        ">> ANCHOR: Good evening and welcome.\nTonight we have the senator.\n"
        ">> SEN. WARNER: Thanks for having me.\n"
        ">> ANCHOR: What about the budget?\n"
        ">> SEN. WARNER: The budget is fine.\nWe will pass it next week.\n"
        ">> Senator, one more question. Will you run again?\n"
        ">> No.\n"
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["ANCHOR", "SEN. WARNER", "ANCHOR", "SEN. WARNER", "SPEAKER 1", "SPEAKER 2"]
    assert list(t.turns["n_words"]) == [9, 4, 4, 10, 8, 1]  # ">>" is no word
    assert any("SPEAKER 1 to SPEAKER 2" in n for n in t.notices)


def test_names_in_square_brackets_label_a_text():
    text = (
        "[JOHN] Hello everyone, welcome.\n\n[Mary de la Cruz] Thanks John, glad to be here.\n\n"
        "It has been a long week.\n\n[JOHN] Tell me about it. [LAUGHTER]\n\n[Music]\n\n[Mary de la Cruz] Indeed.\n"
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["JOHN", "Mary de la Cruz", "JOHN", "Mary de la Cruz"]
    assert list(t.turns["n_words"]) == [3, 12, 4, 1]


def test_zoom_chat_reactions_and_reply_quotes_are_not_the_senders_words():
    # a reaction quotes Ana's message; a reply opens with Ben's message: neither is said by the sender
    text = (
        "00:01:02 From Ana Ruiz to Everyone:\n\tGood morning everyone, can you hear me?\n"
        "00:01:15 From Ben Li to Everyone:\n\tYes, loud and clear.\n"
        '00:02:03 From Ben Li to Everyone:\n\tReacted to "Good morning everyone,..." with 👍\n'
        '00:02:30 From Cara Moss to Everyone:\n\tReplying to "Yes, loud and clear."\n\tSame here, thanks.\n'
        '00:03:00 From Ana Ruiz to Everyone:\n\tGreat, "let us" begin with the budget.\n'
        '00:03:10 From Cara Moss to Everyone:\n\tRemoved a 👍 reaction from "Great, let us begin..."\n'
    )
    t = _parse(text)
    assert t.source_format == "chat"
    assert list(t.turns["speaker"]) == ["Ana Ruiz", "Ben Li", "Cara Moss", "Ana Ruiz"]
    assert list(t.turns["text"]) == [
        "Good morning everyone, can you hear me?",
        "Yes, loud and clear.",
        "Same here, thanks.",
        'Great, "let us" begin with the budget.',
    ]
    assert list(t.turns["n_words"]) == [7, 4, 3, 7]


def test_uk_committee_question_numbers_are_not_part_of_the_speaker():
    text = (
        "Q1                Chair: Good morning. Why not by half?\n\n"
        "Andrew Bailey: The committee was split.\n\n"
        "Q2                Chair: Professor Greene, tell us why.\n\n"
        "Professor Greene: I was worried.\n\n"
        "Q3 Dr Sandher: Ambiguous in which direction?\n\n"
        "Sarah Breeden: Slightly downward.\n\n"
        "Q14   Dr Sandher: And the Q3 figures?\n\n"
        "Chair: Thank you all very much.\n"
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == [
        "Chair", "Andrew Bailey", "Chair", "Professor Greene", "Dr Sandher", "Sarah Breeden", "Dr Sandher", "Chair",
    ]
    assert list(t.turns["n_words"]) == [6, 4, 5, 3, 4, 2, 4, 5]  # "Q1" is no word of the Chair's
    assert t.turns["text"].iloc[6] == "And the Q3 figures?"


def test_magazine_q_and_a_with_the_answer_on_the_questions_line():
    text = (
        "Q: Mayor, why should taxpayers put $600 million into a stadium? A: Because the stadium is not the point. "
        "The district around it is.\n\nQ: Do you believe him?\n\nA: I take him at his word.\n\n"
        "QUESTION: Will you run? ANSWER: Ask me after the vote.\n\nQUESTION: Really?\n\nANSWER: Really.\n"
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["Q", "A", "Q", "A", "QUESTION", "ANSWER", "QUESTION", "ANSWER"]
    assert list(t.turns["n_words"]) == [10, 12, 4, 6, 3, 5, 1, 1]
    assert list(t.turns["role"])[:2] == ["question", "answer"]


NEWS_PAGE_INTERVIEW = """\
MARGARET BRENNAN: Is the economy slowing?

SECRETARY OKONJO-PARK: It's cooling, which is what we expected.

Advertisement

We are seeing softness in manufacturing.

Treasury Secretary Linda Okonjo-Park speaks at the Detroit Economic Club on June 6, 2025. Bill Pugliano / Getty Images

MARGARET BRENNAN: Who pays that?

SECRETARY OKONJO-PARK: I don't accept that number.

Related: Automakers warn of price hikes as tariffs take effect

MARGARET BRENNAN: But some will be paid by consumers.

SECRETARY OKONJO-PARK: Some may be, in the short run.

Story continues below advertisement

MARGARET BRENNAN: Thank you.
"""


def test_a_news_pages_furniture_between_the_speech_is_nobodys_words():
    t = _parse(NEWS_PAGE_INTERVIEW)
    assert _words(NEWS_PAGE_INTERVIEW) == {"MARGARET BRENNAN": 16, "SECRETARY OKONJO-PARK": 25}  # 4+3+7+2; 7+6+5+7
    said = " ".join(t.turns["text"])
    assert "Advertisement" not in said and "Getty" not in said and "Related" not in said
    assert "Bill Pugliano / Getty Images" in t.metadata
    assert any(n.startswith("4 paragraphs of web-page furniture") for n in t.notices)


HEADLINED_Q_AND_A = """\
The Interview: Mayor Brandon T. Whitlock on the stadium deal

This interview has been edited for length and clarity.

Q: Are you saying they're wrong?

A: I'm saying that study looked at stadiums in the suburbs. This is downtown.

Correction: An earlier version of this article misstated the number of housing units. It is 4,000, not 40,000.

Q: Will you run for governor?

A: Ask me after the vote.
"""


def test_a_headline_written_like_a_label_is_the_title_and_a_correction_is_no_answer():
    t = _parse(HEADLINED_Q_AND_A)
    assert list(t.turns["speaker"]) == ["Q", "A", "Q", "A"]
    assert list(t.turns["n_words"]) == [5, 13, 5, 5]
    assert t.title == "The Interview: Mayor Brandon T. Whitlock on the stadium deal"
    assert "Correction" not in t.summary and "misstated" in t.metadata


MEXICAN_PRESS_CONFERENCE = """\
PRESIDENTA CLAUDIA SHEINBAUM PARDO: Vamos a las preguntas.

INTERLOCUTOR: Juan Carlos Pérez, El Universal. Trump dijo ayer: "México no está haciendo suficiente". ¿Qué le responde?

PRESIDENTA CLAUDIA SHEINBAUM PARDO: Le respondo con datos. Hemos detenido a más de 10 mil personas.

—¿Y si impone los aranceles el 2 de abril?

—Tenemos un plan B, un plan C y un plan D.

INTERLOCUTOR: Gracias.

PRESIDENTA CLAUDIA SHEINBAUM PARDO: Gracias. Nos vemos mañana.

---

Este documento es una versión estenográfica.
"""


def test_spanish_dialogue_dashes_after_a_question_take_turns_and_interlocutor_asks():
    t = _parse(MEXICAN_PRESS_CONFERENCE)
    president, reporter = "PRESIDENTA CLAUDIA SHEINBAUM PARDO", "INTERLOCUTOR"
    assert list(t.turns["speaker"]) == [president, reporter, president, reporter, president, reporter, president]
    assert list(t.turns["n_words"]) == [4, 16, 12, 9, 11, 1, 4]
    assert t.turns["text"].iloc[3] == "¿Y si impone los aranceles el 2 de abril?"
    assert set(t.turns.loc[t.turns["speaker"] == reporter, "role"]) == {"question"}
    assert "Este documento es una versión estenográfica." in t.metadata  # after the closing "---"
    assert any("dialogue dash" in n for n in t.notices)


QUOTED_POST = """\
MR MILLER: With that, Matt.

QUESTION: Thank you. The Secretary posted on X last night:

Secretary Rubio: "Iran will be held accountable."

What does accountable mean? Sanctions? Strikes?

MR MILLER: I'm not going to preview actions.
"""


def test_a_post_quoted_on_its_own_line_is_the_quoting_reporters_words():
    t = _parse(QUOTED_POST)
    assert list(t.turns["speaker"]) == ["MR MILLER", "QUESTION", "MR MILLER"]
    assert list(t.turns["n_words"]) == [3, 22, 6]  # 9 + the quoted post's 7 + 6


def test_dashes_that_are_no_exchange_and_quotes_that_are_speech_stay_as_they_are():
    text = (
        "THE PRESIDENT: We have to act.\n\n—and we will act now.\n\n—Not later.\n\n"
        "Q: Is that final?\n\n"
        'THE PRESIDENT: Yes:\n\nMR. LEE: "We agree."\n\nMR. LEE: "Again."\n'
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["THE PRESIDENT", "Q", "THE PRESIDENT", "MR. LEE"]
    assert list(t.turns["n_words"]) == [11, 3, 1, 3]


def test_speech_that_mentions_agencies_or_ends_in_a_stage_direction_is_no_furniture():
    text = (
        "DAVID MUIR: Good evening.\n\n"
        "LINSEY DAVIS: And I'm Linsey Davis. We want to welcome our viewers watching here in the U.S.\n\n"
        "(APPLAUSE)\n\n"
        "MUIR: As Reuters reported, the talks collapsed (AP sources said so).\n\n"
        "DAVIS: We saw the report from Reuters and AP about the strike.\n"
    )
    t = _parse(text)
    assert _words(text) == {"DAVID MUIR": 2 + 10, "LINSEY DAVIS": 15 + 11}  # 2; 6 + the 4 in brackets; 4 + 11; 11
    assert not any("furniture" in n for n in t.notices)


def test_an_announcers_one_unpunctuated_line_stays_the_announcers():
    text = (
        "ANNOUNCER: From Washington, this is Meet the Press with Kristen Welker\n\n"
        "KRISTEN WELKER: Good morning.\n\nSENATOR HALE: Good morning.\n\n"
        "KRISTEN WELKER: Will you run?\n\nSENATOR HALE: No.\n"
    )
    assert _parse(text).turns["speaker"].iloc[0] == "ANNOUNCER"


def test_a_speakers_own_correction_and_sound_tags_are_never_set_aside_or_named():
    text = (
        "MODERATOR: The vote?\n\nSEN. WALSH: Correction: the count was 51 to 49. I misspoke earlier.\n\n"
        "MODERATOR: Thank you.\n\nMS. PSAKI: It funds 4,000 jobs.\n\nCorrection: it funds 40,000 new jobs. "
        "I misread my notes.\n"
    )
    t = _parse(text)
    assert list(t.turns["speaker"]) == ["MODERATOR", "SEN. WALSH", "MODERATOR", "MS. PSAKI"]
    assert list(t.turns["n_words"]) == [2, 10, 2, 4 + 10]
    assert not any("furniture" in n for n in t.notices)
    # bracket alterations in a quoted ruling and sound tags are no speakers
    legal = "[T]he right to counsel is fundamental.\n\n[W]e hold that it applies.\n\n[T]his Court agrees.\n"
    assert set(_parse(legal).turns["speaker"]) == {"UNKNOWN"}
    podcast = "[INTRO]\n\nWelcome back.\n\n[AD BREAK]\n\nAnd we're back.\n\n[OUTRO]\n\nBye.\n\n[INTRO]\n\n[OUTRO]\n"
    assert set(_parse(podcast).turns["speaker"]) == {"UNKNOWN"}


def test_a_lower_case_dash_resumes_the_speaker_and_senators_on_a_sunday_show_answer():
    text = (
        "HOST: Go on.\n\n—and I asked them, what were you thinking?\n\n—and nobody answered.\n\n"
        "GUEST: Yes.\n"
    )
    assert list(_parse(text).turns["speaker"]) == ["HOST", "GUEST"]  # no alternation: lower case resumes
    show = (
        "JAKE TAPPER: Senator Kelly, will you vote for it? And when?\n\n"
        "SEN. MARK KELLY: Why would we stop now? We will vote next week.\n\n"
        "JAKE TAPPER: Senator Cotton, your response? Is he right?\n\n"
        "SEN. TOM COTTON: Who believes that? Not me. Nobody does.\n\n"
        "JAKE TAPPER: Will you block it? Today?\n\n"
        "SEN. TOM COTTON: Yes.\n\nJAKE TAPPER: Thank you both.\n"
    )
    roles = _parse(show).turns.groupby("speaker")["role"].first().to_dict()
    assert roles["SEN. MARK KELLY"] == roles["SEN. TOM COTTON"] == "answer"
