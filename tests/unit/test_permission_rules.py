"""The rules of the permission table on plain values, each expectation written here by hand
(never read from the table): a role's scope, the unit reach, assignments, and the reason a
refusal gives."""
from __future__ import annotations

import pytest

from press.codes import Role
from press.errors import ServiceError
from press.permissions import (EVERY_UNIT, NOT_ASSIGNED, OUTSIDE_UNIT, REFUSED, TABLE, PermissionDenied, Scope, can,
                               holders, require, scope)

MY_UNITS = {1, 2}
OTHER_UNIT = 7


def test_a_unit_role_acts_in_its_units_and_not_in_another():
    assert can("writer", MY_UNITS, "release.write", 2)
    assert not can("writer", MY_UNITS, "release.write", OTHER_UNIT)


def test_an_assignment_opens_another_units_activity_only_where_the_permission_says_so():
    assert can("writer", MY_UNITS, "release.write", OTHER_UNIT, assigned=True)
    assert can("photographer", MY_UNITS, "photo.upload", OTHER_UNIT, assigned=True)
    # editing an activity is never extended by an assignment
    assert not can("writer", MY_UNITS, "activity.edit", OTHER_UNIT, assigned=True)


def test_an_assigned_only_permission_needs_the_assignment_even_in_the_own_unit():
    assert not can("photographer", MY_UNITS, "activity.report", 1)
    assert can("photographer", MY_UNITS, "activity.report", 1, assigned=True)
    assert can("photographer", MY_UNITS, "activity.report", OTHER_UNIT, assigned=True)


def test_the_gate_without_an_object_lets_every_holder_through_and_no_one_else():
    assert can("photographer", MY_UNITS, "activity.report")
    assert can("unit_editor", MY_UNITS, "release.approve")
    assert not can("writer", MY_UNITS, "release.approve")
    assert not can("photographer", MY_UNITS, "photo.publish")


def test_an_everywhere_role_acts_on_every_unit():
    assert can("editor", MY_UNITS, "photo.publish", OTHER_UNIT)
    assert can("editor", (), "release.publish", OTHER_UNIT)
    assert can("admin", (), "user.manage", OTHER_UNIT)


def test_nobody_signed_in_and_an_unknown_role_hold_nothing():
    assert not can(None, MY_UNITS, "staff.enter")
    assert not can("", MY_UNITS, "staff.enter")
    assert not can("janitor", MY_UNITS, "staff.enter")
    assert scope("janitor", "staff.enter") is None


def test_an_unknown_permission_is_a_programming_error_not_a_refusal():
    with pytest.raises(ValueError, match="no.such"):
        can("editor", MY_UNITS, "no.such")
    with pytest.raises(ValueError, match="no.such"):
        scope("janitor", "no.such")


def test_the_admin_holds_every_permission_everywhere():
    assert all(scope("admin", name) is Scope.ALL for name in TABLE)


def test_the_scopes_of_a_permission_held_three_ways():
    assert scope("unit_editor", "activity.report") is Scope.UNIT
    assert scope("editor", "activity.report") is Scope.ALL
    assert scope("writer", "activity.report") is Scope.ASSIGNED
    assert scope("journalist", "activity.report") is None


def test_holders_of_a_permission_and_of_one_scope():
    assert holders("photo.publish") == {Role.EDITOR, Role.ADMIN}
    assert holders("activity.report", Scope.ASSIGNED) == {Role.PHOTOGRAPHER, Role.WRITER}
    assert holders("user.manage") == {Role.ADMIN}


def test_a_refusal_says_why():
    with pytest.raises(PermissionDenied) as refused:
        require("writer", MY_UNITS, "release.publish", 1)
    assert refused.value.message == REFUSED
    with pytest.raises(PermissionDenied) as outside:
        require("writer", MY_UNITS, "release.write", OTHER_UNIT)
    assert outside.value.message == OUTSIDE_UNIT
    with pytest.raises(PermissionDenied) as unassigned:
        require("photographer", MY_UNITS, "activity.report", 1)
    assert unassigned.value.message == NOT_ASSIGNED
    require("writer", MY_UNITS, "release.write", OTHER_UNIT, assigned=True)


def test_a_refusal_takes_the_callers_error_and_message():
    class Refused(ServiceError):
        pass

    with pytest.raises(Refused) as refused:
        require("writer", MY_UNITS, "release.publish", 1, error=Refused, message="Hanya redaktur.")
    assert refused.value.message == "Hanya redaktur."
    with pytest.raises(Refused) as outside:
        require("writer", MY_UNITS, "release.write", OTHER_UNIT, error=Refused, message="Hanya redaktur.")
    assert outside.value.message == OUTSIDE_UNIT


def test_every_unit_holds_any_unit_and_lists_none():
    assert 12345 in EVERY_UNIT and None in EVERY_UNIT
    assert list(EVERY_UNIT) == [] and len(EVERY_UNIT) == 0
    assert repr(EVERY_UNIT) == "EVERY_UNIT"
    assert can("writer", EVERY_UNIT, "release.write", OTHER_UNIT)
