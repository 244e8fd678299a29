"""Working days (工作日) and statutory periods. Pure: imports nothing from Django.

- ``WorkCalendar`` / ``YearCalendar``: bundled ``chinesecalendar`` data plus loaded years.
- ``wd_after`` / ``Deadline``: the N-th working day strictly after a date, with pauses (D1, D2, D5).
- ``reply_due`` and the other clocks of spec §1.6 (D3, D4, D9).
- ``parse_year_file``: the plain-text year format (documented in ``yearfile`` and
  ``docs/calendar-format.md``).
"""

from gongkai.workdays.clocks import (
    CONSULTATION_WORKDAYS,
    CORRECTION_NOTICE_WORKDAYS,
    FEE_PAYMENT_WORKDAYS,
    MAX_EXTENSION_WORKDAYS,
    PUBLICATION_WORKDAYS,
    REPLY_WORKDAYS,
    consultation_answer_due,
    correction_notice_due,
    fee_payment_due,
    publication_due,
    reply_due,
)
from gongkai.workdays.counting import Deadline, Pause, wd_after
from gongkai.workdays.workcalendar import (
    BUNDLED_SOURCE,
    UnknownYearError,
    WorkCalendar,
    YearCalendar,
    bundled_years,
)
from gongkai.workdays.yearfile import CalendarFormatError, format_year_file, parse_year_file

__all__ = [
    "BUNDLED_SOURCE",
    "CONSULTATION_WORKDAYS",
    "CORRECTION_NOTICE_WORKDAYS",
    "FEE_PAYMENT_WORKDAYS",
    "MAX_EXTENSION_WORKDAYS",
    "PUBLICATION_WORKDAYS",
    "REPLY_WORKDAYS",
    "CalendarFormatError",
    "Deadline",
    "Pause",
    "UnknownYearError",
    "WorkCalendar",
    "YearCalendar",
    "bundled_years",
    "consultation_answer_due",
    "correction_notice_due",
    "fee_payment_due",
    "format_year_file",
    "parse_year_file",
    "publication_due",
    "reply_due",
    "wd_after",
]
