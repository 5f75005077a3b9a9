"""Knowledge bases: typed gazetteer entries, their loaders and alias indexes."""

from . import organizations, officials, places, states  # noqa: F401,E402
