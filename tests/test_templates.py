"""Template rendering is safe: a whitelist tokenizer, literal values, perceived-length counting."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.composer.templates import (
    ERROR,
    PLACEHOLDERS,
    WARNING,
    lint,
    line_col,
    note_length,
    placeholders_used,
    render,
)

ANA = {"first_name": "Ana", "last_name": "Silva", "company": "Acme"}


def test_placeholders_and_fallbacks() -> None:
    out = render("Hi {first_name}, how is {company|your team}? {position|}", ANA)
    assert out.text == "Hi Ana, how is Acme? "
    assert out.problems == ()
    out = render("Hi {first_name}, how is {position|your role}?", ANA)
    assert out.text == "Hi Ana, how is your role?"


def test_missing_value_is_a_warning_and_stays_visible() -> None:
    out = render("Hello {first_name}, from {event}", {"first_name": "Ana", "event": "   "})
    assert out.text == "Hello Ana, from {event}"
    (problem,) = out.problems
    assert problem.severity == WARNING
    assert (problem.start, problem.end) == (25, 32)
    assert "event" in problem.message


def test_literal_braces() -> None:
    out = render("{{first_name}} costs {{5}} and 100% $5 }}", ANA)
    assert out.text == "{first_name} costs {5} and 100% $5 }"
    assert out.ok


def test_hostile_placeholders_are_errors_not_evaluated() -> None:
    for hostile in ("{first_name.__class__}", "{0}", "{first_name!r}", "{x:>100000000}",
                    "{c.__init__.__globals__}", "{first_name[0]}"):
        out = render(f"Hi {hostile}!", ANA)
        assert out.text == f"Hi {hostile}!", "shown verbatim, nothing evaluated"
        (problem,) = out.problems
        assert problem.severity == ERROR
        assert (problem.start, problem.end) == (3, 3 + len(hostile))
        assert "unknown placeholder" in problem.message
    assert "did you mean {first_name}" in lint("{first_name.__class__}")[0].message


def test_typo_gets_a_hint() -> None:
    (problem,) = lint("Hello {first_nmae}")
    assert "did you mean {first_name}?" in problem.message
    assert (problem.start, problem.end) == (6, 18)


def test_unbalanced_braces_point_at_the_position() -> None:
    (problem,) = lint("Hi {first_name")
    assert problem.severity == ERROR and problem.start == 3
    assert "position 4" in problem.message
    (problem,) = lint("Hi } there")
    assert problem.start == 3 and "unmatched" in problem.message
    assert render("Hi {first_name", ANA).text == "Hi {first_name"
    assert line_col("ab\ncd {x", 6) == (2, 4)


def test_values_are_inserted_literally_and_cleaned() -> None:
    values = {"first_name": "{first_name} [b]Ana[/b]", "company": "Ev\x1b[2Jil\u202e Corp\x07"}
    out = render("{first_name} at {company}", values)
    assert out.text == "{first_name} [b]Ana[/b] at Ev[2Jil Corp"
    assert out.ok
    assert all(ch.isprintable() for ch in out.text)


def test_very_long_template_is_linear() -> None:
    text = "{first_name} " * 50_000 + "{" * 100_000 + "a{" * 50_000
    start = time.perf_counter()
    out = render(text, ANA)
    assert out.text.startswith("Ana Ana ")
    assert len(out.errors) > 1000
    assert time.perf_counter() - start < 20  # generous: a quadratic scan would take minutes


def test_counting_as_linkedins_form_does() -> None:
    """UTF-16 code units, as a browser textarea's maxlength counts them."""
    assert note_length("café") == 4
    assert note_length("cafe\u0301") == 5  # a decomposed accent is two code units
    assert note_length("👍") == 2
    assert note_length("👍🏽") == 4  # skin tone
    assert note_length("👩‍💻") == 5  # ZWJ sequence
    assert note_length("🇫🇷🇩🇪") == 8  # two flags
    assert note_length("❤️") == 2  # variation selector
    assert note_length("Merci Élodie 🙏") == 15
    assert note_length("a\r\nb") == note_length("a\nb") == 3
    out = render("Bonjour {first_name} 👋", {"first_name": "Zoe\u0308"})
    assert out.length == 15  # a decomposed ë is two code units, 👋 two: what the form counts


def test_placeholders_used() -> None:
    assert placeholders_used("{company} {first_name} {company|x} {nope}") == ["company", "first_name"]


_VALUES = st.dictionaries(
    st.sampled_from(PLACEHOLDERS + ("nope", "0")), st.one_of(st.none(), st.text(max_size=40)), max_size=12
)
_TEMPLATE = st.lists(
    st.one_of(st.sampled_from(list("{}|.!:[]0_ ")), st.sampled_from(PLACEHOLDERS), st.characters()),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEMPLATE, _VALUES)
def test_any_template_any_values_renders(template: str, values: dict) -> None:
    out = render(template, values)
    longest = max((len(v or "") for v in values.values()), default=0)
    assert len(out.text) <= len(template) + longest * (template.count("{") + 1)
    assert out.length == len(out.text.replace("\r\n", "\n").encode("utf-16-le")) // 2
    for problem in out.problems:
        assert 0 <= problem.start <= problem.end <= len(template)
        assert problem.severity in (ERROR, WARNING)
    assert "<class" not in out.text and "__globals__" not in out.text.replace(template, "")
