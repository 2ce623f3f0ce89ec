"""The analysis stage: people, roles, appointments, parties and event types in Hindi news text.

``analyse(text)`` is rule-based: vocabulary in ``data/*.tsv`` (vocab.py), tagging (units.py),
names (names.py), role phrases (roles.py), grammar (rules.py, appointments.py), merged per
person (extract.py). The registry of people across the archive is registry.py.
"""

from newsbot.people.extract import Analysis, Person, Role, analyse, analysis_text

__all__ = ["Analysis", "Person", "Role", "analyse", "analysis_text"]
