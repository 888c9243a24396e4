"""Index: the cross-call tables person, organisation and topic pages are made from."""
