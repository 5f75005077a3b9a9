"""newsie's spaCy pipeline components, one module each."""
