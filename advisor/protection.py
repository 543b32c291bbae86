"""An option, question or quote that a rule uses cannot be deleted.

A rule's conditions are options and its citations quotes (many-to-many): deleting one would
silently change what the rule means (deleting `hw_virt=no` once made a Windows rule fire on
`hw_virt=yes`). So the database refuses (a pre_delete signal raises ProtectedError, whatever
deletes it), and admin says which rules use it before anything is deleted: on the delete page,
in the bulk delete action, and for an option deleted from its question's inline table.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model, ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from comparison.models import Quote

from .models import Option, Question, Rule


def rules_using(obj: Model) -> list[Rule]:
    if isinstance(obj, Option):
        rules = Rule.objects.filter(conditions=obj)
    elif isinstance(obj, Question):
        rules = Rule.objects.filter(conditions__question=obj)
    elif isinstance(obj, Quote):
        rules = Rule.objects.filter(quotes=obj)
    else:
        return []
    return list(rules.distinct().order_by("code"))


def _message(obj: Model, rules: list[Rule]) -> str:
    return _(
        "“%(object)s” cannot be deleted: the rules %(rules)s use it. Change those rules first."
    ) % {
        "object": obj,
        "rules": ", ".join(rule.code for rule in rules),
    }


@receiver(pre_delete, sender=Option, dispatch_uid="protect-option")
@receiver(pre_delete, sender=Question, dispatch_uid="protect-question")
@receiver(pre_delete, sender=Quote, dispatch_uid="protect-quote")
def refuse_deleting_what_rules_use(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if rules := rules_using(instance):
        raise ProtectedError(_message(instance, rules), set(rules))


class RuleProtectedAdmin(admin.ModelAdmin):
    """Lists the rules that use an object among the "protected" objects of admin's delete pages."""

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, Any, Any, Any]:
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            for rule in rules_using(obj):
                entry = _("rule “%(rule)s” (uses %(object)s)") % {"rule": rule.code, "object": obj}
                if entry not in protected:
                    protected.append(entry)
        return to_delete, counts, perms_needed, protected


class RuleProtectedInlineFormSet(BaseInlineFormSet):
    """An option ticked for deletion in its question's table, while rules use it, is an error."""

    def clean(self) -> None:
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and (rules := rules_using(form.instance)):
                raise ValidationError(_message(form.instance, rules))
