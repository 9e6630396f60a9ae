# Reads a calendar feed with Debian's python3-icalendar, a parser independent of Ical.Net, and prints what the
# tests compare: per event its UID, summary, start date, sequence and alarm triggers (seconds), as JSON.
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "dtstart": start.isoformat(),
        "days": (end - start).days,
        "allDay": not hasattr(start, "hour"),
        "sequence": int(event.get("SEQUENCE", 0)),
        "alarms": [int(a.decoded("TRIGGER").total_seconds()) for a in event.walk("VALARM")],
    })
json.dump(events, sys.stdout, ensure_ascii=False)
