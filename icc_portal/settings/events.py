from ..env import env_str

# Participants' names and e-mails are erased this many months after their event ended (statistics are kept).
EVENTS_PERSONAL_DATA_MONTHS = int(env_str("EVENTS_PERSONAL_DATA_MONTHS", "24"))
