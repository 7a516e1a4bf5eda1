"""When a fact was last checked: too long ago, or in the future, is a problem for the writer."""

from __future__ import annotations

from datetime import date


def date_problem(where: str, what: str, verified: date, source: str, today: date, max_age_days: int) -> str | None:
    """A message for `where` (file:line: entry) if `verified` is older than the limit or after today."""
    age = (today - verified).days
    if age < 0:
        return (f"{where}: the verified date {verified.isoformat()} of {what} is in the future (today is "
                f"{today.isoformat()}); write the day you last checked it against '{source}'")
    if age > max_age_days:
        return (f"{where}: {what} was last verified on {verified.isoformat()}, {age} days ago (limit "
                f"{max_age_days}); check it against '{source}' and update 'verified', or remove the fact")
    return None
