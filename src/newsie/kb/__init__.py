"""Knowledge bases: typed gazetteer entries, their loaders and alias indexes."""

from . import officials, organizations, places, states, user  # noqa: F401
