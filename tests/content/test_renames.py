"""Answers given to items that were later merged or turned round still apply: a doctor never
answers the same question twice because its wording changed."""

from __future__ import annotations

from pathlib import Path

from footprint.audit.answers import RESPONSE_ID, load_answers
from footprint.content.checklists import shipped_catalogue
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store


def test_an_old_answers_file_still_applies(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "answers:\n"
        "  contact.withhold-number-uk-ie: no\n"  # "do you always withhold?" no = exposed
        "  whatsapp.messaged-patients: yes\n"
        "  facebook.lookup-by-phone: no\n"
        "accepted: [contact.work-email-only]\n"
    )
    parsed = load_answers(path, [*shipped_catalogue().items, RESPONSE_ID])
    assert parsed.answers == {
        "contact.number-shown-on-calls": Answer.YES,
        "contact.whatsapp-with-patients": Answer.YES,
        "facebook.lookup-by-phone": Answer.NO,
    }
    assert parsed.accepted == ["contact.personal-email-to-patients"]


def test_a_stored_session_resumes_with_todays_ids(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    sid = store.create_session(Profile(name="Alex Example"))
    store.save_answer(sid, "search.own-name-recently", Answer.YES)  # has searched: safe
    store.save_answer(sid, "instagram.patients-follow", Answer.UNSURE)
    loaded = store.load(sid).answers
    store.close()
    assert loaded == {
        "search.own-name-not-searched": Answer.NO,
        "safety.patients-as-friends": Answer.UNSURE,
    }
