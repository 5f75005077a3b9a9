"""Archives at scale: readers, writers, progress and the batch run behind `newsie extract`."""
