"""Evaluation against gold files, by the matching rules of the spec (facts.md, "Matching")."""
