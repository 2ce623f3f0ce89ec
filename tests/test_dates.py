"""Printed and machine dates: IST is +05:30 (not Israel), labels may lead, Hindi months and digits."""

from datetime import UTC, datetime, timedelta

import pytest

from newsbot.extract.dates import IST, fold, is_date_line, parse_date, parse_relative, updated_label

UTC = UTC


def ist(*args) -> datetime:
    return datetime(*args, tzinfo=IST)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-09-03T20:46:01+05:30", ist(2024, 9, 3, 20, 46, 1)),
        ("2026-11-20T17:30:00", ist(2026, 11, 20, 17, 30)),  # no offset: Indian time
        ("2020-06-28 16:41:11", ist(2020, 6, 28, 16, 41, 11)),
        ("2026-11-19T04:30:00Z", datetime(2026, 11, 19, 4, 30, tzinfo=UTC)),
        ("2026-11-19T04:30:00.123+0000", datetime(2026, 11, 19, 4, 30, tzinfo=UTC)),
        ("2020-10-08\\\\T08:14:42+05:30", ist(2020, 10, 8, 8, 14, 42)),  # aajtak's escaped JSON-LD
        ("2026-11-20", ist(2026, 11, 20)),
    ],
)
def test_iso_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20 नवंबर 2026", ist(2026, 11, 20)),
        ("अपडेटेड: 20 नव॰ 2026, 05:30 PM IST", ist(2026, 11, 20, 17, 30)),
        ("अपडेटेड: 12 अग॰ 2018", ist(2018, 8, 12)),
        ("25 नव. 2026, 10:00 AM IST", ist(2026, 11, 25, 10, 0)),
        ("२५ नवंबर २०२६", ist(2026, 11, 25)),  # Devanagari digits
        ("3 सितम्बर 2024", ist(2024, 9, 3)),
        ("3 सितंबर 2024", ist(2024, 9, 3)),
        ("14 फ़रवरी 2025", ist(2025, 2, 14)),  # nukta
        ("14 फरवरी 2025", ist(2025, 2, 14)),
        ("1 अक्तूबर 2025, 12:15 AM", ist(2025, 10, 1, 0, 15)),
        ("नवंबर 20, 2026", ist(2026, 11, 20)),
        ("Updated: Sun, Jun 28, 2020, 16:41 [IST]", ist(2020, 6, 28, 16, 41)),
        ("November 20, 2026 5:30 pm", ist(2026, 11, 20, 17, 30)),
        ("20 Nov 2026 11:00 GMT", datetime(2026, 11, 20, 11, 0, tzinfo=UTC)),
        ("20/11/2026", ist(2026, 11, 20)),  # Indian pages write the day first
        ("प्रकाशित: 09-10-2020 10:54 +05:30", ist(2020, 10, 9, 10, 54)),
    ],
)
def test_printed_dates(text, expected):
    value = parse_date(text)
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


def test_ist_is_india_not_israel():
    assert parse_date("20 Nov 2026, 05:30 PM IST").utcoffset() == timedelta(hours=5, minutes=30)


@pytest.mark.parametrize("text", [None, "", "कोई तारीख नहीं", "31 फरवरी 2026", "2026-13-45", "20 नवीन 2026", "1850-01-01"])
def test_no_date(text):
    assert parse_date(text) is None


def test_relative_dates_need_the_crawl_time():
    now = ist(2026, 11, 20, 12, 0)
    assert parse_relative("3 घंटे पहले", now) == ist(2026, 11, 20, 9, 0)
    assert parse_relative("15 minutes ago", now) == ist(2026, 11, 20, 11, 45)
    assert parse_relative("2 दिन पहले", now) == ist(2026, 11, 18, 12, 0)
    assert parse_relative("कुछ ही क्षण पहले", now) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("नई दिल्ली | 08 अक्टूबर 2020, 11:24 PM IST", True),
        ("12:55 PM (6 दिन पहले)", True),
        ("अपडेटेड: 21 नव॰ 2026, 08:05 AM IST", True),
        ("20 नवंबर 2026", True),
        ("1 सितंबर 2024 को हुई थी चोरी", False),
        ("1 सितंबर की रात हुई थी चोरी", False),
        ("क्या है अमित शाह का बयान?", False),
    ],
)
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


def test_updated_label_and_fold():
    text = "प्रकाशित: 19 नव॰ 2026 | अपडेटेड: 20 नव॰ 2026"
    assert updated_label(text).start() == text.index("अपडेटेड")
    assert updated_label("प्रकाशित: 20 नव॰ 2026") is None
    # Nukta (combining or precomposed) and Devanagari digits fold away; the abbreviation sign is a dot.
    assert fold("फ़रवरी \u095e २०२६ नव॰") == "फरवरी फ 2026 नव."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 अगस्त 2018", ist(2018, 8, 12)),
        ("अपडेटेड: 26 नव॰ 2026, 05:30 PM IST", ist(2026, 11, 26, 17, 30)),
        ("Updated: Nov 26, 2026 17:30 IST", ist(2026, 11, 26, 17, 30)),
        ("26/11/2026", ist(2026, 11, 26)),
        ("Updated: Fri, 21 Feb 2025 11:14 AM (IST)", ist(2025, 2, 21, 11, 14)),  # Dainik Jagran
        ("Last Updated: Nov 25, 2026, 06:40 PM IST", ist(2026, 11, 25, 18, 40)),  # Zee News
        ("Updated on: Sep 09, 2025 1:31 PM IST", ist(2025, 9, 9, 13, 31)),  # TV9 Bharatvarsh
        ("Sat, 28 Nov 2026 05:25 PM", ist(2026, 11, 28, 17, 25)),  # Live Hindustan
        ("Nov 30, 2026 / 04:48 pm", ist(2026, 11, 30, 16, 48)),  # Patrika
        ("25 Nov 2026, 6:31 pm", ist(2026, 11, 25, 18, 31)),  # Navbharat Times
        ("बुधवार, 25 नवंबर 2026", ist(2026, 11, 25)),  # Blogger's date header
        ("नवम्बर 22, 2026", ist(2026, 11, 22)),  # WordPress hi_IN date_i18n
    ],
)
def test_forms_the_profiled_sites_print(text, expected):
    assert parse_date(text) == expected


def test_relative_forms_against_the_crawl_time():
    now = ist(2026, 11, 26, 12, 0)
    assert parse_relative("2 घंटे पहले", now) == ist(2026, 11, 26, 10, 0)
    assert parse_relative("12:55 PM (6 दिन पहले)", now) == ist(2026, 11, 20, 12, 0)
    assert parse_relative("5 mins ago", now) == ist(2026, 11, 26, 11, 55)
