"""The recap message after a meeting: a draft the user edits and sends from their own mail.

``recap_draft`` writes it from the meeting's report only, spoken to the client: what they
told us ("You told us:", their words with they/their turned to you/your where the
letter is in English, as written in other languages), what we will do ("We will ..."),
the next steps with owners and dates, and when the user will be back in touch. A field
left empty is left out; nothing is added that the notes do not hold. "The real concern",
"What they are not saying" and the free notes stay private: they are the user's reading
of the room, not words to send. Poise never sends the message: ``mailto_url``
hands it to the mail program, ``eml_bytes`` saves it as a file that opens as a draft.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from app.domain.meeting_terms import NoteField
from app.export.formatting import format_day, local
from app.export.report import MeetingReport
from app.private_files import write_private
from app.translation import QT_TRANSLATE_NOOP, translate

# The note fields the recap speaks from, and the heading it puts above each, in the
# client's own terms: what they told us, and what we will do. "The real concern" and
# "What they are not saying" are the user's guesses about the client: never sent.
_QUOTED_FIELDS = (
    (NoteField.WHAT_THEY_SAY, QT_TRANSLATE_NOOP("Recap", "You told us:")),
    (NoteField.COMMITMENTS, QT_TRANSLATE_NOOP("Recap", "What we will do:")),
)

# Notes speak of the client in the third person; the letter speaks to them.
_TO_THE_CLIENT = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourselves",
    "they're": "you're",
    "they've": "you've",
    "they'll": "you'll",
    "they'd": "you'd",
}
_THIRD_PERSON = re.compile(r"\b(" + "|".join(_TO_THE_CLIENT) + r")\b", re.IGNORECASE)
# "We send ..." in a note is a promise: the letter says "We will send ...".
_WE_PROMISE = re.compile(r"^(we|I)\s+(?!will\b|'ll\b|shall\b)", re.IGNORECASE)


def to_the_client(line: str) -> str:
    """A note line addressed to the client: they/their/them become you/your/you."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        replacement = _TO_THE_CLIENT[word.lower()]
        return replacement.capitalize() if word[0].isupper() else replacement

    return _THIRD_PERSON.sub(swap, line)


def rewords_notes() -> bool:
    """Whether the letter's language has rules that turn a note's "they" into "you".

    Only English has them. German's "sie" is they, she and (as "Sie") you, "ihr" is her,
    their and you, and the verb changes with which one is meant: a rule would write
    half-addressed sentences. There the notes are quoted as written, and the recap
    dialog says so (``notes_as_written_hint``).
    """
    # Each translation gives its own language's code here (as Qt's QT_LAYOUT_DIRECTION).
    return translate("Recap", "en", "the code of the language this translation is in") == "en"


def notes_as_written_hint() -> str:
    """What the recap dialog says where the notes were not turned to speak to the client."""
    if rewords_notes():
        return ""
    return translate(
        "Recap",
        "Your notes are quoted as you wrote them: where they speak about the client, "
        "turn them to speak to the client before you send it.",
    )


def as_promise(line: str) -> str:
    """``We name one contact`` as ``We will name one contact``; other lines as they are."""
    return _WE_PROMISE.sub(lambda match: f"{match.group(1).capitalize()} will ", line, count=1)


@dataclass(frozen=True, slots=True)
class RecapDraft:
    subject: str
    body: str


def _points(text: str) -> list[str]:
    """A note as bullet points: one per line, list marks the user typed taken off."""
    points = []
    for line in text.strip().splitlines():
        cleaned = line.strip().lstrip("-•*–").strip()
        if cleaned:
            points.append(f"- {cleaned}")
    return points


@dataclass(frozen=True, slots=True)
class RecapStep:
    """One agreed next step, as the recap lists it."""

    text: str
    owner: str = ""
    due: date | None = None
    done: bool = False


def recap_draft(report: MeetingReport, sign_off: str = "") -> RecapDraft:
    """The draft for a meeting in the store (the review's meeting page)."""
    return recap_draft_from(
        started_at=report.started_at,
        title=report.title,
        notes={note.field: note.text for note in report.notes},
        steps=[RecapStep(a.text, a.owner, a.due, a.done) for a in report.action_items],
        follow_up=report.follow_up,
        sign_off=sign_off,
    )


def recap_draft_from(
    *,
    started_at: datetime,
    title: str,
    notes: Mapping[NoteField, str],
    steps: Sequence[RecapStep],
    follow_up: date | None,
    sign_off: str = "",
) -> RecapDraft:
    """The draft from the meeting's parts (the summary has them before the store does)."""
    day = format_day(local(started_at).date())
    title = one_line(title)
    subject = (
        translate("Recap", "Our meeting on {day}: {title}")
        if title
        else translate("Recap", "Our meeting on {day}")
    ).format(day=day, title=title)
    paragraphs: list[list[str]] = [
        [translate("Recap", "Hello,")],
        [
            translate(
                "Recap",
                "Thank you for meeting with me on {day}. Here is what I took away, "
                "so that you can tell me if I missed or misunderstood anything.",
            ).format(day=day)
        ],
    ]
    reword = rewords_notes()
    for note_field, heading in _QUOTED_FIELDS:
        points = _points(notes.get(note_field, ""))
        if reword:
            points = [to_the_client(point) for point in points]
        if reword and note_field is NoteField.COMMITMENTS:
            points = [f"- {as_promise(point[2:])}" for point in points]
        if points:
            paragraphs.append([translate("Recap", heading), *points])
    open_steps = [step for step in steps if not step.done]
    if open_steps:
        lines = [translate("Recap", "Next steps:")]
        by_day = translate("Recap", "by {day}")
        for step in open_steps:
            parts = [step.owner, by_day.format(day=format_day(step.due)) if step.due else ""]
            details = ", ".join(part for part in parts if part)
            lines.append(f"- {step.text}" + (f" ({details})" if details else ""))
        paragraphs.append(lines)
    done = [step for step in steps if step.done]
    if done:
        already = translate("Recap", "Already done:")
        paragraphs.append([already, *(f"- {step.text}" for step in done)])
    if follow_up is not None:
        back = translate("Recap", "I will be back in touch by {day}.")
        paragraphs.append([back.format(day=format_day(follow_up))])
    paragraphs.append([translate("Recap", "Thank you again for your time.")])
    if sign_off.strip():
        paragraphs.append([sign_off.strip()])
    body = "\n\n".join("\n".join(lines) for lines in paragraphs) + "\n"
    return RecapDraft(subject, body)


def one_line(text: str) -> str:
    """``text`` on one line: a line break pasted into a one-line field becomes a space.

    A mail header cannot hold a line break (Python's email refuses it), and a title or
    subject is one line wherever it is shown.
    """
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def mailto_url(subject: str, body: str, to: str = "") -> str:
    """A ``mailto:`` link (RFC 6068) that opens a new message with these words."""
    # RFC 6068: line breaks in the body are CRLF, everything outside unreserved is encoded.
    encoded_body = quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    address = quote(one_line(to), safe="@,")
    return f"mailto:{address}?subject={quote(one_line(subject), safe='')}&body={encoded_body}"


# RFC 2047's encoded word; a subject holding one as typed text must not be decoded by mail.
_ENCODED_WORD_START = "=?"


def _encoded_words(text: str) -> str:
    """``text`` wholly as RFC 2047 base64 encoded words, each short enough for one line.

    ``email.header.Header`` leaves plain ASCII runs unencoded (and may split "=?" between
    two words), so the words are made here, cut between characters, never inside one.
    """
    words: list[str] = []
    chunk = ""
    for character in text:
        # 39 bytes of UTF-8 are 52 of base64: with "=?utf-8?b?", "?=" and "Subject: " a line
        # of 73 columns, under the 78 past which Python's email would fold (and decode) it.
        if len((chunk + character).encode()) > 39:
            words.append(chunk)
            chunk = ""
        chunk += character
    words.append(chunk)
    encoded = (base64.b64encode(word.encode()).decode("ascii") for word in words)
    # Whitespace between two encoded words is not shown, so they fold on separate lines.
    return "\r\n ".join(f"=?utf-8?b?{word}?=" for word in encoded)


def eml_bytes(subject: str, body: str, to: str = "") -> bytes:
    """The message as an .eml file; ``X-Unsent`` makes mail programs open it as a draft."""
    # Here, not at the top: the summary imports this module in every meeting, and Python's
    # email package (~1.7 MB resident) is needed only when a draft is written.
    from email.message import EmailMessage
    from email.policy import SMTP

    message = EmailMessage(policy=SMTP)
    subject = one_line(subject)
    if _ENCODED_WORD_START in subject:
        # Python's email would read "=?utf-8?b?...?=" typed by the user as an encoded word
        # and the reader would see it decoded; encoding the whole subject keeps it literal.
        message.set_raw("Subject", _encoded_words(subject))
    else:
        message["Subject"] = subject
    if one_line(to):
        message["To"] = one_line(to)
    message["X-Unsent"] = "1"
    message.set_content(body)
    return message.as_bytes()


def write_eml(path: Path, subject: str, body: str, to: str = "") -> None:
    """Save the message as an .eml file, readable by the user alone; OSError when it cannot."""
    write_private(path, eml_bytes(subject, body, to))
