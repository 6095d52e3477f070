"""The living plan: each action of an audit's plan with a status kept across audits, drafted
requests and their deadlines, re-checks, the calendar file and the re-check schedule."""
