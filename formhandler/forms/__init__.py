"""The citizen's side: form specs and their pure validation, wording, tokens, references,
the submission limit, storing a submission and its neutral notifications. May use mail,
storage and core; not staff (the two sides are independent).
"""
