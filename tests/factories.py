"""Small builders for tests that need content other than the seed."""

from django.db.models import Model

from comparison.models import Citation, Criterion, Edge, Quote, Source, Topic

LANGUAGES = ("ru", "es", "en")
SOURCE_TEXT = "Xen runs on many architectures.\nKVM needs hardware virtualization."


def text_in(obj: Model, field: str, language: str) -> str:
    """A translated field's own text in one language, without the fallback to English.

    modeltranslation adds the `<field>_<language>` attributes when the app registry loads.
    """
    return getattr(obj, f"{field}_{language}")


def set_text(obj: Model, field: str, **texts: str) -> None:
    """Set a translated field's text in the languages given: `set_text(row, "xen", es="…")`."""
    for language, text in texts.items():
        setattr(obj, f"{field}_{language}", text)


def clear_content() -> None:
    """Remove every criterion, quote, topic and source, and the advisor's rules that cite them."""
    from advisor.models import Rule

    for model in (Rule, Citation, Criterion, Quote, Topic, Source):
        model.objects.all().delete()


def make_rows(count: int, *, prefix: str = "t", tie_every: int = 3) -> list[Criterion]:
    """`count` criteria under two topics, each citing two quotes, every `tie_every`-th one a tie."""
    source = Source.objects.create(
        code=prefix,
        title_en="Test article",
        title_ru="Тестовая статья",
        title_es="Artículo de prueba",
        language="en",
        written_en="2024",
        text=SOURCE_TEXT,
    )
    quotes = [
        Quote.objects.create(
            source=source, anchor=f"{prefix}-{i}", original=line, translation_en=line
        )
        for i, line in enumerate(SOURCE_TEXT.splitlines())
    ]
    topics = [
        Topic.objects.create(slug=f"{prefix}-topic-{i}", title_en=f"Topic {i}", order=i)
        for i in range(2)
    ]
    rows = []
    for i in range(count):
        row = Criterion.objects.create(
            topic=topics[i % 2],
            slug=f"{prefix}-row-{i}",
            title_en=f"Row {i}",
            xen_en=f"Xen {i}",
            kvm_en=f"KVM {i}",
            edge=Edge.TIE if i % tie_every == 0 else Edge.XEN,
            order=i,
            note_en="Today" if i % 2 else "",
        )
        Citation.objects.create(criterion=row, quote=quotes[0], side=Citation.Side.XEN)
        Citation.objects.create(criterion=row, quote=quotes[1], side=Citation.Side.KVM)
        rows.append(row)
    return rows
