"""The helpers' side: workflow rules, deadlines (reminders, escalation), replies, accounts,
sessions, the login throttle, the scheduler and the newsroom's publishing. May use mail,
storage and core; not forms.
"""
