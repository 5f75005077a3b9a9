"""Knowledge bases: typed gazetteer entries, their loaders and alias indexes."""

from . import organizations, officials, places, states, user  # noqa: F401,E402
